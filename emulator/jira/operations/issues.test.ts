import {
  adf,
  createCustomField,
  createIncident,
  createJiraHarness,
  createOptionField,
  issueFields,
  type JiraHarness,
} from '../jira-test-harness';

const bea = 'bea.bitbucket@example.com';
const vera = 'vera.viewer@example.com';
const sam = 'sam.support@example.com';

let site: JiraHarness;
let severity: Awaited<ReturnType<typeof createOptionField>>;
let products: Awaited<ReturnType<typeof createOptionField>>;

beforeEach(async () => {
  site = createJiraHarness();
  severity = await createOptionField(site, 'Severity', 'select', ['Sev 1', 'Sev 2', 'Sev 3']);
  products = await createOptionField(site, 'Affected products', 'multicheckboxes', ['Bitbucket', 'Jira Cloud', 'Confluence']);
});
afterEach(() => site.close());

function errorsOf(body: unknown): Record<string, string> {
  return (body as { errors: Record<string, string> }).errors;
}

async function appFieldId(name: string): Promise<string> {
  const fields = (await site.call('app', 'GET', '/rest/api/3/field')).body as { id: string; name: string }[];
  const field = fields.find((candidate) => candidate.name === name);
  if (!field) throw new Error(`No field ${name}`);
  return field.id;
}

