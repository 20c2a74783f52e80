import { createIncident, createJiraHarness, createOptionField, type Caller, type JiraHarness } from '../jira-test-harness';

const bea = 'bea.bitbucket@example.com';
const cal = 'cal.confluence@example.com';
const hour = 3_600_000;

let site: JiraHarness;
let severity: Awaited<ReturnType<typeof createOptionField>>;
let service: Awaited<ReturnType<typeof createOptionField>>;
let products: Awaited<ReturnType<typeof createOptionField>>;

/** HOT-1..3 are incidents two to five hours apart, HOT-4 a task, SUP-1 a support case; the clock then reads 17:00. */
beforeAll(async () => {
  site = createJiraHarness();
  severity = await createOptionField(site, 'Severity', 'select', ['Sev 1', 'Sev 2', 'Sev 3']);
  service = await createOptionField(site, 'Faulty service', 'select', ['Bitbucket', 'Confluence', 'Jira Cloud']);
  products = await createOptionField(site, 'Affected products', 'multicheckboxes', ['Bitbucket', 'Confluence', 'Jira Cloud']);

  await createIncident(site, bea, 'Bitbucket pushes failing', {
    [severity.id]: { value: 'Sev 1' },
    [service.id]: { value: 'Bitbucket' },
    [products.id]: [{ value: 'Bitbucket' }],
    assignee: { accountId: site.accountId(bea) },
    labels: ['bitbucket', 'sev1'],
  });
  await site.call(bea, 'POST', '/rest/api/3/issue/HOT-1/transitions', { transition: { id: '11' } });
  site.advance(2 * hour);
  await createIncident(site, cal, 'Confluence pages slow to render', {
    [severity.id]: { value: 'Sev 2' },
    [service.id]: { value: 'Confluence' },
    [products.id]: [{ value: 'Confluence' }, { value: 'Jira Cloud' }],
    assignee: { accountId: site.accountId(cal) },
    labels: ['confluence'],
  });
  site.advance(3 * hour);
  await createIncident(site, 'jay.jira@example.com', 'Jira search returns errors', { [severity.id]: { value: 'Sev 3' }, [service.id]: { value: 'Jira Cloud' } });
  await site.call('jay.jira@example.com', 'POST', '/rest/api/3/issue/HOT-3/transitions', { transition: { id: '11' } });
  await site.call('jay.jira@example.com', 'POST', '/rest/api/3/issue/HOT-3/transitions', { transition: { id: '21' } });
  site.advance(hour);
  await site.call(bea, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'HOT' }, issuetype: { name: 'Task' }, summary: 'Clean up after HOT-1', description: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Remove the temporary rate limits.' }] }] } } });
  await site.call('sam.support@example.com', 'POST', '/rest/api/3/issue', { fields: { project: { key: 'SUP' }, issuetype: { name: 'Support case' }, summary: 'Customer cannot push', labels: ['HOT-1'] } });
  site.advance(2 * hour);
});
afterAll(() => site.close());

async function keys(jql: string, caller: Caller = bea): Promise<string[]> {
  const answer = await site.call(caller, 'POST', '/rest/api/3/search/jql', { jql, fields: ['key'], maxResults: 100 });
  if (answer.status !== 200) throw new Error(`${jql}: ${answer.status} ${JSON.stringify(answer.body)}`);
  // The demo's Changes project (CHG) records deployments; these tests are about the issues made above.
  return (answer.body as { issues: { key: string }[] }).issues.map((issue) => issue.key).filter((key) => !key.startsWith('CHG-'));
}

async function sortedKeys(jql: string, caller: Caller = bea): Promise<string[]> {
  return (await keys(jql, caller)).sort();
}

