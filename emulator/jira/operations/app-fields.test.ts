import { createIncident, createJiraHarness, createOptionField, issueFields, testAppId, type JiraHarness } from '../jira-test-harness';

const bea = 'bea.bitbucket@example.com';
const appUuid = testAppId.replace('ari:cloud:ecosystem::app/', '');

let site: JiraHarness;
let fieldIds: Record<string, string>;
beforeEach(async () => {
  site = createJiraHarness();
  const fields = (await site.call('app', 'GET', '/rest/api/3/field')).body as { id: string; name: string }[];
  fieldIds = Object.fromEntries(fields.map((field) => [field.name, field.id]));
});
afterEach(() => site.close());

async function issueId(key: string): Promise<number> {
  const answer = await site.call(bea, 'GET', `/rest/api/3/issue/${key}?fields=summary`);
  return Number((answer.body as { id: string }).id);
}

describe('PUT /app/field/{fieldIdOrKey}/value', () => {
  it('lets the app set its field on several issues at once, with a changelog entry', async () => {
    const first = await createIncident(site, bea, 'One');
    const second = await createIncident(site, bea, 'Two');
    const ttr = fieldIds['Time to recovery'] ?? '';
    const answer = await site.call('app', 'PUT', `/rest/api/3/app/field/${ttr}/value`, { updates: [{ issueIds: [await issueId(first), await issueId(second)], value: 42 }] });
    expect(answer.status).toBe(204);
    expect((await issueFields(site, bea, first))[ttr]).toBe(42);
    expect((await issueFields(site, bea, second))[ttr]).toBe(42);
    const changelog = await site.call(bea, 'GET', `/rest/api/3/issue/${first}/changelog`);
    expect((changelog.body as { values: { author: { accountType: string }; items: { field: string; toString: string }[] }[] }).values[0]).toMatchObject({
      author: { accountType: 'app' },
      items: [{ field: 'Time to recovery', toString: '42' }],
    });
  });

  it('finds the field by its Forge key too, and can skip the changelog', async () => {
    const key = await createIncident(site, bea, 'One');
    const answer = await site.call('app', 'PUT', `/rest/api/3/app/field/${appUuid}__DEVELOPMENT__impact-started/value?generateChangelog=false`, {
      updates: [{ issueIds: [await issueId(key)], value: '2026-11-28T08:45:00.000Z' }],
    });
    expect(answer.status).toBe(204);
    expect((await issueFields(site, bea, key))[fieldIds['Impact started'] ?? '']).toBe('2026-11-28T08:45:00.000+0000');
    expect(((await site.call(bea, 'GET', `/rest/api/3/issue/${key}/changelog`)).body as { total: number }).total).toBe(0);
  });

  it('refuses users, and fields the app does not own', async () => {
    const key = await createIncident(site, bea, 'One');
    const ttr = fieldIds['Time to recovery'] ?? '';
    expect((await site.call(bea, 'PUT', `/rest/api/3/app/field/${ttr}/value`, { updates: [{ issueIds: [await issueId(key)], value: 1 }] })).status).toBe(403);
    const severity = await createOptionField(site, 'Severity', 'select', ['Sev 1']);
    expect((await site.call('app', 'PUT', `/rest/api/3/app/field/${severity.id}/value`, { updates: [{ issueIds: [await issueId(key)], value: 1 }] })).status).toBe(403);
    expect((await site.call('app', 'PUT', '/rest/api/3/app/field/customfield_99999/value', { updates: [] })).status).toBe(404);
  });

  it('refuses a value of the wrong type and an unknown issue', async () => {
    const key = await createIncident(site, bea, 'One');
    const ttr = fieldIds['Time to recovery'] ?? '';
    const wrong = await site.call('app', 'PUT', `/rest/api/3/app/field/${ttr}/value`, { updates: [{ issueIds: [await issueId(key)], value: 'soon' }] });
    expect(wrong).toMatchObject({ status: 400, body: { errors: { [ttr]: 'Operation value must be a number' } } });
    const missing = await site.call('app', 'PUT', `/rest/api/3/app/field/${ttr}/value`, { updates: [{ issueIds: [999999], value: 1 }] });
    expect(missing.status).toBe(404);
  });

  it('refuses issue ids that are not numbers, as the contract types them', async () => {
    const ttr = fieldIds['Time to recovery'] ?? '';
    const answer = await site.call('app', 'PUT', `/rest/api/3/app/field/${ttr}/value`, { updates: [{ issueIds: ['HOT-1'], value: 1 }] });
    expect(answer.status).toBe(400);
  });
});

describe('POST /app/field/value', () => {
  it('sets several app fields in one call, all or nothing', async () => {
    const key = await createIncident(site, bea, 'One');
    const id = await issueId(key);
    const manager = fieldIds['Incident manager'] ?? '';
    const channels = fieldIds['Chat channels'] ?? '';
    const good = await site.call('app', 'POST', '/rest/api/3/app/field/value', {
      updates: [
        { customField: manager, issueIds: [id], value: { accountId: site.accountId(bea) } },
        { customField: channels, issueIds: [id], value: ['#hot-1'] },
      ],
    });
    expect(good.status).toBe(204);
    const fields = await issueFields(site, bea, key);
    expect(fields[manager]).toMatchObject({ displayName: 'Bea Bitbucket' });
    expect(fields[channels]).toEqual(['#hot-1']);
    const bad = await site.call('app', 'POST', '/rest/api/3/app/field/value', {
      updates: [
        { customField: channels, issueIds: [id], value: ['#renamed'] },
        { customField: manager, issueIds: [id], value: { accountId: 'nobody' } },
      ],
    });
    expect(bad.status).toBe(400);
    expect((await issueFields(site, bea, key))[channels]).toEqual(['#hot-1']);
  });
});