describe('POST /issue', () => {
  it('creates HOT-1 with the caller as reporter and creator, in the initial status', async () => {
    const answer = await site.call(bea, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'HOT' }, issuetype: { name: 'Incident' }, summary: 'Pushes fail' } });
    expect(answer).toMatchObject({ status: 201, body: { key: 'HOT-1', self: expect.stringContaining('/rest/api/3/issue/') } });
    const fields = await issueFields(site, bea, 'HOT-1');
    expect(fields['summary']).toBe('Pushes fail');
    expect(fields['reporter']).toMatchObject({ accountId: site.accountId(bea), displayName: 'Bea Bitbucket' });
    expect(fields['creator']).toMatchObject({ accountId: site.accountId(bea) });
    expect(fields['status']).toMatchObject({ name: 'New', statusCategory: { key: 'new' } });
    expect(fields['created']).toBe('2026-11-28T09:00:00.000+0000');
    expect(fields['assignee']).toBeNull();
    expect(fields['resolution']).toBeNull();
    expect(fields['priority']).toMatchObject({ name: 'Medium' });
  });

  it('numbers issues per project', async () => {
    await createIncident(site, bea, 'One');
    await createIncident(site, bea, 'Two');
    const support = await site.call(sam, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'SUP' }, issuetype: { name: 'Support case' }, summary: 'Customer asks', labels: ['HOT-2'] } });
    expect((support.body as { key: string }).key).toBe('SUP-1');
  });

  it('accepts select values by value or by id and checkbox values as a list', async () => {
    const key = await createIncident(site, bea, 'Pushes fail', {
      [severity.id]: { value: 'Sev 1' },
      [products.id]: [{ value: 'Bitbucket' }, { id: products.options['Confluence'] }],
    });
    const fields = await issueFields(site, bea, key);
    expect(fields[severity.id]).toMatchObject({ value: 'Sev 1', id: severity.options['Sev 1'] });
    expect(fields[products.id]).toEqual([
      expect.objectContaining({ value: 'Bitbucket' }),
      expect.objectContaining({ value: 'Confluence' }),
    ]);
    const byId = await createIncident(site, bea, 'Other', { [severity.id]: { id: severity.options['Sev 2'] } });
    expect((await issueFields(site, bea, byId))[severity.id]).toMatchObject({ value: 'Sev 2' });
  });

  it('stores date-times, users, labels, URLs and numbers in Jira wire format', async () => {
    const when = await createCustomField(site, 'Detected at', 'datetime');
    const who = await createCustomField(site, 'Tech lead', 'userpicker');
    const room = await createCustomField(site, 'Chat room', 'url');
    const minutes = await createCustomField(site, 'Minutes down', 'float');
    const key = await createIncident(site, bea, 'Pushes fail', {
      [when]: '2026-11-28T10:15:00.000+0100',
      [who]: { accountId: site.accountId('tara.techlead@example.com') },
      [room]: 'https://chat.example.com/rooms/hot-1',
      [minutes]: 12.5,
      labels: ['bitbucket', 'sev1'],
      description: adf('Users cannot push.'),
    });
    const fields = await issueFields(site, bea, key);
    expect(fields[when]).toBe('2026-11-28T09:15:00.000+0000');
    expect(fields[who]).toMatchObject({ displayName: 'Tara Techlead' });
    expect(fields[room]).toBe('https://chat.example.com/rooms/hot-1');
    expect(fields[minutes]).toBe(12.5);
    expect(fields['labels']).toEqual(['bitbucket', 'sev1']);
    expect(fields['description']).toEqual(adf('Users cannot push.'));
  });

  it('stores app field values per their Forge type', async () => {
    const roles = await appFieldId('Incident roles');
    const manager = await appFieldId('Incident manager');
    const channels = await appFieldId('Chat channels');
    const key = await createIncident(site, bea, 'Pushes fail', {
      [roles]: { incidentManager: 'bea' },
      [manager]: { accountId: site.accountId(bea) },
      [channels]: ['#hot-1', '#hot-1-comms'],
    });
    const fields = await issueFields(site, bea, key);
    expect(fields[roles]).toEqual({ incidentManager: 'bea' });
    expect(fields[manager]).toMatchObject({ accountId: site.accountId(bea) });
    expect(fields[channels]).toEqual(['#hot-1', '#hot-1-comms']);
  });

  it('names every bad field value in one 400', async () => {
    const when = await createCustomField(site, 'Detected at', 'datetime');
    const answer = await site.call(bea, 'POST', '/rest/api/3/issue', {
      fields: {
        project: { key: 'HOT' },
        issuetype: { name: 'Incident' },
        summary: 'Pushes fail',
        [severity.id]: { value: 'Sev 9' },
        [products.id]: { value: 'Bitbucket' },
        [when]: 'yesterday',
        labels: ['two words'],
        assignee: { accountId: 'nobody' },
        description: 'plain text',
      },
    });
    expect(answer.status).toBe(400);
    const errors = errorsOf(answer.body);
    expect(errors[severity.id]).toBe("Option value 'Sev 9' is not valid");
    expect(errors[products.id]).toContain('array');
    expect(errors[when]).toContain('date format');
    expect(errors['labels']).toBe("The label 'two words' contains spaces which is invalid.");
    expect(errors['assignee']).toContain('nobody');
    expect(errors['description']).toContain('Atlassian Document');
    expect((await site.call(bea, 'GET', '/rest/api/3/issue/HOT-1')).status).toBe(404);
  });

  it('refuses disabled options', async () => {
    await site.call('app', 'PUT', `/rest/api/3/field/${severity.id}/context/${severity.contextId}/option`, { options: [{ id: severity.options['Sev 3'], disabled: true }] });
    const answer = await site.call(bea, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'HOT' }, issuetype: { name: 'Incident' }, summary: 'x', [severity.id]: { value: 'Sev 3' } } });
    expect(errorsOf(answer.body)[severity.id]).toBe("Option value 'Sev 3' is not valid");
  });

  it('requires a project, an issue type and a summary', async () => {
    expect(errorsOf((await site.call(bea, 'POST', '/rest/api/3/issue', { fields: { issuetype: { name: 'Incident' }, summary: 'x' } })).body)).toEqual({ project: 'Specify a valid project ID or key' });
    expect(errorsOf((await site.call(bea, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'HOT' }, summary: 'x' } })).body)).toEqual({ issuetype: 'Specify an issue type' });
    expect(errorsOf((await site.call(bea, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'HOT' }, issuetype: { name: 'Support case' }, summary: 'x' } })).body)).toEqual({ issuetype: 'Specify a valid issue type' });
    expect(errorsOf((await site.call(bea, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'HOT' }, issuetype: { name: 'Incident' } } })).body)).toEqual({ summary: 'You must specify a summary of the issue.' });
  });

  it('refuses fields that are not on the create screen', async () => {
    const answer = await site.call(bea, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'HOT' }, issuetype: { name: 'Incident' }, summary: 'x', status: { name: 'Fixing' }, customfield_99999: 'x' } });
    expect(errorsOf(answer.body)).toEqual({
      status: "Field 'status' cannot be set. It is not on the appropriate screen, or unknown.",
      customfield_99999: "Field 'customfield_99999' cannot be set. It is not on the appropriate screen, or unknown.",
    });
  });

  it('lets viewers not create issues and hides projects from outsiders', async () => {
    const viewer = await site.call(vera, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'CHG' }, issuetype: { name: 'Deployment' }, summary: 'x' } });
    expect(errorsOf(viewer.body)).toEqual({ project: 'You do not have permission to create issues in this project.' });
    const outsider = await site.call(vera, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'SUP' }, issuetype: { name: 'Support case' }, summary: 'x' } });
    expect(errorsOf(outsider.body)).toEqual({ project: 'Specify a valid project ID or key' });
  });

  it('lets anyone on the site raise an incident, as the Incidents project’s permission scheme grants', async () => {
    const raised = await site.call(vera, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'HOT' }, issuetype: { name: 'Incident' }, summary: 'Status page shows errors' } });
    expect(raised.status).toBe(201);
  });

  it('refuses assignees who cannot be assigned issues in the project', async () => {
    const answer = await site.call(bea, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'HOT' }, issuetype: { name: 'Incident' }, summary: 'x', assignee: { accountId: site.accountId(vera) } } });
    expect(errorsOf(answer.body)).toEqual({ assignee: "User 'Vera Viewer' cannot be assigned issues." });
  });

  it('answers 401 to anonymous callers and 400 to a body that is not an object', async () => {
    expect((await site.call('anonymous', 'POST', '/rest/api/3/issue', { fields: {} })).status).toBe(401);
    expect((await site.call(bea, 'POST', '/rest/api/3/issue', ['not', 'an', 'object'])).status).toBe(400);
  });
});