async function refusal(jql: string): Promise<{ status: number; message: string }> {
  const answer = await site.call(bea, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}`);
  return { status: answer.status, message: ((answer.body as { errorMessages?: string[] }).errorMessages ?? []).join(' ') };
}

describe('JQL equality', () => {
  it('matches projects by key, name or id', async () => {
    expect(await sortedKeys('project = HOT')).toEqual(['HOT-1', 'HOT-2', 'HOT-3', 'HOT-4']);
    expect(await sortedKeys('project = "Incidents"')).toEqual(['HOT-1', 'HOT-2', 'HOT-3', 'HOT-4']);
    expect(await sortedKeys('project = 10001', 'sam.support@example.com')).toEqual(['SUP-1']);
  });

  it('matches custom fields by name, by cf[N] and by customfield_N', async () => {
    const number = severity.id.replace('customfield_', '');
    expect(await keys('"Severity" = "Sev 1"')).toEqual(['HOT-1']);
    expect(await keys('"Faulty service" = Bitbucket')).toEqual(['HOT-1']);
    expect(await keys(`cf[${number}] = "Sev 2"`)).toEqual(['HOT-2']);
    expect(await keys(`${severity.id} = "Sev 3"`)).toEqual(['HOT-3']);
    expect(await keys(`Severity = ${severity.options['Sev 3']}`)).toEqual(['HOT-3']);
  });

  it('matches any value of a multi-valued field', async () => {
    expect(await sortedKeys('"Affected products" = "Jira Cloud"')).toEqual(['HOT-2']);
    expect(await sortedKeys('labels = bitbucket')).toEqual(['HOT-1']);
  });

  it('never matches EMPTY fields with != or NOT IN', async () => {
    expect(await sortedKeys('project = HOT AND "Severity" != "Sev 1"')).toEqual(['HOT-2', 'HOT-3']);
    expect(await sortedKeys('project = HOT AND "Faulty service" NOT IN (Bitbucket)')).toEqual(['HOT-2', 'HOT-3']);
    expect(await sortedKeys('project = HOT AND assignee != currentUser()')).toEqual(['HOT-2']);
  });

  it('matches lists with IN, including EMPTY', async () => {
    expect(await sortedKeys('status IN (New, Fixing)')).toEqual(['HOT-1', 'HOT-2']);
    expect(await sortedKeys('project = HOT AND assignee IN (EMPTY, "cal.confluence@example.com")')).toEqual(['HOT-2', 'HOT-3', 'HOT-4']);
  });

  it('matches statuses, categories, issue types and resolutions by name', async () => {
    expect(await keys('statusCategory = Done')).toEqual(['HOT-3']);
    expect(await keys('statusCategory = "In Progress"')).toEqual(['HOT-1']);
    expect(await keys('issuetype = Task')).toEqual(['HOT-4']);
    expect(await keys('resolution = Done')).toEqual(['HOT-3']);
    expect(await sortedKeys('project = HOT AND resolution = Unresolved')).toEqual(['HOT-1', 'HOT-2', 'HOT-4']);
  });

  it('matches users by account id, email or display name, and by group', async () => {
    expect(await keys(`assignee = ${site.accountId(bea)}`)).toEqual(['HOT-1']);
    expect(await keys('assignee = "Cal Confluence"')).toEqual(['HOT-2']);
    expect(await keys('reporter = "jay.jira@example.com"')).toEqual(['HOT-3']);
    expect(await sortedKeys('assignee IN membersOf("incident-managers")')).toEqual(['HOT-1', 'HOT-2']);
  });

  it('matches issue keys, and compares keys within a project', async () => {
    expect(await keys('key = HOT-2')).toEqual(['HOT-2']);
    expect(await sortedKeys('key IN (HOT-1, HOT-3)')).toEqual(['HOT-1', 'HOT-3']);
    expect(await sortedKeys('key > HOT-2')).toEqual(['HOT-3', 'HOT-4']);
    expect(await sortedKeys('issuekey <= HOT-2')).toEqual(['HOT-1', 'HOT-2']);
  });
});

describe('JQL text search', () => {
  it('finds words with ~ in the summary, stemmed and with wildcards', async () => {
    expect(await keys('project = HOT AND summary ~ pushes')).toEqual(['HOT-1']);
    expect(await keys('summary ~ "push"')).toEqual(['SUP-1', 'HOT-1']);
    expect(await keys('summary ~ "Conf*"')).toEqual(['HOT-2']);
    expect(await keys('summary ~ "\\"search returns\\""')).toEqual(['HOT-3']);
  });

  it('searches summary, description and comments with text ~', async () => {
    expect(await keys('text ~ "rate limits"')).toEqual(['HOT-4']);
    expect(await keys('text ~ slow')).toEqual(['HOT-2']);
  });

  it('excludes matches with !~', async () => {
    expect(await sortedKeys('project = HOT AND summary !~ pushes')).toEqual(['HOT-2', 'HOT-3', 'HOT-4']);
  });
});

describe('JQL comparisons and dates', () => {
  it('compares dates with relative periods, quoted or not', async () => {
    expect(await sortedKeys('project = HOT AND created > -7h')).toEqual(['HOT-2', 'HOT-3', 'HOT-4']);
    expect(await sortedKeys('project = HOT AND created >= "-4h"')).toEqual(['HOT-3', 'HOT-4']);
    expect(await sortedKeys('project = HOT AND created >= -2h')).toEqual(['HOT-4']);
    expect(await sortedKeys('project = HOT AND created < "-1d"')).toEqual([]);
    expect(await sortedKeys('project = HOT AND updated <= -5h')).toEqual(['HOT-1', 'HOT-2']);
  });

  it('compares dates with absolute dates and date functions', async () => {
    expect(await sortedKeys('project = HOT AND created >= "2026/11/28 14:00"')).toEqual(['HOT-3', 'HOT-4']);
    expect(await sortedKeys('project = HOT AND created < "2026-11-28 11:00"')).toEqual(['HOT-1']);
    expect(await sortedKeys('project = HOT AND created >= startOfDay()')).toEqual(['HOT-1', 'HOT-2', 'HOT-3', 'HOT-4']);
    expect(await sortedKeys('project = HOT AND created < startOfDay(-1)')).toEqual([]);
    expect(await sortedKeys('project = HOT AND created <= now()')).toEqual(['HOT-1', 'HOT-2', 'HOT-3', 'HOT-4']);
    expect(await keys('resolved >= -5h')).toEqual(['HOT-3']);
  });

  it('refuses a date it cannot read, naming the formats Jira accepts', async () => {
    const answer = await refusal('created > "last tuesday"');
    expect(answer.status).toBe(400);
    expect(answer.message).toContain("Date value 'last tuesday' for field 'created' is invalid");
  });
});

describe('JQL emptiness and logic', () => {
  it('tests for EMPTY and NOT EMPTY', async () => {
    expect(await sortedKeys('project = HOT AND assignee IS EMPTY')).toEqual(['HOT-3', 'HOT-4']);
    expect(await keys('project = HOT AND "Severity" is EMPTY')).toEqual(['HOT-4']);
    expect(await sortedKeys('labels IS NOT EMPTY')).toEqual(['HOT-1', 'HOT-2', 'SUP-1']);
    expect(await sortedKeys('project = HOT AND "Severity" = EMPTY')).toEqual(['HOT-4']);
  });

  it('combines clauses with AND, OR, NOT and parentheses', async () => {
    expect(await sortedKeys('project = HOT AND (assignee = currentUser() OR labels = confluence)')).toEqual(['HOT-1', 'HOT-2']);
    expect(await sortedKeys('project = HOT AND NOT status = Fixing')).toEqual(['HOT-2', 'HOT-3', 'HOT-4']);
    expect(await sortedKeys('NOT (project = HOT OR labels = "HOT-1")', 'sam.support@example.com')).toEqual([]);
    expect(await sortedKeys('labels = "HOT-1" OR "Severity" = "Sev 1"', 'sam.support@example.com')).toEqual(['HOT-1', 'SUP-1']);
  });
});

describe('JQL ORDER BY', () => {
  it('orders newest first without ORDER BY', async () => {
    expect(await keys('project = HOT')).toEqual(['HOT-4', 'HOT-3', 'HOT-2', 'HOT-1']);
  });

  it('orders by several keys, with EMPTY last going up and first going down', async () => {
    expect(await keys('project = HOT ORDER BY "Severity" ASC')).toEqual(['HOT-1', 'HOT-2', 'HOT-3', 'HOT-4']);
    expect(await keys('project = HOT ORDER BY "Severity" DESC')).toEqual(['HOT-4', 'HOT-3', 'HOT-2', 'HOT-1']);
    expect(await keys('project = HOT ORDER BY statusCategory ASC, created DESC')).toEqual(['HOT-3', 'HOT-1', 'HOT-4', 'HOT-2']);
    expect(await keys('project = HOT ORDER BY assignee ASC, key DESC')).toEqual(['HOT-1', 'HOT-2', 'HOT-4', 'HOT-3']);
    expect(await keys('ORDER BY key ASC')).toEqual(['HOT-1', 'HOT-2', 'HOT-3', 'HOT-4', 'SUP-1']);
  });

  it('refuses to sort by a field that does not exist', async () => {
    expect(await refusal('project = HOT ORDER BY nonsense')).toEqual({ status: 400, message: "Not able to sort using field 'nonsense'." });
  });
});

describe('JQL errors', () => {
  it('reports syntax errors with their position', async () => {
    const answer = await refusal('project = = HOT');
    expect(answer.status).toBe(400);
    expect(answer.message).toMatch(/^Error in the JQL Query: .*\(line 1, character \d+\)$/);
  });

  it('names unknown fields, values, options and functions', async () => {
    expect(await refusal('nonsense = 1')).toEqual({ status: 400, message: "Field 'nonsense' does not exist or you do not have permission to view it." });
    expect(await refusal('status = Sleeping')).toEqual({ status: 400, message: "The value 'Sleeping' does not exist for the field 'status'." });
    expect(await refusal('"Severity" = "Sev 9"')).toEqual({ status: 400, message: "The option 'Sev 9' for field 'Severity' does not exist." });
    expect(await refusal('assignee = someoneElse()')).toEqual({ status: 400, message: "Unable to find JQL function 'someoneElse()'." });
  });

  it('hides projects the caller cannot see as if they did not exist', async () => {
    const answer = await site.call('vera.viewer@example.com', 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = SUP')}`);
    expect(answer).toMatchObject({ status: 400, body: { errorMessages: ["The value 'SUP' does not exist for the field 'project'."] } });
    expect(await keys('labels = "HOT-1"', 'vera.viewer@example.com')).toEqual([]);
  });

  it('refuses operators a field does not support', async () => {
    expect(await refusal('status ~ Fix')).toEqual({ status: 400, message: "The operator '~' is not supported by the 'status' field." });
    expect(await refusal('labels > a')).toEqual({ status: 400, message: "The operator '>' is not supported by the 'labels' field." });
    expect((await refusal('summary = "Bitbucket pushes failing"')).status).toBe(400);
  });

  it('answers 501 for history operators the local site does not implement', async () => {
    expect(await refusal('status WAS Fixing')).toEqual({ status: 501, message: "Not implemented on the local site: the JQL operator 'WAS'" });
  });
});
