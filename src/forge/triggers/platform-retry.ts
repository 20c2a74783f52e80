import { InvocationError, InvocationErrorCode } from '@forge/events';
import { RemoteCallError } from '../../app/errors';

/**
 * Runs an event handler's work. When Jira or storage stayed unavailable through our own retries,
 * asks Forge to deliver the event again later (every step is idempotent, so a redelivery only
 * finishes what is missing); unknown errors are rethrown so the invocation is recorded as failed.
 */
export async function withPlatformRetry(describe: string, work: () => Promise<unknown>): Promise<InvocationError | undefined> {
  try {
    await work();
    return undefined;
  } catch (error) {
    if (error instanceof RemoteCallError && error.retryable) {
      console.warn(`${describe}: ${error.message}; asking Forge to retry`);
      return new InvocationError({
        retryAfter: Math.max(1, Math.ceil((error.retryAfterMs ?? 30_000) / 1000)),
        retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
      });
    }
    throw error;
  }
}
