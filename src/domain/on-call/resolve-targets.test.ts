import { ValidationError } from '../errors';
import { type EscalationTarget } from './escalation-policy';
import { resolveTargets } from './resolve-targets';
import { parseRoster } from './roster';
import { addOverride } from './roster-changes';

const rosterOf = (id: string, participants: string[], startDate = '2024-06-03') =>
  parseRoster({
    id,
    name: id,
    layers: [{ participants, shiftLength: { days: 7 }, handoffTime: '09:00', timeZone: 'Europe/Berlin', startDate }],
  });

const payments = rosterOf('payments', ['ana', 'ben']);
const platform = rosterOf('platform', ['cy']);
const future = rosterOf('future', ['dee'], '2030-01-07');
const at = '2024-06-04T10:00:00Z';

describe('resolveTargets', () => {
  it('pages whoever each roster has on call and each named person', () => {
    const targets: EscalationTarget[] = [
      { kind: 'roster', rosterId: 'payments' },
      { kind: 'user', accountId: 'lead' },
      { kind: 'roster', rosterId: 'platform' },
    ];
    expect(resolveTargets(targets, [payments, platform], at)).toEqual({ accountIds: ['ana', 'lead', 'cy'], unresolved: [] });
  });

  it('pages a person once even when several targets lead to them', () => {
    const targets: EscalationTarget[] = [
      { kind: 'user', accountId: 'ana' },
      { kind: 'roster', rosterId: 'payments' },
      { kind: 'roster', rosterId: 'platform' },
    ];
    const coveredByAna = addOverride(platform, { accountId: 'ana', start: '2024-06-04T00:00:00Z', end: '2024-06-05T00:00:00Z' });
    expect(resolveTargets(targets, [payments, coveredByAna], at).accountIds).toEqual(['ana']);
  });

  it('reports a roster with nobody on call and a roster it does not know, so the caller can fall back', () => {
    const targets: EscalationTarget[] = [
      { kind: 'roster', rosterId: 'future' },
      { kind: 'roster', rosterId: 'gone' },
      { kind: 'roster', rosterId: 'payments' },
    ];
    expect(resolveTargets(targets, [payments, future], at)).toEqual({
      accountIds: ['ana'],
      unresolved: [
        { rosterId: 'future', reason: 'nobody-on-call' },
        { rosterId: 'gone', reason: 'unknown-roster' },
      ],
    });
  });

  it('refuses an instant that is not an ISO-8601 instant', () => {
    expect(() => resolveTargets([], [], 'now')).toThrow(ValidationError);
    expect(() => resolveTargets([], [], 'now')).toThrow(/^instant: /);
  });
});
