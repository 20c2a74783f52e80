/** People by account id: searched and named through Jira's user API, as the signed-in admin. */
import { requestJira } from '@forge/bridge';
import { useEffect, useState } from 'react';
import * as z from 'zod/mini';
import type { Person } from '../../shared-ui/people-picker';

export type { Person } from '../../shared-ui/people-picker';

const personSchema = z.object({ accountId: z.string(), displayName: z.string(), active: z.optional(z.boolean()) });
const bulkSchema = z.object({ values: z.array(personSchema) });

const names = new Map<string, string>();
const listeners = new Set<() => void>();

function remember(people: readonly Person[]): void {
  for (const person of people) names.set(person.accountId, person.displayName);
  for (const listener of listeners) listener();
}

/** The name to show for an account: its display name once known, the id until then. */
export function nameOf(accountId: string): string {
  return names.get(accountId) ?? accountId;
}

/** Active people whose name or email starts with `query`. */
export async function searchPeople(query: string): Promise<Person[]> {
  const response = await requestJira(`/rest/api/3/user/search?query=${encodeURIComponent(query)}&maxResults=20`);
  if (!response.ok) return [];
  const parsed = z.array(personSchema).safeParse(await response.json());
  const people = parsed.success ? parsed.data.filter((person) => person.active !== false).map(({ accountId, displayName }) => ({ accountId, displayName })) : [];
  remember(people);
  return people;
}

async function loadNames(accountIds: readonly string[]): Promise<void> {
  const missing = [...new Set(accountIds)].filter((id) => !names.has(id));
  // /user/bulk takes at most 90 ids a request.
  for (let start = 0; start < missing.length; start += 90) {
    const query = missing
      .slice(start, start + 90)
      .map((id) => `accountId=${encodeURIComponent(id)}`)
      .join('&');
    const response = await requestJira(`/rest/api/3/user/bulk?${query}&maxResults=90`).catch(() => undefined);
    if (response === undefined || !response.ok) return;
    const parsed = bulkSchema.safeParse(await response.json());
    if (parsed.success) remember(parsed.data.values);
  }
}

/** Re-renders the caller once the names of `accountIds` are known. */
export function usePeopleNames(accountIds: readonly string[]): (accountId: string) => string {
  const [, setVersion] = useState(0);
  const key = [...new Set(accountIds)].sort().join(',');
  useEffect(() => {
    const listener = () => setVersion((version) => version + 1);
    listeners.add(listener);
    void loadNames(key === '' ? [] : key.split(','));
    return () => {
      listeners.delete(listener);
    };
  }, [key]);
  return nameOf;
}
