import { RuleViolation } from '../../domain/errors';
import { ForbiddenError, NotConfiguredError, RemoteCallError } from '../errors';
import { openComms } from './open-comms';
import { takeCommand } from './take-command';
import { cockpitWorld, FIELDS, PEOPLE, type CockpitWorld } from './testing/cockpit-fixture';

async function commandedWorld(): Promise<CockpitWorld> {
  const world = cockpitWorld();
  await takeCommand(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId), { transitionId: '11' });
  return world;
}

const asAlice = (world: CockpitWorld) => openComms(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId));

describe('open comms', () => {
  it('creates a chat room named after the issue key and links it on the issue', async () => {
    const world = await commandedWorld();

    const update = await asAlice(world);

    const room = world.chat.roomNamed('hot-12');
    expect(room).toBeDefined();
    expect(world.issue.fields[FIELDS.chatRoom]).toBe(room?.room.url);
    expect(update.view.channels).toMatchObject({ chatRoom: room?.room.url, chatRoomName: 'hot-12' });
    expect(world.jira.comments.at(-1)?.text).toContain('Opened comms: chat room #hot-12');
    expect(update.notices).toEqual([]);
  });

  it('sets the topic to the summary, severity, who is in which role and the link to the issue', async () => {
    const world = await commandedWorld();

    await asAlice(world);

    expect(world.chat.roomNamed('hot-12')?.topic).toBe("HOT-12 [Sev 1] Can't push to Bitbucket | IM: Alice Incident | Issue: https://example.atlassian.net/browse/HOT-12");
  });

  it('invites the role holders, posts the links and shows the issue key as the IM’s chat status', async () => {
    const world = await commandedWorld();

    const update = await asAlice(world);

    const room = world.chat.roomNamed('hot-12');
    expect([...(room?.members ?? [])]).toEqual([`U-${PEOPLE.alice.accountId}`]);
    expect(room?.messages[0]).toContain('Issue: https://example.atlassian.net/browse/HOT-12');
    expect(world.chat.statuses.get(`U-${PEOPLE.alice.accountId}`)).toBe('HOT-12');
    expect(update.view.channels.chatStatusOf).toEqual({ accountId: PEOPLE.alice.accountId, displayName: 'Alice Incident' });
  });

  it('reuses the room it opened when the issue could not be linked the first time', async () => {
    const world = await commandedWorld();
    world.jira.failNext(new RemoteCallError('jira', 'edit issue', 400, 'Field is not on the appropriate screen'));
    await expect(asAlice(world)).rejects.toThrow('not on the appropriate screen');
    expect(world.issue.fields[FIELDS.chatRoom]).toBeUndefined();

    await asAlice(world);

    expect(world.chat.rooms.size).toBe(1);
    expect(world.issue.fields[FIELDS.chatRoom]).toBe(world.chat.roomNamed('hot-12')?.room.url);
  });

  it('reports a room of that name made outside the app instead of taking it over', async () => {
    const world = await commandedWorld();
    world.chat.addForeignRoom('hot-12');

    await expect(asAlice(world)).rejects.toBeInstanceOf(RuleViolation);
    expect(world.issue.fields[FIELDS.chatRoom]).toBeUndefined();
  });

  it('turns chat problems after the room exists into notices and keeps the room linked', async () => {
    const world = await commandedWorld();
    world.chat.statusAllowed = false;

    const update = await asAlice(world);

    expect(update.notices).toEqual([expect.stringContaining('Could not set the chat status to the issue key: slack users.profile.set failed (200): not_allowed_token_type')]);
    expect(world.issue.fields[FIELDS.chatRoom]).toBe(world.chat.roomNamed('hot-12')?.room.url);
    expect(update.view.channels.chatStatusOf).toBeUndefined();
  });

  it('says so without a chat integration and changes nothing', async () => {
    const world = await commandedWorld();
    world.chat.configured = false;

    await expect(asAlice(world)).rejects.toBeInstanceOf(NotConfiguredError);
    expect(world.chat.rooms.size).toBe(0);
  });

  it('refuses someone who may only view the issue', async () => {
    const world = await commandedWorld();

    await expect(openComms(world.deps(PEOPLE.vera.accountId), world.caller(PEOPLE.vera.accountId))).rejects.toBeInstanceOf(ForbiddenError);
    expect(world.chat.rooms.size).toBe(0);
  });
});