describe('GET /issue/{issueIdOrKey}', () => {
  it('finds an issue by key or by id', async () => {
    const key = await createIncident(site, bea, 'Pushes fail');
    const byKey = await site.call(bea, 'GET', `/rest/api/3/issue/${key}`);
    const byId = await site.call(bea, 'GET', `/rest/api/3/issue/${(byKey.body as { id: string }).id}`);
    expect((byId.body as { key: string }).key).toBe(key);
  });

  it('returns only the requested fields', async () => {
    const key = await createIncident(site, bea, 'Pushes fail', { [severity.id]: { value: 'Sev 2' } });
    const answer = await site.call(bea, 'GET', `/rest/api/3/issue/${key}?fields=summary,${severity.id}`);
    expect(Object.keys((answer.body as { fields: object }).fields).sort()).toEqual([severity.id, 'summary'].sort());
    const excluded = await site.call(bea, 'GET', `/rest/api/3/issue/${key}?fields=*all,-comment,-description`);
    expect((excluded.body as { fields: object }).fields).not.toHaveProperty('comment');
    expect((excluded.body as { fields: object }).fields).toHaveProperty('summary');
  });

  it('expands names, rendered fields, transitions and the changelog', async () => {
    const key = await createIncident(site, bea, 'Pushes fail', { description: adf('Users <cannot> push.') });
    site.advance(60_000);
    await site.call(bea, 'PUT', `/rest/api/3/issue/${key}`, { fields: { summary: 'Pushes and pulls fail' } });
    const answer = await site.call(bea, 'GET', `/rest/api/3/issue/${key}?expand=names,renderedFields,transitions,changelog`);
    const body = answer.body as {
      names: Record<string, string>;
      renderedFields: Record<string, unknown>;
      transitions: { name: string }[];
      changelog: { total: number; histories: { items: { field: string; fromString: string; toString: string }[] }[] };
    };
    expect(body.names[severity.id]).toBe('Severity');
    expect(body.renderedFields['description']).toBe('<p>Users &lt;cannot&gt; push.</p>');
    expect(body.renderedFields['updated']).toBe('28/Nov/26 9:01 AM');
    expect(body.transitions.map((transition) => transition.name)).toEqual(['Start fixing', 'Cancel (false alarm)']);
    expect(body.changelog.total).toBe(1);
    expect(body.changelog.histories[0]?.items[0]).toMatchObject({ field: 'summary', fromString: 'Pushes fail', toString: 'Pushes and pulls fail' });
  });

  it('says an issue in a project the caller cannot see does not exist', async () => {
    await site.call(sam, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'SUP' }, issuetype: { name: 'Support case' }, summary: 'Customer asks' } });
    const hidden = await site.call(vera, 'GET', '/rest/api/3/issue/SUP-1');
    const missing = await site.call(vera, 'GET', '/rest/api/3/issue/SUP-99');
    expect(hidden).toMatchObject({ status: 404, body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'] } });
    expect(missing.body).toEqual(hidden.body);
  });
});

