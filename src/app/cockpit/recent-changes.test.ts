import { getRecentChanges } from './recent-changes';
import { cockpitWorld, FIELDS, MINUTE, PEOPLE, T0 } from './testing/cockpit-fixture';

const change = (id: string, minutes: number, service = 'Bitbucket') => ({
  id,
  service,
  summary: `Deploy ${id}`,
  by: 'deploy-bot',
  at: T0 + minutes * MINUTE,
  kind: 'deployment' as const,
});

describe('changes near the impact start', () => {
  it('lists the faulty service’s changes around the impact start, newest first', async () => {
    const world = cockpitWorld();
    world.issue.fields[FIELDS.impactStart] = '2026-03-02T09:00:00.000+0000';
    world.changes.records = [change('old', -400), change('a', -90), change('b', -5), change('other', -5, 'Confluence'), change('after', 10), change('late', 60)];

    const result = await getRecentChanges(world.deps(PEOPLE.vera.accountId), world.caller(PEOPLE.vera.accountId));

    expect(result).toMatchObject({ available: true, service: 'Bitbucket', around: '2026-03-02T09:00:00.000Z' });
    expect(result.available ? result.changes.map((entry) => [entry.id, entry.minutesFromImpactStart]) : []).toEqual([
      ['after', 10],
      ['b', -5],
      ['a', -90],
    ]);
  });

  it('falls back to the detection time while the impact start is unknown', async () => {
    const world = cockpitWorld();
    world.issue.fields[FIELDS.detected] = '2026-03-02T09:30:00.000+0000';
    world.changes.records = [change('b', 20)];

    const result = await getRecentChanges(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId));

    expect(result.available ? result.changes.map((entry) => entry.minutesFromImpactStart) : []).toEqual([-10]);
  });

  it('explains what is missing instead of showing nothing', async () => {
    const world = cockpitWorld();

    const result = await getRecentChanges(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId));

    expect(result).toEqual({ available: false, reason: 'Record when the impact started (or when it was detected) to see the changes made around then.' });
  });

  it('says so on a site that keeps no change records', async () => {
    const world = cockpitWorld();
    world.issue.fields[FIELDS.impactStart] = '2026-03-02T09:00:00.000+0000';
    world.changes.records = undefined;

    const result = await getRecentChanges(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId));

    expect(result).toEqual({ available: false, reason: 'This site keeps no record of deployments or other changes.' });
  });
});
