import { RuleViolation, ValidationError } from '../errors';
import { parseRoster } from './roster';
import { addOverride, removeOverride, takeShift } from './roster-changes';
import { whoIsOnCall } from './schedule';

const roster = parseRoster({
  id: 'payments',
  name: 'Payments',
  layers: [
    {
      participants: ['ana', 'ben'],
      shiftLength: { days: 7 },
      handoffTime: '09:00',
      timeZone: 'Europe/Berlin',
      startDate: '2024-06-03',
    },
  ],
});

describe('addOverride', () => {
  it('returns a new roster with the override last, leaving the original untouched', () => {
    const changed = addOverride(roster, { accountId: 'cy', start: '2024-06-04T12:00:00Z', end: '2024-06-04T13:00:00Z' });
    expect(changed.overrides).toEqual([{ accountId: 'cy', start: '2024-06-04T12:00:00.000Z', end: '2024-06-04T13:00:00.000Z' }]);
    expect(roster.overrides).toEqual([]);
    expect(whoIsOnCall(changed, '2024-06-04T12:30:00Z')?.accountId).toBe('cy');
  });

  it('drops a blank reason', () => {
    const changed = addOverride(roster, { accountId: 'cy', start: '2024-06-04T12:00:00Z', end: '2024-06-04T13:00:00Z', reason: '  ' });
    expect(changed.overrides[0]).not.toHaveProperty('reason');
  });

  it.each<[unknown, string, string | RegExp]>([
    [{ start: '2024-06-04T12:00:00Z', end: '2024-06-04T13:00:00Z' }, 'override.accountId', 'is required'],
    [{ accountId: 'cy', start: '2024-06-04T12:00:00Z', end: '2024-06-04T12:00:00Z' }, 'override.end', 'must be after start'],
    [{ accountId: 'cy', start: 'noon', end: '2024-06-04T13:00:00Z' }, 'override.start', /"noon" is not an ISO-8601 instant/],
    [{ accountId: 'cy', start: '2024-06-04T12:00:00Z', end: '2024-06-04T13:00:00Z', by: 'me' }, 'override.by', 'is not a known field'],
    [null, 'override', /expected object/],
  ])('refuses %j, naming %s', (input, field, reason) => {
    let refused: unknown;
    try {
      addOverride(roster, input);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).field).toBe(field);
    expect((refused as ValidationError).reason).toMatch(reason);
  });
});

describe('removeOverride', () => {
  it('removes the override at the given position', () => {
    const two = addOverride(
      addOverride(roster, { accountId: 'cy', start: '2024-06-04T12:00:00Z', end: '2024-06-04T13:00:00Z' }),
      { accountId: 'dee', start: '2024-06-05T12:00:00Z', end: '2024-06-05T13:00:00Z' },
    );
    expect(removeOverride(two, 0).overrides.map((override) => override.accountId)).toEqual(['dee']);
    expect(two.overrides).toHaveLength(2);
  });

  it('refuses a position that holds no override', () => {
    expect(() => removeOverride(roster, 0)).toThrow(new ValidationError('index', "must name one of the roster's 0 overrides"));
  });
});

describe('takeShift', () => {
  // ana holds 2024-06-03T07:00Z to 2024-06-10T07:00Z.
  it('puts the taker on call from now until the end of the current shift', () => {
    const taken = takeShift(roster, 'cy', '2024-06-05T10:00:00Z');
    expect(whoIsOnCall(taken, '2024-06-05T10:00:00Z')).toEqual({
      accountId: 'cy',
      source: { kind: 'override', index: 0 },
      shiftStart: '2024-06-05T10:00:00.000Z',
      shiftEnd: '2024-06-10T07:00:00.000Z',
    });
    expect(taken.overrides[0]?.reason).toBe('Took over the shift from ana');
  });

  it('leaves the time already served with whoever served it, and the next shift unchanged', () => {
    const taken = takeShift(roster, 'cy', '2024-06-05T10:00:00Z');
    expect(whoIsOnCall(taken, '2024-06-05T09:59:59Z')?.accountId).toBe('ana');
    expect(whoIsOnCall(taken, '2024-06-10T07:00:00Z')?.accountId).toBe('ben');
  });

  it('takes only the stretch that is running when the shift is already split by an override', () => {
    const split = addOverride(roster, { accountId: 'dee', start: '2024-06-06T00:00:00Z', end: '2024-06-07T00:00:00Z' });
    const taken = takeShift(split, 'cy', '2024-06-05T10:00:00Z');
    expect(whoIsOnCall(taken, '2024-06-05T12:00:00Z')?.shiftEnd).toBe('2024-06-06T00:00:00.000Z');
    expect(whoIsOnCall(taken, '2024-06-06T12:00:00Z')?.accountId).toBe('dee');
  });

  it('refuses when the taker already holds the shift', () => {
    expect(() => takeShift(roster, 'ana', '2024-06-05T10:00:00Z')).toThrow(RuleViolation);
    expect(() => takeShift(roster, 'ana', '2024-06-05T10:00:00Z')).toThrow('You are already on call for this shift.');
  });

  it('refuses when nobody is on call, as there is no shift to take', () => {
    expect(() => takeShift(roster, 'cy', '2024-06-01T00:00:00+02:00')).toThrow(
      'Nobody is on call at 2024-05-31 22:00 UTC, so there is no shift to take.',
    );
  });

  it('refuses an instant without an offset', () => {
    expect(() => takeShift(roster, 'cy', '2024-06-05T10:00:00')).toThrow(/^instant: /);
  });

  it('refuses a blank taker', () => {
    expect(() => takeShift(roster, ' ', '2024-06-05T10:00:00Z')).toThrow(ValidationError);
    expect(() => takeShift(roster, ' ', '2024-06-05T10:00:00Z')).toThrow('override.accountId: must be a non-empty account id');
  });
});
