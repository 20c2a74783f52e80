import { adf, createIncident, createJiraHarness, createOptionField, issueFields, type JiraHarness } from '../jira-test-harness';
import type { JiraSiteEvent, PostFunctionPayload } from '../types';

const bea = 'bea.bitbucket@example.com';
const vera = 'vera.viewer@example.com';
const transitionIds = { startFixing: '11', resolve: '21', close: '31', reopen: '41', cancel: '51', escalate: '61' };

let site: JiraHarness;
beforeEach(() => {
  site = createJiraHarness();
});
afterEach(() => site.close());

async function transition(key: string, body: Record<string, unknown>, caller = bea) {
  return site.call(caller, 'POST', `/rest/api/3/issue/${key}/transitions`, body);
}

function postFunctions(events: JiraSiteEvent[]): { moduleKey: string; payload: PostFunctionPayload }[] {
  return events.flatMap((event) => (event.kind === 'post-function' ? [{ moduleKey: event.moduleKey, payload: event.payload }] : []));
}

describe('GET /issue/{issueIdOrKey}/transitions', () => {
  it('offers the transitions leaving the current status', async () => {
    const key = await createIncident(site, bea, 'Pushes fail');
    const answer = await site.call(bea, 'GET', `/rest/api/3/issue/${key}/transitions`);
    const transitions = (answer.body as { transitions: { id: string; name: string; to: { name: string } }[] }).transitions;
    expect(transitions.map((entry) => [entry.id, entry.name, entry.to.name])).toEqual([
      ['11', 'Start fixing', 'Fixing'],
      ['51', 'Cancel (false alarm)', 'Cancelled'],
    ]);
    await transition(key, { transition: { id: transitionIds.startFixing } });
    const fixing = await site.call(bea, 'GET', `/rest/api/3/issue/${key}/transitions`);
    expect((fixing.body as { transitions: { name: string }[] }).transitions.map((entry) => entry.name)).toEqual(['Resolve', 'Cancel (false alarm)', 'Escalate to IMOC']);
  });

  it('describes the screen fields, with the allowed options of select fields', async () => {
    const severity = await createOptionField(site, 'Severity', 'select', ['Sev 1', 'Sev 2']);
    const key = await createIncident(site, bea, 'Pushes fail');
    const answer = await site.call(bea, 'GET', `/rest/api/3/issue/${key}/transitions?expand=transitions.fields&transitionId=11`);
    const [start] = (answer.body as { transitions: { fields: Record<string, { allowedValues?: { value: string }[]; schema: unknown }> }[] }).transitions;
    expect(start?.fields['assignee']?.schema).toEqual({ type: 'user', system: 'assignee' });
    expect(start?.fields[severity.id]?.allowedValues?.map((option) => option.value)).toEqual(['Sev 1', 'Sev 2']);
    expect(start?.fields['resolution']).toBeDefined();
  });

  it('offers viewers no transitions', async () => {
    const key = await createIncident(site, bea, 'Pushes fail');
    const answer = await site.call(vera, 'GET', `/rest/api/3/issue/${key}/transitions`);
    expect((answer.body as { transitions: unknown[] }).transitions).toEqual([]);
  });
});

