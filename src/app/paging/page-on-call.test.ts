import { RemoteCallError } from '../errors';
import { pageOnIssueCreated } from './page-on-call';
import { claimedEpisode } from './paging-episodes';
import { configurationDocument, PEOPLE, provisionedWorld } from '../testing/fixtures';

describe('paging when an incident is created', () => {
  it('pages exactly the on-call Bitbucket incident manager for a Sev 1 Bitbucket incident', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 1, service: 'Bitbucket', summary: 'Cannot push to Bitbucket' });

    const outcome = await pageOnIssueCreated(world.paging, world.event(issue));

    expect(outcome.kind).toBe('paged');
    expect(world.pager.recipients()).toEqual([PEOPLE.bitbucketIm]);
    const [page] = world.pager.sent;
    expect(page?.message.title).toBe(`[Sev 1] ${issue.key}: Cannot push to Bitbucket`);
    expect(page?.message.text).toContain(`https://example.atlassian.net/browse/${issue.key}`);
    expect(page?.message.text).toContain('Severity: Sev 1');
    expect(page?.message.text).toContain('Faulty service: Bitbucket');
  });

  it('sends the page on the third sequential remote call: configuration, claim and the issue’s fields first, together', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 1, service: 'Bitbucket' });

    await pageOnIssueCreated(world.paging, world.event(issue));

    expect(world.log.depthOf('kvs.get configuration')).toBe(1);
    expect(world.log.depthOf('kvs.setIfAbsent esc:')).toBe(1);
    expect(world.log.depthOf(`jira GET /issue/${issue.id}`)).toBe(1);
    // The third: each delivery is recorded as going out before it is sent, so a crash cannot double it unseen.
    expect(world.log.depthOf('page.send')).toBe(3);
  });

  it('pages the IMOC when the faulty service is Unknown', async () => {
    const world = await provisionedWorld();
    await pageOnIssueCreated(world.paging, world.event(world.incident({ severity: 2, service: 'Unknown' })));
    expect(world.pager.recipients()).toEqual([PEOPLE.imoc]);
  });

  it('pages the IMOC when the faulty service has no roster', async () => {
    const world = await provisionedWorld();
    await pageOnIssueCreated(world.paging, world.event(world.incident({ severity: 1, service: 'Jira Cloud' })));
    expect(world.pager.recipients()).toEqual([PEOPLE.imoc]);
  });

  it('pages nobody for Sev 3 and says on the issue that it goes to the owning team for business hours', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 3, service: 'Confluence' });

    const outcome = await pageOnIssueCreated(world.paging, world.event(issue));

    expect(outcome).toEqual({ kind: 'routed', team: 'Confluence' });
    expect(world.pager.sent).toEqual([]);
    expect(world.tracker.comments).toHaveLength(1);
    expect(world.tracker.comments[0]?.text).toContain("routed to the Confluence team's queue");
    expect(world.tracker.comments[0]?.text).toContain('business hours');
  });

  it('pages once when the same event is delivered twice, even at the same time', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 1, service: 'Bitbucket' });

    const outcomes = await Promise.all([pageOnIssueCreated(world.paging, world.event(issue)), pageOnIssueCreated(world.paging, world.event(issue))]);
    const again = await pageOnIssueCreated(world.paging, world.event(issue));

    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['duplicate', 'paged']);
    expect(again.kind).toBe('duplicate');
    expect(world.pager.sent).toHaveLength(1);
  });

  it('comments only once on a Sev 3 incident whose event arrives twice', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 3, service: 'Bitbucket' });
    await pageOnIssueCreated(world.paging, world.event(issue));
    await pageOnIssueCreated(world.paging, world.event(issue));
    expect(world.tracker.comments).toHaveLength(1);
  });

  it('lets a redelivered event finish the job of an invocation that died after claiming', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 1, service: 'Bitbucket' });
    const died = claimedEpisode({
      issueId: issue.id,
      issueKey: issue.key,
      episodeId: 'created',
      intent: { kind: 'declared' },
      reason: 'Incident declared',
      now: world.clock.now(),
      leaseUntil: world.clock.now() + 20_000,
    });
    await world.paging.repo.claim(died);

    const tooSoon = await pageOnIssueCreated(world.paging, world.event(issue));
    world.clock.advance(60_000);
    const redelivered = await pageOnIssueCreated(world.paging, world.event(issue));
    const again = await pageOnIssueCreated(world.paging, world.event(issue));

    expect([tooSoon.kind, redelivered.kind, again.kind]).toEqual(['duplicate', 'paged', 'duplicate']);
    expect(world.pager.sent).toHaveLength(1);
  });

  it('ignores issues outside the incident project and keeps nothing for them', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ project: 'SUP', issueType: 'Task', severity: 1, service: 'Bitbucket' });

    const outcome = await pageOnIssueCreated(world.paging, world.event(issue));

    expect(outcome.kind).toBe('ignored');
    expect(world.pager.sent).toEqual([]);
    expect(world.store.keys('esc:')).toEqual([]);
  });

  it('records the episode so the scheduled run can escalate it', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 1, service: 'Bitbucket' });

    await pageOnIssueCreated(world.paging, world.event(issue));

    const episode = await world.paging.repo.episode(issue.id, 'created');
    expect(episode?.state).toBe('paging');
    expect(episode?.pages).toEqual([{ level: 0, round: 0, pagedAt: '2024-05-01T10:00:00.000Z' }]);
    expect(episode?.policy?.levels.map((level) => level.targets)).toEqual([
      [{ kind: 'roster', rosterId: 'bitbucket' }],
      [{ kind: 'roster', rosterId: 'imoc' }],
    ]);
  });

  it('retries a provider that answers 503 and delivers the page once', async () => {
    const world = await provisionedWorld();
    world.pager.failNext(new RemoteCallError('jira', 'POST /notify', 503, 'Service unavailable'));

    await pageOnIssueCreated(world.paging, world.event(world.incident({ severity: 1, service: 'Bitbucket' })));

    expect(world.pager.attempts).toHaveLength(2);
    expect(world.pager.sent).toHaveLength(1);
    expect(world.tracker.comments).toEqual([]);
  });

  it('records a page that still fails and tells the IM on the issue that it will be retried', async () => {
    const world = await provisionedWorld();
    const refusal = new RemoteCallError('jira', 'POST /notify', 400, 'No recipients');
    world.pager.failNext(refusal);
    const issue = world.incident({ severity: 1, service: 'Bitbucket' });

    await pageOnIssueCreated(world.paging, world.event(issue));

    const episode = await world.paging.repo.episode(issue.id, 'created');
    expect(episode?.deliveries).toEqual([
      expect.objectContaining({ recipientKey: `user:${PEOPLE.bitbucketIm}`, status: 'failed', attempts: 1, error: refusal.message }),
    ]);
    expect(world.tracker.comments[0]?.text).toContain(`Could not page ${PEOPLE.bitbucketIm} via Jira notification`);
    expect(world.tracker.comments[0]?.text).toContain('tries again in a minute');
  });

  it('says on the issue when there is nobody at all to page', async () => {
    const world = await provisionedWorld(configurationDocument({ imoc: { ackTimeoutMinutes: 15 } }));
    const issue = world.incident({ severity: 1, service: 'Unknown' });

    const outcome = await pageOnIssueCreated(world.paging, world.event(issue));

    expect(outcome).toEqual({ kind: 'not-paged', reason: 'nobody to page' });
    expect(world.tracker.comments[0]?.text).toContain('Nobody could be paged');
  });

  it('falls back to the IMOC when nobody is on call in the service roster yet', async () => {
    const base = configurationDocument();
    const world = await provisionedWorld({
      ...base,
      rosters: base.rosters.map((roster) =>
        roster.id === 'bitbucket' ? { ...roster, layers: roster.layers.map((layer) => ({ ...layer, startDate: '2030-01-01' })) } : roster,
      ),
    });

    await pageOnIssueCreated(world.paging, world.event(world.incident({ severity: 1, service: 'Bitbucket' })));

    expect(world.pager.recipients()).toEqual([PEOPLE.imoc]);
  });

  it('uses the channel configured for the person or the roster', async () => {
    const world = await provisionedWorld(
      configurationDocument({
        paging: {
          rosterChannels: { imoc: { kind: 'pagerduty' } },
          personChannels: { [PEOPLE.bitbucketIm]: { kind: 'slack', slackUserId: 'U024BE7LH' } },
        },
        integrations: { slack: { enabled: true }, pagerDuty: { enabled: true }, webhook: { enabled: false } },
      }),
    );

    await pageOnIssueCreated(world.paging, world.event(world.incident({ severity: 1, service: 'Bitbucket' })));
    await pageOnIssueCreated(world.paging, world.event(world.incident({ severity: 1, service: 'Unknown' })));

    expect(world.pager.sent.map((page) => page.destination)).toEqual([
      { kind: 'slack', accountId: PEOPLE.bitbucketIm, slackUserId: 'U024BE7LH' },
      { kind: 'pagerduty', rosterId: 'imoc', accountId: PEOPLE.imoc },
    ]);
  });

  it('pages through Jira when the person’s channel belongs to a disabled integration', async () => {
    const world = await provisionedWorld(
      configurationDocument({ paging: { rosterChannels: {}, personChannels: { [PEOPLE.bitbucketIm]: { kind: 'slack', slackUserId: 'U024BE7LH' } } } }),
    );
    await pageOnIssueCreated(world.paging, world.event(world.incident({ severity: 1, service: 'Bitbucket' })));
    expect(world.pager.sent[0]?.destination).toEqual({ kind: 'jira', accountId: PEOPLE.bitbucketIm });
  });
});
