import { z } from 'zod';
import type { SearchPeopleResult } from '../../contracts/cockpit';
import { parseWith } from '../../domain/parse-input';
import type { CockpitCaller, CockpitDeps } from './ports';

const querySchema = z.string().trim().min(1, 'type at least one character').max(100, 'must be at most 100 characters');
const MAX_PEOPLE = 20;

/** People who may be assigned the incident, by name or email: the candidates for a role or a handover. */
export async function searchPeople(deps: CockpitDeps, caller: CockpitCaller, input: { query: string }): Promise<SearchPeopleResult> {
  const query = parseWith(querySchema, input.query, 'query');
  const people = await deps.issues.searchAssignable(caller.issueKey, query);
  return { people: people.slice(0, MAX_PEOPLE).map((person) => ({ accountId: person.accountId, displayName: person.displayName })) };
}
