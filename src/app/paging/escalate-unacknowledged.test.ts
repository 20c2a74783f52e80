import { acknowledgeIncident } from './acknowledge-page';
import { RemoteCallError } from '../errors';
import { escalateUnacknowledged } from './escalate-unacknowledged';
import { pageOnIssueCreated } from './page-on-call';
import { runEscalationJob } from './advance-episode';
import { claimedEpisode, type Episode } from './paging-episodes';
import { configurationDocument, PEOPLE, provisionedWorld, rosterDocument, type World } from '../testing/fixtures';

const MINUTE = 60_000;

async function declared(world: World, severity: 1 | 2 = 1, service = 'Bitbucket') {
  const issue = world.incident({ severity, service });
  await pageOnIssueCreated(world.paging, world.event(issue));
  return issue;
}

async function episodeOf(world: World, issueId: string, episodeId = 'created'): Promise<Episode | undefined> {
  return world.paging.repo.episode(issueId, episodeId);
}

/** What the platform does as time passes: the precise jobs at their times, and the safety net's run. */
async function timePasses(world: World): Promise<void> {
  await world.runDueJobs();
  await escalateUnacknowledged(world.paging);
  await world.runDueJobs();
}

describe('escalating pages nobody acknowledged, on time', () => {
  it('pages nothing new before the acknowledgement timeout has passed', async () => {
    const world = await provisionedWorld();
    await declared(world);
    world.clock.advance(14 * MINUTE);

    await timePasses(world);

    expect(world.pager.recipients()).toEqual([PEOPLE.bitbucketIm]);
  });

  it('pages the next level once the timeout has passed', async () => {
    const world = await provisionedWorld();
    await declared(world);
    world.clock.advance(15 * MINUTE);

    await world.runDueJobs();

    expect(world.pager.recipients()).toEqual([PEOPLE.bitbucketIm, PEOPLE.imoc]);
    expect(world.pager.sent[1]?.message.text).toContain('escalation level 2');
  });

  it('sends each level once however often the run repeats, even concurrently', async () => {
    const world = await provisionedWorld();
    await declared(world);
    world.clock.advance(16 * MINUTE);

    // A job delivered twice, run side by side, and the safety net finding it too.
    const jobs = world.queue.takeDue(world.clock.now());
    await Promise.all([...jobs, ...jobs].map(({ job }) => runEscalationJob(world.paging, job)));
    world.clock.advance(2 * MINUTE);
    await timePasses(world);

    expect(world.pager.recipients()).toEqual([PEOPLE.bitbucketIm, PEOPLE.imoc]);
  });

  it('sends nothing more after the incident is acknowledged, and closes the episode', async () => {
    const world = await provisionedWorld();
    const issue = await declared(world);
    world.clock.advance(3 * MINUTE);
    await acknowledgeIncident(world.paging, { issueId: issue.id, by: PEOPLE.bitbucketIm, via: 'assigned', scope: { kind: 'incident-manager' } });
    world.clock.advance(60 * MINUTE);

    await timePasses(world);

    expect(world.pager.recipients()).toEqual([PEOPLE.bitbucketIm]);
    expect(await episodeOf(world, issue.id)).toEqual(
      expect.objectContaining({ state: 'acknowledged', acknowledgedBy: PEOPLE.bitbucketIm, acknowledgedAt: '2024-05-01T10:03:00.000Z' }),
    );
  });

  it('runs the policy again for its repeats, then keeps paging a Sev 1 and alerts the fallback team, until someone acknowledges', async () => {
    const base = configurationDocument({ imoc: { rosterId: 'imoc', ackTimeoutMinutes: 5 } });
    const world = await provisionedWorld({ ...base, paging: { ...base.paging, fallbackRosterId: 'confluence' } });
    const issue = await declared(world, 1, 'Unknown');
    for (let run = 0; run < 3; run += 1) {
      world.clock.advance(5 * MINUTE);
      await world.runDueJobs();
    }

    // The IMOC-only policy runs three rounds; then the IMOC again with the fallback roster's whole team, every 5 minutes.
    expect(world.pager.recipients()).toEqual([PEOPLE.imoc, PEOPLE.imoc, PEOPLE.imoc, PEOPLE.imoc, PEOPLE.confluenceIm]);
    expect((await episodeOf(world, issue.id))?.state).toBe('paging');
    expect(world.pager.sent.at(-1)?.message.text).toContain('NOBODY HAS ACKNOWLEDGED');
    expect(world.tracker.comments.map((comment) => comment.text).join('\n')).toContain('paging continues');

    world.clock.advance(5 * MINUTE);
    await world.runDueJobs();
    expect(world.pager.sent).toHaveLength(7);
    await acknowledgeIncident(world.paging, { issueId: issue.id, by: PEOPLE.imoc, via: 'app', scope: { kind: 'every-page' } });
    world.clock.advance(30 * MINUTE);
    await timePasses(world);
    expect(world.pager.sent).toHaveLength(7);
    expect((await episodeOf(world, issue.id))?.state).toBe('acknowledged');
  });

  it('stops paging for a severity that does not page once its policy ran out, saying so on the issue', async () => {
    const world = await provisionedWorld(configurationDocument({ imoc: { rosterId: 'imoc', ackTimeoutMinutes: 5 } }));
    const issue = world.incident({ severity: 3, service: 'Unknown' });
    await world.paging.repo.claim(claimedEpisode({ issueId: issue.id, issueKey: issue.key, episodeId: 'imoc-page', intent: { kind: 'imoc' }, reason: 'Paged by hand', now: world.clock.now(), leaseUntil: world.clock.now() }));
    for (let run = 0; run < 6; run += 1) {
      world.clock.advance(5 * MINUTE);
      await timePasses(world);
    }

    expect(world.pager.recipients()).toEqual([PEOPLE.imoc, PEOPLE.imoc, PEOPLE.imoc]);
    expect((await episodeOf(world, issue.id, 'imoc-page'))?.state).toBe('exhausted');
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
    await world.runDueJobs();
    world.clock.advance(9 * MINUTE);
    await world.runDueJobs();
    expect(world.pager.recipients()).toEqual([PEOPLE.bitbucketIm, PEOPLE.databaseOnCall]);
    world.clock.advance(1 * MINUTE);
    await world.runDueJobs();

    expect(world.pager.recipients()).toEqual([PEOPLE.bitbucketIm, PEOPLE.databaseOnCall, PEOPLE.imoc]);
  });

  it('retries a failed delivery a minute later and stops retrying once it got through', async () => {
    const world = await provisionedWorld();
    world.pager.failNext(new RemoteCallError('slack', 'chat.postMessage', 400, 'user_not_found'));
    const issue = await declared(world);
    world.clock.advance(1 * MINUTE);

    await world.runDueJobs();
    world.clock.advance(2 * MINUTE);
    await timePasses(world);

    expect(world.pager.sent.map((page) => page.destination)).toEqual([{ kind: 'jira', accountId: PEOPLE.bitbucketIm }]);
    expect((await episodeOf(world, issue.id))?.deliveries).toEqual([expect.objectContaining({ status: 'sent', attempts: 2 })]);
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
    // The claim was written, but the invocation died before it queued its check.
    await world.paging.repo.claim(claim);

    await timePasses(world);
    expect(world.pager.sent).toEqual([]);

    world.clock.advance(5 * MINUTE);
    const report = await escalateUnacknowledged(world.paging);
    await world.runDueJobs();
    await timePasses(world);

    expect(report.requeued).toBe(1);
    expect(world.pager.recipients()).toEqual([PEOPLE.bitbucketIm]);
    expect((await episodeOf(world, issue.id))?.state).toBe('paging');
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
    await world.runDueJobs();
    expect(world.pager.recipients()).toEqual([PEOPLE.bitbucketIm, PEOPLE.reporter]);
  });

  it('loses nothing when an escalation job cannot read storage: the safety net hands it back', async () => {
    const world = await provisionedWorld();
    await declared(world);
    await declared(world, 2, 'Confluence');
    world.clock.advance(15 * MINUTE);
    world.store.failNext(new RemoteCallError('storage', 'get', 503, 'unavailable'));

    await expect(world.runDueJobs()).rejects.toThrow('unavailable');
    world.clock.advance(2 * MINUTE);
    await timePasses(world);

    expect(world.pager.recipients().sort()).toEqual([PEOPLE.bitbucketIm, PEOPLE.confluenceIm, PEOPLE.imoc, PEOPLE.imoc].sort());
  });
});

