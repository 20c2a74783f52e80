import { NotFoundError } from '../errors';
import { COCKPIT_SETTINGS_KEY } from './cockpit-settings';
import { delegateRole } from './delegate-role';
import { loadCockpit } from './load-cockpit';
import { takeCommand } from './take-command';
import { cockpitWorld, MINUTE, PEOPLE, type CockpitWorld } from './testing/cockpit-fixture';

const HOUR = 60 * MINUTE;
const load = (world: CockpitWorld, accountId: string = PEOPLE.alice.accountId) => loadCockpit(world.deps(accountId), world.caller(accountId));

async function commanded(): Promise<CockpitWorld> {
  const world = cockpitWorld();
  await takeCommand(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId), { transitionId: '11' });
  return world;
}

describe('load the cockpit', () => {
  it('reads everything in one round of parallel calls', async () => {
    const world = cockpitWorld();

    await load(world);

    expect(Math.max(...world.log.calls.map((call) => call.depth))).toBe(1);
    expect(world.jira.requests().sort()).toEqual(['jira GET /issue/HOT-12', 'jira GET /mypermissions HOT-12', `jira GET /user ${PEOPLE.alice.accountId}`]);
  });

  it('offers a new incident to be taken, with the transition to Fixing, detected when it was raised', async () => {
    const world = cockpitWorld();

    const view = await load(world);

    expect(view.command).toEqual({ canTakeCommand: true, takeCommandTransitionId: '11', detectedMissing: false });
    expect(view.issue.detected).toBe('2026-03-02T09:00:00.000Z');
    expect(view.nextStep).toMatchObject({ name: 'Raise', state: 'pending' });
  });

  it('moves the next step on as the incident is worked', async () => {
    const world = await commanded();

    const view = await load(world);

    expect(view.nextStep).toMatchObject({ name: 'Open comms', reason: 'no chat room linked' });
    expect(view.checklist.map((item) => [item.name, item.state])).toEqual([
      ['Detect', 'done'],
      ['Raise', 'done'],
      ['Open comms', 'pending'],
      ['Assess', 'pending'],
      ['Initial comms', 'pending'],
      ['Escalate', 'pending'],
      ['Delegate', 'pending'],
      ['Follow-up comms', 'pending'],
      ['Review', 'pending'],
      ['Resolve', 'pending'],
    ]);
  });

  it('shows someone who may only view the issue the same incident, read-only and saying why', async () => {
    const world = await commanded();

    const [vera, alice] = [await load(world, PEOPLE.vera.accountId), await load(world)];

    expect(vera.viewer).toEqual({
      accountId: PEOPLE.vera.accountId,
      canEdit: false,
      canTransition: false,
      isIncidentManager: false,
      readOnlyReason: 'You can view this incident but not change it: Jira does not give you permission to edit this issue.',
    });
    expect(vera.checklist).toEqual(alice.checklist);
    expect(vera.command.incidentManager).toEqual(alice.command.incidentManager);
  });

  it('offers no take command to someone who may only view a new incident', async () => {
    const world = cockpitWorld();

    const view = await load(world, PEOPLE.vera.accountId);

    expect(view.command).toEqual({ canTakeCommand: false, detectedMissing: false });
  });

  it('prompts a handover after four hours in command and offers the brief', async () => {
    const world = await commanded();
    await delegateRole(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId), { role: 'tech-lead', accountId: PEOPLE.bob.accountId });
    world.clock.advance(4 * HOUR);

    const view = await load(world);

    expect(view.review.fatigue).toEqual([
      expect.objectContaining({ person: { accountId: PEOPLE.alice.accountId, displayName: 'Alice Incident' }, urgency: 'hand-over-now', workedMs: 4 * HOUR }),
    ]);
    expect(view.review.fatigue[0]?.message).toBe('Alice Incident has been on the incident for 4h 00m (limit for Incident Manager: 4h 00m): hand over now.');
    expect(view.review.handoverBrief).toContain('- Incident Manager: Alice Incident (since 2026-03-02 09:00 UTC, 4h 00m)');
    expect(view.review.handoverBrief).toContain('- Tech Lead: Bob Techlead');
    expect(view.review.timeOnIncident.map((entry) => [entry.person.displayName, entry.ms])).toEqual([
      ['Alice Incident', 4 * HOUR],
      ['Bob Techlead', 4 * HOUR],
    ]);
  });

  it('uses the fatigue limit the site configured', async () => {
    const world = await commanded();
    world.store.entries.set(COCKPIT_SETTINGS_KEY, { fatigueLimitMinutes: { 'incident-manager': 120 } });
    world.clock.advance(2 * HOUR);

    const view = await load(world);

    expect(view.review.fatigue.map((warning) => warning.urgency)).toEqual(['hand-over-now']);
  });

  it('says when the app’s fields are not set up and still shows what it can', async () => {
    const world = cockpitWorld({ fields: false });

    const view = await load(world);

    expect(view.fieldsProvisioned).toBe(false);
    expect(view.warnings).toEqual(["The app's incident fields are not set up yet: an administrator can create them in the app's settings."]);
    expect(view.issue).toMatchObject({ key: 'HOT-12', summary: "Can't push to Bitbucket", statusName: 'New' });
  });

  it('treats an issue the user may not see as not found', async () => {
    const world = cockpitWorld();
    world.jira.permissions.set(PEOPLE.vera.accountId, { browse: false, edit: false, transition: false, assign: false, comment: false });

    await expect(load(world, PEOPLE.vera.accountId)).rejects.toBeInstanceOf(NotFoundError);
  });
});
