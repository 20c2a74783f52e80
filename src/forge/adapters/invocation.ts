import { getAppContext } from '@forge/api';
import type { Clock } from '../../app/ports';

/** Time from the runtime's clock (the local site moves it on), sleeping on real timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** What each kind of invocation may take on Forge, when the runtime does not say. */
export const INVOCATION_LIMIT_MS = { event: 25_000, resolver: 25_000, webTrigger: 55_000, scheduled: 900_000, consumer: 900_000 } as const;

/** Kept back from the invocation's time to record what happened after the last retry. */
const RESERVE_MS = 5_000;

/**
 * The epoch ms by which this invocation should have finished its remote calls: the runtime's
 * remaining time when it reports it, the module kind's limit otherwise, less a reserve for
 * recording results.
 */
export function invocationDeadline(limitMs: number, clock: Clock = systemClock): number {
  let remaining = limitMs;
  try {
    const reported = getAppContext().invocationRemainingTimeInMillis();
    if (Number.isFinite(reported) && reported > 0) remaining = Math.min(reported, limitMs);
  } catch {
    // Outside a Forge invocation (a script, a test) there is no runtime to ask.
  }
  return clock.now() + Math.max(1_000, remaining - RESERVE_MS);
}
