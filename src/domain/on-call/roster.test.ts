import { ValidationError } from '../errors';
import { parseRoster } from './roster';

const validLayer = {
  participants: ['ana', 'ben'],
  shiftLength: { days: 7 },
  handoffTime: '09:00',
  timeZone: 'Europe/Berlin',
  startDate: '2024-06-03',
};
const validRoster = { id: 'payments', name: 'Payments on call', layers: [validLayer] };

const refusal = (input: unknown): { field: string; reason: string } => {
  try {
    parseRoster(input);
  } catch (error) {
    if (error instanceof ValidationError) return { field: error.field, reason: error.reason };
    throw error;
  }
  throw new Error('the roster was accepted');
};
const withLayer = (changes: Record<string, unknown>) => ({ ...validRoster, layers: [{ ...validLayer, ...changes }] });

describe('parseRoster accepts', () => {
  it('a minimal roster, filling in no overrides and no restrictions', () => {
    expect(parseRoster(validRoster)).toEqual({
      id: 'payments',
      name: 'Payments on call',
      layers: [{ ...validLayer, shiftLength: { days: 7, hours: 0 }, restrictions: [] }],
      overrides: [],
    });
  });

  it('ISO-8601 shift lengths, canonical zone spelling, restrictions, overrides and an escalation policy', () => {
    const roster = parseRoster({
      ...validRoster,
      escalationPolicyId: 'payments-escalation',
      layers: [
        { ...validLayer, name: 'Primary', shiftLength: 'P1DT12H', timeZone: 'america/new_york' },
        { ...validLayer, shiftLength: 'PT12H', restrictions: [{ from: '09:00', to: '17:00' }] },
      ],
      overrides: [{ accountId: 'cy', start: '2024-06-04T12:00:00+02:00', end: '2024-06-04T14:00:00+02:00', reason: 'Swap' }],
    });
    expect(roster.escalationPolicyId).toBe('payments-escalation');
    expect(roster.layers[0]).toMatchObject({ name: 'Primary', shiftLength: { days: 1, hours: 12 }, timeZone: 'America/New_York' });
    expect(roster.layers[1]?.restrictions).toEqual([{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '09:00', to: '17:00' }]);
    expect(roster.overrides).toEqual([{ accountId: 'cy', start: '2024-06-04T10:00:00.000Z', end: '2024-06-04T12:00:00.000Z', reason: 'Swap' }]);
  });
});

