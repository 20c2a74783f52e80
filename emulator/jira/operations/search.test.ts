import { createIncident, createJiraHarness, createOptionField, type JiraHarness } from '../jira-test-harness';

const bea = 'bea.bitbucket@example.com';

interface SearchBody {
  issues: { id: string; key: string; fields?: Record<string, unknown> }[];
  isLast: boolean;
  nextPageToken?: string;
  names?: Record<string, string>;
  schema?: Record<string, unknown>;
}

let site: JiraHarness;
let severity: Awaited<ReturnType<typeof createOptionField>>;

beforeAll(async () => {
  site = createJiraHarness();
  severity = await createOptionField(site, 'Severity', 'select', ['Sev 1', 'Sev 2']);
  for (let index = 1; index <= 7; index += 1) {
    await createIncident(site, bea, `Incident number ${index}`, { [severity.id]: { value: index % 2 === 0 ? 'Sev 2' : 'Sev 1' } });
    site.advance(60_000);
  }
});
afterAll(() => site.close());

async function get(query: string, caller = bea): Promise<{ status: number; body: SearchBody }> {
  const answer = await site.call(caller, 'GET', `/rest/api/3/search/jql?${query}`);
  return { status: answer.status, body: answer.body as SearchBody };
}

describe('GET /search/jql', () => {
  it('returns only issue ids unless fields are asked for', async () => {
    const { body } = await get(`jql=${encodeURIComponent('project = HOT ORDER BY key ASC')}&maxResults=2`);
    expect(body.issues[0]).toMatchObject({ id: expect.any(String), key: 'HOT-1' });
    expect(body.issues[0]).not.toHaveProperty('fields');
  });

  it('pages with nextPageToken until the last page', async () => {
    const jql = encodeURIComponent('project = HOT ORDER BY key ASC');
    const first = await get(`jql=${jql}&maxResults=3&fields=summary`);
    expect(first.body.issues.map((issue) => issue.key)).toEqual(['HOT-1', 'HOT-2', 'HOT-3']);
    expect(first.body.isLast).toBe(false);
    const second = await get(`jql=${jql}&maxResults=3&fields=summary&nextPageToken=${first.body.nextPageToken ?? ''}`);
    expect(second.body.issues.map((issue) => issue.key)).toEqual(['HOT-4', 'HOT-5', 'HOT-6']);
    const third = await get(`jql=${jql}&maxResults=3&fields=summary&nextPageToken=${second.body.nextPageToken ?? ''}`);
    expect(third.body.issues.map((issue) => issue.key)).toEqual(['HOT-7']);
    expect(third.body.isLast).toBe(true);
    expect(third.body).not.toHaveProperty('nextPageToken');
  });

  it('returns the requested fields, names and schema', async () => {
    const { body } = await get(`jql=${encodeURIComponent('key = HOT-2')}&fields=summary,${severity.id}&expand=names,schema`);
    expect(body.issues[0]?.fields).toEqual({ summary: 'Incident number 2', [severity.id]: expect.objectContaining({ value: 'Sev 2' }) });
    expect(body.names).toEqual({ summary: 'Summary', [severity.id]: 'Severity' });
    expect(body.schema?.[severity.id]).toMatchObject({ type: 'option' });
  });

  it('refuses a page token that belongs to another query', async () => {
    const first = await get(`jql=${encodeURIComponent('project = HOT')}&maxResults=1`);
    const other = await get(`jql=${encodeURIComponent('project = HOT ORDER BY key ASC')}&nextPageToken=${first.body.nextPageToken ?? ''}`);
    expect(other.status).toBe(400);
    expect((await get('jql=project%20%3D%20HOT&nextPageToken=garbage')).status).toBe(400);
  });

  it('refuses a maxResults that is not a number', async () => {
    const answer = await site.call(bea, 'GET', '/rest/api/3/search/jql?jql=project%20%3D%20HOT&maxResults=lots');
    expect(answer.status).toBe(400);
    expect((answer.body as { errorMessages: string[] }).errorMessages[0]).toContain('maxResults');
  });

  it('answers 401 to anonymous callers', async () => {
    expect((await get('jql=project%20%3D%20HOT', 'anonymous')).status).toBe(401);
  });
});

describe('POST /search/jql', () => {
  it('takes the query, fields and page size in the body', async () => {
    const answer = await site.call(bea, 'POST', '/rest/api/3/search/jql', { jql: '"Severity" = "Sev 2" ORDER BY key DESC', fields: ['summary'], maxResults: 2 });
    const body = answer.body as SearchBody;
    expect(body.issues.map((issue) => [issue.key, issue.fields?.['summary']])).toEqual([
      ['HOT-6', 'Incident number 6'],
      ['HOT-4', 'Incident number 4'],
    ]);
    expect(body.isLast).toBe(false);
  });

  it('refuses properties the contract does not know', async () => {
    const answer = await site.call(bea, 'POST', '/rest/api/3/search/jql', { jql: 'project = HOT', startAt: 5 });
    expect(answer.status).toBe(400);
    expect((answer.body as { errorMessages: string[] }).errorMessages[0]).toContain('startAt');
  });
});

describe('the withdrawn search endpoint', () => {
  it.each(['GET', 'POST'])('answers %s /search with 410 Gone and where to go', async (method) => {
    const answer = await site.call(bea, method, '/rest/api/3/search?jql=project%20%3D%20HOT', method === 'POST' ? { jql: 'project = HOT' } : undefined);
    expect(answer.status).toBe(410);
    expect((answer.body as { errorMessages: string[] }).errorMessages[0]).toContain('/rest/api/3/search/jql');
  });
});

describe('POST /search/approximate-count', () => {
  it('counts the issues a query matches', async () => {
    const answer = await site.call(bea, 'POST', '/rest/api/3/search/approximate-count', { jql: '"Severity" = "Sev 1"' });
    expect(answer.body).toEqual({ count: 4 });
  });
});
