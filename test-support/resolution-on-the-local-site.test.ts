/**
 * Resolve and learn on the local site, the app unchanged: resolve in one Jira request, cleanup
 * tasks and the postmortem linked to the incident, Close refused by the app's workflow validator
 * until the postmortem exists, a false alarm labelled out of the metrics, the reminder to the
 * postmortem's owner when it falls due, and Jira's own Resolve asking for a missing impact end.
 */
import type { CockpitView } from '../src/contracts/cockpit';
import type { ResolutionUpdate, ResolutionView } from '../src/contracts/resolution';
import type { ResolverResult } from '../src/contracts/resolver-result';
import { personId, resolve, rest, startLocalSite, type LocalSite, declareBitbucketIncident, panelOn } from './local-site-app';

const IM = 'bea.bitbucket@example.com';
const ADMIN = 'admin@example.com';
const SETTINGS = {
  cleanup: { projectKey: 'HOT', issueType: 'Task' },
  postmortem: { projectKey: 'PM', issueType: 'Postmortem', dueBusinessDays: { '1': 5, '2': 10, '3': 20 }, sev3Exempt: true },
};

async function takeCommand(cockpit: ReturnType<typeof panelOn>): Promise<void> {
  const view = await cockpit.call<CockpitView>(IM, 'getCockpit');
  await cockpit.call(IM, 'takeCommand', { transitionId: view.command.takeCommandTransitionId });
}

const jiraCallsOf = (local: LocalSite, functionKey: string, since: number): string[] =>
  (local.site.forge.invocations.list(since).find((record) => record.functionKey === functionKey)?.remoteCalls ?? [])
    .filter((call) => call.kind === 'jira' && call.method !== 'GET')
    .map((call) => `${call.method} ${call.path.split('?')[0] ?? ''}`);

async function close(local: LocalSite, key: string): Promise<{ status: number; body: unknown }> {
  return rest(local.site, IM, 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: '31' } });
}

