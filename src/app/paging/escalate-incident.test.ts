import { escalateIncident } from './escalate-incident';
import { NotFoundError } from '../errors';
import { PEOPLE, provisionedWorld, type World } from '../testing/fixtures';

function deps(world: World) {
  return { ...world.paging, userTracker: world.tracker };
}

describe('escalating on purpose from the issue', () => {
  it('pages another team’s roster with the incident key, the reason and who asked, and notes it on the issue', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 1, service: 'Bitbucket', summary: 'Pushes fail' });

    const status = await escalateIncident(deps(world), {
      issueKey: issue.key,
      callerAccountId: PEOPLE.bitbucketIm,
      payload: { target: { kind: 'roster', rosterId: 'database' }, reason: 'Primary database is refusing writes', requestId: 'req-00000001' },
    });

    expect(world.pager.recipients()).toEqual([PEOPLE.databaseOnCall]);
    const page = world.pager.sent[0]?.message;
    expect(page?.title).toBe(`[Sev 1] ${issue.key}: Pushes fail`);
    expect(page?.text).toContain(`Escalated by ${PEOPLE.bitbucketIm}: Primary database is refusing writes`);
    expect(world.tracker.comments[0]?.text).toContain(`${PEOPLE.bitbucketIm} paged the Database on-call roster: Primary database is refusing writes`);
    expect(status.episodes.map((episode) => episode.state)).toEqual(['paging']);
  });

  it('pages one person directly', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 2, service: 'Bitbucket' });
    await escalateIncident(deps(world), {
      issueKey: issue.key,
      callerAccountId: PEOPLE.imoc,
      payload: { target: { kind: 'user', accountId: 'acc-dba-expert' }, reason: 'Need the replication expert', requestId: 'req-00000002' },
    });
    expect(world.pager.recipients()).toEqual(['acc-dba-expert']);
  });

  it('pages once when the same request is retried', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 1, service: 'Bitbucket' });
    const input = { issueKey: issue.key, callerAccountId: PEOPLE.imoc, payload: { target: { kind: 'roster', rosterId: 'database' }, reason: 'DB', requestId: 'req-00000003' } };
    await escalateIncident(deps(world), input);
    await escalateIncident(deps(world), input);
    expect(world.pager.sent).toHaveLength(1);
    expect(world.tracker.comments).toHaveLength(1);
  });

  it('refuses an unknown roster or a missing reason, naming the field, and pages nobody', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 1, service: 'Bitbucket' });
    const call = (payload: unknown) => escalateIncident(deps(world), { issueKey: issue.key, callerAccountId: PEOPLE.imoc, payload });
    await expect(call({ target: { kind: 'roster', rosterId: 'ghost' }, reason: 'x', requestId: 'req-00000004' })).rejects.toMatchObject({ field: 'target.rosterId' });
    await expect(call({ target: { kind: 'roster', rosterId: 'database' }, reason: ' ', requestId: 'req-00000004' })).rejects.toMatchObject({ field: 'reason' });
    expect(world.pager.sent).toEqual([]);
  });

  it('answers NotFound when the user may not see the issue', async () => {
    const world = await provisionedWorld();
    const issue = world.incident({ severity: 1, service: 'Bitbucket' });
    world.tracker.hidden.add(issue.key);
    await expect(
      escalateIncident(deps(world), { issueKey: issue.key, callerAccountId: PEOPLE.imoc, payload: { target: { kind: 'user', accountId: 'acc-x' }, reason: 'x', requestId: 'req-00000005' } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(world.pager.sent).toEqual([]);
  });
});