describe('PUT /issue/{issueIdOrKey}', () => {
  it('sets fields and records each change in the changelog', async () => {
    const key = await createIncident(site, bea, 'Pushes fail', { [severity.id]: { value: 'Sev 3' } });
    site.advance(5 * 60_000);
    const answer = await site.call(bea, 'PUT', `/rest/api/3/issue/${key}`, { fields: { [severity.id]: { value: 'Sev 1' }, assignee: { accountId: site.accountId('ben.bitbucket@example.com') } } });
    expect(answer.status).toBe(204);
    const fields = await issueFields(site, bea, key);
    expect(fields[severity.id]).toMatchObject({ value: 'Sev 1' });
    expect(fields['updated']).toBe('2026-11-28T09:05:00.000+0000');
    const changelog = await site.call(bea, 'GET', `/rest/api/3/issue/${key}/changelog`);
    const items = (changelog.body as { values: { items: Record<string, string>[] }[] }).values[0]?.items;
    expect(items).toEqual(
      expect.arrayContaining([
        { field: 'Severity', fieldtype: 'custom', fieldId: severity.id, from: severity.options['Sev 3'], fromString: 'Sev 3', to: severity.options['Sev 1'], toString: 'Sev 1' },
        { field: 'assignee', fieldtype: 'jira', fieldId: 'assignee', to: site.accountId('ben.bitbucket@example.com'), toString: 'Ben Bitbucket' },
      ]),
    );
  });

  it('adds and removes labels and checkbox values with update operations', async () => {
    const key = await createIncident(site, bea, 'Pushes fail', { labels: ['a', 'b'], [products.id]: [{ value: 'Bitbucket' }] });
    const answer = await site.call(bea, 'PUT', `/rest/api/3/issue/${key}`, {
      update: {
        labels: [{ add: 'c' }, { remove: 'a' }],
        [products.id]: [{ add: { value: 'Confluence' } }, { remove: { value: 'Bitbucket' } }],
      },
    });
    expect(answer.status).toBe(204);
    const fields = await issueFields(site, bea, key);
    expect(fields['labels']).toEqual(['b', 'c']);
    expect((fields[products.id] as { value: string }[]).map((option) => option.value)).toEqual(['Confluence']);
    const cleared = await site.call(bea, 'PUT', `/rest/api/3/issue/${key}`, { update: { labels: [{ set: [] }] } });
    expect(cleared.status).toBe(204);
    expect((await issueFields(site, bea, key))['labels']).toEqual([]);
  });

  it('refuses an operation the field does not support', async () => {
    const key = await createIncident(site, bea, 'Pushes fail');
    const answer = await site.call(bea, 'PUT', `/rest/api/3/issue/${key}`, { update: { summary: [{ add: 'x' }] } });
    expect(errorsOf(answer.body)['summary']).toContain("does not support operation 'add'");
  });

  it('refuses a field given in both fields and update', async () => {
    const key = await createIncident(site, bea, 'Pushes fail');
    const answer = await site.call(bea, 'PUT', `/rest/api/3/issue/${key}`, { fields: { labels: ['x'] }, update: { labels: [{ add: 'y' }] } });
    expect(errorsOf(answer.body)['labels']).toContain('both');
  });

  it('does not let the status be edited directly', async () => {
    const key = await createIncident(site, bea, 'Pushes fail');
    const answer = await site.call(bea, 'PUT', `/rest/api/3/issue/${key}`, { fields: { status: { id: '10001' } } });
    expect(errorsOf(answer.body)).toEqual({ status: "Field 'status' cannot be set. It is not on the appropriate screen, or unknown." });
  });

  it('does not let viewers edit, and returns the issue when asked', async () => {
    const key = await createIncident(site, bea, 'Pushes fail');
    const viewer = await site.call(vera, 'PUT', `/rest/api/3/issue/${key}`, { fields: { summary: 'x' } });
    expect(viewer).toMatchObject({ status: 400, body: { errorMessages: ['You do not have permission to edit issues in this project.'] } });
    const returned = await site.call(bea, 'PUT', `/rest/api/3/issue/${key}?returnIssue=true`, { fields: { summary: 'Renamed' } });
    expect(returned).toMatchObject({ status: 200, body: { key, fields: { summary: 'Renamed' } } });
  });

  it('refuses read-only app fields in an edit', async () => {
    const key = await createIncident(site, bea, 'Pushes fail');
    const ttr = await appFieldId('Time to recovery');
    const answer = await site.call(bea, 'PUT', `/rest/api/3/issue/${key}`, { fields: { [ttr]: 42 } });
    expect(errorsOf(answer.body)[ttr]).toContain('cannot be set');
  });

  it('keeps the issue unchanged when any field is bad', async () => {
    const key = await createIncident(site, bea, 'Pushes fail');
    const eventsBefore = site.events.length;
    site.advance(60_000);
    await site.call(bea, 'PUT', `/rest/api/3/issue/${key}`, { fields: { summary: 'Renamed', [severity.id]: { value: 'nope' } } });
    const fields = await issueFields(site, bea, key);
    expect(fields['summary']).toBe('Pushes fail');
    expect(fields['updated']).toBe(fields['created']);
    expect(site.events).toHaveLength(eventsBefore);
  });
});

