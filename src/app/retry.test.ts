import { RemoteCallError } from './errors';
import { retryAfterMs, withRetry } from './retry';
import { ManualClock } from './testing/manual-clock';

const throttled = (retryAfter?: number): RemoteCallError => new RemoteCallError('jira', 'GET /issue', 429, 'Too many requests', retryAfter);
const broken = (): RemoteCallError => new RemoteCallError('slack', 'chat.postMessage', 500, 'Internal error');

describe('withRetry', () => {
  it('retries a 429 after the Retry-After the server asked for, then succeeds', async () => {
    const clock = new ManualClock(0);
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls += 1;
        if (calls === 1) throw throttled(3_000);
        return 'sent';
      },
      { clock, deadline: 20_000 },
    );
    expect(result).toBe('sent');
    expect(clock.sleeps).toEqual([3_000]);
  });

  it('backs off exponentially on 5xx answers', async () => {
    const clock = new ManualClock(0);
    let calls = 0;
    await withRetry(
      async () => {
        calls += 1;
        if (calls < 4) throw broken();
        return calls;
      },
      { clock, deadline: 60_000, baseDelayMs: 100 },
    );
    expect(clock.sleeps).toEqual([100, 200, 400]);
  });

  it('gives up with the last error when waiting would pass the deadline', async () => {
    const clock = new ManualClock(0);
    await expect(
      withRetry(
        async () => {
          throw throttled(30_000);
        },
        { clock, deadline: 10_000 },
      ),
    ).rejects.toThrow('jira GET /issue failed (429)');
    expect(clock.sleeps).toEqual([]);
  });

  it('does not retry a refusal such as 400 or 403', async () => {
    const clock = new ManualClock(0);
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw new RemoteCallError('pagerduty', 'enqueue', 400, 'Invalid routing key');
        },
        { clock, deadline: 60_000 },
      ),
    ).rejects.toThrow('Invalid routing key');
    expect(calls).toBe(1);
  });

  it('stops after the maximum number of attempts', async () => {
    const clock = new ManualClock(0);
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw broken();
        },
        { clock, deadline: 600_000, maxAttempts: 3 },
      ),
    ).rejects.toBeInstanceOf(RemoteCallError);
    expect(calls).toBe(3);
  });

  it('passes errors that are not remote failures straight through', async () => {
    const clock = new ManualClock(0);
    await expect(withRetry(async () => Promise.reject(new TypeError('bug')), { clock, deadline: 60_000 })).rejects.toBeInstanceOf(TypeError);
    expect(clock.sleeps).toEqual([]);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, and ignores what it cannot read', () => {
    const now = Date.parse('2024-05-01T10:00:00Z');
    expect(retryAfterMs('2', now)).toBe(2_000);
    expect(retryAfterMs('Wed, 01 May 2024 10:00:05 GMT', now)).toBe(5_000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});
