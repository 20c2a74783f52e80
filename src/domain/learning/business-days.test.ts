import { businessDaysAfter, dueInstant } from './business-days';

describe('business days', () => {
  it('skips the weekend: five business days after a Friday is the next Friday', () => {
    expect(businessDaysAfter(Date.parse('2026-03-06T15:00:00Z'), 5)).toBe('2026-03-13');
  });

  it('counts from a Saturday as from the weekend: one business day later is Monday', () => {
    expect(businessDaysAfter(Date.parse('2026-03-07T10:00:00Z'), 1)).toBe('2026-03-09');
  });

  it('zero days is the same day', () => {
    expect(businessDaysAfter(Date.parse('2026-03-04T23:59:00Z'), 0)).toBe('2026-03-04');
  });

  it('refuses a negative or fractional count', () => {
    expect(() => businessDaysAfter(0, -1)).toThrow(/whole number/);
    expect(() => businessDaysAfter(0, 1.5)).toThrow(/whole number/);
  });

  it('a due date falls due at the start of its day, UTC', () => {
    expect(dueInstant('2026-03-13')).toBe(Date.parse('2026-03-13T00:00:00Z'));
    expect(() => dueInstant('next week')).toThrow(/is not a date/);
  });
});
