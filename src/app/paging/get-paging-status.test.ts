import { acknowledgeAsUser, acknowledgeFromProvider } from './acknowledge-page';
import { getPagingStatus } from './get-paging-status';
import { pageOnIssueCreated } from './page-on-call';
import { PEOPLE, provisionedWorld } from '../testing/fixtures';

describe('naming the people paged for an incident', () => {
  it('names each paged person as Jira names them, in one request after the paging records', async () => {
    const world = await provisionedWorld();
    world.tracker.people.set(PEOPLE.bitbucketIm, 'Bea Bitbucket');
    world.tracker.people.set(PEOPLE.imoc, 'Imogen Imoc');
    const issue = world.incident({ severity: 1, service: 'Bitbucket' });
    await pageOnIssueCreated(world.paging, world.event(issue));
    world.clock.advance(16 * 60_000);
    await world.runDueJobs();
    world.log.clear();

    const status = await getPagingStatus({ repo: world.paging.repo, clock: world.clock, userTracker: world.tracker }, issue);

    expect(status.episodes[0]?.deliveries.map((delivery) => [delivery.recipient, delivery.displayName])).toEqual([
      // Named when paged (the app resolved names once, as it sent them) and as Jira names them to the viewer.
      ['Bea Bitbucket', 'Bea Bitbucket'],
      ['Imogen Imoc', 'Imogen Imoc'],
    ]);
    const jiraCalls = world.log.calls.filter((call) => call.name.startsWith('jira'));
    expect(jiraCalls).toEqual([{ name: `jira GET /mypermissions ${issue.key}`, depth: 1 }, { name: `jira GET /user/bulk ${PEOPLE.bitbucketIm},${PEOPLE.imoc}`, depth: 2 }]);
  });

  it('leaves a person Jira does not name to the viewer as their account id', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 1, service: 'Bitbucket' });
    await pageOnIssueCreated(world.paging, world.event(issue));

    const status = await getPagingStatus({ repo: world.paging.repo, clock: world.clock, userTracker: world.tracker }, issue);

    const [delivery] = status.episodes[0]?.deliveries ?? [];
    expect(delivery).toMatchObject({ recipient: PEOPLE.bitbucketIm, accountId: PEOPLE.bitbucketIm });
    expect(delivery).not.toHaveProperty('displayName');
  });

  it('asks Jira only what the viewer may do when nobody was paged', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 3, service: 'Confluence' });
    await pageOnIssueCreated(world.paging, world.event(issue));
    world.log.clear();

    const status = await getPagingStatus({ repo: world.paging.repo, clock: world.clock, userTracker: world.tracker }, issue);

    expect(status.episodes.map((episode) => episode.state)).toEqual(['not-paged']);
    expect(world.log.names().filter((name) => name.startsWith('jira'))).toEqual([`jira GET /mypermissions ${issue.key}`]);
  });

  it('names the person who pressed Acknowledge in the same request as the people paged', async () => {
    const world = await provisionedWorld();
    world.tracker.people.set(PEOPLE.bitbucketIm, 'Bea Bitbucket');
    world.tracker.people.set(PEOPLE.imoc, 'Imogen Imoc');
    const issue = world.incident({ severity: 1, service: 'Bitbucket' });
    await pageOnIssueCreated(world.paging, world.event(issue));
    await acknowledgeAsUser({ userTracker: world.tracker, repo: world.paging.repo, clock: world.clock }, { issue, accountId: PEOPLE.imoc, payload: {} });
    world.log.clear();

    const status = await getPagingStatus({ repo: world.paging.repo, clock: world.clock, userTracker: world.tracker }, issue);

    expect(status.episodes[0]).toMatchObject({ state: 'acknowledged', acknowledgedBy: PEOPLE.imoc, acknowledgedByName: 'Imogen Imoc' });
    const jiraCalls = world.log.calls.filter((call) => call.name.startsWith('jira'));
    expect(jiraCalls).toEqual([{ name: `jira GET /mypermissions ${issue.key}`, depth: 1 }, { name: `jira GET /user/bulk ${PEOPLE.bitbucketIm},${PEOPLE.imoc}`, depth: 2 }]);
  });

  it('keeps naming the acknowledger after the scheduled run has closed the episode', async () => {
    const world = await provisionedWorld();
    world.tracker.people.set(PEOPLE.bitbucketIm, 'Bea Bitbucket');
    const issue = world.incident({ severity: 1, service: 'Bitbucket' });
    await pageOnIssueCreated(world.paging, world.event(issue));
    await acknowledgeAsUser({ userTracker: world.tracker, repo: world.paging.repo, clock: world.clock }, { issue, accountId: PEOPLE.bitbucketIm, payload: {} });
    world.clock.advance(60 * 60_000);
    await world.runDueJobs();

    const status = await getPagingStatus({ repo: world.paging.repo, clock: world.clock, userTracker: world.tracker }, issue);

    expect(status.episodes[0]).toMatchObject({ state: 'acknowledged', acknowledgedBy: PEOPLE.bitbucketIm, acknowledgedByName: 'Bea Bitbucket' });
  });

  it('leaves a paging provider’s words for who acknowledged as they are, without asking Jira about them', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 1, service: 'Bitbucket' });
    await pageOnIssueCreated(world.paging, world.event(issue));
    const dedupKey = world.pager.sent[0]?.message.dedupKey ?? '';
    await acknowledgeFromProvider(world.paging, { dedupKey, acknowledgedBy: 'Ann via PagerDuty' });
    world.log.clear();

    const status = await getPagingStatus({ repo: world.paging.repo, clock: world.clock, userTracker: world.tracker }, issue);

    expect(status.episodes[0]).toMatchObject({ acknowledgedBy: 'Ann via PagerDuty' });
    expect(status.episodes[0]).not.toHaveProperty('acknowledgedByName');
    expect(world.log.calls.filter((call) => call.name.startsWith('jira'))).toEqual([
      { name: `jira GET /mypermissions ${issue.key}`, depth: 1 },
      { name: `jira GET /user/bulk ${PEOPLE.bitbucketIm}`, depth: 2 },
    ]);
  });
});
