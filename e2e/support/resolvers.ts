/** Calling the app's resolvers directly on the local site, as a given demo user (test set-up that is not what the test is about). */
import assert from 'node:assert/strict';
import type { Site } from '../../emulator/site';

export function accountIdOf(site: Site, email: string): string {
  const user = site.jira.users().find((candidate) => candidate.emailAddress === email);
  assert.ok(user !== undefined, `the local site has ${email}`);
  return user.accountId;
}

export async function invokeAs<T>(site: Site, moduleKey: string, functionKey: string, email: string, payload: unknown): Promise<T> {
  const result = (await site.forge.invokeResolver({ moduleKey, functionKey, accountId: accountIdOf(site, email), payload })) as { ok: boolean; value?: T; error?: unknown };
  assert.ok(result.ok, `${functionKey} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}