describe('the safety net', () => {
  it('pages a Sev 1 incident whose created event never ran, marked as late, with one JQL search over the window since its last run', async () => {
    const world = await provisionedWorld();
    await escalateUnacknowledged(world.paging);
    const issue = world.incident({ severity: 1, service: 'Bitbucket' });
    world.tracker.searchResults.push(issue);
    world.clock.advance(5 * MINUTE);
    world.log.clear();

    const report = await escalateUnacknowledged(world.paging);

    expect(report.pagedLate).toBe(1);
    expect(world.pager.recipients()).toEqual([PEOPLE.bitbucketIm]);
    expect(world.pager.sent[0]?.message.reason).toContain('paged late');
    const searches = world.log.names().filter((name) => name.startsWith('jira POST /search/jql'));
    expect(searches).toHaveLength(1);
    expect(searches[0]).toContain('created >=');
  });

  it('pages nobody twice when the incident’s own event already paged it', async () => {
    const world = await provisionedWorld();
    const issue = await declared(world);
    world.tracker.searchResults.push(issue);
    world.clock.advance(5 * MINUTE);

    const report = await escalateUnacknowledged(world.paging);

    expect(report.pagedLate).toBe(0);
    expect(world.pager.recipients()).toEqual([PEOPLE.bitbucketIm]);
  });

  it('makes three remote calls when nothing is due, however many episodes are stored', async () => {
    const world = await provisionedWorld();
    for (let index = 0; index < 30; index += 1) await declared(world, 1, index % 2 === 0 ? 'Bitbucket' : 'Confluence');
    await escalateUnacknowledged(world.paging);
    world.log.clear();

    await escalateUnacknowledged(world.paging);

    expect(world.log.calls).toHaveLength(3);
  });
});
