import { ValidationError } from '../../domain/errors';
import { openComms } from './open-comms';
import { setChannelLinks } from './set-channel-links';
import { takeCommand } from './take-command';
import { cockpitWorld, FIELDS, PEOPLE, type CockpitWorld } from './testing/cockpit-fixture';

async function commanded(options: { chat: boolean }): Promise<CockpitWorld> {
  const world = cockpitWorld();
  world.chat.configured = options.chat;
  await takeCommand(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId), { transitionId: '11' });
  return world;
}

const setLinks = (world: CockpitWorld, links: Parameters<typeof setChannelLinks>[2]) =>
  setChannelLinks(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId), links);

describe('set channel links by hand', () => {
  it('lets the IM paste all three links without a chat integration, in one Jira request', async () => {
    const world = await commanded({ chat: false });
    world.log.clear();

    const update = await setLinks(world, {
      chatRoom: 'https://teams.example.com/hot-12',
      videoCall: 'https://meet.example.com/hot-12',
      stateDocument: 'https://wiki.example.com/HOT-12+state',
    });

    expect(world.jira.requests().filter((name) => !name.includes('GET'))).toEqual(['jira PUT /issue/HOT-12']);
    expect(world.issue.fields[FIELDS.videoCall]).toBe('https://meet.example.com/hot-12');
    expect(update.view.channels).toMatchObject({ chatConfigured: false, chatRoom: 'https://teams.example.com/hot-12', stateDocument: 'https://wiki.example.com/HOT-12+state' });
    expect(update.view.checklist.find((item) => item.step === 'open-comms')).toMatchObject({ state: 'done' });
  });

  it('puts the video call and state document in the room topic', async () => {
    const world = await commanded({ chat: true });
    await openComms(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId));

    await setLinks(world, { videoCall: 'https://meet.example.com/hot-12', stateDocument: 'https://wiki.example.com/s' });

    expect(world.chat.roomNamed('hot-12')?.topic).toMatch(/\| Video: https:\/\/meet\.example\.com\/hot-12 \| Doc: https:\/\/wiki\.example\.com\/s$/);
  });

  it('clears a link with null', async () => {
    const world = await commanded({ chat: false });
    await setLinks(world, { videoCall: 'https://meet.example.com/hot-12' });

    const update = await setLinks(world, { videoCall: null });

    expect(world.issue.fields[FIELDS.videoCall]).toBeNull();
    expect(update.view.channels.videoCall).toBeUndefined();
  });

  it('refuses a link that is not a web address, naming it', async () => {
    const world = await commanded({ chat: false });

    await expect(setLinks(world, { videoCall: 'zoom meeting 123' })).rejects.toEqual(new ValidationError('videoCall', 'must be an http(s) URL'));
    expect(world.issue.fields[FIELDS.videoCall]).toBeUndefined();
  });
});
