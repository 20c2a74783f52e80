import { countSentences, type UpdateGap } from './check-update';

/** What an external update must not mention: the issue key, internal service names, severity labels. */
export interface InternalIdentifiers {
  readonly issueKey: string;
  /** Internal names customers do not know (faulty services that are not products). */
  readonly internalNames: readonly string[];
}

const ISSUE_KEY = /\b[A-Z][A-Z0-9_]+-[1-9][0-9]*\b/;
const SEVERITY = /\bsev(erity)?\s*[1-5]\b/i;
const LINK = /https?:\/\/\S+/i;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Reviews an external update: customers want to know whether it is fixed and when it will be, so 1–2
 * sentences without the technical details or internal identifiers staff use.
 */
export function checkExternalUpdate(text: string, identifiers: InternalIdentifiers): UpdateGap[] {
  const gaps: UpdateGap[] = [];
  const sentences = countSentences(text);
  if (sentences === 0) gaps.push({ field: 'external', message: 'Write 1–2 sentences for customers: is it fixed, and if not, when will it be.' });
  if (sentences > 2) gaps.push({ field: 'external', message: `Keep it short and sweet: ${sentences} sentences, customers need 1–2.` });
  const key = ISSUE_KEY.exec(text)?.[0];
  if (key !== undefined) gaps.push({ field: 'external', message: `Remove the internal identifier ${key}: customers cannot look it up.` });
  if (SEVERITY.test(text)) gaps.push({ field: 'external', message: 'Remove the severity level: it is an internal label.' });
  if (LINK.test(text)) gaps.push({ field: 'external', message: 'Remove links: the status page is where customers follow the incident.' });
  for (const name of identifiers.internalNames) {
    if (name.trim() !== '' && new RegExp(`\\b${escape(name.trim())}\\b`, 'i').test(text)) {
      gaps.push({ field: 'external', message: `Remove the internal service name "${name}": say which product is affected instead.` });
    }
  }
  return gaps;
}
