/**
 * What one running handler invocation knows about itself. Concurrent invocations each carry their
 * own scope through AsyncLocalStorage, so the global seams can tell whose call they are serving.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export type InvocationTrigger = 'resolver' | 'event' | 'postFunction' | 'workflowValidator' | 'scheduled' | 'webtrigger' | 'lifecycle' | 'consumer';
export type RemoteCallKind = 'jira' | 'kvs' | 'egress' | 'email' | 'queue' | 'sql';

export interface RemoteCall {
  kind: RemoteCallKind;
  method: string;
  path: string;
  status: number;
  startedAt: string;
  durationMs: number;
}

/** A remote call with monotonic start and end times, used to find calls that waited on each other. */
export interface TimedRemoteCall extends RemoteCall {
  startMono: number;
  endMono: number;
}

/** The platform side of the global seams, implemented by the site that runs the invocation. */
export interface InvocationSeams {
  forgeFetch(scope: InvocationScope, descriptor: unknown, path: string, init: RequestInit | undefined): Promise<Response>;
  egressFetch(scope: InvocationScope, request: Request): Promise<Response>;
  runtime(scope: InvocationScope): ForgeRuntime;
}

export interface InvocationScope {
  seams: InvocationSeams;
  invocationId: string;
  moduleKey: string;
  functionKey: string;
  trigger: InvocationTrigger;
  accountId: string | undefined;
  startMono: number;
  deadlineMono: number;
  /** Set once the time limit passed: the platform has given up on this invocation. */
  expired: boolean;
  calls: TimedRemoteCall[];
}

/** The shape `@forge/api` and `@forge/kvs` read from `globalThis.__forge_runtime__`. */
export interface ForgeRuntime {
  appContext: {
    appId: string;
    appVersion: string;
    environmentId: string;
    environmentType: string;
    invocationId: string;
    installationId: string;
    moduleKey: string;
    license?: { isActive: boolean };
    installation?: unknown;
    permissions: { scopes: string[]; external: { fetch: { backend: string[] } } };
  };
  contextAri: string;
  lambdaContext: { getRemainingTimeInMillis: () => number };
  proxy: { token: string; url: string };
  tracing: { traceId: string; spanId: string };
  metrics: ForgeMetrics;
  externalAuth: never[];
}

export interface ForgeMetrics {
  counter(name: string, tags?: Record<string, string>): { incr(): void; decr(): void };
  timing(name: string, tags?: Record<string, string>): { measure(): { stop(tags?: Record<string, string>): void } };
  gauge(name: string, tags?: Record<string, string>): { set(value: number): void };
}

export const invocationStorage = new AsyncLocalStorage<InvocationScope>();

export function currentScope(): InvocationScope | undefined {
  return invocationStorage.getStore();
}
