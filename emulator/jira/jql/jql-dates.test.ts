import { evaluateDateFunction, parseJqlDate, parsePeriod } from './jql-dates';

const now = Date.UTC(2026, 10, 26, 15, 30); // Thursday 26 Nov 2026, 15:30 UTC
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

describe('JQL periods', () => {
  it('reads signed periods in weeks, days, hours and minutes', () => {
    expect(parsePeriod('-4h')).toBe(-4 * hour);
    expect(parsePeriod('15m')).toBe(15 * minute);
    expect(parsePeriod('4w 2d')).toBe(30 * day);
    expect(parsePeriod('-1w2d')).toBe(-9 * day);
  });

  it('does not take plain numbers or words for periods', () => {
    expect(parsePeriod('4')).toBeUndefined();
    expect(parsePeriod('yesterday')).toBeUndefined();
  });
});

describe('JQL date values', () => {
  it('reads the absolute formats Jira accepts, in UTC', () => {
    expect(parseJqlDate('2026/11/28 14:05', now)).toBe(Date.UTC(2026, 10, 28, 14, 5));
    expect(parseJqlDate('2026-11-28 14:05', now)).toBe(Date.UTC(2026, 10, 28, 14, 5));
    expect(parseJqlDate('2026/11/28', now)).toBe(Date.UTC(2026, 10, 28));
    expect(parseJqlDate('2026-1-5', now)).toBe(Date.UTC(2026, 0, 5));
  });

  it('reads periods relative to now', () => {
    expect(parseJqlDate('-1d', now)).toBe(now - day);
  });

  it('refuses impossible dates', () => {
    expect(parseJqlDate('2026-02-30', now)).toBeUndefined();
    expect(parseJqlDate('28/11/2026', now)).toBeUndefined();
  });
});

describe('JQL date functions', () => {
  it('answers now() with the current instant', () => {
    expect(evaluateDateFunction('now', [], now)).toBe(now);
  });

  it('finds the start and end of the day, week, month and year', () => {
    expect(evaluateDateFunction('startOfDay', [], now)).toBe(Date.UTC(2026, 10, 26));
    expect(evaluateDateFunction('endOfDay', [], now)).toBe(Date.UTC(2026, 10, 27) - 1);
    expect(evaluateDateFunction('startOfWeek', [], now)).toBe(Date.UTC(2026, 10, 22));
    expect(evaluateDateFunction('startOfMonth', [], now)).toBe(Date.UTC(2026, 10, 1));
    expect(evaluateDateFunction('endOfMonth', [], now)).toBe(Date.UTC(2026, 11, 1) - 1);
    expect(evaluateDateFunction('startOfYear', [], now)).toBe(Date.UTC(2026, 0, 1));
  });

  it('shifts by an increment in the function unit or an explicit one', () => {
    expect(evaluateDateFunction('startOfDay', ['-1'], now)).toBe(Date.UTC(2026, 10, 25));
    expect(evaluateDateFunction('startOfDay', ['+2d'], now)).toBe(Date.UTC(2026, 10, 28));
    expect(evaluateDateFunction('startOfMonth', ['-1M'], now)).toBe(Date.UTC(2026, 9, 1));
  });

  it('refuses an increment it cannot read', () => {
    expect(() => evaluateDateFunction('startOfDay', ['soon'], now)).toThrow('can not accept the increment');
  });
});
