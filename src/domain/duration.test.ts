import { formatDuration } from './duration';
import { ValidationError } from './errors';

const MIN = 60_000;

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [45_000, '45s'],
    [12 * MIN, '12m'],
    [65 * MIN, '1h 05m'],
    [4 * 60 * MIN, '4h 00m'],
    [(27 * 60 + 10) * MIN, '1d 03h 10m'],
  ])('formats %d ms as "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('never rounds up: 59m 59s reads as 59m', () => {
    expect(formatDuration(60 * MIN - 1000)).toBe('59m');
  });

  it('refuses negative or non-finite durations', () => {
    expect(() => formatDuration(-1)).toThrow(ValidationError);
    expect(() => formatDuration(Number.NaN)).toThrow('duration: must be a non-negative number of milliseconds');
  });
});
