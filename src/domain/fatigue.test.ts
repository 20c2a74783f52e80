import { fatigue } from './fatigue';
import type { RoleAssignment } from './roles';
import { at } from './testing/generate-incident';

const HOUR = 60;

describe('fatigue', () => {
  const roles: RoleAssignment[] = [
    { role: 'tech-lead', accountId: 'alice', startedAt: at(0), endedAt: at(60) },
    { role: 'incident-manager', accountId: 'alice', startedAt: at(60) },
    { role: 'tech-lead', accountId: 'bob', startedAt: at(0) },
  ];

  it('says nobody needs to hand over while everyone is within the limits', () => {
    expect(fatigue(roles, at(3 * HOUR))).toEqual([]);
  });

  it('tells the incident manager to hand over after four hours on the incident, counting earlier roles', () => {
    expect(fatigue(roles, at(4 * HOUR + 10))).toEqual([
      {
        accountId: 'alice',
        role: 'incident-manager',
        workedMs: (4 * HOUR + 10) * 60_000,
        limitMs: 4 * HOUR * 60_000,
        urgency: 'hand-over-now',
        message: 'alice has been on the incident for 4h 10m (limit for Incident Manager: 4h 00m): hand over now.',
      },
    ]);
  });

  it('asks the IM to plan a handover in the half hour before the limit', () => {
    const [warning] = fatigue(roles, at(3 * HOUR + 40));
    expect(warning?.urgency).toBe('plan-handover');
    expect(warning?.message).toBe('alice has been on the incident for 3h 40m (limit for Incident Manager: 4h 00m): plan a handover within 20m.');
  });

  it('applies limits given per role and lists the most worked first', () => {
    const warnings = fatigue(roles, at(5 * HOUR), { 'incident-manager': 6 * HOUR * 60_000, 'tech-lead': 4 * HOUR * 60_000 }, 0);
    expect(warnings.map((w) => [w.accountId, w.role, w.urgency])).toEqual([['bob', 'tech-lead', 'hand-over-now']]);
  });

  it('does not warn about someone who has already handed over', () => {
    const handedOver: RoleAssignment[] = [
      { role: 'incident-manager', accountId: 'alice', startedAt: at(0), endedAt: at(5 * HOUR) },
      { role: 'incident-manager', accountId: 'carol', startedAt: at(5 * HOUR) },
    ];
    expect(fatigue(handedOver, at(5 * HOUR + 30))).toEqual([]);
  });
});