describe('POST /issue/{issueIdOrKey}/transitions', () => {
  it('moves the issue, sets fields and the assignee and adds a comment in one request', async () => {
    const severity = await createOptionField(site, 'Severity', 'select', ['Sev 1', 'Sev 2']);
    const key = await createIncident(site, bea, 'Pushes fail', { [severity.id]: { value: 'Sev 2' } });
    site.advance(60_000);
    const answer = await transition(key, {
      transition: { id: transitionIds.startFixing },
      fields: { assignee: { accountId: site.accountId(bea) }, [severity.id]: { value: 'Sev 1' } },
      update: { comment: [{ add: { body: adf('Taking command.') } }], labels: [{ add: 'bitbucket' }] },
    });
    expect(answer.status).toBe(204);
    const fields = await issueFields(site, bea, key);
    expect(fields['status']).toMatchObject({ name: 'Fixing', statusCategory: { key: 'indeterminate' } });
    expect(fields['assignee']).toMatchObject({ displayName: 'Bea Bitbucket' });
    expect(fields[severity.id]).toMatchObject({ value: 'Sev 1' });
    expect(fields['labels']).toEqual(['bitbucket']);
    expect(fields['statuscategorychangedate']).toBe('2026-11-28T09:01:00.000+0000');
    const comments = await site.call(bea, 'GET', `/rest/api/3/issue/${key}/comment`);
    expect((comments.body as { comments: { body: unknown }[] }).comments.map((comment) => comment.body)).toEqual([adf('Taking command.')]);
    const changelog = await site.call(bea, 'GET', `/rest/api/3/issue/${key}/changelog`);
    const [entry] = (changelog.body as { values: { items: { field: string; fromString?: string; toString?: string }[] }[] }).values;
    expect(entry?.items.map((item) => item.field).sort()).toEqual(['Severity', 'assignee', 'labels', 'status']);
    expect(entry?.items.find((item) => item.field === 'status')).toMatchObject({ fromString: 'New', toString: 'Fixing' });
  });

  it('sets the resolution on Resolve and clears it on Reopen', async () => {
    const key = await createIncident(site, bea, 'Pushes fail');
    await transition(key, { transition: { id: transitionIds.startFixing } });
    site.advance(30 * 60_000);
    await transition(key, { transition: { id: transitionIds.resolve } });
    const resolved = await issueFields(site, bea, key);
    expect(resolved['resolution']).toMatchObject({ name: 'Done' });
    expect(resolved['resolutiondate']).toBe('2026-11-28T09:30:00.000+0000');
    await transition(key, { transition: { id: transitionIds.reopen } });
    const reopened = await issueFields(site, bea, key);
    expect(reopened['resolution']).toBeNull();
    expect(reopened['resolutiondate']).toBeNull();
  });

  it('takes a resolution from the request over the transition default', async () => {
    const key = await createIncident(site, bea, 'False alarm');
    await transition(key, { transition: { id: transitionIds.cancel }, fields: { resolution: { name: 'Duplicate' } } });
    expect((await issueFields(site, bea, key))['resolution']).toMatchObject({ name: 'Duplicate' });
  });

  it('emits the configured post-functions after the transition, with their configuration', async () => {
    const key = await createIncident(site, bea, 'Pushes fail');
    await transition(key, { transition: { id: transitionIds.startFixing } });
    site.events.length = 0;
    await transition(key, { transition: { id: transitionIds.escalate } });
    const [escalation] = postFunctions(site.events);
    expect(escalation?.moduleKey).toBe('page-on-call');
    expect(escalation?.payload).toMatchObject({
      issue: { key, fields: { summary: 'Pushes fail', status: { name: 'Fixing' } } },
      transition: { from: { id: '10001' }, to: { id: '10001' }, transitionId: 61, transitionName: 'Escalate to IMOC', workflowName: 'Incident workflow' },
      workflow: { workflowName: 'Incident workflow' },
      configuration: { target: { kind: 'imoc' } },
      context: { moduleKey: 'page-on-call' },
    });
    expect(escalation?.payload.transition.executionId).toMatch(/^[0-9a-f-]{36}$/);

    await transition(key, { transition: { id: transitionIds.resolve } });
    site.events.length = 0;
    await transition(key, { transition: { id: transitionIds.reopen } });
    const [reopen] = postFunctions(site.events);
    expect(reopen?.payload.configuration).toEqual({ target: { kind: 'faulty-service' }, severities: [1, 2] });
    expect(reopen?.payload.changelog.find((item) => item.fieldId === 'status')).toMatchObject({ fromString: 'Resolved', toString: 'Fixing' });
  });

  it('gives each post-function run its own execution id', async () => {
    const key = await createIncident(site, bea, 'Pushes fail');
    await transition(key, { transition: { id: transitionIds.startFixing } });
    await transition(key, { transition: { id: transitionIds.escalate } });
    await transition(key, { transition: { id: transitionIds.escalate } });
    const ids = postFunctions(site.events).map((event) => event.payload.transition.executionId);
    expect(new Set(ids).size).toBe(2);
  });

  it('refuses a transition that does not leave the current status', async () => {
    const key = await createIncident(site, bea, 'Pushes fail');
    const answer = await transition(key, { transition: { id: transitionIds.resolve } });
    expect(answer).toMatchObject({ status: 400, body: { errorMessages: ["Transition id '21' is not valid for this issue."] } });
    expect((await issueFields(site, bea, key))['status']).toMatchObject({ name: 'New' });
  });

  it('needs a transition id', async () => {
    const key = await createIncident(site, bea, 'Pushes fail');
    expect(await transition(key, { fields: {} })).toMatchObject({ status: 400, body: { errorMessages: ["Missing 'transition' identifier"] } });
  });

  it('refuses fields on a transition without a screen', async () => {
    const created = await site.call(bea, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'HOT' }, issuetype: { name: 'Task' }, summary: 'Clean up' } });
    const key = (created.body as { key: string }).key;
    const answer = await transition(key, { transition: { id: '11' }, fields: { summary: 'x' } });
    expect((answer.body as { errors: Record<string, string> }).errors['summary']).toContain('not on the appropriate screen');
  });

  it('does not let viewers transition, and leaves no trace of a refused transition', async () => {
    const key = await createIncident(site, bea, 'Pushes fail');
    site.events.length = 0;
    const answer = await transition(key, { transition: { id: transitionIds.startFixing } }, vera);
    expect(answer).toMatchObject({ status: 400, body: { errorMessages: ['You do not have permission to transition this issue.'] } });
    const badField = await transition(key, { transition: { id: transitionIds.startFixing }, fields: { assignee: { accountId: site.accountId(vera) } } });
    expect(badField.status).toBe(400);
    expect((await issueFields(site, bea, key))['status']).toMatchObject({ name: 'New' });
    expect(site.events).toEqual([]);
  });
});

