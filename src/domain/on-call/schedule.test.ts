import { ValidationError } from '../errors';
import { parseRoster, type Roster } from './roster';
import { addOverride } from './roster-changes';
import { nextShifts, type OnCallShift, whoIsOnCall } from './schedule';

const berlinWeekly = {
  name: 'Primary',
  participants: ['ana', 'ben'],
  shiftLength: { days: 7 },
  handoffTime: '09:00',
  timeZone: 'Europe/Berlin',
  startDate: '2024-06-03',
};
const businessHours = {
  name: 'Business hours',
  participants: ['carol', 'dan'],
  shiftLength: { days: 1 },
  handoffTime: '09:00',
  timeZone: 'Europe/Berlin',
  startDate: '2024-06-03',
  restrictions: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }],
};
const rosterWith = (...layers: object[]): Roster => parseRoster({ id: 'payments', name: 'Payments', layers });
const row = (shift: OnCallShift) => [shift.accountId, shift.source, shift.shiftStart, shift.shiftEnd];
const layer = (layerIndex: number) => ({ kind: 'layer', layerIndex });
const override = (index: number) => ({ kind: 'override', index });

describe('stacked layers', () => {
  const roster = rosterWith(berlinWeekly, businessHours);

  it('puts the business-hours layer on call during office hours, cut to those hours', () => {
    // 2024-06-03 is a Monday; Berlin is on CEST (UTC+2).
    expect(whoIsOnCall(roster, '2024-06-03T08:00:00Z')).toEqual({
      accountId: 'carol',
      source: layer(1),
      shiftStart: '2024-06-03T07:00:00.000Z',
      shiftEnd: '2024-06-03T15:00:00.000Z',
    });
  });

  it('falls back to the weekly layer outside office hours, from closing time until opening time', () => {
    expect(whoIsOnCall(roster, '2024-06-03T16:00:00Z')).toEqual({
      accountId: 'ana',
      source: layer(0),
      shiftStart: '2024-06-03T15:00:00.000Z',
      shiftEnd: '2024-06-04T07:00:00.000Z',
    });
  });

  it('lists the merged schedule through a weekend and the weekly handoff', () => {
    expect(nextShifts(roster, '2024-06-08T10:00:00Z', 4).map(row)).toEqual([
      ['ana', layer(0), '2024-06-07T15:00:00.000Z', '2024-06-10T07:00:00.000Z'],
      ['dan', layer(1), '2024-06-10T07:00:00.000Z', '2024-06-10T15:00:00.000Z'],
      ['ben', layer(0), '2024-06-10T15:00:00.000Z', '2024-06-11T07:00:00.000Z'],
      ['carol', layer(1), '2024-06-11T07:00:00.000Z', '2024-06-11T15:00:00.000Z'],
    ]);
  });

  it('keeps office hours on local time across spring-forward', () => {
    const spring = rosterWith({ ...berlinWeekly, startDate: '2024-03-25' }, { ...businessHours, startDate: '2024-03-25' });
    // Friday 29 March is CET (UTC+1), Tuesday 2 April is CEST (UTC+2); Easter Monday is not special.
    expect(whoIsOnCall(spring, '2024-03-29T08:30:00Z')?.shiftStart).toBe('2024-03-29T08:00:00.000Z');
    expect(whoIsOnCall(spring, '2024-04-02T07:30:00Z')?.shiftStart).toBe('2024-04-02T07:00:00.000Z');
    expect(whoIsOnCall(spring, '2024-04-02T07:30:00Z')?.shiftEnd).toBe('2024-04-02T15:00:00.000Z');
  });

  it('covers a night window that runs past midnight', () => {
    const nights = { ...businessHours, participants: ['nia'], restrictions: [{ from: '22:00', to: '06:00' }] };
    const roster = rosterWith(berlinWeekly, nights);
    expect(whoIsOnCall(roster, '2024-06-04T23:00:00Z')).toEqual({
      accountId: 'nia',
      source: layer(1),
      shiftStart: '2024-06-04T20:00:00.000Z',
      shiftEnd: '2024-06-05T04:00:00.000Z',
    });
    expect(whoIsOnCall(roster, '2024-06-05T05:00:00Z')?.accountId).toBe('ana');
  });

  it('joins whole-day windows on consecutive days into one weekend stretch', () => {
    const weekends = { ...berlinWeekly, participants: ['wes'], restrictions: [{ days: ['sat', 'sun'], from: '00:00', to: '24:00' }] };
    const roster = rosterWith(berlinWeekly, weekends);
    expect(whoIsOnCall(roster, '2024-06-09T12:00:00Z')).toEqual({
      accountId: 'wes',
      source: layer(1),
      shiftStart: '2024-06-07T22:00:00.000Z',
      shiftEnd: '2024-06-09T22:00:00.000Z',
    });
  });

  it('keeps a layer whose windows cover every whole day on call for its entire four-week shift', () => {
    const roundTheClock = { ...berlinWeekly, shiftLength: { days: 28 }, restrictions: [{ from: '00:00', to: '24:00' }] };
    expect(whoIsOnCall(rosterWith(roundTheClock), '2024-06-17T12:00:00Z')).toMatchObject({
      accountId: 'ana',
      shiftStart: '2024-06-03T07:00:00.000Z',
      shiftEnd: '2024-07-01T07:00:00.000Z',
    });
  });

  it('skips the hours when nobody is on call to show the next shift', () => {
    // The daily turn keeps rotating through the weekend unseen: Monday 10 June is day 7, so dan.
    const roster = rosterWith(businessHours);
    expect(whoIsOnCall(roster, '2024-06-07T16:00:00Z')).toBeUndefined();
    expect(nextShifts(roster, '2024-06-07T16:00:00Z', 1).map(row)).toEqual([
      ['dan', layer(0), '2024-06-10T07:00:00.000Z', '2024-06-10T15:00:00.000Z'],
    ]);
  });
});

