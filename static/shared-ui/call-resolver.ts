/** The one way the Custom UI reaches the backend: `invoke` from @forge/bridge, answered with a checked ResolverResult. */
import { invoke } from '@forge/bridge';
import type * as z from 'zod/mini';
import type { ResolverResult } from '../../src/contracts/resolver-result';
import { readResolverResult, unavailable } from './resolver-result';

/** Calls resolver `key` with `payload`; a failed call (network, timeout, no resolver) becomes an "unavailable" failure. */
export async function callResolver<T>(key: string, payload: object, schema: z.ZodMiniType<T>): Promise<ResolverResult<T>> {
  let raw: unknown;
  try {
    raw = await invoke<unknown>(key, { ...payload });
  } catch (error) {
    const detail = error instanceof Error && error.message !== '' ? error.message : 'no answer';
    return unavailable(`The app could not be reached (${detail}).`);
  }
  return readResolverResult(raw, schema);
}
