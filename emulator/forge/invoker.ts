/**
 * Runs one handler invocation the way Forge does: inside its own scope (user, module, remote-call
 * log), under the time limit of its kind, recorded in the invocation log when it ends.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { SiteClock } from '../clock';
import { longestSequentialChain } from './call-chain';
import { InvocationLog, type InvocationRecord } from './invocation-log';
import { invocationStorage, type InvocationScope, type InvocationSeams, type InvocationTrigger } from './invocation-scope';

/** Forge's limits, in seconds, before `timeLimitScale`. */
export const timeLimitsSeconds = { resolver: 25, event: 25, postFunction: 25, workflowValidator: 25, lifecycle: 25, webtrigger: 55, scheduledDefault: 55, scheduledMax: 900, consumerDefault: 55, consumerMax: 900 } as const;

/** What the platform reports when a function runs past its limit. */
export class FunctionTimeoutError extends Error {
  override readonly name = 'FUNCTION_TIME_OUT';
  readonly code = 'FUNCTION_TIME_OUT';
  constructor(readonly limitMs: number) {
    super(`Function timed out after ${(limitMs / 1000).toFixed(limitMs < 1000 ? 3 : 0)} seconds (FUNCTION_TIME_OUT)`);
  }
}

export interface InvocationSpec {
  moduleKey: string;
  /** Recorded as the invocation's function: the resolver definition key, or the manifest function key. */
  functionKey: string;
  trigger: InvocationTrigger;
  accountId?: string | undefined;
  limitMs: number;
  /** Names a normal return that the platform treats as a failure (an `InvocationError` asking for a retry). */
  classify?: (value: unknown) => string | undefined;
}

export type InvocationResult<T> =
  | { outcome: 'ok'; value: T; record: InvocationRecord }
  | { outcome: 'error'; error: unknown; record: InvocationRecord }
  | { outcome: 'timeout'; error: FunctionTimeoutError; record: InvocationRecord };

export class Invoker {
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly deps: { seams: InvocationSeams; clock: SiteClock; log: InvocationLog },
  ) {}

  /** Runs `body` as an invocation; never throws, the result says how it ended. */
  run<T>(spec: InvocationSpec, body: () => Promise<T> | T): Promise<InvocationResult<T>> {
    const promise = this.execute(spec, body);
    this.running.add(promise);
    void promise.finally(() => this.running.delete(promise));
    return promise;
  }

  /** Resolves when every invocation running now has ended. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  get busy(): boolean {
    return this.running.size > 0;
  }

  private async execute<T>(spec: InvocationSpec, body: () => Promise<T> | T): Promise<InvocationResult<T>> {
    const startMono = performance.now();
    const startedAt = this.deps.clock.nowIso();
    const scope: InvocationScope = {
      seams: this.deps.seams,
      invocationId: randomUUID(),
      moduleKey: spec.moduleKey,
      functionKey: spec.functionKey,
      trigger: spec.trigger,
      accountId: spec.accountId,
      startMono,
      deadlineMono: startMono + spec.limitMs,
      expired: false,
      calls: [],
    };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<{ kind: 'timeout' }>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'timeout' }), spec.limitMs);
    });
    const work = invocationStorage
      .run(scope, async () => body())
      .then(
        (value) => ({ kind: 'ok' as const, value }),
        (error: unknown) => ({ kind: 'error' as const, error }),
      );
    const settled = await Promise.race([work, timeout]);
    clearTimeout(timer);
    if (settled.kind === 'timeout') scope.expired = true;
    const outcome =
      settled.kind === 'ok' ? (spec.classify?.(settled.value) ?? 'ok') : settled.kind === 'timeout' ? 'timeout' : `error: ${describeError(settled.error)}`;
    const record = this.deps.log.append({
      invocationId: scope.invocationId,
      moduleKey: spec.moduleKey,
      functionKey: spec.functionKey,
      trigger: spec.trigger,
      ...(spec.accountId === undefined ? {} : { accountId: spec.accountId }),
      startedAt,
      durationMs: Math.round(performance.now() - startMono),
      outcome,
      remoteCalls: scope.calls.map(({ startMono: _s, endMono: _e, ...call }) => call),
      sequentialRemoteCalls: longestSequentialChain(scope.calls),
    });
    if (settled.kind === 'ok') return { outcome: 'ok', value: settled.value, record };
    if (settled.kind === 'error') return { outcome: 'error', error: settled.error, record };
    return { outcome: 'timeout', error: new FunctionTimeoutError(spec.limitMs), record };
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message === '' ? error.name : error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}
