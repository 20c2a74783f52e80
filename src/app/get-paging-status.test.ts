import { escalateUnacknowledged } from './escalate-unacknowledged';
import { getPagingStatus } from './get-paging-status';
import { pageOnIssueCreated } from './page-on-call';
import { PEOPLE, provisionedWorld } from './testing/fixtures';

describe('naming the people paged for an incident', () => {
  it('names each paged person as Jira names them, in one request after the paging records', async () => {
    const world = await provisionedWorld();
    world.tracker.people.set(PEOPLE.bitbucketIm, 'Bea Bitbucket');
    world.tracker.people.set(PEOPLE.imoc, 'Imogen Imoc');
    const issue = world.incident({ severity: 1, service: 'Bitbucket' });
    await pageOnIssueCreated(world.paging, world.event(issue));
    world.clock.advance(16 * 60_000);
    await escalateUnacknowledged(world.paging);
    world.log.clear();

    const status = await getPagingStatus({ store: world.store, clock: world.clock, userTracker: world.tracker }, issue);

    expect(status.episodes[0]?.deliveries.map((delivery) => [delivery.recipient, delivery.displayName])).toEqual([
      [PEOPLE.bitbucketIm, 'Bea Bitbucket'],
      [PEOPLE.imoc, 'Imogen Imoc'],
    ]);
    const jiraCalls = world.log.calls.filter((call) => call.name.startsWith('jira'));
    expect(jiraCalls).toEqual([{ name: `jira GET /user/bulk ${PEOPLE.bitbucketIm},${PEOPLE.imoc}`, depth: 2 }]);
  });

  it('leaves a person Jira does not name to the viewer as their account id', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 1, service: 'Bitbucket' });
    await pageOnIssueCreated(world.paging, world.event(issue));

    const status = await getPagingStatus({ store: world.store, clock: world.clock, userTracker: world.tracker }, issue);

    const [delivery] = status.episodes[0]?.deliveries ?? [];
    expect(delivery).toMatchObject({ recipient: PEOPLE.bitbucketIm, accountId: PEOPLE.bitbucketIm });
    expect(delivery).not.toHaveProperty('displayName');
  });

  it('asks Jira nothing when nobody was paged', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 3, service: 'Confluence' });
    await pageOnIssueCreated(world.paging, world.event(issue));
    world.log.clear();

    const status = await getPagingStatus({ store: world.store, clock: world.clock, userTracker: world.tracker }, issue);

    expect(status.episodes.map((episode) => episode.state)).toEqual(['not-paged']);
    expect(world.log.names().filter((name) => name.startsWith('jira'))).toEqual([]);
  });
});
