import { ValidationError } from '../errors';
import { validateImpactEnd } from './resolution';

const at = (iso: string) => Date.parse(iso);
const NOW = at('2026-03-02T12:00:00Z');

describe('the impact end given when resolving', () => {
  it('is accepted between the detection and now', () => {
    expect(validateImpactEnd(at('2026-03-02T11:30:00Z'), { impactStart: at('2026-03-02T10:00:00Z'), detected: at('2026-03-02T10:05:00Z') }, NOW)).toBe(at('2026-03-02T11:30:00Z'));
  });

  it('is refused before the impact started, naming both times', () => {
    expect(() => validateImpactEnd(at('2026-03-02T09:59:00Z'), { impactStart: at('2026-03-02T10:00:00Z') }, NOW)).toThrow(
      new ValidationError('impactEnd', 'must not be before the impact started (2026-03-02 09:59 UTC is before 2026-03-02 10:00 UTC)'),
    );
  });

  it('is refused before the incident was detected', () => {
    expect(() => validateImpactEnd(at('2026-03-02T10:04:00Z'), { impactStart: at('2026-03-02T10:00:00Z'), detected: at('2026-03-02T10:05:00Z') }, NOW)).toThrow(/before the incident was detected/);
  });

  it('is refused in the future beyond the clock skew, and allowed within it', () => {
    expect(() => validateImpactEnd(NOW + 10 * 60_000, {}, NOW)).toThrow(/must not be in the future/);
    expect(validateImpactEnd(NOW + 60_000, {}, NOW)).toBe(NOW + 60_000);
  });
});
