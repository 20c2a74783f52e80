import { DateTime } from 'luxon';
import { parseRoster } from './roster';
import { nextShifts, type OnCallShift, whoIsOnCall } from './schedule';

const rosterOf = (layer: Record<string, unknown>) =>
  parseRoster({ id: 'payments', name: 'Payments on call', layers: [{ participants: ['ana', 'ben', 'cho'], ...layer }] });

const hours = (shift: OnCallShift): number => (Date.parse(shift.shiftEnd) - Date.parse(shift.shiftStart)) / 3_600_000;
const localTime = (instant: string, zone: string): string => DateTime.fromISO(instant).setZone(zone).toFormat('ccc yyyy-MM-dd HH:mm');
const summary = (shift: OnCallShift) => [shift.accountId, shift.shiftStart, shift.shiftEnd, hours(shift)];

describe('daily rotations across DST changes', () => {
  it('hands off at 09:00 Berlin time on both sides of spring-forward, so one shift lasts 23 hours', () => {
    const roster = rosterOf({ shiftLength: { days: 1 }, handoffTime: '09:00', timeZone: 'Europe/Berlin', startDate: '2024-03-29' });
    const shifts = nextShifts(roster, '2024-03-30T12:00:00Z', 3);
    expect(shifts.map(summary)).toEqual([
      ['ben', '2024-03-30T08:00:00.000Z', '2024-03-31T07:00:00.000Z', 23],
      ['cho', '2024-03-31T07:00:00.000Z', '2024-04-01T07:00:00.000Z', 24],
      ['ana', '2024-04-01T07:00:00.000Z', '2024-04-02T07:00:00.000Z', 24],
    ]);
    expect(shifts.map((shift) => localTime(shift.shiftStart, 'Europe/Berlin'))).toEqual([
      'Sat 2024-03-30 09:00',
      'Sun 2024-03-31 09:00',
      'Mon 2024-04-01 09:00',
    ]);
  });

  it('hands off at 09:00 Berlin time on both sides of fall-back, so one shift lasts 25 hours', () => {
    const roster = rosterOf({ shiftLength: { days: 1 }, handoffTime: '09:00', timeZone: 'Europe/Berlin', startDate: '2024-10-25' });
    expect(nextShifts(roster, '2024-10-26T07:00:00Z', 2).map(summary)).toEqual([
      ['ben', '2024-10-26T07:00:00.000Z', '2024-10-27T08:00:00.000Z', 25],
      ['cho', '2024-10-27T08:00:00.000Z', '2024-10-28T08:00:00.000Z', 24],
    ]);
  });

  it('hands off at 09:00 New York time across the March and November changes', () => {
    const spring = rosterOf({ shiftLength: 'P1D', handoffTime: '09:00', timeZone: 'America/New_York', startDate: '2024-03-09' });
    expect(nextShifts(spring, '2024-03-09T14:00:00Z', 2).map(summary)).toEqual([
      ['ana', '2024-03-09T14:00:00.000Z', '2024-03-10T13:00:00.000Z', 23],
      ['ben', '2024-03-10T13:00:00.000Z', '2024-03-11T13:00:00.000Z', 24],
    ]);
    const autumn = rosterOf({ shiftLength: 'P1D', handoffTime: '09:00', timeZone: 'America/New_York', startDate: '2024-11-02' });
    expect(nextShifts(autumn, '2024-11-02T13:00:00Z', 2).map(summary)).toEqual([
      ['ana', '2024-11-02T13:00:00.000Z', '2024-11-03T14:00:00.000Z', 25],
      ['ben', '2024-11-03T14:00:00.000Z', '2024-11-04T14:00:00.000Z', 24],
    ]);
  });
});

