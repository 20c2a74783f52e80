import { acknowledgeAsUser, acknowledgeFromProvider } from './acknowledge-page';
import { NotFoundError } from '../errors';
import { getPagingStatus } from './get-paging-status';
import { pageOnIssueCreated } from './page-on-call';
import { PEOPLE, provisionedWorld } from '../testing/fixtures';

describe('acknowledging pages', () => {
  it('lets the paged person press Acknowledge, which the panel shows and which stops escalation', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 1, service: 'Bitbucket' });
    await pageOnIssueCreated(world.paging, world.event(issue));
    world.clock.advance(2 * 60_000);

    const status = await acknowledgeAsUser({ userTracker: world.tracker, repo: world.paging.repo, clock: world.clock }, { issue, accountId: PEOPLE.bitbucketIm, payload: {} });
    world.clock.advance(60 * 60_000);
    await world.runDueJobs();

    expect(status.episodes).toEqual([
      expect.objectContaining({ id: 'created', state: 'acknowledged', acknowledgedBy: PEOPLE.bitbucketIm, acknowledgedAt: '2024-05-01T10:02:00.000Z' }),
    ]);
    expect(world.pager.sent).toHaveLength(1);
  });

  it('refuses a user who cannot see the issue', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 1, service: 'Bitbucket' });
    world.tracker.hidden.add(issue.key);
    await expect(acknowledgeAsUser({ userTracker: world.tracker, repo: world.paging.repo, clock: world.clock }, { issue, accountId: 'acc-x', payload: {} })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('accepts a provider’s report by the dedup key of the page', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 1, service: 'Bitbucket' });
    await pageOnIssueCreated(world.paging, world.event(issue));
    const dedupKey = world.pager.sent[0]?.message.dedupKey ?? '';

    const result = await acknowledgeFromProvider(world.paging, { dedupKey, acknowledgedBy: 'Ann via PagerDuty' });

    expect(result).toEqual({ issueKey: issue.key, acknowledged: 1 });
    const status = await getPagingStatus(world.paging, issue);
    expect(status.episodes[0]).toEqual(expect.objectContaining({ state: 'acknowledged', acknowledgedBy: 'Ann via PagerDuty' }));
  });

  it('accepts a provider’s report by issue key, and counts nothing twice', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 1, service: 'Bitbucket' });
    await pageOnIssueCreated(world.paging, world.event(issue));
    expect(await acknowledgeFromProvider(world.paging, { issueKey: issue.key })).toEqual({ issueKey: issue.key, acknowledged: 1 });
    expect(await acknowledgeFromProvider(world.paging, { issueKey: issue.key })).toEqual({ issueKey: issue.key, acknowledged: 0 });
  });

  it('refuses a report that names neither, and one for an unknown page', async () => {
    const world = await provisionedWorld();
    await expect(acknowledgeFromProvider(world.paging, { hello: 'world' })).rejects.toMatchObject({ name: 'ValidationError', field: 'body' });
    await expect(acknowledgeFromProvider(world.paging, { dedupKey: 'something-else' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(acknowledgeFromProvider(world.paging, { issueKey: 'HOT-999' })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('the paging status of an incident', () => {
  it('shows each delivery and when the next level will be paged', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 1, service: 'Bitbucket' });
    await pageOnIssueCreated(world.paging, world.event(issue));

    const status = await getPagingStatus(world.paging, issue);

    expect(status).toEqual({
      issueKey: issue.key,
      episodes: [
        {
          id: 'created',
          reason: 'Sev 1 incident declared (faulty service: Bitbucket)',
          state: 'paging',
          startedAt: '2024-05-01T10:00:00.000Z',
          nextEscalationAt: '2024-05-01T10:15:00.000Z',
          deliveries: [
            { level: 0, round: 0, recipient: PEOPLE.bitbucketIm, accountId: PEOPLE.bitbucketIm, channel: 'jira', status: 'sent', at: '2024-05-01T10:00:00.000Z', attempts: 1 },
          ],
        },
      ],
    });
  });
});
