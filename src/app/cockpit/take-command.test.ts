import { ForbiddenError } from '../errors';
import { PagingRepository } from '../paging/paging-repository';
import { stateKeys } from './cockpit-state';
import { loadCockpit } from './load-cockpit';
import { takeCommand } from './take-command';
import { cockpitWorld, FIELDS, PEOPLE, T0 } from './testing/cockpit-fixture';
import { jiraStatus } from './testing/in-memory-incident-issues';

const FIXING = '11';

describe('take command', () => {
  it('assigns the responder, moves the incident to Fixing and comments, all in one Jira request', async () => {
    const world = cockpitWorld();

    const result = await takeCommand(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId), { transitionId: FIXING });

    expect(result).toEqual({ outcome: 'in-command', notices: [] });
    expect(world.jira.requests()).toEqual(['jira GET /mypermissions HOT-12', 'jira POST /issue/HOT-12/transitions']);
    expect(world.issue.fields['status']).toMatchObject({ name: 'Fixing' });
    expect(world.issue.fields['assignee']).toMatchObject({ accountId: PEOPLE.alice.accountId });
    expect(world.issue.fields[FIELDS.detected]).toBeUndefined();
    expect(world.jira.comments.map((comment) => comment.text)).toEqual([expect.stringContaining('Took command as incident manager')]);
  });

  it('sends the Jira request after one round of storage reads and acknowledges pages after it', async () => {
    const world = cockpitWorld();
    await world.pageWaiting();
    world.log.clear();

    await takeCommand(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId), { transitionId: FIXING });

    expect(world.log.depthOf('jira POST')).toBe(2);
    expect(Math.max(...world.log.calls.map((call) => call.depth))).toBe(3);
  });

  it('acknowledges the page that is waiting, in the name of the new incident manager', async () => {
    const world = cockpitWorld();
    const episode = await world.pageWaiting();

    await takeCommand(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId), { transitionId: FIXING });

    expect(await new PagingRepository(world.store).acknowledgement(episode)).toEqual({ at: new Date(T0).toISOString(), by: PEOPLE.alice.accountId, via: 'app' });
  });

  it('starts the incident manager role when command is taken', async () => {
    const world = cockpitWorld();

    await takeCommand(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId), { transitionId: FIXING });
    const view = await loadCockpit(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId));

    expect(view.command.incidentManager).toEqual({ accountId: PEOPLE.alice.accountId, displayName: 'Alice Incident', since: new Date(T0).toISOString() });
    expect(view.viewer.isIncidentManager).toBe(true);
    expect(view.checklist.find((item) => item.step === 'raise')).toMatchObject({ state: 'done' });
  });

  it('never moves the detection time', async () => {
    const world = cockpitWorld();
    world.issue.fields[FIELDS.detected] = '2026-03-02T08:55:00.000+0000';

    await takeCommand(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId), { transitionId: FIXING });

    expect(world.issue.fields[FIELDS.detected]).toBe('2026-03-02T08:55:00.000+0000');
  });

  it('names whoever took command a moment earlier through the panel and changes nothing', async () => {
    const world = cockpitWorld();
    await takeCommand(world.deps(PEOPLE.bob.accountId), world.caller(PEOPLE.bob.accountId), { transitionId: FIXING });
    const commentsBefore = world.jira.comments.length;
    world.log.clear();

    const result = await takeCommand(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId), { transitionId: FIXING });

    expect(result).toMatchObject({ outcome: 'already-taken', by: { accountId: PEOPLE.bob.accountId } });
    expect(world.jira.requests()).toEqual(['jira GET /mypermissions HOT-12']);
    expect(world.issue.fields['assignee']).toMatchObject({ accountId: PEOPLE.bob.accountId });
    expect(world.jira.comments).toHaveLength(commentsBefore);
  });

  it('names the assignee when the incident already moved to Fixing in Jira, and changes nothing', async () => {
    const world = cockpitWorld();
    world.issue.fields['status'] = jiraStatus('Fixing');
    world.issue.fields['assignee'] = world.jira.userObject(PEOPLE.bob.accountId);

    const result = await takeCommand(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId), { transitionId: FIXING });

    expect(result).toMatchObject({ outcome: 'already-taken', by: { accountId: PEOPLE.bob.accountId, displayName: 'Bob Techlead' }, status: 'Fixing' });
    expect(result.outcome === 'already-taken' ? result.message : '').toContain('Bob Techlead');
    expect(world.issue.fields['assignee']).toMatchObject({ accountId: PEOPLE.bob.accountId });
    expect(world.jira.comments).toHaveLength(0);
    expect(world.store.entries.has(stateKeys.command(world.issue.id))).toBe(false);
  });

  it('names someone who took the incident by assigning themselves in Jira', async () => {
    const world = cockpitWorld();
    const episode = await world.pageWaiting();
    await new PagingRepository(world.store).acknowledge(episode, { at: new Date(T0).toISOString(), by: PEOPLE.bob.accountId, via: 'assigned' });

    const result = await takeCommand(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId), { transitionId: FIXING });

    expect(result).toMatchObject({ outcome: 'already-taken', by: { accountId: PEOPLE.bob.accountId } });
    expect(world.issue.fields['status']).toMatchObject({ name: 'New' });
    expect(world.store.entries.has(stateKeys.command(world.issue.id))).toBe(false);
  });

  it('refuses someone Jira does not let move the issue, leaving no trace', async () => {
    const world = cockpitWorld();

    await expect(takeCommand(world.deps(PEOPLE.vera.accountId), world.caller(PEOPLE.vera.accountId), { transitionId: FIXING })).rejects.toBeInstanceOf(ForbiddenError);

    expect(world.issue.fields['status']).toMatchObject({ name: 'New' });
    expect(world.store.entries.has(stateKeys.command(world.issue.id))).toBe(false);
  });

  it('lets the same person try again after Jira refused for another reason', async () => {
    const world = cockpitWorld();
    const caller = world.caller(PEOPLE.alice.accountId);
    await expect(takeCommand(world.deps(PEOPLE.alice.accountId), caller, { transitionId: '99' })).rejects.toThrow("Transition id '99' is not valid");

    const result = await takeCommand(world.deps(PEOPLE.alice.accountId), caller, { transitionId: FIXING });

    expect(result.outcome).toBe('in-command');
  });
});
