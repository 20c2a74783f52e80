import type { UpdateDraft } from './update-draft';

/** The part of a draft a gap is about. */
export type UpdateField =
  | 'opening'
  | 'currentStatus'
  | 'nextSteps'
  | 'customerImpact'
  | 'affectedCustomers.internal'
  | 'affectedCustomers.external'
  | 'rootCause'
  | 'eta'
  | 'nextUpdate.at'
  | 'nextUpdate.where'
  | 'internal'
  | 'external';

/** Something the update still has to say, in words the writer can act on. */
export interface UpdateGap {
  readonly field: UpdateField;
  readonly message: string;
}

/** The completeness check's verdict on a draft. */
export interface UpdateCheck {
  readonly complete: boolean;
  readonly gaps: readonly UpdateGap[];
}

// Writers fill a field with a placeholder to silence a form; the handbook asks for an explicit unknown instead.
const PLACEHOLDER = /^(tbd|tbc|tba|\?+|-+|n\/?a|\.{3}|…)$/i;

// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS = /\b(e\.g|i\.e|etc|vs|approx|incl)\./gi;

/** Counts sentences the way a reader would: runs of text ended by ., ! or ?, or by the end of the text. */
export function countSentences(text: string): number {
  const cleaned = text.replace(ABBREVIATIONS, (match) => match.replace(/\./g, '')).trim();
  if (cleaned === '') return 0;
  return cleaned.split(/(?<=[.!?])\s+/).filter((part) => part.trim() !== '').length;
}

const bulletCount = (bullets: readonly string[]): number => bullets.filter((bullet) => bullet.trim() !== '').length;

function statement(value: string | undefined, field: UpdateField, ask: string): UpdateGap[] {
  const text = value?.trim() ?? '';
  if (text === '') return [{ field, message: ask }];
  if (PLACEHOLDER.test(text)) return [{ field, message: `"${text}" is a placeholder: ${ask.charAt(0).toLowerCase()}${ask.slice(1)}` }];
  return [];
}

function bullets(list: readonly string[], field: UpdateField, heading: string): UpdateGap[] {
  const count = bulletCount(list);
  if (count < 2) return [{ field, message: `Add a "${heading}" section with 2–4 bullet points (it has ${count}).` }];
  if (count > 4) return [{ field, message: `Trim "${heading}" to 2–4 bullet points (it has ${count}).` }];
  return [];
}

/** Reviews an internal update against the handbook's pattern and completeness checklist; every gap gets a message. */
export function checkUpdate(draft: UpdateDraft): UpdateCheck {
  const sentences = countSentences(draft.opening);
  const gaps: UpdateGap[] = [
    ...(sentences === 0 ? [{ field: 'opening' as const, message: 'Open with a 1–2 sentence summary of the current state and impact.' }] : []),
    ...(sentences > 2
      ? [{ field: 'opening' as const, message: `The opening has ${sentences} sentences; keep it to 1–2 on the current state and impact.` }]
      : []),
    ...bullets(draft.currentStatus, 'currentStatus', 'Current Status'),
    ...bullets(draft.nextSteps, 'nextSteps', 'Next Steps'),
    ...statement(draft.customerImpact, 'customerImpact', 'Say what the actual impact on customers is.'),
    ...statement(
      draft.affectedCustomers.internal,
      'affectedCustomers.internal',
      'Say how many internal customers are affected, or that the number is not known yet.',
    ),
    ...statement(
      draft.affectedCustomers.external,
      'affectedCustomers.external',
      'Say how many external customers are affected, or that the number is not known yet.',
    ),
    ...statement(draft.rootCause, 'rootCause', 'State the root cause, or say explicitly that it is currently unknown.'),
    ...statement(draft.eta, 'eta', 'Give an ETA for restoration, or say explicitly that there is no ETA yet.'),
    ...statement(draft.nextUpdate.at, 'nextUpdate.at', 'Say when the next update will be sent.'),
    ...statement(draft.nextUpdate.where, 'nextUpdate.where', 'Say where the next update will be sent, e.g. email and Statuspage.'),
  ];
  return { complete: gaps.length === 0, gaps };
}
