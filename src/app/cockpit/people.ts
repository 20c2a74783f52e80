import type { PersonView } from '../../contracts/cockpit';
import type { PersonRecord } from './cockpit-state';
import type { IncidentRecord } from './incident-record';
import type { Person } from './ports';

/** Looks up the names of people on the incident without asking Jira again. */
export interface PeopleDirectory {
  name(accountId: string): string;
  view(accountId: string): PersonView;
  /** Every account id with a known name. */
  known(): string[];
}

/** Names from the issue (assignee, tech leads, communications managers) and from the cockpit's own records. */
export function peopleDirectory(
  record: Pick<IncidentRecord, 'assignee' | 'techLeads' | 'communicationsManagers'>,
  known: ReadonlyMap<string, PersonRecord>,
  extra: readonly Person[] = [],
): PeopleDirectory {
  const names = new Map<string, string>();
  for (const [accountId, person] of known) names.set(accountId, person.displayName);
  for (const person of [...record.techLeads, ...record.communicationsManagers, ...(record.assignee === undefined ? [] : [record.assignee]), ...extra]) {
    names.set(person.accountId, person.displayName);
  }
  const name = (accountId: string): string => names.get(accountId) ?? accountId;
  return { name, view: (accountId) => ({ accountId, displayName: name(accountId) }), known: () => [...names.keys()] };
}
