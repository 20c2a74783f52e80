import { RuleViolation, ValidationError } from './errors';
import {
  assignRole,
  currentHolders,
  currentIncidentManager,
  customRole,
  endAllRoles,
  endRole,
  handOverIncidentManager,
  handovers,
  parseRole,
  parseRoleAssignments,
  roleLabel,
  timeOnIncident,
  type RoleAssignment,
} from './roles';
import { at } from './testing/generate-incident';
import { thrownBy } from './testing/thrown-by';

const iso = (minutes: number): string => new Date(at(minutes)).toISOString();

function violation(fn: () => unknown): RuleViolation {
  const error = thrownBy(fn);
  expect(error).toBeInstanceOf(RuleViolation);
  return error as RuleViolation;
}

describe('roles', () => {
  it('names built-in roles, scoped communications managers and custom roles for people', () => {
    expect(roleLabel('incident-manager')).toBe('Incident Manager');
    expect(roleLabel('communications-manager', 'external')).toBe('Communications Manager (external)');
    expect(roleLabel('communications-manager', 'both')).toBe('Communications Manager');
    expect(roleLabel(customRole('Scribe'))).toBe('Scribe');
  });

  it('accepts custom role names the IM devises', () => {
    expect(customRole('Customer liaison')).toBe('custom:Customer liaison');
    expect(parseRole('custom:Database SME')).toBe('custom:Database SME');
  });

  it.each([
    ['', 'must be 2 to 40 characters'],
    [' Scribe', 'must not start or end with spaces'],
    ['x'.repeat(41), 'must be 2 to 40 characters'],
    ['<script>', "must start with a letter or digit and use only letters, digits, spaces and ' & / -"],
    ['tech lead', '"tech lead" is a built-in role; assign Tech Lead instead'],
    ['Incident-Manager', '"Incident-Manager" is a built-in role; assign Incident Manager instead'],
  ])('refuses the custom role name "%s"', (name, reason) => {
    const error = thrownBy(() => customRole(name));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'role', reason });
  });

  it('refuses a role that is neither built in nor custom, and a custom role with a bad name', () => {
    expect(thrownBy(() => parseRole('scribe'))).toMatchObject({ field: 'role', reason: expect.stringContaining('custom:<name>') });
    expect(thrownBy(() => parseRole('custom:?'))).toMatchObject({ field: 'role' });
  });
});

