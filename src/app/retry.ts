import { RemoteCallError } from './errors';
import type { Clock } from './ports';

/** How long an invocation may keep retrying: until `deadline` (epoch ms), at most `maxAttempts` tries. */
export interface RetryPolicy {
  readonly clock: Clock;
  readonly deadline: number;
  readonly maxAttempts?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
}

const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_BASE_DELAY_MS = 250;
const DEFAULT_MAX_DELAY_MS = 8_000;

/**
 * Runs `operation`, retrying a retryable RemoteCallError (throttled, unavailable, unanswered) with exponential
 * backoff, or after the server's Retry-After when it gave one. Gives up with the last error when a
 * wait would pass the deadline, because a page that cannot be sent in this invocation must be
 * recorded as failed while there is still time to record it.
 */
export async function withRetry<T>(operation: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  const maxAttempts = policy.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const base = policy.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const cap = policy.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      if (!(error instanceof RemoteCallError) || !error.retryable || attempt >= maxAttempts) throw error;
      const delay = error.retryAfterMs ?? Math.min(cap, base * 2 ** (attempt - 1));
      if (policy.clock.now() + delay > policy.deadline) throw error;
      await policy.clock.sleep(delay);
    }
  }
}

/** Reads an HTTP Retry-After header (seconds or an HTTP date) as milliseconds from `now`. */
export function retryAfterMs(header: string | null | undefined, now: number): number | undefined {
  if (header === null || header === undefined || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
