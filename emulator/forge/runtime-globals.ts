/**
 * The process-wide seams the real Forge packages call: `globalThis.__forge_fetch__` (requestJira,
 * KVS, sendEmail), `globalThis.__forge_runtime__` (getAppContext, remaining time) and the global
 * `fetch` that `@forge/api`'s `fetch` captures when it loads. Installed when this module is first
 * imported, so the site must be imported before `@forge/api`. Each call is routed to the site
 * whose invocation is running; outside any invocation, `fetch` is the ordinary one.
 */
import { currentScope, type ForgeRuntime } from './invocation-scope';

declare global {
  var __forge_fetch__: ((descriptor: unknown, path: string, init?: RequestInit) => Promise<Response>) | undefined;
  var __forge_runtime__: ForgeRuntime | undefined;
}

const installedMarker = Symbol.for('local-site.forge-seams');

export class NoInvocationError extends Error {
  override readonly name = 'NoInvocationError';
  constructor() {
    super('Forge runtime not found: this call was made outside a Forge function invocation');
  }
}

function installGlobalSeams(): void {
  const global = globalThis as typeof globalThis & { [installedMarker]?: true };
  if (global[installedMarker]) return;
  global[installedMarker] = true;
  const ordinaryFetch = globalThis.fetch.bind(globalThis);

  globalThis.__forge_fetch__ = async (descriptor, path, init) => {
    const scope = currentScope();
    if (!scope) throw new NoInvocationError();
    return scope.seams.forgeFetch(scope, descriptor, path, init);
  };
  Object.defineProperty(globalThis, '__forge_runtime__', {
    configurable: true,
    get: () => {
      const scope = currentScope();
      return scope ? scope.seams.runtime(scope) : undefined;
    },
  });
  globalThis.fetch = async (input, init) => {
    const scope = currentScope();
    if (!scope) return ordinaryFetch(input, init);
    return scope.seams.egressFetch(scope, new Request(input, init));
  };
}

installGlobalSeams();