describe('overrides', () => {
  const base = rosterWith(berlinWeekly, businessHours);
  // Tuesday 2024-06-04: dan holds business hours 07:00Z–15:00Z.
  const withEve = addOverride(base, { accountId: 'eve', start: '2024-06-04T12:00:00+02:00', end: '2024-06-04T14:00:00+02:00', reason: 'Dentist' });

  it('replaces whoever is on call during the override window', () => {
    expect(whoIsOnCall(withEve, '2024-06-04T11:00:00Z')).toEqual({
      accountId: 'eve',
      source: override(0),
      shiftStart: '2024-06-04T10:00:00.000Z',
      shiftEnd: '2024-06-04T12:00:00.000Z',
    });
  });

  it('splits the replaced shift around the override', () => {
    expect(nextShifts(withEve, '2024-06-04T08:00:00Z', 4).map(row)).toEqual([
      ['dan', layer(1), '2024-06-04T07:00:00.000Z', '2024-06-04T10:00:00.000Z'],
      ['eve', override(0), '2024-06-04T10:00:00.000Z', '2024-06-04T12:00:00.000Z'],
      ['dan', layer(1), '2024-06-04T12:00:00.000Z', '2024-06-04T15:00:00.000Z'],
      ['ana', layer(0), '2024-06-04T15:00:00.000Z', '2024-06-05T07:00:00.000Z'],
    ]);
  });

  it('lets the most recently added override win where two overlap', () => {
    const withFay = addOverride(withEve, { accountId: 'fay', start: '2024-06-04T09:00:00Z', end: '2024-06-04T11:00:00Z' });
    expect(whoIsOnCall(withFay, '2024-06-04T10:30:00Z')?.accountId).toBe('fay');
    expect(nextShifts(withFay, '2024-06-04T09:00:00Z', 3).map(row)).toEqual([
      ['fay', override(1), '2024-06-04T09:00:00.000Z', '2024-06-04T11:00:00.000Z'],
      ['eve', override(0), '2024-06-04T11:00:00.000Z', '2024-06-04T12:00:00.000Z'],
      ['dan', layer(1), '2024-06-04T12:00:00.000Z', '2024-06-04T15:00:00.000Z'],
    ]);
  });

  it('lets an older override resume after a newer one inside it ends', () => {
    const holiday = addOverride(base, { accountId: 'gus', start: '2024-06-03T00:00:00Z', end: '2024-06-10T00:00:00Z' });
    const cover = addOverride(holiday, { accountId: 'hal', start: '2024-06-05T00:00:00Z', end: '2024-06-06T00:00:00Z' });
    expect(nextShifts(cover, '2024-06-04T00:00:00Z', 3).map(row)).toEqual([
      ['gus', override(0), '2024-06-03T00:00:00.000Z', '2024-06-05T00:00:00.000Z'],
      ['hal', override(1), '2024-06-05T00:00:00.000Z', '2024-06-06T00:00:00.000Z'],
      ['gus', override(0), '2024-06-06T00:00:00.000Z', '2024-06-10T00:00:00.000Z'],
    ]);
  });

  it('puts someone on call even where no layer has anyone', () => {
    const roster = addOverride(rosterWith(businessHours), { accountId: 'ivy', start: '2024-06-08T08:00:00Z', end: '2024-06-08T20:00:00Z' });
    expect(nextShifts(roster, '2024-06-07T16:00:00Z', 2).map(row)).toEqual([
      ['ivy', override(0), '2024-06-08T08:00:00.000Z', '2024-06-08T20:00:00.000Z'],
      ['dan', layer(0), '2024-06-10T07:00:00.000Z', '2024-06-10T15:00:00.000Z'],
    ]);
  });
});

