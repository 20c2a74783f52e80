import { CHANGE_RECORDS_SETTINGS_KEY } from './change-records-settings';
import { getRecentChanges } from './recent-changes';
import type { ChangeIssue } from './ports';
import { cockpitWorld, FIELDS, MINUTE, PEOPLE, T0 } from './testing/cockpit-fixture';
import { NotConfiguredError } from '../errors';

const change = (key: string, minutes: number, label = 'bitbucket'): ChangeIssue => ({
  key,
  summary: `Deploy ${key}`,
  issueType: 'Deployment',
  labels: [label],
  by: 'Ben Bitbucket',
  created: T0 + minutes * MINUTE - 30 * MINUTE,
  resolved: T0 + minutes * MINUTE,
});

async function configured(world: ReturnType<typeof cockpitWorld>, settings: Record<string, unknown> = {}): Promise<void> {
  await world.store.set(CHANGE_RECORDS_SETTINGS_KEY, { jql: 'project = CHG', serviceLabels: true, changeTime: 'resolutiondate', ...settings });
}

describe('changes near the impact start', () => {
  it('lists the faulty service’s changes around the impact start, newest first, with a link to each', async () => {
    const world = cockpitWorld();
    await configured(world);
    world.issue.fields[FIELDS.impactStart] = '2026-03-02T09:00:00.000+0000';
    world.changes.records = [change('CHG-1', -400), change('CHG-2', -90), change('CHG-3', -5), change('CHG-4', -5, 'confluence'), change('CHG-5', 10), change('CHG-6', 60)];

    const result = await getRecentChanges(world.deps(PEOPLE.vera.accountId), world.caller(PEOPLE.vera.accountId));

    expect(result).toMatchObject({ available: true, service: 'Bitbucket', around: '2026-03-02T09:00:00.000Z' });
    expect(result.available ? result.changes.map((entry) => [entry.id, entry.minutesFromImpactStart, entry.kind]) : []).toEqual([
      ['CHG-5', 10, 'Deployment'],
      ['CHG-3', -5, 'Deployment'],
      ['CHG-2', -90, 'Deployment'],
    ]);
    expect(result.available ? result.changes[0]?.url : undefined).toMatch(/\/browse\/CHG-5$/);
  });

  it('asks Jira for the administrator’s issues of that service in the window, newest first', async () => {
    const world = cockpitWorld();
    await configured(world, { jql: 'project = CHG ORDER BY key' });
    world.issue.fields[FIELDS.impactStart] = new Date(world.clock.now() - 60 * MINUTE).toISOString();

    await getRecentChanges(world.deps(PEOPLE.vera.accountId), world.caller(PEOPLE.vera.accountId));

    expect(world.changes.searches.map((jql) => jql.replace(/\s+/g, ' '))).toEqual([
      'project = CHG and labels = bitbucket and resolutiondate >= -241m and resolutiondate <= -44m ORDER BY resolutiondate DESC',
    ]);
  });

  it('dates changes by creation when the administrator says so, and ignores labels when told to', async () => {
    const world = cockpitWorld();
    await configured(world, { changeTime: 'created', serviceLabels: false });
    world.issue.fields[FIELDS.impactStart] = '2026-03-02T09:00:00.000+0000';
    world.changes.records = [change('CHG-7', 20, 'something-else')];

    const result = await getRecentChanges(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId));

    expect(result.available ? result.changes.map((entry) => [entry.id, entry.minutesFromImpactStart]) : []).toEqual([['CHG-7', -10]]);
  });

  it('falls back to the detection time while the impact start is unknown', async () => {
    const world = cockpitWorld();
    await configured(world);
    world.issue.fields[FIELDS.detected] = '2026-03-02T09:30:00.000+0000';
    world.changes.records = [change('CHG-8', 20)];

    const result = await getRecentChanges(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId));

    expect(result.available ? result.changes.map((entry) => entry.minutesFromImpactStart) : []).toEqual([-10]);
  });

  it('explains what is missing instead of showing nothing', async () => {
    const world = cockpitWorld();
    await configured(world);
    delete world.issue.fields['created'];

    const result = await getRecentChanges(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId));

    expect(result).toEqual({ available: false, reason: 'Record when the impact started (or when it was detected) to see the changes made around then.' });
  });

  it('says where to set up change records when none are, without asking Jira', async () => {
    const world = cockpitWorld();
    world.issue.fields[FIELDS.impactStart] = '2026-03-02T09:00:00.000+0000';

    const result = await getRecentChanges(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId));

    expect(result).toMatchObject({ available: false, reason: expect.stringContaining('Change records') });
    expect(world.changes.searches).toEqual([]);
  });

  it('passes on why Jira refused the administrator’s JQL', async () => {
    const world = cockpitWorld();
    await configured(world);
    world.issue.fields[FIELDS.impactStart] = '2026-03-02T09:00:00.000+0000';
    world.changes.refusal = new NotConfiguredError("Jira refused the change records' JQL: The value 'CHG' does not exist for the field 'project'.");

    const result = await getRecentChanges(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId));

    expect(result).toEqual({ available: false, reason: "The change records could not be searched: Jira refused the change records' JQL: The value 'CHG' does not exist for the field 'project'." });
  });
});
