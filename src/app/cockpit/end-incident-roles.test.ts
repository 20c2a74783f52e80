import { endIncidentRoles, endsTheResponse } from './end-incident-roles';
import { delegateRole } from './delegate-role';
import { loadCockpit } from './load-cockpit';
import { openComms } from './open-comms';
import { takeCommand } from './take-command';
import { cockpitWorld, MINUTE, PEOPLE, T0, type CockpitWorld } from './testing/cockpit-fixture';
import { jiraStatus } from './testing/in-memory-incident-issues';

async function worked(): Promise<CockpitWorld> {
  const world = cockpitWorld();
  const [deps, caller] = [world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId)];
  await takeCommand(deps, caller, { transitionId: '11' });
  await openComms(deps, caller);
  await delegateRole(deps, caller, { role: 'tech-lead', accountId: PEOPLE.bob.accountId });
  world.clock.advance(90 * MINUTE);
  return world;
}

describe('when the incident ends', () => {
  it('ends every role still held and clears the IM’s chat status', async () => {
    const world = await worked();

    const problems = await endIncidentRoles({ store: world.store, chat: world.chat, clock: world.clock }, world.issue);
    world.issue.fields['status'] = jiraStatus('Resolved');

    expect(problems).toEqual([]);
    expect(world.chat.statuses.size).toBe(0);
    const view = await loadCockpit(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId));
    expect(view.roles.current).toEqual([]);
    expect(view.roles.history.map((role) => role.endedAt)).toEqual([new Date(T0 + 90 * MINUTE).toISOString(), new Date(T0 + 90 * MINUTE).toISOString()]);
    expect(view.channels.chatStatusOf).toBeUndefined();
  });

  it('changes nothing more when the event arrives twice', async () => {
    const world = await worked();
    await endIncidentRoles({ store: world.store, chat: world.chat, clock: world.clock }, world.issue);
    world.clock.advance(MINUTE);
    world.log.clear();

    await endIncidentRoles({ store: world.store, chat: world.chat, clock: world.clock }, world.issue);

    expect(world.log.names().filter((name) => name.startsWith('kvs.set') || name.startsWith('chat.'))).toEqual([]);
  });
});

describe('when the response is over', () => {
  it('is over once the status moves to Resolved or Cancelled, and not for other changes', () => {
    expect(endsTheResponse([{ field: 'status', fromText: 'Fixing', toText: 'Resolved' }])).toBe(true);
    expect(endsTheResponse([{ field: 'status', fromText: 'New', toText: 'Cancelled' }])).toBe(true);
    expect(endsTheResponse([{ field: 'status', fromText: 'Resolved', toText: 'Fixing' }])).toBe(false);
    expect(endsTheResponse([{ field: 'summary', toText: 'Resolved' }])).toBe(false);
    expect(endsTheResponse([])).toBe(false);
  });
});