describe('PUT /issue/{issueIdOrKey}/assignee', () => {
  it('assigns and unassigns, recording both', async () => {
    const key = await createIncident(site, bea, 'Pushes fail');
    expect((await site.call(bea, 'PUT', `/rest/api/3/issue/${key}/assignee`, { accountId: site.accountId('jay.jira@example.com') })).status).toBe(204);
    expect((await issueFields(site, bea, key))['assignee']).toMatchObject({ displayName: 'Jay Jira' });
    expect((await site.call(bea, 'PUT', `/rest/api/3/issue/${key}/assignee`, { accountId: null })).status).toBe(204);
    expect((await issueFields(site, bea, key))['assignee']).toBeNull();
    const changelog = await site.call(bea, 'GET', `/rest/api/3/issue/${key}/changelog`);
    expect((changelog.body as { total: number }).total).toBe(2);
  });

  it('refuses users who cannot be assigned and callers who may not assign', async () => {
    const key = await createIncident(site, bea, 'Pushes fail');
    const unassignable = await site.call(bea, 'PUT', `/rest/api/3/issue/${key}/assignee`, { accountId: site.accountId(vera) });
    expect(unassignable).toMatchObject({ status: 400, body: { errors: { assignee: "User 'Vera Viewer' cannot be assigned issues." } } });
    const viewer = await site.call(vera, 'PUT', `/rest/api/3/issue/${key}/assignee`, { accountId: site.accountId(bea) });
    expect(viewer.status).toBe(403);
    const unknown = await site.call(bea, 'PUT', `/rest/api/3/issue/${key}/assignee`, { accountId: 'no-such-account' });
    expect(unknown.status).toBe(400);
  });
});
