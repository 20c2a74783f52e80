import { emptyUpdateDraft, type UpdateDraft } from './update-draft';

type Key = 'customerImpact' | 'internal' | 'external' | 'rootCause' | 'eta' | 'nextUpdate';

const KEY_NAMES: ReadonlyArray<[RegExp, Key]> = [
  [/^(customer impact|impact on customers|impact)$/i, 'customerImpact'],
  [/^(internal customers affected|affected internal customers|internal customers)$/i, 'internal'],
  [/^(external customers affected|affected external customers|external customers)$/i, 'external'],
  [/^root cause$/i, 'rootCause'],
  [/^(eta|eta for restoration)$/i, 'eta'],
  [/^next update$/i, 'nextUpdate'],
];

const BULLET = /^\s*(?:[-*•‣◦]|\d+[.)])\s+(.*)$/;
const HEADING = /^\s*(?:#+\s*)?(?:\*\*|__)?\s*(current status|next steps)\s*:?\s*(?:\*\*|__)?\s*:?\s*$/i;
const KEY_LINE = /^\s*(?:\*\*|__)?([a-z][a-z ]*?)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(.*)$/i;
// The handbook's subject convention, "<KEY> - Sev <n> - <summary>", often pasted along with the body.
const SUBJECT = /^\s*[A-Z][A-Z0-9_]+-[1-9][0-9]*\s+-\s+.+\s+-\s+.+$/;

function keyOf(line: string): { key: Key; value: string } | undefined {
  const match = KEY_LINE.exec(line);
  if (match === null) return undefined;
  const [, name = '', value = ''] = match;
  const entry = KEY_NAMES.find(([pattern]) => pattern.test(name.trim()));
  return entry === undefined ? undefined : { key: entry[1], value: value.trim() };
}

/** Splits "11:30 UTC via email and Statuspage" into when and where; the first " via ", " on " or " in " separates them. */
export function splitNextUpdate(value: string): UpdateDraft['nextUpdate'] {
  const text = value.trim();
  if (text === '') return {};
  const leadingVia = /^via\s+(.+)$/i.exec(text);
  if (leadingVia?.[1] !== undefined) return { where: leadingVia[1].trim() };
  const match = /\s+(?:via|on|in)\s+/i.exec(text);
  if (match === null) return { at: text };
  return { at: text.slice(0, match.index).trim(), where: text.slice(match.index + match[0].length).trim() };
}

function setKey(draft: UpdateDraft, key: Key, value: string): void {
  if (value === '') return;
  if (key === 'internal' || key === 'external') draft.affectedCustomers = { ...draft.affectedCustomers, [key]: value };
  else if (key === 'nextUpdate') draft.nextUpdate = splitNextUpdate(value);
  else draft[key] = value;
}

const hasKey = (draft: UpdateDraft, key: Key): boolean => {
  if (key === 'internal' || key === 'external') return draft.affectedCustomers[key] !== undefined;
  if (key === 'nextUpdate') return draft.nextUpdate.at !== undefined || draft.nextUpdate.where !== undefined;
  return draft[key] !== undefined;
};

/**
 * Reads a pasted plain-text update into a draft: the text before the first heading or fact line is the
 * opening; lines under "Current Status" and "Next Steps" are bullets (indented lines continue the one
 * above); lines such as "Root cause: …", "ETA: …", "Next update: … via …" fill the checklist's answers.
 * A bulleted fact line inside a section counts both as a bullet and as that fact. Anything else, such
 * as a sign-off, is left out.
 */
export function parseUpdateText(text: string): UpdateDraft {
  const draft = emptyUpdateDraft();
  const opening: string[] = [];
  let section: 'opening' | 'currentStatus' | 'nextSteps' | 'none' = 'opening';
  let seenContent = false;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') continue;
    if (!seenContent && SUBJECT.test(line)) {
      seenContent = true;
      continue;
    }
    seenContent = true;
    const heading = HEADING.exec(line);
    if (heading?.[1] !== undefined) {
      section = heading[1].toLowerCase() === 'current status' ? 'currentStatus' : 'nextSteps';
      continue;
    }
    const bullet = BULLET.exec(line);
    const fact = keyOf(bullet?.[1] ?? line);
    if (section === 'currentStatus' || section === 'nextSteps') {
      const items = draft[section];
      if (bullet?.[1] !== undefined) {
        items.push(bullet[1].trim());
        if (fact !== undefined && !hasKey(draft, fact.key)) setKey(draft, fact.key, fact.value);
        continue;
      }
      if (fact !== undefined) {
        setKey(draft, fact.key, fact.value);
        section = 'none';
        continue;
      }
      const last = items.length - 1;
      if (/^\s/.test(line) && last >= 0) items[last] = `${items[last]} ${line.trim()}`;
      else items.push(line.trim());
      continue;
    }
    if (fact !== undefined) {
      setKey(draft, fact.key, fact.value);
      section = 'none';
      continue;
    }
    if (section === 'opening') opening.push(line.trim());
  }
  draft.opening = opening.join(' ');
  return draft;
}
