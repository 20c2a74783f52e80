import { faultConfigSchema, FaultInjector } from './faults';

describe('FaultInjector', () => {
  it('answers nothing special when no fault is configured', () => {
    const faults = new FaultInjector();
    expect(faults.decide('jira')).toEqual({ kind: 'none' });
    expect(faults.duplicateEvents).toBe(false);
  });

  it('makes the same choices for the same seed', () => {
    const rolls = (seed: number) => {
      const faults = new FaultInjector();
      faults.configure({ seed, jira: { rate429: 0.3, rate5xx: 0.3 } });
      return Array.from({ length: 20 }, () => faults.decide('jira').kind);
    };
    expect(rolls(7)).toEqual(rolls(7));
    expect(new Set(rolls(7))).toEqual(new Set(['none', 'rate-limited', 'server-error']));
  });

  it('always rate-limits at rate 1 and tells how long to wait', () => {
    const faults = new FaultInjector();
    faults.configure({ egress: { rate429: 1 }, retryAfterSeconds: 3 });
    expect(faults.decide('egress')).toEqual({ kind: 'rate-limited', retryAfterSeconds: 3 });
    expect(faults.decide('jira')).toEqual({ kind: 'none' });
  });

  it('loses every answer at a lost-response rate of 1, and only for that target', () => {
    const faults = new FaultInjector();
    faults.configure({ jira: { rateLostResponse: 1 } });
    expect(faults.decide('jira')).toEqual({ kind: 'lost-response' });
    expect(faults.decide('egress')).toEqual({ kind: 'none' });
  });

  it('rejects rates outside 0..1 and unknown keys', () => {
    expect(faultConfigSchema.safeParse({ jira: { rate429: 2 } }).success).toBe(false);
    expect(faultConfigSchema.safeParse({ latency: 5 }).success).toBe(false);
    expect(faultConfigSchema.safeParse({}).success).toBe(true);
  });
});
