import { ValidationError } from './errors';
import { thrownBy } from './testing/thrown-by';
import { formatInstant, formatUtcMinute, parseInstant } from './time';

describe('instants', () => {
  it('reads an ISO-8601 string with an offset as the same instant in epoch milliseconds', () => {
    expect(parseInstant('2024-05-01T12:00:00+02:00', 'at')).toBe(Date.parse('2024-05-01T10:00:00Z'));
    expect(parseInstant('2024-05-01T10:00:00.250Z', 'at')).toBe(Date.parse('2024-05-01T10:00:00Z') + 250);
  });

  it('refuses a date-time without an offset, naming the field', () => {
    expect(thrownBy(() => parseInstant('2024-05-01T10:00:00', 'impactTimes.detected'))).toMatchObject({
      name: 'ValidationError',
      field: 'impactTimes.detected',
      reason: 'must be an ISO-8601 date-time with an offset, e.g. 2024-05-01T10:00:00Z',
    });
  });

  it('refuses a number where an ISO string is expected', () => {
    expect(() => parseInstant(1714557600000, 'at')).toThrow(ValidationError);
  });

  it('says a missing instant is required', () => {
    expect(() => parseInstant(undefined, 'at')).toThrow('at: is required');
  });

  it('formats instants as UTC for the boundary and for people', () => {
    const ms = Date.parse('2024-05-01T12:05:30+02:00');
    expect(formatInstant(ms)).toBe('2024-05-01T10:05:30.000Z');
    expect(formatUtcMinute(ms)).toBe('2024-05-01 10:05 UTC');
  });
});