describe('parseRoster refuses, naming the field and the reason', () => {
  it.each<[string, unknown, string, string | RegExp]>([
    ['a non-object', 'payments', 'roster', /expected object/],
    ['a missing name', { id: 'payments', layers: [validLayer] }, 'name', 'is required'],
    ['a blank id', { ...validRoster, id: '  ' }, 'id', 'must not be blank'],
    ['an unknown field', { ...validRoster, colour: 'blue' }, 'colour', 'is not a known field'],
    ['no layers', { ...validRoster, layers: [] }, 'layers', 'must have at least one rotation layer'],
    ['an unknown time zone', withLayer({ timeZone: 'Mars/Base' }), 'layers[0].timeZone', '"Mars/Base" is not an IANA time zone'],
    ['no participants', withLayer({ participants: [] }), 'layers[0].participants', 'must list at least one participant'],
    ['a blank participant', withLayer({ participants: ['ana', ''] }), 'layers[0].participants[1]', 'must be a non-empty account id'],
    ['a duplicate participant', withLayer({ participants: ['ana', 'ben', 'ana'] }), 'layers[0].participants[2]', '"ana" is already in the rotation'],
    ['a handoff time without minutes', withLayer({ handoffTime: '9' }), 'layers[0].handoffTime', '"9" is not a time of day "HH:mm"'],
    ['a handoff time past midnight', withLayer({ handoffTime: '24:00' }), 'layers[0].handoffTime', '"24:00" is not a time of day "HH:mm"'],
    ['an impossible start date', withLayer({ startDate: '2024-02-30' }), 'layers[0].startDate', '"2024-02-30" is not a calendar date "YYYY-MM-DD"'],
    ['a start date with a time', withLayer({ startDate: '2024-02-03T09:00' }), 'layers[0].startDate', /is not a calendar date/],
    ['a missing shift length', withLayer({ shiftLength: undefined }), 'layers[0].shiftLength', 'is required'],
    ['a shift length of a bare number', withLayer({ shiftLength: 7 }), 'layers[0].shiftLength', 'must be {days?, hours?} or an ISO-8601 duration such as "P7D"'],
    ['an empty shift length', withLayer({ shiftLength: {} }), 'layers[0].shiftLength', 'must be at least one hour'],
    ['a shift of over a year', withLayer({ shiftLength: { days: 400 } }), 'layers[0].shiftLength', 'must be at most 365 days'],
    ['fractional hours', withLayer({ shiftLength: { hours: 1.5 } }), 'layers[0].shiftLength.hours', 'must be a whole number of hours'],
    ['negative days', withLayer({ shiftLength: { days: -1 } }), 'layers[0].shiftLength.days', 'must not be negative'],
    ['a shift length in weeks as a field', withLayer({ shiftLength: { weeks: 1 } }), 'layers[0].shiftLength.weeks', 'is not a known field'],
    ['a shift length in months', withLayer({ shiftLength: 'P1M' }), 'layers[0].shiftLength', /"P1M" is not an ISO-8601 duration in whole weeks, days and hours/],
    ['a shift length in minutes', withLayer({ shiftLength: 'PT90M' }), 'layers[0].shiftLength', /"PT90M" is not an ISO-8601 duration/],
    ['a shift length that is not a duration', withLayer({ shiftLength: 'weekly' }), 'layers[0].shiftLength', /"weekly" is not an ISO-8601 duration/],
    ['a blank layer name', withLayer({ name: ' ' }), 'layers[0].name', 'must not be blank'],
    ['an unknown weekday', withLayer({ restrictions: [{ days: ['mon', 'funday'], from: '09:00', to: '17:00' }] }), 'layers[0].restrictions[0].days[1]', '"funday" is not one of mon, tue, wed, thu, fri, sat, sun'],
    ['a repeated weekday', withLayer({ restrictions: [{ days: ['mon', 'mon'], from: '09:00', to: '17:00' }] }), 'layers[0].restrictions[0].days', 'must not repeat a weekday'],
    ['no weekdays', withLayer({ restrictions: [{ days: [], from: '09:00', to: '17:00' }] }), 'layers[0].restrictions[0].days', 'must name at least one weekday'],
    ['a window end that is not a time', withLayer({ restrictions: [{ from: '09:00', to: '5pm' }] }), 'layers[0].restrictions[0].to', '"5pm" is not a time of day "HH:mm" (or "24:00")'],
    ['an empty window', withLayer({ restrictions: [{ from: '09:00', to: '09:00' }] }), 'layers[0].restrictions[0].to', 'must differ from from'],
    ['an override ending before it starts', { ...validRoster, overrides: [{ accountId: 'cy', start: '2024-06-04T12:00:00Z', end: '2024-06-04T11:00:00Z' }] }, 'overrides[0].end', 'must be after start'],
    ['an override time without an offset', { ...validRoster, overrides: [{ accountId: 'cy', start: '2024-06-04T12:00', end: '2024-06-04T13:00:00Z' }] }, 'overrides[0].start', '"2024-06-04T12:00" is not an ISO-8601 instant with an offset (e.g. "2024-03-31T07:00:00Z")'],
    ['an override with a date only', { ...validRoster, overrides: [{ accountId: 'cy', start: '2024-06-04', end: '2024-06-05T13:00:00Z' }] }, 'overrides[0].start', /"2024-06-04" is not an ISO-8601 instant/],
    ['an override reason that is too long', { ...validRoster, overrides: [{ accountId: 'cy', start: '2024-06-04T12:00:00Z', end: '2024-06-04T13:00:00Z', reason: 'x'.repeat(501) }] }, 'overrides[0].reason', 'must be at most 500 characters'],
  ])('%s', (_case, input, field, reason) => {
    const refused = refusal(input);
    expect(refused.field).toBe(field);
    if (typeof reason === 'string') expect(refused.reason).toBe(reason);
    else expect(refused.reason).toMatch(reason);
  });

  it('reports the problem in the error message as "field: reason"', () => {
    expect(() => parseRoster(withLayer({ timeZone: 'Mars/Base' }))).toThrow('layers[0].timeZone: "Mars/Base" is not an IANA time zone');
  });
});
