/**
 * The incident cockpit's resolvers, unchanged, against the local site: take command in one Jira
 * request, open comms in the Slack stand-in, and a view-only user who sees everything and changes nothing.
 */
import type { CockpitUpdate, CockpitView, TakeCommandResult } from '../src/contracts/cockpit';
import type { ResolverResult } from '../src/contracts/resolver-result';
import { personId, resolve, rest, startLocalSite, type LocalSite, declareBitbucketIncident, panelOn } from './local-site-app';

const IM = 'bea.bitbucket@example.com';

describe('the incident cockpit on the local site', () => {
  let local: LocalSite;

  beforeEach(async () => {
    local = await startLocalSite((document) => ({ ...document, integrations: { ...document.integrations, slack: { enabled: true } } }));
    await resolve(local.site, 'incident-settings', 'setIntegrationSecret', 'admin@example.com', { secret: { kind: 'slack-bot-token', value: 'xoxb-local-incident-response' } });
  });

  afterEach(async () => {
    await local.stop();
  });

  it('takes command in exactly one Jira request: assigned, Fixing, page acknowledged, detected when it was raised', async () => {
    const issue = await declareBitbucketIncident(local, { description: 'Every push answers 500. Call Jay on +1 555 0100.' });
    const cockpit = panelOn(local, issue);
    const before = await cockpit.call<CockpitView>(IM, 'getCockpit');
    expect(before.command).toMatchObject({ canTakeCommand: true, detectedMissing: expect.any(Boolean) });
    const since = local.site.forge.invocations.list().at(-1)?.seq ?? 0;

    const result = await cockpit.call<TakeCommandResult>(IM, 'takeCommand', { transitionId: before.command.takeCommandTransitionId });

    expect(result.outcome).toBe('in-command');
    const invocation = local.site.forge.invocations.list(since).find((record) => record.functionKey === 'takeCommand');
    // Jira is asked whether the caller may take command alongside the storage reads, then changes in one request.
    expect(invocation?.remoteCalls.filter((call) => call.kind === 'jira').map((call) => `${call.method} ${call.path.split('?')[0] ?? ''}`)).toEqual([
      'GET /rest/api/3/mypermissions',
      `POST /rest/api/3/issue/${issue.key}/transitions`,
    ]);
    await local.site.settle();
    const after = await cockpit.call<CockpitView>(IM, 'getCockpit');
    expect(after.issue).toMatchObject({ statusName: 'Fixing', assignee: { displayName: 'Bea Bitbucket' }, detected: expect.any(String) });
    expect(after.command.incidentManager?.displayName).toBe('Bea Bitbucket');
    expect(after.checklist.find((item) => item.step === 'raise')?.state).toBe('done');
    const paging = await cockpit.call<{ episodes: { state: string }[] }>(IM, 'getPagingStatus');
    expect(paging.episodes.map((episode) => episode.state)).toEqual(['acknowledged']);
  });

  it('names whoever took command a moment earlier and changes nothing', async () => {
    const issue = await declareBitbucketIncident(local, { description: 'Every push answers 500. Call Jay on +1 555 0100.' });
    const cockpit = panelOn(local, issue);
    const offered = await cockpit.call<CockpitView>(IM, 'getCockpit');
    const take = { transitionId: offered.command.takeCommandTransitionId };
    await cockpit.call(IM, 'takeCommand', take);

    const late = await cockpit.call<TakeCommandResult>('imogen.imoc@example.com', 'takeCommand', take);

    expect(late).toMatchObject({ outcome: 'already-taken', by: { accountId: personId(local.site, IM) } });
    const after = await cockpit.call<CockpitView>(IM, 'getCockpit');
    expect(after.issue.assignee?.displayName).toBe('Bea Bitbucket');
  });

  it('opens comms: a room named after the key with roles and links in its topic, in the outbox', async () => {
    const issue = await declareBitbucketIncident(local, { description: 'Every push answers 500. Call Jay on +1 555 0100.' });
    const cockpit = panelOn(local, issue);
    const offered = await cockpit.call<CockpitView>(IM, 'getCockpit');
    await cockpit.call(IM, 'takeCommand', { transitionId: offered.command.takeCommandTransitionId });
    await cockpit.call(IM, 'delegateRole', { role: 'tech-lead', accountId: personId(local.site, 'tara.techlead@example.com') });

    const update = await cockpit.call<CockpitUpdate>(IM, 'openComms');

    const room = issue.key.toLowerCase();
    const slack = local.site.outbox.list({ channel: 'slack' });
    expect(slack.find((entry) => entry.subject === 'conversations.create')).toMatchObject({ to: `#${room}` });
    const topic = slack.find((entry) => entry.subject === 'conversations.setTopic');
    expect(JSON.stringify(topic?.body)).toContain(`${issue.key} [Sev 1] Git pushes fail for everyone | IM: Bea Bitbucket · TL: Tara Techlead | Issue: ${local.site.baseUrl}/browse/${issue.key}`);
    expect(JSON.stringify(topic?.request)).toContain('"ok":true');
    expect(slack.filter((entry) => entry.subject === 'conversations.invite').map((entry) => JSON.stringify(entry.request))).toEqual([expect.stringContaining('"ok":true')]);
    expect(update.view.channels).toMatchObject({ chatRoomName: room, chatRoom: expect.stringContaining('/archives/') });
    expect(update.view.checklist.find((item) => item.step === 'open-comms')?.reason).toBe('no video call linked');
  });

  it('shows a view-only user the same incident and lets them change nothing', async () => {
    const issue = await declareBitbucketIncident(local, { description: 'Every push answers 500. Call Jay on +1 555 0100.' });
    const cockpit = panelOn(local, issue);
    const offered = await cockpit.call<CockpitView>(IM, 'getCockpit');
    const take = { transitionId: offered.command.takeCommandTransitionId };
    const viewer = 'vera.viewer@example.com';

    const seen = await cockpit.call<CockpitView>(viewer, 'getCockpit');
    const attempts = await Promise.all([
      cockpit.raw(viewer, 'takeCommand', take),
      cockpit.raw(viewer, 'recordTimelineEntry', { entry: { kind: 'observation', text: 'I see it too' } }),
      cockpit.raw(viewer, 'delegateRole', { role: 'tech-lead', accountId: personId(local.site, viewer) }),
      cockpit.raw(viewer, 'answerAssessment', { questionId: 'customer-experience', answer: 'Errors' }),
      cockpit.raw(viewer, 'setChannelLinks', { videoCall: 'https://meet.example.com/x' }),
      cockpit.raw(viewer, 'openComms'),
    ]);

    expect(seen.viewer).toMatchObject({ canEdit: false, readOnlyReason: expect.stringContaining('not change it') });
    expect(seen.command.canTakeCommand).toBe(false);
    const [take1, ...others] = attempts.map((attempt) => (attempt.ok ? { code: 'changed', message: '' } : attempt.error));
    // Taking command is the one Jira request itself, so Jira's refusal is the answer.
    expect(take1).toMatchObject({ message: expect.stringContaining('permission to transition') });
    expect(others.map((attempt) => attempt.code)).toEqual(['forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden']);
    const after = await cockpit.call<CockpitView>(IM, 'getCockpit');
    expect(after.issue.statusName).toBe('New');
    expect(after.timeline).toEqual([]);
    expect(local.site.outbox.list({ channel: 'slack' }).filter((entry) => entry.subject === 'conversations.create')).toEqual([]);
  });

  it('plays the response: assess, delegate, review, hand over; the checklist and the issue follow each step', async () => {
    const issue = await declareBitbucketIncident(local, { description: 'Every push answers 500. Call Jay on +1 555 0100.' });
    const cockpit = panelOn(local, issue);
    const id = (email: string) => personId(local.site, email);
    const offered = await cockpit.call<CockpitView>(IM, 'getCockpit');
    await cockpit.call(IM, 'takeCommand', { transitionId: offered.command.takeCommandTransitionId });
    await cockpit.call(IM, 'openComms');
    await cockpit.call(IM, 'setChannelLinks', { videoCall: 'https://meet.example.com/hot', stateDocument: 'https://wiki.example.com/hot-state' });
    for (const answer of [
      { questionId: 'customer-impact', answer: { audience: 'external', summary: 'Nobody can push' } },
      { questionId: 'customer-experience', answer: 'git push answers 500' },
      { questionId: 'customers-affected', answer: { reach: 'all' } },
      { questionId: 'impact-started', answer: new Date(local.site.clock.now() - 20 * 60_000).toISOString() },
      { questionId: 'support-cases', answer: 4 },
      { questionId: 'other-factors', answer: { factors: ['social-media'] } },
    ]) {
      await cockpit.call(IM, 'answerAssessment', answer);
    }
    await cockpit.call(IM, 'delegateRole', { role: 'tech-lead', accountId: id('tara.techlead@example.com') });
    await cockpit.call(IM, 'delegateRole', { role: 'communications-manager', accountId: id('cora.comms@example.com') });
    await cockpit.call(IM, 'delegateRole', { role: 'backup-incident-manager', accountId: id('ben.bitbucket@example.com') });
    await cockpit.call(IM, 'recordTimelineEntry', { entry: { kind: 'observation', text: 'Push error rate 100% since the 8.14.2 deploy' } });
    const theory = await cockpit.call<CockpitUpdate>(IM, 'recordTimelineEntry', { entry: { kind: 'theory', text: 'The diff cache in 8.14.2 corrupts pack files' } });
    const theoryId = theory.view.timeline.at(-1)?.id;
    await cockpit.call(IM, 'recordTimelineEntry', { entry: { kind: 'experiment', text: 'Disable the diff cache on one node', theoryId, outcome: 'disproved' } });

    const handedOver = await cockpit.call<CockpitUpdate>(IM, 'handOverCommand', { toAccountId: id('ben.bitbucket@example.com') });

    const states = Object.fromEntries(handedOver.view.checklist.map((item) => [item.step, item.state]));
    expect(states).toMatchObject({ detect: 'done', raise: 'done', 'open-comms': 'done', assess: 'done', delegate: 'done', review: 'done' });
    expect(handedOver.view.command.incidentManager?.displayName).toBe('Ben Bitbucket');
    const fields = local.fields;
    const stored = await rest(local.site, 'admin@example.com', 'GET', `/rest/api/3/issue/${issue.key}?fields=assignee,${fields.techLead},${fields.communicationsManager},${fields.videoCall},${fields.impactStart}`);
    const values = (stored.body as { fields: Record<string, unknown> }).fields;
    expect(values['assignee']).toMatchObject({ displayName: 'Ben Bitbucket' });
    expect(values[fields.techLead]).toMatchObject({ displayName: 'Tara Techlead' });
    expect(values[fields.communicationsManager]).toMatchObject({ displayName: 'Cora Comms' });
    expect(values[fields.videoCall]).toBe('https://meet.example.com/hot');
    const comments = await rest(local.site, 'admin@example.com', 'GET', `/rest/api/3/issue/${issue.key}/comment`);
    const text = JSON.stringify(comments.body);
    expect(text).toContain('Disable the diff cache on one node');
    expect(text).toContain('disproved');
    const topics = local.site.outbox.list({ channel: 'slack' }).filter((entry) => entry.subject === 'conversations.setTopic');
    expect(JSON.stringify(topics.at(-1)?.body)).toContain('IM: Ben Bitbucket · TL: Tara Techlead · CM: Cora Comms');
  });

  it('prompts the IM to hand over after the limit an administrator saved, which only an administrator may change', async () => {
    const save = (email: string, payload: unknown) =>
      local.site.forge.invokeResolver({ moduleKey: 'incident-settings', functionKey: 'saveCockpitSettings', accountId: personId(local.site, email), payload }) as Promise<ResolverResult<unknown>>;
    expect(await save('admin@example.com', { fatigueLimitMinutes: { 'incident-manager': 20 } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'fatigueLimitMinutes.incident-manager' },
    });
    expect(await save(IM, { fatigueLimitMinutes: { 'incident-manager': 600 } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await resolve(local.site, 'incident-settings', 'saveCockpitSettings', 'admin@example.com', { fatigueLimitMinutes: { 'incident-manager': 60 } });
    const issue = await declareBitbucketIncident(local, { description: 'Every push answers 500. Call Jay on +1 555 0100.' });
    const cockpit = panelOn(local, issue);
    const offered = await cockpit.call<CockpitView>(IM, 'getCockpit');
    await cockpit.call(IM, 'takeCommand', { transitionId: offered.command.takeCommandTransitionId });

    await local.site.advanceClock(61 * 60_000);
    const view = await cockpit.call<CockpitView>(IM, 'getCockpit');

    expect(view.review.fatigue).toEqual([expect.objectContaining({ urgency: 'hand-over-now' })]);
    expect(await resolve(local.site, 'incident-settings', 'getCockpitSettings', 'admin@example.com', {})).toMatchObject({ settings: { fatigueLimitMinutes: { 'incident-manager': 60 } } });
  });

  it('ends every role when the incident is resolved in Jira', async () => {
    const issue = await declareBitbucketIncident(local, { description: 'Every push answers 500. Call Jay on +1 555 0100.' });
    const cockpit = panelOn(local, issue);
    const offered = await cockpit.call<CockpitView>(IM, 'getCockpit');
    await cockpit.call(IM, 'takeCommand', { transitionId: offered.command.takeCommandTransitionId });
    await cockpit.call(IM, 'delegateRole', { role: 'tech-lead', accountId: personId(local.site, 'tara.techlead@example.com') });
    expect((await cockpit.call<CockpitView>(IM, 'getCockpit')).roles.current.length).toBeGreaterThanOrEqual(2);

    const transitions = await rest(local.site, IM, 'GET', `/rest/api/3/issue/${issue.key}/transitions`);
    const resolveId = (transitions.body as { transitions: { id: string; name: string }[] }).transitions.find((t) => t.name === 'Resolve')?.id;
    const resolved = await rest(local.site, IM, 'POST', `/rest/api/3/issue/${issue.key}/transitions`, {
      transition: { id: resolveId },
      fields: { [local.fields.impactEnd]: new Date(local.site.clock.now()).toISOString() },
    });
    expect(resolved.status).toBe(204);
    await local.site.settle();

    const after = await cockpit.call<CockpitView>(IM, 'getCockpit');
    expect(after.roles.current).toEqual([]);
    expect(after.roles.history.every((assignment) => assignment.endedAt !== undefined)).toBe(true);
  });
});
