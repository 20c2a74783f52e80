/** One typed call of the gadget's resolver through the UI Kit bridge; every resolver answers a ResolverResult. */
import { invoke } from '@forge/bridge';
import type { ResolverResult } from '../../../src/contracts/resolver-result';

export async function callResolver<T>(key: string, payload: Record<string, unknown>): Promise<ResolverResult<T>> {
  return (await invoke(key, payload)) as ResolverResult<T>;
}