describe('weekly rotations across DST changes', () => {
  it('keeps the Monday 10:00 New York handoff, making the spring week 167 hours and the autumn week 169', () => {
    const spring = rosterOf({ shiftLength: { days: 7 }, handoffTime: '10:00', timeZone: 'America/New_York', startDate: '2024-03-04' });
    expect(nextShifts(spring, '2024-03-05T00:00:00Z', 2).map(summary)).toEqual([
      ['ana', '2024-03-04T15:00:00.000Z', '2024-03-11T14:00:00.000Z', 167],
      ['ben', '2024-03-11T14:00:00.000Z', '2024-03-18T14:00:00.000Z', 168],
    ]);
    const autumn = rosterOf({ shiftLength: 'P1W', handoffTime: '10:00', timeZone: 'America/New_York', startDate: '2024-10-28' });
    const [first] = nextShifts(autumn, '2024-10-30T00:00:00Z', 1);
    expect(first === undefined ? [] : summary(first)).toEqual(['ana', '2024-10-28T14:00:00.000Z', '2024-11-04T15:00:00.000Z', 169]);
    expect(first === undefined ? '' : localTime(first.shiftEnd, 'America/New_York')).toBe('Mon 2024-11-04 10:00');
  });

  it('keeps the Monday 09:00 Berlin handoff through the March and October weeks', () => {
    const spring = rosterOf({ shiftLength: 'P7D', handoffTime: '09:00', timeZone: 'Europe/Berlin', startDate: '2024-03-25' });
    expect(whoIsOnCall(spring, '2024-03-31T12:00:00Z')).toEqual({
      accountId: 'ana',
      source: { kind: 'layer', layerIndex: 0 },
      shiftStart: '2024-03-25T08:00:00.000Z',
      shiftEnd: '2024-04-01T07:00:00.000Z',
    });
    const autumn = rosterOf({ shiftLength: 'P7D', handoffTime: '09:00', timeZone: 'Europe/Berlin', startDate: '2024-10-21' });
    const onCall = whoIsOnCall(autumn, '2024-10-28T07:30:00Z');
    expect(onCall?.accountId).toBe('ana');
    expect(onCall?.shiftEnd).toBe('2024-10-28T08:00:00.000Z');
    expect(whoIsOnCall(autumn, '2024-10-28T08:00:00Z')?.accountId).toBe('ben');
  });
});

describe('handoff times the clock skips or repeats', () => {
  it('hands off at the moment Berlin clocks jump when 02:30 does not exist, and at 02:30 again the next day', () => {
    const roster = rosterOf({ shiftLength: { days: 1 }, handoffTime: '02:30', timeZone: 'Europe/Berlin', startDate: '2024-03-30' });
    const shifts = nextShifts(roster, '2024-03-30T01:30:00Z', 2);
    expect(shifts.map(summary)).toEqual([
      ['ana', '2024-03-30T01:30:00.000Z', '2024-03-31T01:00:00.000Z', 23.5],
      ['ben', '2024-03-31T01:00:00.000Z', '2024-04-01T00:30:00.000Z', 23.5],
    ]);
    expect(shifts.map((shift) => localTime(shift.shiftEnd, 'Europe/Berlin'))).toEqual(['Sun 2024-03-31 03:00', 'Mon 2024-04-01 02:30']);
  });

  it('hands off at the moment New York clocks jump when 02:30 does not exist', () => {
    const roster = rosterOf({ shiftLength: { days: 1 }, handoffTime: '02:30', timeZone: 'America/New_York', startDate: '2024-03-09' });
    expect(whoIsOnCall(roster, '2024-03-10T06:59:59Z')?.accountId).toBe('ana');
    expect(whoIsOnCall(roster, '2024-03-10T07:00:00Z')).toEqual({
      accountId: 'ben',
      source: { kind: 'layer', layerIndex: 0 },
      shiftStart: '2024-03-10T07:00:00.000Z',
      shiftEnd: '2024-03-11T06:30:00.000Z',
    });
  });

  it('hands off at the first 02:30 when fall-back repeats it', () => {
    const roster = rosterOf({ shiftLength: { days: 1 }, handoffTime: '02:30', timeZone: 'Europe/Berlin', startDate: '2024-10-26' });
    expect(nextShifts(roster, '2024-10-26T00:30:00Z', 2).map(summary)).toEqual([
      ['ana', '2024-10-26T00:30:00.000Z', '2024-10-27T00:30:00.000Z', 24],
      ['ben', '2024-10-27T00:30:00.000Z', '2024-10-28T01:30:00.000Z', 25],
    ]);
  });

  it('skips an hourly turn that falls entirely in the hour spring-forward removes', () => {
    const roster = rosterOf({ shiftLength: 'PT1H', handoffTime: '00:00', timeZone: 'Europe/Berlin', startDate: '2024-03-31' });
    // Local 02:00 never happens, so cho's turn (02:00–03:00) is empty and ana follows ben directly.
    expect(nextShifts(roster, '2024-03-30T23:00:00Z', 4).map(summary)).toEqual([
      ['ana', '2024-03-30T23:00:00.000Z', '2024-03-31T00:00:00.000Z', 1],
      ['ben', '2024-03-31T00:00:00.000Z', '2024-03-31T01:00:00.000Z', 1],
      ['ana', '2024-03-31T01:00:00.000Z', '2024-03-31T02:00:00.000Z', 1],
      ['ben', '2024-03-31T02:00:00.000Z', '2024-03-31T03:00:00.000Z', 1],
    ]);
  });
});

