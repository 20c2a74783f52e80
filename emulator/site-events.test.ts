import { control, createIssue, demoUser, jiraJson, startTestSite, type TestSite } from './test-fixtures/test-site';
import { asApp, route } from '@forge/api';
import { kvs } from '@forge/kvs';

async function stored(test: TestSite, key: string): Promise<unknown> {
  return test.site.forge.runInInvocation({ moduleKey: 'test-reader' }, () => kvs.get(key));
}

describe('product events from the Jira emulator', () => {
  let test: TestSite;

  beforeEach(async () => {
    test = await startTestSite();
  });

  afterEach(() => test.stop());

  it('delivers avi:jira:created:issue to the app handler after an issue is created over REST', async () => {
    const key = await createIssue(test.site, demoUser(test.site).emailAddress, 'Checkout is down');
    await control(test.site, 'POST', 'settle');
    expect(await stored(test, 'created')).toEqual([key]);
    const invocation = test.site.forge.invocations.list().find((record) => record.moduleKey === 'on-created');
    expect(invocation).toMatchObject({ trigger: 'event', functionKey: 'created', outcome: 'ok' });
  });

  it('delivers each event twice when duplicate delivery is switched on', async () => {
    await control(test.site, 'POST', 'faults', { duplicateEvents: true });
    const key = await createIssue(test.site, demoUser(test.site).emailAddress, 'Payments failing');
    await test.site.settle();
    expect(await stored(test, 'created')).toEqual([key, key]);
  });

  it('skips a trigger with ignoreSelf for events the app itself caused', async () => {
    const user = await createIssue(test.site, demoUser(test.site).emailAddress, 'Raised by a person');
    await test.site.settle();
    const projectKey = user.split('-')[0] ?? '';
    const project = (await test.site.jira.handle({ method: 'GET', path: `/rest/api/3/project/${projectKey}`, headers: {}, actor: { kind: 'app' } })).body as {
      issueTypes: { id: string; subtask: boolean }[];
    };
    const issueTypeId = project.issueTypes.find((type) => !type.subtask)?.id ?? '';
    const byApp = await test.site.forge.runInInvocation({ moduleKey: 'probe-panel' }, async () => {
      const response = await asApp().requestJira(route`/rest/api/3/issue`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fields: { project: { key: projectKey }, issuetype: { id: issueTypeId }, summary: 'Raised by the app' } }),
      });
      return ((await response.json()) as { key: string }).key;
    });
    await test.site.settle();
    expect(await stored(test, 'created')).toEqual([user, byApp]);
    expect(await stored(test, 'created-not-self')).toEqual([user]);
  });

  it('retries an event whose handler returns InvocationError, then stops when it succeeds', async () => {
    const user = demoUser(test.site);
    const key = await createIssue(test.site, user.emailAddress, 'Needs a comment');
    const comment = await fetch(`${test.site.baseUrl}/rest/api/3/issue/${key}/comment`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${user.emailAddress}:local`).toString('base64')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'On it' }] }] } }),
    });
    expect(comment.status).toBe(201);
    await test.site.settle();
    expect(await stored(test, 'comment-attempts')).toEqual([0, 1, 2]);
    const outcomes = test.site.forge.invocations.list().filter((record) => record.moduleKey === 'on-commented').map((record) => record.outcome);
    expect(outcomes).toEqual(['error: retry requested (FUNCTION_RETRY_REQUEST)', 'error: retry requested (FUNCTION_RETRY_REQUEST)', 'ok']);
  });

  it('fires the installation lifecycle event on the first start', async () => {
    await test.site.settle();
    expect(await stored(test, 'installed')).toBe('avi:forge:installed:app');
  });

  it('runs the workflow post-function configured on a transition, with its configuration', async () => {
    const email = demoUser(test.site).emailAddress;
    const project = (await jiraJson(test.site, email, 'GET', '/rest/api/3/project/10000')).body as { key: string };
    const created = await jiraJson(test.site, email, 'POST', '/rest/api/3/issue', { fields: { project: { key: project.key }, issuetype: { id: '10000' }, summary: 'Escalate me' } });
    const key = (created.body as { key: string }).key;
    expect((await jiraJson(test.site, email, 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: '11' } })).status).toBe(204);
    expect((await jiraJson(test.site, email, 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: '61' } })).status).toBe(204);
    await test.site.settle();
    expect(await stored(test, 'post-functions')).toEqual([{ key, transition: 'Escalate to IMOC', configuration: { target: { kind: 'imoc' } } }]);
    expect(test.site.forge.invocations.list().find((record) => record.trigger === 'postFunction')).toMatchObject({ moduleKey: 'page-on-call', functionKey: 'post-function', outcome: 'ok' });
  });

  it('asks the workflow validator on a transition before making it, and keeps the issue where it was when refused', async () => {
    const email = demoUser(test.site).emailAddress;
    const created = await jiraJson(test.site, email, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'HOT' }, issuetype: { id: '10000' }, summary: 'Close me' } });
    const key = (created.body as { key: string }).key;
    for (const id of ['11', '21']) expect((await jiraJson(test.site, email, 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id } })).status).toBe(204);
    await test.site.settle();

    const refused = await jiraJson(test.site, email, 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: '31' }, fields: { summary: 'refuse me' } });

    expect(refused).toEqual({ status: 400, body: { errorMessages: [`The probe refuses to move ${key}.`], errors: {} } });
    const after = (await jiraJson(test.site, email, 'GET', `/rest/api/3/issue/${key}?fields=status,summary`)).body as { fields: { status: { name: string }; summary: string } };
    expect(after.fields).toMatchObject({ status: { name: 'Resolved' }, summary: 'Close me' });
    expect((await jiraJson(test.site, email, 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: '31' } })).status).toBe(204);
    expect(await stored(test, 'validations')).toEqual([
      { key, from: '10002', to: '10003', modifiedFields: { summary: 'refuse me' } },
      { key, from: '10002', to: '10003', modifiedFields: {} },
    ]);
    expect(test.site.forge.invocations.list().filter((record) => record.trigger === 'workflowValidator').map((record) => record.moduleKey)).toEqual(['postmortem-required', 'postmortem-required']);
  });

  it('puts the emails of an issue notification in each recipient inbox', async () => {
    const people = test.site.jira.users().filter((user) => user.accountType === 'atlassian');
    const [sender, recipient] = people;
    if (!sender || !recipient) throw new Error('The demo seed made fewer than two people');
    const key = await createIssue(test.site, sender.emailAddress, 'Notify about me');
    const notified = await jiraJson(test.site, sender.emailAddress, 'POST', `/rest/api/3/issue/${key}/notify`, {
      subject: 'SEV-2 update',
      textBody: 'Mitigation in progress',
      to: { users: [{ accountId: recipient.accountId }] },
    });
    expect(notified.status).toBe(204);
    const inbox = (await control(test.site, 'GET', `outbox?to=${encodeURIComponent(recipient.emailAddress)}`)).body as { entries: { channel: string; subject: string }[] };
    expect(inbox.entries).toEqual([expect.objectContaining({ channel: 'jira-notification', subject: expect.stringContaining('SEV-2 update') })]);
  });
});
