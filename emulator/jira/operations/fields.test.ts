import { createJiraHarness, createOptionField, testAppId, type JiraHarness } from '../jira-test-harness';

const select = 'com.atlassian.jira.plugin.system.customfieldtypes:select';
const appUuid = testAppId.replace('ari:cloud:ecosystem::app/', '');

interface FieldJson {
  id: string;
  key: string;
  name: string;
  custom: boolean;
  clauseNames: string[];
  schema?: { type: string; items?: string; custom?: string; customId?: number; system?: string };
}

let site: JiraHarness;
beforeEach(() => {
  site = createJiraHarness();
});
afterEach(() => site.close());

async function fields(): Promise<FieldJson[]> {
  return (await site.call('bea.bitbucket@example.com', 'GET', '/rest/api/3/field')).body as FieldJson[];
}

describe('GET /field', () => {
  it('lists the system fields with their schemas', async () => {
    const all = await fields();
    expect(all.find((field) => field.id === 'summary')).toMatchObject({ name: 'Summary', custom: false, schema: { type: 'string', system: 'summary' } });
    expect(all.find((field) => field.id === 'labels')?.schema).toEqual({ type: 'array', items: 'string', system: 'labels' });
    expect(all.find((field) => field.id === 'assignee')?.schema).toEqual({ type: 'user', system: 'assignee' });
  });

  it('lists the app fields of the manifest as Forge declares them', async () => {
    const all = await fields();
    const roles = all.find((field) => field.name === 'Incident roles');
    expect(roles).toMatchObject({ custom: true, key: `${appUuid}__DEVELOPMENT__incident-roles` });
    expect(roles?.id).toMatch(/^customfield_\d+$/);
    expect(roles?.schema?.type).toBe('any');
    expect(roles?.schema?.custom).toMatch(new RegExp(`^ari:cloud:ecosystem::extension/${appUuid}/[0-9a-f-]+/static/incident-roles$`));
    expect(roles?.schema?.customId).toBe(Number(roles?.id.replace('customfield_', '')));
    expect(all.find((field) => field.name === 'Chat channels')?.schema).toMatchObject({ type: 'array', items: 'string' });
    expect(all.find((field) => field.name === 'Incident manager')?.schema?.type).toBe('user');
  });
});

describe('POST /field', () => {
  it.each([
    ['select', { type: 'option' }],
    ['multicheckboxes', { type: 'array', items: 'option' }],
    ['datetime', { type: 'datetime' }],
    ['userpicker', { type: 'user' }],
    ['textfield', { type: 'string' }],
    ['url', { type: 'string' }],
    ['float', { type: 'number' }],
    ['labels', { type: 'array', items: 'string' }],
  ])('creates a %s field with a customfield id and the matching schema', async (type, schema) => {
    const answer = await site.call('app', 'POST', '/rest/api/3/field', { name: `My ${type}`, type: `com.atlassian.jira.plugin.system.customfieldtypes:${type}` });
    expect(answer.status).toBe(201);
    const field = answer.body as FieldJson;
    expect(field.id).toMatch(/^customfield_\d+$/);
    expect(field.schema).toMatchObject({ ...schema, custom: `com.atlassian.jira.plugin.system.customfieldtypes:${type}` });
    expect(field.clauseNames).toContain(`My ${type}`);
    expect((await fields()).some((candidate) => candidate.id === field.id)).toBe(true);
  });

  it('refuses an unknown field type, naming the type field', async () => {
    const answer = await site.call('app', 'POST', '/rest/api/3/field', { name: 'Odd', type: 'com.example:odd' });
    expect(answer.status).toBe(400);
    expect((answer.body as { errors: Record<string, string> }).errors['type']).toContain('com.example:odd');
  });

  it('refuses a body that does not fit the contract', async () => {
    const answer = await site.call('app', 'POST', '/rest/api/3/field', { name: 'No type' });
    expect(answer.status).toBe(400);
    expect((answer.body as { errorMessages: string[] }).errorMessages.join(' ')).toContain('type');
  });

  it('lets only Jira administrators create fields', async () => {
    const answer = await site.call('bea.bitbucket@example.com', 'POST', '/rest/api/3/field', { name: 'Mine', type: select });
    expect(answer.status).toBe(400);
    const admin = await site.call('admin@example.com', 'POST', '/rest/api/3/field', { name: 'Mine', type: select });
    expect(admin.status).toBe(201);
  });
});