describe('assigning and ending roles', () => {
  const withIm = assignRole([], { role: 'incident-manager', accountId: 'alice' }, at(0));

  it('assigns the incident manager and finds them as the current holder', () => {
    expect(withIm).toEqual([{ role: 'incident-manager', accountId: 'alice', startedAt: at(0) }]);
    expect(currentIncidentManager(withIm, at(5))).toBe('alice');
    expect(currentIncidentManager(withIm, at(-1))).toBeUndefined();
  });

  it('allows many tech leads and communications managers, each comms manager with a scope (both by default)', () => {
    let roles = assignRole(withIm, { role: 'tech-lead', accountId: 'bob' }, at(1));
    roles = assignRole(roles, { role: 'tech-lead', accountId: 'carol' }, at(2));
    roles = assignRole(roles, { role: 'communications-manager', accountId: 'dan', scope: 'internal' }, at(3));
    roles = assignRole(roles, { role: 'communications-manager', accountId: 'erin' }, at(3));
    expect(currentHolders(roles, 'tech-lead', at(4)).map((a) => a.accountId)).toEqual(['bob', 'carol']);
    expect(currentHolders(roles, 'communications-manager', at(4)).map((a) => [a.accountId, a.scope])).toEqual([
      ['dan', 'internal'],
      ['erin', 'both'],
    ]);
  });

  it('assigns custom roles', () => {
    const roles = assignRole(withIm, { role: customRole('Scribe'), accountId: 'fay' }, at(1));
    expect(currentHolders(roles, 'custom:Scribe', at(1))).toEqual([{ role: 'custom:Scribe', accountId: 'fay', startedAt: at(1) }]);
  });

  it('refuses a second incident manager: the IM hands over instead', () => {
    const refused = violation(() => assignRole(withIm, { role: 'incident-manager', accountId: 'bob' }, at(1)));
    expect(refused.rule).toBe('single-incident-manager');
    expect(refused.reason).toBe('alice is the incident manager; hand over instead of assigning a second one.');
  });

  it('refuses a second backup incident manager and a backup who is the IM', () => {
    const withBackup = assignRole(withIm, { role: 'backup-incident-manager', accountId: 'bob' }, at(1));
    expect(violation(() => assignRole(withBackup, { role: 'backup-incident-manager', accountId: 'carol' }, at(2))).rule).toBe(
      'single-backup-incident-manager',
    );
    expect(violation(() => assignRole(withIm, { role: 'backup-incident-manager', accountId: 'alice' }, at(2))).rule).toBe(
      'backup-differs-from-incident-manager',
    );
  });

  it('refuses giving someone a role they already hold', () => {
    const roles = assignRole(withIm, { role: 'tech-lead', accountId: 'bob' }, at(1));
    expect(violation(() => assignRole(roles, { role: 'tech-lead', accountId: 'bob' }, at(2))).reason).toBe('bob is already Tech Lead.');
  });

  it('refuses a role change dated before the last one', () => {
    const refused = violation(() => assignRole(withIm, { role: 'tech-lead', accountId: 'bob' }, at(-10)));
    expect(refused.rule).toBe('role-change-out-of-order');
  });

  it('refuses bad requests with a validation error naming the field', () => {
    expect(thrownBy(() => assignRole(withIm, { role: 'tech-lead', accountId: 'Bob Smith' }, at(1)))).toMatchObject({
      name: 'ValidationError',
      field: 'accountId',
    });
    expect(thrownBy(() => assignRole(withIm, { role: 'tech-lead', accountId: 'bob', scope: 'external' }, at(1)))).toMatchObject({
      name: 'ValidationError',
      field: 'scope',
      reason: 'applies only to communications managers',
    });
  });

  it('ends a role at an instant, after which the person no longer holds it', () => {
    const roles = endRole(assignRole(withIm, { role: 'tech-lead', accountId: 'bob' }, at(1)), { role: 'tech-lead', accountId: 'bob' }, at(30));
    expect(roles[1]).toEqual({ role: 'tech-lead', accountId: 'bob', startedAt: at(1), endedAt: at(30) });
    expect(currentHolders(roles, 'tech-lead', at(29))).toHaveLength(1);
    expect(currentHolders(roles, 'tech-lead', at(30))).toHaveLength(0);
  });

  it('refuses ending a role the person does not hold', () => {
    expect(violation(() => endRole(withIm, { role: 'tech-lead', accountId: 'bob' }, at(1))).reason).toBe(
      'bob is not Tech Lead at 2024-05-01 10:01 UTC.',
    );
  });

  it('ends every open assignment when the incident is over', () => {
    const roles = endAllRoles(assignRole(withIm, { role: 'tech-lead', accountId: 'bob' }, at(1)), at(60));
    expect(roles.every((a) => a.endedAt === at(60))).toBe(true);
  });
});

describe('handing over the incident manager role', () => {
  const withIm = assignRole([], { role: 'incident-manager', accountId: 'alice' }, at(0));

  it('ends the current IM and starts the new one at the same instant', () => {
    const roles = handOverIncidentManager(withIm, 'bob', at(240));
    expect(roles).toEqual([
      { role: 'incident-manager', accountId: 'alice', startedAt: at(0), endedAt: at(240) },
      { role: 'incident-manager', accountId: 'bob', startedAt: at(240) },
    ]);
    expect(currentIncidentManager(roles, at(239))).toBe('alice');
    expect(currentIncidentManager(roles, at(240))).toBe('bob');
    expect(handovers(roles)).toEqual([{ role: 'incident-manager', from: 'alice', to: 'bob', at: at(240) }]);
  });

  it('moves the backup IM up: they stop being the backup when they take over', () => {
    const withBackup = assignRole(withIm, { role: 'backup-incident-manager', accountId: 'bob' }, at(10));
    const roles = handOverIncidentManager(withBackup, 'bob', at(100));
    expect(currentHolders(roles, 'backup-incident-manager', at(100))).toEqual([]);
    expect(currentIncidentManager(roles, at(100))).toBe('bob');
  });

  it('refuses a handover when nobody is the IM, or to the current IM', () => {
    expect(violation(() => handOverIncidentManager([], 'bob', at(1))).rule).toBe('no-incident-manager');
    expect(violation(() => handOverIncidentManager(withIm, 'alice', at(1))).rule).toBe('handover-to-self');
  });

  it('lists handovers of any role in time order, but not a gap between holders', () => {
    let roles = assignRole(withIm, { role: 'tech-lead', accountId: 'bob' }, at(1));
    roles = endRole(roles, { role: 'tech-lead', accountId: 'bob' }, at(50));
    roles = assignRole(roles, { role: 'tech-lead', accountId: 'carol' }, at(50));
    roles = endRole(roles, { role: 'tech-lead', accountId: 'carol' }, at(60));
    roles = assignRole(roles, { role: 'tech-lead', accountId: 'dan' }, at(70));
    roles = handOverIncidentManager(roles, 'erin', at(80));
    expect(handovers(roles)).toEqual([
      { role: 'tech-lead', from: 'bob', to: 'carol', at: at(50) },
      { role: 'incident-manager', from: 'alice', to: 'erin', at: at(80) },
    ]);
  });
});

