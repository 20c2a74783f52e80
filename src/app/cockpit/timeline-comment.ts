import { doc, mention, p, strong, text } from '@atlaskit/adf-utils/builders';
import { formatUtcMinute } from '../../domain/time';
import type { TimelineEntry } from '../../domain/timeline';
import type { AdfDocument } from '../ports';

const KIND_NAMES: Readonly<Record<TimelineEntry['kind'], string>> = {
  observation: 'Observation',
  theory: 'Theory',
  experiment: 'Experiment',
  decision: 'Decision',
  change: 'Change',
  note: 'Timeline note',
};

/** How a timeline entry's kind is named for people. */
export function timelineKindName(kind: TimelineEntry['kind']): string {
  return KIND_NAMES[kind];
}

/** One line for people: what the entry says, without who or when. */
export function timelineEntryText(entry: TimelineEntry, nameOf: NameOf): string {
  switch (entry.kind) {
    case 'experiment':
      return `${entry.text} (outcome: ${entry.outcome})`;
    case 'change':
      return `${entry.what} (made by ${nameOf(entry.who) ?? entry.who}; revert: ${entry.revert ?? 'no plan recorded'})`;
    default:
      return entry.text;
  }
}

/** A person's name, or undefined when the cockpit does not know it. */
export type NameOf = (accountId: string) => string | undefined;

// A mention shows the person's current name in Jira, whatever the cockpit knew of it.
const person = (accountId: string, nameOf: NameOf) => mention({ id: accountId, text: `@${nameOf(accountId) ?? accountId}` });

/**
 * The issue comment that mirrors a timeline entry, so Jira keeps the record even without the app:
 * kind, who recorded it and when, then the entry; a change spells out what, who, when and how to revert.
 */
export function timelineComment(entry: TimelineEntry, nameOf: NameOf, theoryText?: string): AdfDocument {
  // Without a name the comment's own author (who recorded it, as the comment is made as them) says it.
  const heading =
    nameOf(entry.by) === undefined
      ? p(strong(KIND_NAMES[entry.kind]), text(` · ${formatUtcMinute(entry.at)}`))
      : p(strong(KIND_NAMES[entry.kind]), text(` · ${formatUtcMinute(entry.at)} · recorded by `), person(entry.by, nameOf));
  switch (entry.kind) {
    case 'change':
      return doc(
        heading,
        p(strong('What: '), text(entry.what)),
        p(strong('Who: '), person(entry.who, nameOf)),
        p(strong('When: '), text(formatUtcMinute(entry.at))),
        p(strong('How to revert: '), text(entry.revert ?? 'no plan recorded')),
      ) as AdfDocument;
    case 'experiment':
      return doc(
        heading,
        p(text(entry.text)),
        ...(theoryText === undefined ? [] : [p(strong('Tests theory: '), text(theoryText))]),
        p(strong('Outcome: '), text(entry.concludedAt === undefined ? entry.outcome : `${entry.outcome} at ${formatUtcMinute(entry.concludedAt)}`)),
      ) as AdfDocument;
    default:
      return doc(heading, p(text(entry.text))) as AdfDocument;
  }
}

/** The comment recording an experiment's outcome after the fact. */
export function experimentOutcomeComment(input: { experiment: string; outcome: string; at: number; by: string }, nameOf: NameOf): AdfDocument {
  return doc(
    p(strong('Experiment concluded'), text(` · ${formatUtcMinute(input.at)} · recorded by `), person(input.by, nameOf)),
    p(text(input.experiment)),
    p(strong('Outcome: '), text(input.outcome)),
  ) as AdfDocument;
}
