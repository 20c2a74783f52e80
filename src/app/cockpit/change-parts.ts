import type { TimelineEntry } from '../../domain/timeline';
import type { AdfDocument } from '../ports';
import { encode, stateKeys, type StateWrite } from './cockpit-state';
import { directoryOf } from './cockpit-view';
import type { IncidentContext } from './incident-context';
import type { CockpitDeps, Person } from './ports';
import { timelineComment } from './timeline-comment';

/** A timeline entry made by a use case, with its storage write and the comment that mirrors it. */
export interface RecordedEntry {
  readonly entry: TimelineEntry;
  readonly write: StateWrite;
  readonly comment: AdfDocument;
}

/** Records `entry` on the timeline: stored under its own key and mirrored as an issue comment. */
export function recordEntry(context: IncidentContext, entry: TimelineEntry, extraPeople: readonly Person[] = [], theoryText?: string): RecordedEntry {
  const directory = directoryOf(context);
  const nameOf = (accountId: string): string => extraPeople.find((person) => person.accountId === accountId)?.displayName ?? directory.name(accountId);
  return {
    entry,
    write: { kind: 'set', key: stateKeys.timeline(context.caller.issueId, entry.at, entry.id), value: encode.timeline(entry) },
    comment: timelineComment(entry, nameOf, theoryText),
  };
}

/** A note or decision by the caller, now. */
export function noteBy(deps: CockpitDeps, context: IncidentContext, kind: 'note' | 'decision', text: string, extraPeople: readonly Person[] = []): RecordedEntry {
  return recordEntry(context, { kind, id: deps.newId(), at: context.now, by: context.caller.accountId, text: text.slice(0, 4000) }, extraPeople);
}

/** Keeps the names of people the cockpit meets (the caller, a new role holder), so later views need no user look-ups. */
export function personWrites(context: IncidentContext, people: readonly (Person | undefined)[]): StateWrite[] {
  return people.flatMap((person) => {
    if (person === undefined) return [];
    const known = context.state.people.get(person.accountId);
    if (known !== undefined && known.displayName === person.displayName && known.emailAddress === person.emailAddress) return [];
    const record = { displayName: person.displayName, ...(person.emailAddress === undefined ? {} : { emailAddress: person.emailAddress }) };
    return [{ kind: 'set', key: stateKeys.person(context.caller.issueId, person.accountId), value: encode.person(person.accountId, record) } satisfies StateWrite];
  });
}
