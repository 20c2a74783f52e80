import { RuleViolation, ValidationError } from '../../domain/errors';
import { ForbiddenError } from '../errors';
import { openComms } from './open-comms';
import { concludeExperiment, recordTimelineEntry } from './record-timeline-entry';
import { takeCommand } from './take-command';
import { cockpitWorld, MINUTE, PEOPLE, T0, type CockpitWorld } from './testing/cockpit-fixture';

async function commsOpen(): Promise<CockpitWorld> {
  const world = cockpitWorld();
  await takeCommand(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId), { transitionId: '11' });
  await openComms(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId));
  world.clock.advance(10 * MINUTE);
  return world;
}

const record = (world: CockpitWorld, entry: Parameters<typeof recordTimelineEntry>[2]['entry'], who = PEOPLE.alice.accountId) =>
  recordTimelineEntry(world.deps(who), world.caller(who), { entry });

describe('record on the timeline', () => {
  it('records an observation, attributed and time-stamped, mirrored to the issue and posted to the room', async () => {
    const world = await commsOpen();

    const update = await record(world, { kind: 'observation', text: 'Push error rate is 40% in eu-west' });

    expect(update.view.timeline.at(-1)).toMatchObject({
      kind: 'observation',
      text: 'Push error rate is 40% in eu-west',
      at: new Date(T0 + 10 * MINUTE).toISOString(),
      by: { accountId: PEOPLE.alice.accountId, displayName: 'Alice Incident' },
    });
    expect(world.jira.comments.at(-1)?.text).toBe('Observation · 2026-03-02 09:10 UTC · recorded by @Alice Incident\nPush error rate is 40% in eu-west');
    expect(world.chat.roomNamed('hot-12')?.messages.at(-1)).toBe('Observation (Alice Incident): Push error rate is 40% in eu-west');
    expect(update.view.checklist.find((item) => item.step === 'review')).toMatchObject({ state: 'done' });
  });

  it('records a theory and an experiment testing it, then its outcome', async () => {
    const world = await commsOpen();
    const withTheory = await record(world, { kind: 'theory', text: 'The eu-west load balancer is dropping connections' });
    const theoryId = withTheory.view.timeline.at(-1)?.id ?? '';
    const withExperiment = await record(world, { kind: 'experiment', text: 'Fail over to eu-central', theoryId });
    expect(withExperiment.view.review.openStreams).toEqual(['Experiment "Fail over to eu-central" is pending (testing theory "The eu-west load balancer is dropping connections")']);
    world.clock.advance(5 * MINUTE);

    const update = await concludeExperiment(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId), {
      experimentId: withExperiment.view.timeline.at(-1)?.id ?? '',
      outcome: 'disproved',
    });

    expect(update.view.timeline.find((entry) => entry.kind === 'experiment')).toMatchObject({ outcome: 'disproved', concludedAt: new Date(T0 + 15 * MINUTE).toISOString() });
    expect(update.view.review.openStreams).toEqual([]);
    expect(world.jira.comments.at(-1)?.text).toContain('Outcome: disproved');
  });

  it('records a change with what, who, when and how to revert', async () => {
    const world = await commsOpen();

    const update = await record(world, {
      kind: 'change',
      what: 'Rolled back deploy 4711',
      who: PEOPLE.bob.accountId,
      at: '2026-03-02T09:08:00Z',
      revert: 'Redeploy 4711',
    });

    expect(update.view.timeline.find((entry) => entry.kind === 'change')).toMatchObject({
      text: 'Rolled back deploy 4711',
      who: { displayName: 'Bob Techlead' },
      at: '2026-03-02T09:08:00.000Z',
      revert: 'Redeploy 4711',
    });
    expect(world.jira.comments.at(-1)?.text).toBe(
      'Change · 2026-03-02 09:08 UTC · recorded by @Alice Incident\nWhat: Rolled back deploy 4711\nWho: @Bob Techlead\nWhen: 2026-03-02 09:08 UTC\nHow to revert: Redeploy 4711',
    );
  });

  it('prompts for a revert plan when a change has none', async () => {
    const world = await commsOpen();

    const update = await record(world, { kind: 'change', what: 'Raised the connection limit', who: PEOPLE.bob.accountId });

    expect(update.view.review.prompts.map((prompt) => prompt.prompt)).toContain(
      'Change "Raised the connection limit" by Bob Techlead at 2026-03-02 09:10 UTC has no revert plan: do we know how to undo it?',
    );
  });

  it('refuses an experiment that names a theory not on the timeline', async () => {
    const world = await commsOpen();

    await expect(record(world, { kind: 'experiment', text: 'Restart', theoryId: 'nope' })).rejects.toBeInstanceOf(ValidationError);
    expect(world.jira.comments.at(-1)?.text).not.toContain('Restart');
  });

  it('refuses a change dated in the future', async () => {
    const world = await commsOpen();

    await expect(record(world, { kind: 'change', what: 'Later', who: PEOPLE.bob.accountId, at: '2026-03-02T12:00:00Z' })).rejects.toEqual(
      new ValidationError('entry.at', 'must not be in the future (2026-03-02 12:00 UTC is after 2026-03-02 09:10 UTC)'),
    );
  });

  it('refuses concluding an experiment twice', async () => {
    const world = await commsOpen();
    const update = await record(world, { kind: 'experiment', text: 'Restart the workers', outcome: 'confirmed' });

    await expect(
      concludeExperiment(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId), { experimentId: update.view.timeline.at(-1)?.id ?? '', outcome: 'disproved' }),
    ).rejects.toBeInstanceOf(RuleViolation);
  });

  it('refuses someone who may only view the issue', async () => {
    const world = await commsOpen();

    await expect(record(world, { kind: 'observation', text: 'I see it too' }, PEOPLE.vera.accountId)).rejects.toBeInstanceOf(ForbiddenError);
    expect(world.store.keys('cockpit:10042:tl:').length).toBe(2);
  });
});