describe('resolve and learn on the local site', () => {
  let local: LocalSite;

  beforeEach(async () => {
    local = await startLocalSite();
    await resolve(local.site, 'incident-settings', 'saveLearningSettings', ADMIN, SETTINGS);
  });

  afterEach(async () => {
    await local.stop();
  });

  it('provisions the cleanup and postmortem link types on install', async () => {
    const types = (await rest(local.site, ADMIN, 'GET', '/rest/api/3/issueLinkType')).body as { issueLinkTypes: { name: string; outward: string }[] };
    expect(types.issueLinkTypes).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Incident cleanup', outward: 'has cleanup task' }), expect.objectContaining({ name: 'Incident postmortem' })]),
    );
  });

  it('resolves in exactly one Jira request: Resolved, impact end, comment; roles end; the final update is next', async () => {
    const issue = await declareBitbucketIncident(local);
    const cockpit = panelOn(local, issue);
    await takeCommand(cockpit);
    const since = local.site.forge.invocations.list().at(-1)?.seq ?? 0;
    const impactEnd = new Date(local.site.clock.now()).toISOString();

    const { view } = await cockpit.call<ResolutionUpdate>(IM, 'resolveIncident', { impactEnd });

    expect(jiraCallsOf(local, 'resolveIncident', since)).toEqual([`POST /rest/api/3/issue/${issue.key}/transitions`]);
    expect(view).toMatchObject({ status: 'resolved', impactEnd, impactEndMissing: false, closeBlockedReason: expect.stringContaining('cannot be closed until its postmortem exists') });
    expect(view.nextSteps[0]).toMatch(/^Send the final update/);
    const fields = ((await rest(local.site, IM, 'GET', `/rest/api/3/issue/${issue.key}?fields=status,${local.fields.impactEnd}`)).body as { fields: Record<string, unknown> }).fields;
    expect(fields['status']).toMatchObject({ name: 'Resolved' });
    expect(Date.parse(String(fields[local.fields.impactEnd]))).toBe(Date.parse(impactEnd));
    const after = await cockpit.call<CockpitView>(IM, 'getCockpit');
    expect(after.roles.current).toEqual([]);
  });

  it('refuses an impact end before the detection, changing nothing', async () => {
    const issue = await declareBitbucketIncident(local);
    const cockpit = panelOn(local, issue);
    await takeCommand(cockpit);
    const refused = await cockpit.raw(IM, 'resolveIncident', { impactEnd: '2000-01-01T00:00:00Z' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'impactEnd' } });
    expect((await cockpit.call<ResolutionView>(IM, 'getResolution')).status).toBe('fixing');
  });

  it('creates cleanup tasks and the postmortem linked to the incident; Close is refused until the postmortem exists', async () => {
    const issue = await declareBitbucketIncident(local);
    const cockpit = panelOn(local, issue);
    await takeCommand(cockpit);
    await cockpit.call(IM, 'recordTimelineEntry', { entry: { kind: 'observation', text: 'Pushes answer 500 since 09:58' } });
    await cockpit.call(IM, 'resolveIncident', {});

    const refused = await close(local, issue.key);
    expect(refused.status).toBe(400);
    expect((refused.body as { errorMessages: string[] }).errorMessages[0]).toContain(`${issue.key} cannot be closed until its postmortem exists`);

    const task = await cockpit.call<ResolutionUpdate>(IM, 'createCleanupTask', { summary: 'Add a push canary', assigneeAccountId: personId(local.site, 'tara.techlead@example.com'), dueDate: '2031-01-10' });
    expect(task.view.cleanupTasks).toEqual([expect.objectContaining({ summary: 'Add a push canary', statusName: 'To Do', done: false })]);
    const taskKey = task.view.cleanupTasks[0]?.key ?? '';
    const taskFields = ((await rest(local.site, IM, 'GET', `/rest/api/3/issue/${taskKey}?fields=assignee,duedate,issuetype`)).body as { fields: Record<string, unknown> }).fields;
    expect(taskFields).toMatchObject({ assignee: { displayName: 'Tara Techlead' }, duedate: '2031-01-10', issuetype: { name: 'Task' } });

    const since = local.site.forge.invocations.list().at(-1)?.seq ?? 0;
    const { view } = await cockpit.call<ResolutionUpdate>(IM, 'createPostmortem', {});
    expect(jiraCallsOf(local, 'createPostmortem', since)).toEqual(['POST /rest/api/3/issue', 'POST /rest/api/3/issueLink']);
    expect(view.postmortem).toMatchObject({ key: expect.stringMatching(/^PM-\d+$/), dueDate: expect.any(String) });
    const postmortem = ((await rest(local.site, IM, 'GET', `/rest/api/3/issue/${view.postmortem?.key ?? ''}?fields=description,assignee,duedate,issuelinks`)).body as { fields: Record<string, unknown> }).fields;
    const description = JSON.stringify(postmortem['description']);
    expect(description).toContain('Pushes answer 500 since 09:58');
    expect(description).toContain('Impact end');
    expect(description).toContain(taskKey);
    expect(postmortem).toMatchObject({ assignee: { displayName: 'Bea Bitbucket' }, issuelinks: [expect.objectContaining({ inwardIssue: expect.objectContaining({ key: issue.key }) })] });

    const again = await cockpit.call<ResolutionUpdate>(IM, 'createPostmortem', {});
    expect(again.notices).toEqual([`${view.postmortem?.key ?? ''} is already the postmortem of ${issue.key}.`]);

    expect((await close(local, issue.key)).status).toBe(204);
    expect((await cockpit.call<ResolutionView>(IM, 'getResolution')).status).toBe('closed');
  });

  it('lets a Sev 3 close without a postmortem when the administrator exempted them', async () => {
    const issue = await declareBitbucketIncident(local, { severity: 3 });
    const cockpit = panelOn(local, issue);
    await takeCommand(cockpit);
    await cockpit.call(IM, 'resolveIncident', {});
    expect((await close(local, issue.key)).status).toBe(204);
  });

  it('cancels a false alarm in one request with the label metrics leave out, distinct from resolving', async () => {
    const issue = await declareBitbucketIncident(local);
    const cockpit = panelOn(local, issue);
    const since = local.site.forge.invocations.list().at(-1)?.seq ?? 0;
    const { view } = await cockpit.call<ResolutionUpdate>(IM, 'cancelIncident', { reason: 'A monitoring probe misfired' });
    expect(jiraCallsOf(local, 'cancelIncident', since)).toEqual([`POST /rest/api/3/issue/${issue.key}/transitions`]);
    expect(view).toMatchObject({ status: 'cancelled', canResolve: false });
    const fields = ((await rest(local.site, IM, 'GET', `/rest/api/3/issue/${issue.key}?fields=labels,status,${local.fields.impactEnd}`)).body as { fields: Record<string, unknown> }).fields;
    expect(fields).toMatchObject({ labels: ['incident-cancelled'], status: { name: 'Cancelled' } });
    expect(fields[local.fields.impactEnd] ?? null).toBeNull();
  });

  it('labels an incident cancelled through Jira’s own transition', async () => {
    const issue = await declareBitbucketIncident(local);
    expect((await rest(local.site, IM, 'POST', `/rest/api/3/issue/${issue.key}/transitions`, { transition: { id: '51' } })).status).toBe(204);
    await local.site.settle();
    const fields = ((await rest(local.site, IM, 'GET', `/rest/api/3/issue/${issue.key}?fields=labels`)).body as { fields: { labels: string[] } }).fields;
    expect(fields.labels).toEqual(['incident-cancelled']);
  });

  it('asks for the impact end once when Jira resolves an incident without one, and the panel records it', async () => {
    const issue = await declareBitbucketIncident(local);
    const cockpit = panelOn(local, issue);
    await takeCommand(cockpit);
    expect((await rest(local.site, IM, 'POST', `/rest/api/3/issue/${issue.key}/transitions`, { transition: { id: '21' } })).status).toBe(204);
    await local.site.settle();
    const comments = ((await rest(local.site, IM, 'GET', `/rest/api/3/issue/${issue.key}/comment`)).body as { comments: { body: unknown }[] }).comments;
    expect(comments.filter((comment) => JSON.stringify(comment.body).includes('Impact end missing'))).toHaveLength(1);
    const asked = await cockpit.call<ResolutionView>(IM, 'getResolution');
    expect(asked.impactEndMissing).toBe(true);

    const { view } = await cockpit.call<ResolutionUpdate>(IM, 'recordImpactEnd', { impactEnd: asked.suggestedImpactEnd });
    expect(view).toMatchObject({ impactEndMissing: false, impactEnd: asked.suggestedImpactEnd });
  });

  it('reminds the postmortem owner once when it falls due and it is not done', async () => {
    // Due the day it is resolved, so the reminder's time has come as soon as the postmortem exists.
    await resolve(local.site, 'incident-settings', 'saveLearningSettings', ADMIN, { ...SETTINGS, postmortem: { ...SETTINGS.postmortem, dueBusinessDays: { '1': 0, '2': 10, '3': 20 } } });
    const issue = await declareBitbucketIncident(local);
    const cockpit = panelOn(local, issue);
    await takeCommand(cockpit);
    await cockpit.call(IM, 'resolveIncident', {});
    const { view } = await cockpit.call<ResolutionUpdate>(IM, 'createPostmortem', {});
    expect(view.postmortem?.dueDate).toBe(new Date(local.site.clock.now()).toISOString().slice(0, 10));

    await local.site.settle();

    const reminders = local.site.outbox.list({ to: IM }).filter((entry) => (entry.subject ?? '').includes(`The postmortem of ${issue.key} is due`));
    expect(reminders).toHaveLength(1);
    expect(local.site.forge.invocations.list().filter((record) => record.functionKey === 'remind-pm-owners').map((record) => record.outcome)).toEqual(['ok']);
  });

  it('refuses settings it cannot use, naming the part', async () => {
    const refused = (await local.site.forge.invokeResolver({
      moduleKey: 'incident-settings',
      functionKey: 'saveLearningSettings',
      accountId: personId(local.site, ADMIN),
      payload: { ...SETTINGS, postmortem: { ...SETTINGS.postmortem, dueBusinessDays: { '1': -1, '2': 10, '3': 20 } } },
    })) as ResolverResult<unknown>;
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'postmortem.dueBusinessDays.1' } });
    const forbidden = (await local.site.forge.invokeResolver({ moduleKey: 'incident-settings', functionKey: 'saveLearningSettings', accountId: personId(local.site, IM), payload: SETTINGS })) as ResolverResult<unknown>;
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
