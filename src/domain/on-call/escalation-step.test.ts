import { ValidationError } from '../errors';
import { parseEscalationPolicy } from './escalation-policy';
import { type EscalationRecord, nextEscalationStep, type PageRecord } from './escalation-step';

// Level 0 pages the payments roster and waits 5 minutes; level 1 pages the lead and waits 10;
// then the whole policy runs once more.
const policy = parseEscalationPolicy({
  id: 'payments-escalation',
  name: 'Payments',
  levels: [
    { targets: [{ kind: 'roster', rosterId: 'payments' }], ackTimeoutMinutes: 5 },
    { targets: [{ kind: 'user', accountId: 'lead' }], ackTimeoutMinutes: 10 },
  ],
  repeat: 1,
});
const paymentsRoster = [{ kind: 'roster', rosterId: 'payments' }];
const lead = [{ kind: 'user', accountId: 'lead' }];

const page = (level: number, round: number, pagedAt: string): PageRecord => ({ level, round, pagedAt });
const record = (...pages: PageRecord[]): EscalationRecord => ({ pages });

const fullRound0 = [page(0, 0, '2024-06-04T10:00:00Z'), page(1, 0, '2024-06-04T10:05:00Z')];

describe('nextEscalationStep', () => {
  it('pages the first level when nothing has been paged yet', () => {
    expect(nextEscalationStep(policy, record(), '2024-06-04T10:00:00Z')).toEqual({ kind: 'page', level: 0, round: 0, targets: paymentsRoster });
  });

  it('waits while the paged level still has time to acknowledge', () => {
    expect(nextEscalationStep(policy, record(page(0, 0, '2024-06-04T10:00:00Z')), '2024-06-04T10:04:59Z')).toEqual({
      kind: 'wait',
      until: '2024-06-04T10:05:00.000Z',
      level: 0,
      round: 0,
    });
  });

  it('pages the next level once the ack timeout has passed', () => {
    expect(nextEscalationStep(policy, record(page(0, 0, '2024-06-04T10:00:00Z')), '2024-06-04T10:05:00Z')).toEqual({
      kind: 'page',
      level: 1,
      round: 0,
      targets: lead,
    });
  });

  it('times each level by its own timeout', () => {
    expect(nextEscalationStep(policy, record(...fullRound0), '2024-06-04T10:14:00Z')).toMatchObject({
      kind: 'wait',
      until: '2024-06-04T10:15:00.000Z',
      level: 1,
    });
  });

  it('starts the next round at the first level after the last level times out', () => {
    expect(nextEscalationStep(policy, record(...fullRound0), '2024-06-04T10:15:00Z')).toEqual({
      kind: 'page',
      level: 0,
      round: 1,
      targets: paymentsRoster,
    });
  });

  it('waits out the last level of the last round before giving up', () => {
    const everything = record(...fullRound0, page(0, 1, '2024-06-04T10:15:00Z'), page(1, 1, '2024-06-04T10:20:00Z'));
    expect(nextEscalationStep(policy, everything, '2024-06-04T10:29:59Z')).toMatchObject({ kind: 'wait', level: 1, round: 1 });
    expect(nextEscalationStep(policy, everything, '2024-06-04T10:30:00Z')).toEqual({ kind: 'exhausted' });
  });

  it('is exhausted after a single pass when the policy does not repeat', () => {
    const once = { ...policy, repeat: 0 };
    expect(nextEscalationStep(once, record(...fullRound0), '2024-06-04T10:15:00Z')).toEqual({ kind: 'exhausted' });
  });

  it('stops escalating once someone acknowledges', () => {
    const acknowledged = { pages: [page(0, 0, '2024-06-04T10:00:00Z')], acknowledgedAt: '2024-06-04T10:02:00Z' };
    expect(nextEscalationStep(policy, acknowledged, '2024-06-04T11:00:00Z')).toEqual({ kind: 'acknowledged' });
  });

  it('gives the same answer when asked twice at the same instant with the same record', () => {
    const sameRecord = record(page(0, 0, '2024-06-04T10:00:00Z'));
    const first = nextEscalationStep(policy, sameRecord, '2024-06-04T10:07:00Z');
    const second = nextEscalationStep(policy, sameRecord, '2024-06-04T10:07:00Z');
    expect(second).toEqual(first);
    expect(first).toMatchObject({ kind: 'page', level: 1, round: 0 });
  });

  it('asks again for a page that was sent but never recorded', () => {
    // The caller paged level 1 at 10:05 and crashed before recording it; at 10:06 the record still ends at level 0.
    const beforeCrash = record(page(0, 0, '2024-06-04T10:00:00Z'));
    expect(nextEscalationStep(policy, beforeCrash, '2024-06-04T10:06:00Z')).toEqual({ kind: 'page', level: 1, round: 0, targets: lead });
  });

  it('times a level recorded twice from its first page', () => {
    const twice = record(page(0, 0, '2024-06-04T10:00:00Z'), page(0, 0, '2024-06-04T10:03:00Z'));
    expect(nextEscalationStep(policy, twice, '2024-06-04T10:05:00Z')).toMatchObject({ kind: 'page', level: 1 });
  });

  it('follows the furthest level reached even if the record lists pages out of order', () => {
    const shuffled = record(page(1, 0, '2024-06-04T10:05:00Z'), page(0, 0, '2024-06-04T10:00:00Z'));
    expect(nextEscalationStep(policy, shuffled, '2024-06-04T10:10:00Z')).toMatchObject({ kind: 'wait', level: 1, until: '2024-06-04T10:15:00.000Z' });
  });

  it.each<[string, EscalationRecord, string, string]>([
    ['a level the policy lacks', record(page(2, 0, '2024-06-04T10:00:00Z')), 'pages[0].level', 'level 2 is not in the policy (it has levels 0 to 1)'],
    ['a fractional level', record(page(0.5, 0, '2024-06-04T10:00:00Z')), 'pages[0].level', 'level 0.5 is not in the policy (it has levels 0 to 1)'],
    ['a round past the repeats', record(page(0, 0, '2024-06-04T10:00:00Z'), page(0, 2, '2024-06-04T10:20:00Z')), 'pages[1].round', 'round 2 is not in the policy (it runs rounds 0 to 1)'],
    ['a negative round', record(page(0, -1, '2024-06-04T10:00:00Z')), 'pages[0].round', 'round -1 is not in the policy (it runs rounds 0 to 1)'],
    ['a page time without an offset', record(page(0, 0, '2024-06-04T10:00:00')), 'pages[0].pagedAt', '"2024-06-04T10:00:00" is not an ISO-8601 instant with an offset (e.g. "2024-03-31T07:00:00Z")'],
    ['an acknowledgement time that is not an instant', { pages: [], acknowledgedAt: 'soon' }, 'acknowledgedAt', '"soon" is not an ISO-8601 instant with an offset (e.g. "2024-03-31T07:00:00Z")'],
  ])('refuses a record with %s, naming the field', (_case, badRecord, field, reason) => {
    expect(() => nextEscalationStep(policy, badRecord, '2024-06-04T10:30:00Z')).toThrow(new ValidationError(field, reason));
  });

  it('refuses a `now` that is not an instant', () => {
    expect(() => nextEscalationStep(policy, record(), '1717495200000')).toThrow(/^now: "1717495200000" is not an ISO-8601 instant/);
  });
});
