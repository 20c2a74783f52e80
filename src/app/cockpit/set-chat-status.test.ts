import { RuleViolation } from '../../domain/errors';
import { NotConfiguredError } from '../errors';
import { setChatStatus } from './set-chat-status';
import { takeCommand } from './take-command';
import { cockpitWorld, PEOPLE, type CockpitWorld } from './testing/cockpit-fixture';

async function commanded(): Promise<CockpitWorld> {
  const world = cockpitWorld();
  await takeCommand(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId), { transitionId: '11' });
  return world;
}

const set = (world: CockpitWorld, accountId: string, managing: boolean) => setChatStatus(world.deps(accountId), world.caller(accountId), { managing });

describe('chat status', () => {
  it('shows the issue key as the IM’s status and clears it again', async () => {
    const world = await commanded();

    const on = await set(world, PEOPLE.alice.accountId, true);
    expect(world.chat.statuses.get(`U-${PEOPLE.alice.accountId}`)).toBe('HOT-12');
    expect(on.view.channels.chatStatusOf?.accountId).toBe(PEOPLE.alice.accountId);

    const off = await set(world, PEOPLE.alice.accountId, false);
    expect(world.chat.statuses.has(`U-${PEOPLE.alice.accountId}`)).toBe(false);
    expect(off.view.channels.chatStatusOf).toBeUndefined();
  });

  it('lets only the incident manager mark themselves as managing', async () => {
    const world = await commanded();

    await expect(set(world, PEOPLE.bob.accountId, true)).rejects.toBeInstanceOf(RuleViolation);
    expect(world.chat.statuses.size).toBe(0);
  });

  it('answers with the reason when the chat workspace refuses', async () => {
    const world = await commanded();
    world.chat.statusAllowed = false;

    await expect(set(world, PEOPLE.alice.accountId, true)).rejects.toThrow('not_allowed_token_type');
  });

  it('needs a chat integration', async () => {
    const world = await commanded();
    world.chat.configured = false;

    await expect(set(world, PEOPLE.alice.accountId, true)).rejects.toBeInstanceOf(NotConfiguredError);
  });
});
