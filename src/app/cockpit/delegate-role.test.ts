import { RuleViolation, ValidationError } from '../../domain/errors';
import { ForbiddenError } from '../errors';
import { delegateRole, endRole, handOverCommand } from './delegate-role';
import { openComms } from './open-comms';
import { takeCommand } from './take-command';
import { cockpitWorld, FIELDS, MINUTE, PEOPLE, T0, type CockpitWorld } from './testing/cockpit-fixture';

async function commsOpen(): Promise<CockpitWorld> {
  const world = cockpitWorld();
  await takeCommand(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId), { transitionId: '11' });
  await openComms(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId));
  world.clock.advance(10 * MINUTE);
  return world;
}

const byAlice = (world: CockpitWorld) => ({ deps: world.deps(PEOPLE.alice.accountId), caller: world.caller(PEOPLE.alice.accountId) });

describe('delegate roles', () => {
  it('makes someone Tech Lead: the issue field, the topic and the room follow', async () => {
    const world = await commsOpen();
    const { deps, caller } = byAlice(world);

    const update = await delegateRole(deps, caller, { role: 'tech-lead', accountId: PEOPLE.bob.accountId });

    expect(world.issue.fields[FIELDS.techLead]).toEqual([expect.objectContaining({ accountId: PEOPLE.bob.accountId })]);
    expect(world.chat.roomNamed('hot-12')?.topic).toContain('IM: Alice Incident · TL: Bob Techlead');
    expect(world.chat.roomNamed('hot-12')?.members.has(`U-${PEOPLE.bob.accountId}`)).toBe(true);
    expect(update.view.roles.current.map((role) => [role.roleLabel, role.person.displayName])).toEqual([
      ['Incident Manager', 'Alice Incident'],
      ['Tech Lead', 'Bob Techlead'],
    ]);
    expect(world.jira.comments.at(-1)?.text).toContain('Bob Techlead is now Tech Lead.');
  });

  it('makes a communications manager for one audience and shows it in the checklist', async () => {
    const world = await commsOpen();
    const { deps, caller } = byAlice(world);
    await delegateRole(deps, caller, { role: 'tech-lead', accountId: PEOPLE.bob.accountId });

    const update = await delegateRole(deps, caller, { role: 'communications-manager', accountId: PEOPLE.carol.accountId, scope: 'both' });

    expect(world.issue.fields[FIELDS.communicationsManager]).toEqual([expect.objectContaining({ accountId: PEOPLE.carol.accountId })]);
    expect(update.view.checklist.find((item) => item.step === 'delegate')).toMatchObject({ state: 'done' });
    expect(world.chat.roomNamed('hot-12')?.topic).toContain('CM: Carol Comms');
  });

  it('keeps a backup incident manager and roles the IM devised in the app and the topic', async () => {
    const world = await commsOpen();
    const { deps, caller } = byAlice(world);

    await delegateRole(deps, caller, { role: 'backup-incident-manager', accountId: PEOPLE.dave.accountId });
    const update = await delegateRole(deps, caller, { role: 'custom:Scribe', accountId: PEOPLE.carol.accountId });

    expect(update.view.roles.current.map((role) => role.roleLabel)).toEqual(['Incident Manager', 'Backup Incident Manager', 'Scribe']);
    expect(world.chat.roomNamed('hot-12')?.topic).toContain('Backup IM: Dave Backup · Scribe: Carol Comms');
  });

  it('ends a role: the field is emptied and the history keeps when it ended', async () => {
    const world = await commsOpen();
    const { deps, caller } = byAlice(world);
    await delegateRole(deps, caller, { role: 'tech-lead', accountId: PEOPLE.bob.accountId });
    world.clock.advance(30 * MINUTE);

    const update = await endRole(deps, caller, { role: 'tech-lead', accountId: PEOPLE.bob.accountId });

    expect(world.issue.fields[FIELDS.techLead]).toEqual([]);
    expect(update.view.roles.history.find((role) => role.role === 'tech-lead')).toMatchObject({
      startedAt: new Date(T0 + 10 * MINUTE).toISOString(),
      endedAt: new Date(T0 + 40 * MINUTE).toISOString(),
    });
    expect(world.chat.roomNamed('hot-12')?.topic).not.toContain('TL:');
  });

  it('refuses to give the incident manager role by delegation', async () => {
    const world = await commsOpen();
    const { deps, caller } = byAlice(world);

    await expect(delegateRole(deps, caller, { role: 'incident-manager', accountId: PEOPLE.bob.accountId })).rejects.toBeInstanceOf(RuleViolation);
  });

  it('refuses someone who is not a Jira user', async () => {
    const world = await commsOpen();
    const { deps, caller } = byAlice(world);

    await expect(delegateRole(deps, caller, { role: 'tech-lead', accountId: 'acc-nobody' })).rejects.toEqual(new ValidationError('accountId', 'is not a Jira user on this site'));
  });

  it('refuses someone who may only view the issue and changes nothing', async () => {
    const world = await commsOpen();
    const commentsBefore = world.jira.comments.length;

    await expect(delegateRole(world.deps(PEOPLE.vera.accountId), world.caller(PEOPLE.vera.accountId), { role: 'tech-lead', accountId: PEOPLE.bob.accountId })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(world.jira.comments).toHaveLength(commentsBefore);
    expect(world.issue.fields[FIELDS.techLead]).toBeUndefined();
  });
});

describe('hand over command', () => {
  it('hands the IM role to the backup: one ends as the other starts, and the assignee follows', async () => {
    const world = await commsOpen();
    const { deps, caller } = byAlice(world);
    await delegateRole(deps, caller, { role: 'backup-incident-manager', accountId: PEOPLE.dave.accountId });
    world.clock.advance(4 * 60 * MINUTE);

    const update = await handOverCommand(deps, caller, { toAccountId: PEOPLE.dave.accountId });

    const at = new Date(T0 + 250 * MINUTE).toISOString();
    expect(world.issue.fields['assignee']).toMatchObject({ accountId: PEOPLE.dave.accountId });
    expect(update.view.roles.history.filter((role) => role.role === 'incident-manager')).toEqual([
      expect.objectContaining({ person: expect.objectContaining({ accountId: PEOPLE.alice.accountId }), endedAt: at }),
      expect.objectContaining({ person: expect.objectContaining({ accountId: PEOPLE.dave.accountId }), startedAt: at }),
    ]);
    expect(update.view.command.backup).toBeUndefined();
    expect(world.chat.roomNamed('hot-12')?.topic).toContain('IM: Dave Backup');
    expect(world.jira.comments.at(-1)?.text).toContain('Alice Incident handed over incident manager to Dave Backup.');
  });

  it('clears the outgoing IM’s chat status and shows the key as the new IM’s', async () => {
    const world = await commsOpen();
    const { deps, caller } = byAlice(world);

    const update = await handOverCommand(deps, caller, { toAccountId: PEOPLE.dave.accountId });

    expect(world.chat.statuses.has(`U-${PEOPLE.alice.accountId}`)).toBe(false);
    expect(world.chat.statuses.get(`U-${PEOPLE.dave.accountId}`)).toBe('HOT-12');
    expect(update.view.channels.chatStatusOf?.accountId).toBe(PEOPLE.dave.accountId);
  });

  it('hands over command taken outside the panel (the assignee) too', async () => {
    const world = cockpitWorld();
    world.issue.fields['assignee'] = world.jira.userObject(PEOPLE.alice.accountId);
    const { deps, caller } = byAlice(world);

    const update = await handOverCommand(deps, caller, { toAccountId: PEOPLE.bob.accountId });

    expect(update.view.command.incidentManager?.accountId).toBe(PEOPLE.bob.accountId);
    expect(world.issue.fields['assignee']).toMatchObject({ accountId: PEOPLE.bob.accountId });
  });

  it('refuses a handover to the person already in command', async () => {
    const world = await commsOpen();
    const { deps, caller } = byAlice(world);

    await expect(handOverCommand(deps, caller, { toAccountId: PEOPLE.alice.accountId })).rejects.toBeInstanceOf(RuleViolation);
  });
});