describe('DELETE /issue/{issueIdOrKey}', () => {
  it('lets project administrators delete issues, and nobody else', async () => {
    const key = await createIncident(site, bea, 'False alarm');
    expect((await site.call(bea, 'DELETE', `/rest/api/3/issue/${key}`)).status).toBe(403);
    expect((await site.call('admin@example.com', 'DELETE', `/rest/api/3/issue/${key}`)).status).toBe(204);
    expect((await site.call(bea, 'GET', `/rest/api/3/issue/${key}`)).status).toBe(404);
  });
});

describe("Jira's field limits", () => {
  const tooLong = 'The entered text is too long. It exceeds the allowed limit of 32,767 characters.';
  const create = (fields: Record<string, unknown>) => site.call(bea, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'HOT' }, issuetype: { name: 'Incident' }, summary: 'x', ...fields } });
  /** A document whose stored form (markup included) is `length` characters long. */
  const documentOfLength = (length: number) => adf('a'.repeat(length - JSON.stringify(adf('')).length));

  it('refuses a summary over 255 characters or with a line break, on create and on edit, with Jira\'s error bodies', async () => {
    expect((await create({ summary: 's'.repeat(255) })).status).toBe(201);
    const long = await create({ summary: 's'.repeat(256) });
    expect(long).toMatchObject({ status: 400, body: { errorMessages: [], errors: { summary: 'Summary must be less than 255 characters.' } } });
    for (const summary of ['Pushes fail\nsince 09:00', 'Pushes fail\r\n']) {
      expect(await create({ summary })).toMatchObject({ status: 400, body: { errorMessages: [], errors: { summary: 'The summary is invalid because it contains newline characters.' } } });
    }
    const key = await createIncident(site, bea, 'Pushes fail');
    const edit = await site.call(bea, 'PUT', `/rest/api/3/issue/${key}`, { fields: { summary: 'Pushes\nfail' } });
    expect(edit).toMatchObject({ status: 400, body: { errors: { summary: 'The summary is invalid because it contains newline characters.' } } });
    const update = await site.call(bea, 'PUT', `/rest/api/3/issue/${key}`, { update: { summary: [{ set: 'x'.repeat(300) }] } });
    expect(update).toMatchObject({ status: 400, body: { errors: { summary: 'Summary must be less than 255 characters.' } } });
    expect((await issueFields(site, bea, key))['summary']).toBe('Pushes fail');
  });

  it('refuses rich text (description, textarea fields, comments) over 32,767 characters as stored', async () => {
    const notes = await createCustomField(site, 'Notes', 'textarea');
    expect(JSON.stringify(documentOfLength(32_767)).length).toBe(32_767);
    expect((await create({ description: documentOfLength(32_767), [notes]: documentOfLength(32_767) })).status).toBe(201);
    const refused = await create({ description: documentOfLength(32_768), [notes]: documentOfLength(40_000) });
    expect(refused).toMatchObject({ status: 400, body: { errorMessages: [], errors: { description: tooLong, [notes]: tooLong } } });
    const key = await createIncident(site, bea, 'Pushes fail');
    expect(await site.call(bea, 'PUT', `/rest/api/3/issue/${key}`, { fields: { [notes]: documentOfLength(32_768) } })).toMatchObject({ status: 400, body: { errors: { [notes]: tooLong } } });
    expect(await site.call(bea, 'POST', `/rest/api/3/issue/${key}/comment`, { body: documentOfLength(32_768) })).toMatchObject({ status: 400, body: { errors: { comment: tooLong } } });
    expect((await site.call(bea, 'POST', `/rest/api/3/issue/${key}/comment`, { body: documentOfLength(32_767) })).status).toBe(201);
  });
});
