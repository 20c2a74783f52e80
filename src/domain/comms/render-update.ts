import type { UpdateDraft } from './update-draft';

/** The plain-text form of the update's next-update line, e.g. "11:30 UTC via email and Statuspage". */
export function describeNextUpdate(nextUpdate: UpdateDraft['nextUpdate']): string | undefined {
  const at = nextUpdate.at?.trim() ?? '';
  const where = nextUpdate.where?.trim() ?? '';
  if (at === '' && where === '') return undefined;
  if (where === '') return at;
  if (at === '') return `via ${where}`;
  return `${at} via ${where}`;
}

/** Renders a draft as the plain-text update people read (and parseUpdateText reads back). */
export function renderUpdate(draft: UpdateDraft): string {
  const sections: string[] = [];
  if (draft.opening.trim() !== '') sections.push(draft.opening.trim());
  const list = (heading: string, items: readonly string[]): void => {
    const bullets = items.map((item) => item.trim()).filter((item) => item !== '');
    if (bullets.length > 0) sections.push([heading, ...bullets.map((item) => `- ${item}`)].join('\n'));
  };
  list('Current Status', draft.currentStatus);
  list('Next Steps', draft.nextSteps);
  const facts: Array<[string, string | undefined]> = [
    ['Customer impact', draft.customerImpact],
    ['Internal customers affected', draft.affectedCustomers.internal],
    ['External customers affected', draft.affectedCustomers.external],
    ['Root cause', draft.rootCause],
    ['ETA', draft.eta],
    ['Next update', describeNextUpdate(draft.nextUpdate)],
  ];
  const lines = facts.filter(([, value]) => value !== undefined && value.trim() !== '').map(([label, value]) => `${label}: ${value?.trim()}`);
  if (lines.length > 0) sections.push(lines.join('\n'));
  return sections.join('\n\n');
}