describe('time on the incident', () => {
  it('counts overlapping assignments of one person once and open ones up to now, longest first', () => {
    const roles: RoleAssignment[] = [
      { role: 'incident-manager', accountId: 'alice', startedAt: at(0), endedAt: at(120) },
      { role: 'custom:Scribe', accountId: 'alice', startedAt: at(60), endedAt: at(180) },
      { role: 'tech-lead', accountId: 'bob', startedAt: at(30) },
      { role: 'tech-lead', accountId: 'carol', startedAt: at(10), endedAt: at(20) },
      { role: 'custom:Scribe', accountId: 'carol', startedAt: at(40), endedAt: at(50) },
    ];
    expect(timeOnIncident(roles, at(200))).toEqual([
      { accountId: 'alice', ms: 180 * 60_000, since: at(0), active: false },
      { accountId: 'bob', ms: 170 * 60_000, since: at(30), active: true },
      { accountId: 'carol', ms: 20 * 60_000, since: at(10), active: false },
    ]);
  });

  it('ignores assignments that start after now and counts nested ones once', () => {
    const roles: RoleAssignment[] = [
      { role: 'tech-lead', accountId: 'bob', startedAt: at(0), endedAt: at(100) },
      { role: 'custom:Scribe', accountId: 'bob', startedAt: at(10), endedAt: at(20) },
      { role: 'tech-lead', accountId: 'carol', startedAt: at(50) },
    ];
    expect(timeOnIncident(roles, at(40))).toEqual([{ accountId: 'bob', ms: 40 * 60_000, since: at(0), active: true }]);
  });
});

describe('parsing stored assignments', () => {
  it('reads ISO instants into epoch milliseconds', () => {
    expect(
      parseRoleAssignments([{ role: 'communications-manager', accountId: 'dan', scope: 'external', startedAt: iso(0), endedAt: iso(30) }]),
    ).toEqual([{ role: 'communications-manager', accountId: 'dan', scope: 'external', startedAt: at(0), endedAt: at(30) }]);
  });

  it('refuses an assignment that ends before it starts', () => {
    expect(thrownBy(() => parseRoleAssignments([{ role: 'tech-lead', accountId: 'bob', startedAt: iso(10), endedAt: iso(5) }]))).toMatchObject({
      field: 'roles[0].endedAt',
      reason: 'must not be before startedAt',
    });
  });

  it('requires a scope on communications managers and refuses it on other roles', () => {
    expect(thrownBy(() => parseRoleAssignments([{ role: 'communications-manager', accountId: 'dan', startedAt: iso(0) }]))).toMatchObject({
      field: 'roles[0].scope',
    });
    expect(thrownBy(() => parseRoleAssignments([{ role: 'tech-lead', accountId: 'dan', scope: 'both', startedAt: iso(0) }]))).toMatchObject({
      field: 'roles[0].scope',
      reason: 'applies only to communications managers',
    });
  });

  it('refuses two incident managers at once', () => {
    const input = [
      { role: 'incident-manager', accountId: 'alice', startedAt: iso(0), endedAt: iso(60) },
      { role: 'incident-manager', accountId: 'bob', startedAt: iso(30) },
    ];
    expect(thrownBy(() => parseRoleAssignments(input))).toMatchObject({
      field: 'roles[1].startedAt',
      reason: 'overlaps roles[0]: only one Incident Manager at a time',
    });
  });

  it('accepts back-to-back incident managers and refuses one person holding a role twice at once', () => {
    expect(
      parseRoleAssignments([
        { role: 'incident-manager', accountId: 'alice', startedAt: iso(0), endedAt: iso(60) },
        { role: 'incident-manager', accountId: 'bob', startedAt: iso(60) },
      ]),
    ).toHaveLength(2);
    const twice = [
      { role: 'tech-lead', accountId: 'bob', startedAt: iso(0) },
      { role: 'tech-lead', accountId: 'bob', startedAt: iso(10) },
    ];
    expect(thrownBy(() => parseRoleAssignments(twice))).toMatchObject({
      field: 'roles[1].startedAt',
      reason: 'overlaps roles[0]: the same person holds the same role twice',
    });
  });

  it('refuses a missing account id by path', () => {
    expect(thrownBy(() => parseRoleAssignments([{ role: 'tech-lead', startedAt: iso(0) }]))).toMatchObject({
      field: 'roles[0].accountId',
      reason: 'is required',
    });
  });
});