describe('a calendar day the zone skipped entirely', () => {
  it('hands off when Samoa jumped over 30 December 2011, shortening the shifts either side', () => {
    // Apia went from UTC-10 straight to UTC+14 at 10:00 UTC on 30 December 2011.
    const roster = rosterOf({ shiftLength: { days: 1 }, handoffTime: '09:00', timeZone: 'Pacific/Apia', startDate: '2011-12-28' });
    expect(nextShifts(roster, '2011-12-28T19:00:00Z', 4).map(summary)).toEqual([
      ['ana', '2011-12-28T19:00:00.000Z', '2011-12-29T19:00:00.000Z', 24],
      ['ben', '2011-12-29T19:00:00.000Z', '2011-12-30T10:00:00.000Z', 15],
      ['cho', '2011-12-30T10:00:00.000Z', '2011-12-30T19:00:00.000Z', 9],
      ['ana', '2011-12-30T19:00:00.000Z', '2011-12-31T19:00:00.000Z', 24],
    ]);
    expect(whoIsOnCall(roster, '2011-12-30T12:00:00Z')?.accountId).toBe('cho');
  });
});

describe('shift lengths in hours', () => {
  it('hands a 12-hour rotation off at 09:00 and 21:00 local, shortening the night of spring-forward', () => {
    const roster = rosterOf({ shiftLength: 'PT12H', handoffTime: '09:00', timeZone: 'Europe/Berlin', startDate: '2024-03-30' });
    const shifts = nextShifts(roster, '2024-03-30T08:00:00Z', 4);
    expect(shifts.map((shift) => localTime(shift.shiftStart, 'Europe/Berlin'))).toEqual([
      'Sat 2024-03-30 09:00',
      'Sat 2024-03-30 21:00',
      'Sun 2024-03-31 09:00',
      'Sun 2024-03-31 21:00',
    ]);
    expect(shifts.map(hours)).toEqual([12, 11, 12, 12]);
  });

  it('rotates a day-and-a-half shift through the participants in order', () => {
    const roster = rosterOf({ shiftLength: { days: 1, hours: 12 }, handoffTime: '08:00', timeZone: 'UTC', startDate: '2024-05-01' });
    expect(nextShifts(roster, '2024-05-01T08:00:00Z', 4).map((shift) => [shift.accountId, shift.shiftStart])).toEqual([
      ['ana', '2024-05-01T08:00:00.000Z'],
      ['ben', '2024-05-02T20:00:00.000Z'],
      ['cho', '2024-05-04T08:00:00.000Z'],
      ['ana', '2024-05-05T20:00:00.000Z'],
    ]);
  });
});

describe('before a rotation starts', () => {
  const roster = rosterOf({ shiftLength: { days: 7 }, handoffTime: '09:00', timeZone: 'Europe/Berlin', startDate: '2024-06-03' });

  it('has nobody on call before the first handoff', () => {
    expect(whoIsOnCall(roster, '2024-06-03T06:59:59Z')).toBeUndefined();
  });

  it('lists the first shift as the next one', () => {
    expect(nextShifts(roster, '2024-05-01T00:00:00Z', 1).map(summary)).toEqual([
      ['ana', '2024-06-03T07:00:00.000Z', '2024-06-10T07:00:00.000Z', 168],
    ]);
  });

  it('finds the right shift long after the start', () => {
    // 2026-06-01 is 104 weeks after 2024-06-03: 104 mod 3 = 2, so cho.
    expect(whoIsOnCall(roster, '2026-06-01T08:00:00Z')?.accountId).toBe('cho');
  });
});
