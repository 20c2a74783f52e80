import { pageOnIssueCreated } from './paging/page-on-call';
import { changelogItems, reactToIssueUpdated, type ChangelogItem } from './react-to-issue-updated';
import { PEOPLE, provisionedWorld, type World } from './testing/fixtures';
import type { StoredIssue } from './testing/in-memory-issue-tracker';

function severityChange(world: World, issue: StoredIssue, from: number | undefined, to: number): ChangelogItem {
  const fieldId = world.config.fields?.severity ?? '';
  issue.fields[fieldId] = { value: `Sev ${to}` };
  return { field: 'Severity', fieldId, ...(from === undefined ? {} : { fromText: `Sev ${from}` }), toText: `Sev ${to}` };
}

function serviceChange(world: World, issue: StoredIssue, from: string, to: string): ChangelogItem {
  const fieldId = world.config.fields?.faultyService ?? '';
  issue.fields[fieldId] = { value: to };
  return { field: 'Faulty service', fieldId, fromText: from, toText: to };
}

describe('reacting to changes of an incident', () => {
  it('pages as creation would when the severity is raised from 3 to 1', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 3, service: 'Bitbucket' });
    await pageOnIssueCreated(world.paging, world.event(issue));
    const item = severityChange(world, issue, 3, 1);

    const reaction = await reactToIssueUpdated(world.paging, { issue: world.event(issue), items: [item], changeId: '100' });

    expect(reaction.paging?.kind).toBe('paged');
    expect(world.pager.recipients()).toEqual([PEOPLE.bitbucketIm]);
    expect(world.pager.sent[0]?.message.title).toContain('[Sev 1]');
    expect(world.pager.sent[0]?.message.reason).toBe('Severity raised to Sev 1');
  });

  it('pages when a severity is set for the first time', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ service: 'Unknown' });
    const item = severityChange(world, issue, undefined, 2);
    await reactToIssueUpdated(world.paging, { issue: world.event(issue), items: [item], changeId: '7' });
    expect(world.pager.recipients()).toEqual([PEOPLE.imoc]);
  });

  it('does not page again when the severity moves between paging levels', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 2, service: 'Bitbucket' });
    await pageOnIssueCreated(world.paging, world.event(issue));

    const item = severityChange(world, issue, 2, 1);
    const reaction = await reactToIssueUpdated(world.paging, { issue: world.event(issue), items: [item], changeId: '101' });

    expect(reaction.paging).toBeUndefined();
    expect(world.pager.sent).toHaveLength(1);
  });

  it('pages the new service’s roster when the faulty service changes', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 1, service: 'Bitbucket' });
    await pageOnIssueCreated(world.paging, world.event(issue));

    const item = serviceChange(world, issue, 'Bitbucket', 'Confluence');
    await reactToIssueUpdated(world.paging, { issue: world.event(issue), items: [item], changeId: '102' });

    expect(world.pager.recipients()).toEqual([PEOPLE.bitbucketIm, PEOPLE.confluenceIm]);
    expect(world.pager.sent[1]?.message.reason).toBe('Faulty service changed to Confluence (Sev 1)');
  });

  it('does not page for a service change on a Sev 3 incident', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 3, service: 'Bitbucket' });
    const item = serviceChange(world, issue, 'Bitbucket', 'Confluence');
    await reactToIssueUpdated(world.paging, { issue: world.event(issue), items: [item], changeId: '103' });
    expect(world.pager.sent).toEqual([]);
  });

  it('pages once when the same change is delivered twice', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 3, service: 'Bitbucket' });
    const item = severityChange(world, issue, 3, 1);
    const update = { issue: world.event(issue), items: [item], changeId: '104' };
    const outcomes = await Promise.all([reactToIssueUpdated(world.paging, update), reactToIssueUpdated(world.paging, update)]);
    expect(outcomes.map((outcome) => outcome.paging?.kind).sort()).toEqual(['duplicate', 'paged']);
    expect(world.pager.sent).toHaveLength(1);
  });

  it('acknowledges the pages when someone takes the incident, so escalation stops', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 1, service: 'Bitbucket' });
    await pageOnIssueCreated(world.paging, world.event(issue));
    issue.fields.assignee = { accountId: PEOPLE.bitbucketIm };

    const reaction = await reactToIssueUpdated(world.paging, {
      issue: world.event(issue),
      items: [{ field: 'assignee', fieldId: 'assignee', to: PEOPLE.bitbucketIm }],
      changeId: '105',
    });
    world.clock.advance(60 * 60_000);
    await world.runDueJobs();

    expect(reaction.acknowledged).toBe(1);
    expect(world.pager.recipients()).toEqual([PEOPLE.bitbucketIm]);
  });

  it('does not treat unassigning as an acknowledgement', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 1, service: 'Bitbucket' });
    await pageOnIssueCreated(world.paging, world.event(issue));
    const reaction = await reactToIssueUpdated(world.paging, { issue: world.event(issue), items: [{ field: 'assignee', fieldId: 'assignee', from: PEOPLE.imoc }], changeId: '106' });
    expect(reaction.acknowledged).toBe(0);
  });

  it('recounts support cases for labels added to and removed from a support issue', async () => {
    const world = await provisionedWorld();
    const first = world.incident({ severity: 1, service: 'Bitbucket' });
    const second = world.incident({ severity: 2, service: 'Confluence' });
    const supportCase = world.incident({ project: 'SUP', issueType: 'Support request', labels: [second.key] });
    world.incident({ project: 'SUP', issueType: 'Support request', labels: [second.key] });

    const reaction = await reactToIssueUpdated(world.paging, {
      issue: world.event(supportCase),
      items: [{ field: 'labels', fieldId: 'labels', fromText: `${first.key} customer-x`, toText: `${second.key} customer-x` }],
      changeId: '107',
    });

    expect(reaction.supportCases).toEqual([
      { incidentKey: first.key, count: 0 },
      { incidentKey: second.key, count: 2 },
    ]);
    expect(second.fields[world.config.fields?.supportCases ?? '']).toBe(2);
    expect(world.pager.sent).toEqual([]);
  });

  it('ignores changes to issues that are not incidents', async () => {
    const world = await provisionedWorld();
    const task = world.incident({ project: 'SUP', issueType: 'Task', severity: 3 });
    const item = severityChange(world, task, 3, 1);
    const reaction = await reactToIssueUpdated(world.paging, { issue: world.event(task), items: [item], changeId: '108' });
    expect(reaction).toEqual({ acknowledged: 0, supportCases: [] });
    expect(world.pager.sent).toEqual([]);
  });
});

describe('reading Jira changelog items', () => {
  it('keeps Jira’s fromString and toString without mistaking a missing one for Object.prototype.toString', () => {
    expect(
      changelogItems({
        id: '1',
        items: [
          { field: 'labels', fieldId: 'labels', fromString: 'HOT-1', toString: null },
          { field: 'assignee', fieldId: 'assignee', to: 'acc-1' },
          'noise',
        ],
      }),
    ).toEqual([
      { field: 'labels', fieldId: 'labels', fromText: 'HOT-1' },
      { field: 'assignee', fieldId: 'assignee', to: 'acc-1' },
    ]);
  });
});
