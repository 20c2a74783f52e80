import { duration, fromLocalInput, toLocalInput, utcMinute } from './format';

describe('panel formats', () => {
  it('writes instants to the minute in UTC', () => {
    expect(utcMinute('2026-03-02T09:10:42.000Z')).toBe('2026-03-02 09:10 UTC');
  });

  it('writes durations in minutes, then hours and minutes', () => {
    expect(duration(45 * 60_000)).toBe('45m');
    expect(duration(245 * 60_000)).toBe('4h 05m');
  });

  it('turns a local date-time input into the same instant and back', () => {
    const iso = '2026-03-02T09:10:00.000Z';
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    expect(fromLocalInput('')).toBeUndefined();
  });
});
