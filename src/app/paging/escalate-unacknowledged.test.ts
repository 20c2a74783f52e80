import { acknowledgeIncident } from './acknowledge-page';
import { RemoteCallError } from '../errors';
import { escalateUnacknowledged } from './escalate-unacknowledged';
import { pageOnIssueCreated } from './page-on-call';
import { claimedEpisode, episodeKey, parseEpisode } from './paging-episodes';
import { configurationDocument, PEOPLE, provisionedWorld, rosterDocument, type World } from '../testing/fixtures';

const MINUTE = 60_000;

async function declared(world: World, severity: 1 | 2 = 1, service = 'Bitbucket') {
  const issue = world.incident({ severity, service });
  await pageOnIssueCreated(world.paging, world.event(issue));
  return issue;
}

function episodeOf(world: World, issueId: string, episodeId = 'created') {
  return parseEpisode(world.store.entries.get(episodeKey(issueId, episodeId)));
}

describe('escalating pages nobody acknowledged', () => {
  it('pages nothing new before the acknowledgement timeout has passed', async () => {
    const world = await provisionedWorld();
    await declared(world);
    world.clock.advance(14 * MINUTE);

    await escalateUnacknowledged(world.paging);

    expect(world.pager.recipients()).toEqual([PEOPLE.bitbucketIm]);
  });

  it('pages the next level once the timeout has passed', async () => {
    const world = await provisionedWorld();
    await declared(world);
    world.clock.advance(15 * MINUTE);

    const report = await escalateUnacknowledged(world.paging);

    expect(report.progress).toEqual({ escalated: 1 });
    expect(world.pager.recipients()).toEqual([PEOPLE.bitbucketIm, PEOPLE.imoc]);
    expect(world.pager.sent[1]?.message.text).toContain('escalation level 2');
  });

  it('sends each level once however often the run repeats, even concurrently', async () => {
    const world = await provisionedWorld();
    await declared(world);
    world.clock.advance(16 * MINUTE);

    await Promise.all([escalateUnacknowledged(world.paging), escalateUnacknowledged(world.paging)]);
    await escalateUnacknowledged(world.paging);

    expect(world.pager.recipients()).toEqual([PEOPLE.bitbucketIm, PEOPLE.imoc]);
  });

  it('sends nothing more after the incident is acknowledged, and closes the episode', async () => {
    const world = await provisionedWorld();
    const issue = await declared(world);
    world.clock.advance(3 * MINUTE);
    await acknowledgeIncident(world.paging, { issueId: issue.id, by: PEOPLE.bitbucketIm, via: 'assigned' });
    world.clock.advance(60 * MINUTE);

    const report = await escalateUnacknowledged(world.paging);
    await escalateUnacknowledged(world.paging);

    expect(report.progress).toEqual({ acknowledged: 1 });
    expect(world.pager.recipients()).toEqual([PEOPLE.bitbucketIm]);
    expect(episodeOf(world, issue.id)).toEqual(
      expect.objectContaining({ state: 'acknowledged', acknowledgedBy: PEOPLE.bitbucketIm, acknowledgedAt: '2024-05-01T10:03:00.000Z' }),
    );
  });

  it('runs the policy again for its repeats and then stops, saying so on the issue', async () => {
    const world = await provisionedWorld(configurationDocument({ imoc: { rosterId: 'imoc', ackTimeoutMinutes: 5 } }));
    const issue = await declared(world, 1, 'Unknown');
    for (let run = 0; run < 6; run += 1) {
      world.clock.advance(5 * MINUTE);
      await escalateUnacknowledged(world.paging);
    }

    // The IMOC-only policy runs three rounds in all.
    expect(world.pager.recipients()).toEqual([PEOPLE.imoc, PEOPLE.imoc, PEOPLE.imoc]);
    expect(episodeOf(world, issue.id)?.state).toBe('exhausted');
    expect(world.tracker.comments.map((comment) => comment.text).join('\n')).toContain('Nobody acknowledged the page');
  });

  it('follows a roster’s own escalation policy level by level', async () => {
    const base = configurationDocument();
    const world = await provisionedWorld({
      ...base,
      rosters: base.rosters.map((roster) => (roster.id === 'bitbucket' ? { ...roster, escalationPolicyId: 'bitbucket-policy' } : roster)),
      escalationPolicies: [
        {
          id: 'bitbucket-policy',
          name: 'Bitbucket escalation',
          levels: [
            { targets: [{ kind: 'roster', rosterId: 'bitbucket' }], ackTimeoutMinutes: 5 },
            { targets: [{ kind: 'user', accountId: PEOPLE.databaseOnCall }], ackTimeoutMinutes: 10 },
          ],
        },
      ],
    });
    await declared(world);
    world.clock.advance(5 * MINUTE);
    await escalateUnacknowledged(world.paging);
    world.clock.advance(9 * MINUTE);
    await escalateUnacknowledged(world.paging);
    world.clock.advance(1 * MINUTE);
    await escalateUnacknowledged(world.paging);

    expect(world.pager.recipients()).toEqual([PEOPLE.bitbucketIm, PEOPLE.databaseOnCall, PEOPLE.imoc]);
  });

  it('retries a failed delivery on the next run and stops retrying once it got through', async () => {
    const world = await provisionedWorld();
    world.pager.failNext(new RemoteCallError('slack', 'chat.postMessage', 400, 'user_not_found'));
    const issue = await declared(world);
    world.clock.advance(5 * MINUTE);

    const report = await escalateUnacknowledged(world.paging);
    await escalateUnacknowledged(world.paging);

    expect(report.progress).toEqual({ retried: 1 });
    expect(world.pager.sent.map((page) => page.destination)).toEqual([{ kind: 'jira', accountId: PEOPLE.bitbucketIm }]);
    expect(episodeOf(world, issue.id)?.deliveries).toEqual([expect.objectContaining({ status: 'sent', attempts: 2 })]);
  });

  it('takes over an episode whose claiming invocation died before paging', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 1, service: 'Bitbucket' });
    const claim = claimedEpisode({
      issueId: issue.id,
      issueKey: issue.key,
      episodeId: 'created',
      intent: { kind: 'declared' },
      reason: 'Incident declared',
      now: world.clock.now(),
      leaseUntil: world.clock.now() + 25_000,
    });
    await world.store.set(episodeKey(issue.id, 'created'), claim);

    await escalateUnacknowledged(world.paging);
    expect(world.pager.sent).toEqual([]);

    world.clock.advance(5 * MINUTE);
    const report = await escalateUnacknowledged(world.paging);
    await escalateUnacknowledged(world.paging);

    expect(report.progress).toEqual({ recovered: 1 });
    expect(world.pager.recipients()).toEqual([PEOPLE.bitbucketIm]);
    expect(episodeOf(world, issue.id)?.state).toBe('paging');
  });

  it('resolves who is on call at the time each level is paged', async () => {
    const base = configurationDocument();
    const world = await provisionedWorld({
      ...base,
      rosters: [...base.rosters.filter((roster) => roster.id !== 'imoc'), rosterDocument('imoc', 'IMOC', [PEOPLE.imoc, PEOPLE.reporter], {
        overrides: [{ accountId: PEOPLE.reporter, start: '2024-05-01T10:10:00Z', end: '2024-05-01T12:00:00Z' }],
      })],
    });
    await declared(world);
    world.clock.advance(15 * MINUTE);
    await escalateUnacknowledged(world.paging);
    expect(world.pager.recipients()).toEqual([PEOPLE.bitbucketIm, PEOPLE.reporter]);
  });

  it('loses nothing when a run cannot read storage: the next run escalates every incident', async () => {
    const world = await provisionedWorld();
    await declared(world);
    await declared(world, 2, 'Confluence');
    world.clock.advance(15 * MINUTE);
    world.store.failNext(new RemoteCallError('storage', 'list', 503, 'unavailable'));

    await expect(escalateUnacknowledged(world.paging)).rejects.toThrow('unavailable');
    await escalateUnacknowledged(world.paging);

    expect(world.pager.recipients().sort()).toEqual([PEOPLE.bitbucketIm, PEOPLE.confluenceIm, PEOPLE.imoc, PEOPLE.imoc].sort());
  });
});
