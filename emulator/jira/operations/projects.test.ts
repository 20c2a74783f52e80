import { createJiraHarness, createOptionField, type JiraHarness } from '../jira-test-harness';

const bea = 'bea.bitbucket@example.com';
const vera = 'vera.viewer@example.com';

interface FieldMeta {
  fieldId: string;
  required: boolean;
  schema: { type: string; items?: string };
  allowedValues?: { value?: string; name?: string }[];
}

let site: JiraHarness;
beforeEach(() => {
  site = createJiraHarness();
});
afterEach(() => site.close());

describe('projects', () => {
  it('lists the projects the caller can browse', async () => {
    const forBea = await site.call(bea, 'GET', '/rest/api/3/project');
    expect((forBea.body as { key: string }[]).map((project) => project.key)).toEqual(['CHG', 'HOT', 'PM', 'SUP']);
    const forVera = await site.call(vera, 'GET', '/rest/api/3/project');
    expect((forVera.body as { key: string }[]).map((project) => project.key)).toEqual(['CHG', 'HOT', 'PM']);
  });

  it('describes a project with its lead and issue types', async () => {
    const answer = await site.call(bea, 'GET', '/rest/api/3/project/hot');
    expect(answer.body).toMatchObject({ key: 'HOT', name: 'Incidents', lead: { displayName: 'Imogen Imoc' }, issueTypes: [{ name: 'Incident' }, { name: 'Task' }] });
  });

  it('says a hidden project cannot be found', async () => {
    const answer = await site.call(vera, 'GET', '/rest/api/3/project/SUP');
    expect(answer).toMatchObject({ status: 404, body: { errorMessages: ["No project could be found with key 'SUP'."] } });
  });

  it('searches projects by text and by the action the caller wants to take', async () => {
    const byText = await site.call(bea, 'GET', '/rest/api/3/project/search?query=support');
    expect(byText.body).toMatchObject({ total: 1, isLast: true, values: [{ key: 'SUP' }] });
    const creatable = await site.call(bea, 'GET', '/rest/api/3/project/search?action=create');
    expect((creatable.body as { values: { key: string }[] }).values.map((project) => project.key)).toEqual(['CHG', 'HOT', 'PM']);
  });

  it('lists the statuses of each issue type of a project', async () => {
    const answer = await site.call(bea, 'GET', '/rest/api/3/project/HOT/statuses');
    const incident = (answer.body as { name: string; statuses: { name: string; statusCategory: { key: string } }[] }[]).find((entry) => entry.name === 'Incident');
    expect(incident?.statuses.map((status) => [status.name, status.statusCategory.key])).toEqual([
      ['New', 'new'],
      ['Fixing', 'indeterminate'],
      ['Resolved', 'done'],
      ['Closed', 'done'],
      ['Cancelled', 'done'],
    ]);
  });

  it('lists issue types, statuses, priorities and resolutions', async () => {
    expect(((await site.call(bea, 'GET', '/rest/api/3/issuetype')).body as { name: string }[]).map((type) => type.name)).toEqual(['Incident', 'Task', 'Support case', 'Deployment', 'Configuration change', 'Feature flag', 'Postmortem']);
    expect(((await site.call(vera, 'GET', '/rest/api/3/issuetype/project?projectId=10000')).body as { name: string }[]).map((type) => type.name)).toEqual(['Incident', 'Task']);
    expect((await site.call(bea, 'GET', '/rest/api/3/issuetype/10002')).body).toMatchObject({ name: 'Support case' });
    expect((await site.call(vera, 'GET', '/rest/api/3/issuetype/10002')).status).toBe(404);
    expect(((await site.call(bea, 'GET', '/rest/api/3/status')).body as { name: string }[]).map((status) => status.name)).toContain('Fixing');
    expect((await site.call(bea, 'GET', '/rest/api/3/status/fixing')).body).toMatchObject({ id: '10001' });
    expect(((await site.call(bea, 'GET', '/rest/api/3/statuscategory')).body as { key: string }[]).map((category) => category.key)).toEqual(['new', 'indeterminate', 'done']);
    expect(((await site.call(bea, 'GET', '/rest/api/3/priority')).body as { name: string }[])[0]).toMatchObject({ name: 'Highest' });
    expect(((await site.call(bea, 'GET', '/rest/api/3/resolution')).body as { name: string }[]).map((resolution) => resolution.name)).toContain("Won't Do");
  });
});

describe('create metadata', () => {
  it('lists the issue types the caller may create in a project', async () => {
    const answer = await site.call(bea, 'GET', '/rest/api/3/issue/createmeta/HOT/issuetypes');
    expect(answer.body).toMatchObject({ total: 2, issueTypes: [{ name: 'Incident' }, { name: 'Task' }] });
    const viewer = await site.call(vera, 'GET', '/rest/api/3/issue/createmeta/CHG/issuetypes');
    expect(viewer.body).toMatchObject({ total: 0, issueTypes: [] });
  });

  it('describes the create screen: required fields, schemas and allowed options', async () => {
    const severity = await createOptionField(site, 'Severity', 'select', ['Sev 1', 'Sev 2']);
    const products = await createOptionField(site, 'Affected products', 'multicheckboxes', ['Bitbucket', 'Confluence']);
    await site.call('app', 'PUT', `/rest/api/3/field/${severity.id}/context/${severity.contextId}/option`, { options: [{ id: severity.options['Sev 2'], disabled: true }] });
    const answer = await site.call(bea, 'GET', '/rest/api/3/issue/createmeta/HOT/issuetypes/10000?maxResults=200');
    const fields = (answer.body as { fields: FieldMeta[] }).fields;
    const byId = Object.fromEntries(fields.map((field) => [field.fieldId, field]));
    expect(byId['summary']).toMatchObject({ required: true, schema: { type: 'string' } });
    expect(byId['project']?.required).toBe(true);
    expect(byId[severity.id]).toMatchObject({ required: false, schema: { type: 'option' }, allowedValues: [{ value: 'Sev 1' }] });
    expect(byId[products.id]).toMatchObject({ schema: { type: 'array', items: 'option' } });
    expect(byId[products.id]?.allowedValues?.map((option) => option.value)).toEqual(['Bitbucket', 'Confluence']);
    expect(byId['priority']?.allowedValues?.map((priority) => priority.name)).toEqual(['Highest', 'High', 'Medium', 'Low', 'Lowest']);
    expect(byId['status']).toBeUndefined();
  });

  it('leaves read-only app fields off the create screen', async () => {
    const answer = await site.call(bea, 'GET', '/rest/api/3/issue/createmeta/HOT/issuetypes/10000?maxResults=200');
    const names = (answer.body as { fields: { name: string }[] }).fields.map((field) => field.name);
    expect(names).toContain('Incident manager');
    expect(names).not.toContain('Time to recovery');
  });

  it('refuses an issue type of another project, and more than 200 results a page', async () => {
    expect((await site.call(bea, 'GET', '/rest/api/3/issue/createmeta/HOT/issuetypes/10002')).status).toBe(400);
    expect((await site.call(bea, 'GET', '/rest/api/3/issue/createmeta/HOT/issuetypes/10000?maxResults=500')).status).toBe(400);
  });
});

describe('server information', () => {
  it('answers without authentication, as Jira does', async () => {
    const answer = await site.call('anonymous', 'GET', '/rest/api/3/serverInfo');
    expect(answer.body).toMatchObject({ baseUrl: 'http://localhost:8080', deploymentType: 'Cloud', serverTime: '2026-11-28T09:00:00.000+0000' });
  });
});
