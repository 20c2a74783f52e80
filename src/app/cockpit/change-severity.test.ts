import { changeSeverity } from './change-severity';
import { openComms } from './open-comms';
import { takeCommand } from './take-command';
import { cockpitWorld, FIELDS, PEOPLE, type CockpitWorld } from './testing/cockpit-fixture';

async function commsOpen(): Promise<CockpitWorld> {
  const world = cockpitWorld();
  await takeCommand(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId), { transitionId: '11' });
  await openComms(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId));
  return world;
}

const change = (world: CockpitWorld, level: 1 | 2 | 3, reason?: string) =>
  changeSeverity(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId), { level, ...(reason === undefined ? {} : { reason }) });

describe('change severity', () => {
  it('changes the Severity field, records the decision and announces it in the room', async () => {
    const world = await commsOpen();

    const update = await change(world, 2, 'only some customers affected');

    expect(world.issue.fields[FIELDS.severity]).toEqual({ value: 'Sev 2' });
    expect(update.view.timeline.at(-1)).toMatchObject({ kind: 'decision', text: 'Severity changed from Sev 1 to Sev 2: only some customers affected' });
    expect(world.chat.roomNamed('hot-12')?.messages.at(-1)).toBe('HOT-12: Severity changed from Sev 1 to Sev 2: only some customers affected.');
    expect(world.chat.roomNamed('hot-12')?.topic).toContain('HOT-12 [Sev 2]');
    expect(world.jira.comments.at(-1)?.text).toContain('Severity changed from Sev 1 to Sev 2');
  });

  it('confirms the severity without touching the field', async () => {
    const world = await commsOpen();
    world.log.clear();

    const update = await change(world, 1);

    expect(update.view.assess.severityConfirmed).toMatchObject({ level: 1, by: { displayName: 'Alice Incident' } });
    expect(update.view.timeline.at(-1)).toMatchObject({ kind: 'decision', text: 'Severity confirmed as Sev 1' });
    expect(world.jira.comments.at(-1)?.text).toContain('Severity confirmed as Sev 1');
    expect(world.issue.fields[FIELDS.severity]).toEqual({ value: 'Sev 1' });
  });

  it('shows the scale beside the choice', async () => {
    const world = await commsOpen();

    const update = await change(world, 1);

    expect(update.view.assess.scale.map((level) => [level.label, level.pages])).toEqual([
      ['Sev 1', true],
      ['Sev 2', true],
      ['Sev 3', false],
    ]);
  });
});
