import { ValidationError } from './errors';
import {
  encodeImpactTimes,
  impactDuration,
  parseImpactTimes,
  timeToAcknowledge,
  timeToDetect,
  timeToRecover,
  validateImpactTimes,
} from './impact-times';
import { thrownBy } from './testing/thrown-by';

const MIN = 60_000;
const NOW = Date.parse('2024-05-01T12:00:00Z');
const iso = (minutesBeforeNow: number): string => new Date(NOW - minutesBeforeNow * MIN).toISOString();

describe('impact times', () => {
  it('parses the known times and leaves the unknown ones absent', () => {
    const times = parseImpactTimes({ impactStart: iso(120), detected: '2024-05-01T12:10:00+02:00' }, NOW);
    expect(times).toEqual({ impactStart: NOW - 120 * MIN, detected: NOW - 110 * MIN });
    expect(parseImpactTimes({}, NOW)).toEqual({});
  });

  it('round-trips through the ISO boundary form', () => {
    const times = { impactStart: NOW - 90 * MIN, detected: NOW - 80 * MIN, acknowledged: NOW - 75 * MIN, impactEnd: NOW - 5 * MIN };
    expect(encodeImpactTimes(times)).toEqual({
      impactStart: '2024-05-01T10:30:00.000Z',
      detected: '2024-05-01T10:40:00.000Z',
      acknowledged: '2024-05-01T10:45:00.000Z',
      impactEnd: '2024-05-01T11:55:00.000Z',
    });
    expect(parseImpactTimes(encodeImpactTimes(times), NOW)).toEqual(times);
  });

  it('refuses detection before the impact started', () => {
    const error = thrownBy(() => parseImpactTimes({ impactStart: iso(30), detected: iso(40) }, NOW));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      field: 'impactTimes.detected',
      reason: 'must not be before impact start (2024-05-01 11:20 UTC is before 2024-05-01 11:30 UTC)',
    });
  });

  it('refuses an impact end before the impact started', () => {
    expect(thrownBy(() => parseImpactTimes({ impactStart: iso(30), impactEnd: iso(31) }, NOW))).toMatchObject({
      field: 'impactTimes.impactEnd',
    });
  });

  it('refuses acknowledgement before detection, but only when both are known', () => {
    expect(thrownBy(() => parseImpactTimes({ detected: iso(30), acknowledged: iso(35) }, NOW))).toMatchObject({
      field: 'impactTimes.acknowledged',
      reason: expect.stringContaining('must not be before detection'),
    });
    expect(parseImpactTimes({ acknowledged: iso(35) }, NOW)).toEqual({ acknowledged: NOW - 35 * MIN });
  });

  it('allows detection after the impact ended (impact noticed in hindsight)', () => {
    expect(() => parseImpactTimes({ impactStart: iso(60), impactEnd: iso(50), detected: iso(10) }, NOW)).not.toThrow();
  });

  it('refuses a time in the future beyond two minutes of clock skew', () => {
    expect(() => validateImpactTimes({ detected: NOW + 2 * MIN }, NOW)).not.toThrow();
    expect(thrownBy(() => validateImpactTimes({ detected: NOW + 2 * MIN + 1 }, NOW))).toMatchObject({
      field: 'impactTimes.detected',
      reason: 'must not be in the future (2024-05-01 12:02 UTC is after 2024-05-01 12:00 UTC)',
    });
  });

  it('names the time itself when the times are not nested under a field', () => {
    expect(thrownBy(() => validateImpactTimes({ impactStart: NOW + 3 * MIN }, NOW, {}, ''))).toMatchObject({ field: 'impactStart' });
  });

  it('takes the clock skew as a parameter', () => {
    expect(() => validateImpactTimes({ impactEnd: NOW + MIN }, NOW, { clockSkewMs: 0 })).toThrow(ValidationError);
    expect(() => validateImpactTimes({ impactEnd: NOW + 9 * MIN }, NOW, { clockSkewMs: 10 * MIN })).not.toThrow();
  });

  it('refuses unknown fields and values without an offset', () => {
    expect(thrownBy(() => parseImpactTimes({ started: iso(5) }, NOW))).toMatchObject({ field: 'impactTimes.started', reason: 'is not a known field' });
    expect(thrownBy(() => parseImpactTimes({ detected: '2024-05-01 11:00' }, NOW))).toMatchObject({ field: 'impactTimes.detected' });
  });
});

describe('incident metrics', () => {
  const times = { impactStart: NOW - 65 * MIN, detected: NOW - 60 * MIN, acknowledged: NOW - 58 * MIN, impactEnd: NOW };

  it('derives time to detect, recover and acknowledge in milliseconds', () => {
    expect(timeToDetect(times)).toBe(5 * MIN);
    expect(timeToRecover(times)).toBe(65 * MIN);
    expect(timeToAcknowledge(times)).toBe(2 * MIN);
  });

  it('leaves a metric undefined until both of its times are known', () => {
    expect(timeToDetect({ detected: NOW })).toBeUndefined();
    expect(timeToRecover({ impactStart: NOW })).toBeUndefined();
    expect(timeToAcknowledge({ acknowledged: NOW })).toBeUndefined();
  });

  it('measures ongoing impact up to now and ended impact up to its end', () => {
    expect(impactDuration({ impactStart: NOW - 30 * MIN }, NOW)).toBe(30 * MIN);
    expect(impactDuration(times, NOW + 60 * MIN)).toBe(65 * MIN);
    expect(impactDuration({}, NOW)).toBeUndefined();
  });
});