describe('schedule queries refuse bad arguments', () => {
  const roster = rosterWith(berlinWeekly);

  it.each([0, 501, 2.5])('refuses to list %p shifts', (count) => {
    expect(() => nextShifts(roster, '2024-06-03T00:00:00Z', count)).toThrow(
      new ValidationError('count', 'must be a whole number from 1 to 500'),
    );
  });

  it('names the argument that is not an instant', () => {
    expect(() => whoIsOnCall(roster, '2024-06-03 09:00')).toThrow(ValidationError);
    expect(() => whoIsOnCall(roster, '2024-06-03 09:00')).toThrow(/^instant: "2024-06-03 09:00" is not an ISO-8601 instant/);
    expect(() => nextShifts(roster, 'tomorrow', 1)).toThrow(/^from: "tomorrow" is not an ISO-8601 instant/);
  });
});

describe('the listed schedule and the on-call lookup agree', () => {
  // Deterministic pseudo-random rosters: every handoff, window edge and override lies on a
  // half hour in zones with whole-hour offsets, so sampling each half hour sees every change.
  function randomSource(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state + 0x6d2b79f5) | 0;
      let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
      mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
      return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
    };
  }
  const HALF_HOUR = 30 * 60_000;
  const ranges = ['2024-03-28T00:00:00Z', '2024-10-24T00:00:00Z', '2024-11-01T00:00:00Z', '2024-04-04T00:00:00Z'];
  const zones = ['Europe/Berlin', 'America/New_York', 'UTC', 'Australia/Sydney'];
  const lengths: unknown[] = ['PT8H', 'PT12H', 'P1D', 'P2D', 'P7D', { days: 1, hours: 6 }];
  const restrictionSets: unknown[] = [
    undefined,
    [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:30' }],
    [{ from: '22:00', to: '06:00' }],
    [{ days: ['sat', 'sun'], from: '00:00', to: '24:00' }, { days: ['fri'], from: '18:00', to: '24:00' }],
  ];

  function randomRoster(seed: number): { roster: Roster; from: number } {
    const random = randomSource(seed);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const from = Date.parse(pick(ranges));
    const layers = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
      const start = new Date(from - Math.floor(random() * 10) * 86_400_000).toISOString().slice(0, 10);
      const restrictions = pick(restrictionSets);
      return {
        participants: ['ana', 'ben', 'cho', 'dev'].slice(0, 1 + Math.floor(random() * 3)),
        shiftLength: pick(lengths),
        handoffTime: `${String(Math.floor(random() * 24)).padStart(2, '0')}:${pick(['00', '30'])}`,
        timeZone: pick(zones),
        startDate: start,
        ...(restrictions === undefined ? {} : { restrictions }),
      };
    });
    let roster = parseRoster({ id: `random-${seed}`, name: 'Random', layers });
    for (let count = Math.floor(random() * 4); count > 0; count -= 1) {
      const start = from + Math.floor(random() * 200) * HALF_HOUR;
      const end = start + (1 + Math.floor(random() * 60)) * HALF_HOUR;
      roster = addOverride(roster, { accountId: pick(['ovi', 'pat', 'ana']), start: new Date(start).toISOString(), end: new Date(end).toISOString() });
    }
    return { roster, from };
  }

  it.each(Array.from({ length: 12 }, (_, seed) => seed + 1))('for random roster %i, at every half hour over four days', (seed) => {
    const { roster, from } = randomRoster(seed);
    const until = from + 4 * 86_400_000;
    const shifts = nextShifts(roster, new Date(from).toISOString(), 200).filter((shift) => Date.parse(shift.shiftStart) < until);
    shifts.forEach((shift, index) => {
      expect(Date.parse(shift.shiftStart)).toBeLessThan(Date.parse(shift.shiftEnd));
      const next = shifts[index + 1];
      if (next !== undefined) expect(Date.parse(shift.shiftEnd)).toBeLessThanOrEqual(Date.parse(next.shiftStart));
    });
    for (let at = from; at < until; at += HALF_HOUR) {
      const expected = shifts.find((shift) => Date.parse(shift.shiftStart) <= at && at < Date.parse(shift.shiftEnd));
      expect(whoIsOnCall(roster, new Date(at).toISOString())).toEqual(expected);
    }
  });
});