describe('field contexts and options', () => {
  it('gives a new field a global context', async () => {
    const field = await createOptionField(site, 'Severity', 'select', []);
    const answer = await site.call('app', 'GET', `/rest/api/3/field/${field.id}/context`);
    expect(answer.body).toMatchObject({ total: 1, isLast: true, values: [{ id: field.contextId, isGlobalContext: true, isAnyIssueType: true }] });
  });

  it('adds a context for one project, which decides where the field applies', async () => {
    const field = await createOptionField(site, 'Support tier', 'select', []);
    const extra = await site.call('app', 'POST', `/rest/api/3/field/${field.id}/context`, { name: 'Support only', projectIds: ['10001'] });
    expect(extra).toMatchObject({ status: 201, body: { name: 'Support only', projectIds: ['10001'] } });
    const contexts = await site.call('app', 'GET', `/rest/api/3/field/${field.id}/context?isGlobalContext=false`);
    expect((contexts.body as { values: { name: string }[] }).values.map((context) => context.name)).toEqual(['Support only']);
    expect((await site.call('app', 'POST', `/rest/api/3/field/${field.id}/context`, { name: 'Nowhere', projectIds: ['99999'] })).status).toBe(404);
  });

  it('creates options in order and lists them', async () => {
    const field = await createOptionField(site, 'Severity', 'select', ['Sev 1', 'Sev 2', 'Sev 3']);
    const answer = await site.call('app', 'GET', `/rest/api/3/field/${field.id}/context/${field.contextId}/option`);
    expect((answer.body as { values: { value: string; disabled: boolean }[] }).values).toEqual([
      { id: field.options['Sev 1'], value: 'Sev 1', disabled: false },
      { id: field.options['Sev 2'], value: 'Sev 2', disabled: false },
      { id: field.options['Sev 3'], value: 'Sev 3', disabled: false },
    ]);
  });

  it('refuses an option whose value already exists', async () => {
    const field = await createOptionField(site, 'Faulty service', 'select', ['Bitbucket']);
    const answer = await site.call('app', 'POST', `/rest/api/3/field/${field.id}/context/${field.contextId}/option`, { options: [{ value: 'bitbucket' }] });
    expect(answer.status).toBe(400);
    expect((answer.body as { errorMessages: string[] }).errorMessages[0]).toContain('already exists');
  });

  it('renames and disables options by id', async () => {
    const field = await createOptionField(site, 'Affected products', 'multicheckboxes', ['Bitbucket', 'Jira']);
    const answer = await site.call('app', 'PUT', `/rest/api/3/field/${field.id}/context/${field.contextId}/option`, {
      options: [
        { id: field.options['Jira'], value: 'Jira Cloud' },
        { id: field.options['Bitbucket'], disabled: true },
      ],
    });
    expect(answer.status).toBe(200);
    const listed = await site.call('app', 'GET', `/rest/api/3/field/${field.id}/context/${field.contextId}/option`);
    expect((listed.body as { values: unknown[] }).values).toEqual([
      { id: field.options['Bitbucket'], value: 'Bitbucket', disabled: true },
      { id: field.options['Jira'], value: 'Jira Cloud', disabled: false },
    ]);
  });

  it('answers 404 for an option id that is not in the context', async () => {
    const field = await createOptionField(site, 'Severity', 'select', ['Sev 1']);
    const answer = await site.call('app', 'PUT', `/rest/api/3/field/${field.id}/context/${field.contextId}/option`, { options: [{ id: '99999', value: 'x' }] });
    expect(answer.status).toBe(404);
  });

  it('moves options first and deletes them', async () => {
    const field = await createOptionField(site, 'Severity', 'select', ['Sev 1', 'Sev 2', 'Sev 3']);
    const moved = await site.call('app', 'PUT', `/rest/api/3/field/${field.id}/context/${field.contextId}/option/move`, { customFieldOptionIds: [field.options['Sev 3']], position: 'First' });
    expect(moved.status).toBe(204);
    const deleted = await site.call('app', 'DELETE', `/rest/api/3/field/${field.id}/context/${field.contextId}/option/${field.options['Sev 2']}`);
    expect(deleted.status).toBe(204);
    const listed = await site.call('app', 'GET', `/rest/api/3/field/${field.id}/context/${field.contextId}/option`);
    expect((listed.body as { values: { value: string }[] }).values.map((option) => option.value)).toEqual(['Sev 3', 'Sev 1']);
  });

  it('leaves a field created through REST off the create screen until it is added to the default screen, once', async () => {
    const created = await site.call('app', 'POST', '/rest/api/3/field', { name: 'Runbook', type: 'com.atlassian.jira.plugin.system.customfieldtypes:url' });
    const id = (created.body as FieldJson).id;
    const refused = await site.call('admin@example.com', 'POST', '/rest/api/3/issue', {
      fields: { project: { key: 'HOT' }, issuetype: { name: 'Incident' }, summary: 'Runbook missing', [id]: 'https://runbooks.example.com/1' },
    });
    expect(refused).toMatchObject({ status: 400, body: { errors: { [id]: expect.stringContaining('not on the appropriate screen') } } });
    expect((await site.call('bea.bitbucket@example.com', 'POST', `/rest/api/3/screens/addToDefault/${id}`)).status).toBe(403);
    expect((await site.call('app', 'POST', `/rest/api/3/screens/addToDefault/${id}`)).status).toBe(200);
    expect((await site.call('app', 'POST', `/rest/api/3/screens/addToDefault/${id}`)).status).toBe(404);
    const accepted = await site.call('admin@example.com', 'POST', '/rest/api/3/issue', {
      fields: { project: { key: 'HOT' }, issuetype: { name: 'Incident' }, summary: 'Runbook linked', [id]: 'https://runbooks.example.com/1' },
    });
    expect(accepted.status).toBe(201);
  });

  it('says a text field does not support options', async () => {
    const created = await site.call('app', 'POST', '/rest/api/3/field', { name: 'Notes', type: 'com.atlassian.jira.plugin.system.customfieldtypes:textfield' });
    const id = (created.body as FieldJson).id;
    const contexts = await site.call('app', 'GET', `/rest/api/3/field/${id}/context`);
    const contextId = (contexts.body as { values: { id: string }[] }).values[0]?.id ?? '';
    const answer = await site.call('app', 'GET', `/rest/api/3/field/${id}/context/${contextId}/option`);
    expect(answer).toMatchObject({ status: 400, body: { errorMessages: ["The custom field doesn't support options."] } });
  });

  it('keeps option management to Jira administrators and the app', async () => {
    const field = await createOptionField(site, 'Severity', 'select', ['Sev 1']);
    const answer = await site.call('bea.bitbucket@example.com', 'GET', `/rest/api/3/field/${field.id}/context/${field.contextId}/option`);
    expect(answer).toMatchObject({ status: 403, body: { errorMessages: ['Only Jira administrators can manage custom field options.'] } });
  });

  it('answers 404 for an unknown field or context', async () => {
    expect((await site.call('app', 'GET', '/rest/api/3/field/customfield_99999/context')).status).toBe(404);
    const field = await createOptionField(site, 'Severity', 'select', []);
    expect((await site.call('app', 'GET', `/rest/api/3/field/${field.id}/context/424242/option`)).status).toBe(404);
  });

  it('refuses a context id that is not a number, as the contract types it', async () => {
    const field = await createOptionField(site, 'Severity', 'select', []);
    const answer = await site.call('app', 'GET', `/rest/api/3/field/${field.id}/context/abc/option`);
    expect(answer.status).toBe(404);
  });
});
