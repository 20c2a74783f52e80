import { delaySecondsUntil, MAX_DELAY_SECONDS } from './forge-job-queue';

describe('how long a job waits on the queue', () => {
  it('waits until its time, rounding up so it never arrives early', () => {
    expect(delaySecondsUntil(10_500, 0)).toBe(11);
  });

  it('waits as long as Forge allows for a job due later, to be pushed on when that ends', () => {
    expect(delaySecondsUntil(3_600_000, 0)).toBe(MAX_DELAY_SECONDS);
  });

  it('does not wait for a job already due', () => {
    expect(delaySecondsUntil(1_000, 5_000)).toBe(0);
  });
});
