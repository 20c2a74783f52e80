import { createIncident, createJiraHarness, type JiraHarness } from '../jira-test-harness';

const bea = 'bea.bitbucket@example.com';
const transitionIds = { startFixing: '11', resolve: '21', close: '31', reopen: '41', cancel: '51' };

let site: JiraHarness;

beforeAll(async () => {
  site = createJiraHarness();
  // Incidents in every state, created and updated at different (and some equal) instants.
  for (let index = 0; index < 40; index += 1) {
    const key = await createIncident(site, bea, `Incident ${index}`);
    const path = [[], [transitionIds.startFixing], [transitionIds.startFixing, transitionIds.resolve], [transitionIds.startFixing, transitionIds.resolve, transitionIds.close], [transitionIds.cancel], [transitionIds.startFixing, transitionIds.resolve, transitionIds.reopen]][index % 6] ?? [];
    for (const id of path) await site.call(bea, 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id } });
    if (index % 3 !== 0) site.advance(((index * 7) % 11) * 60_000);
  }
  await site.call('sam.support@example.com', 'POST', '/rest/api/3/issue', { fields: { project: { key: 'SUP' }, issuetype: { name: 'Support case' }, summary: 'Customer asks' } });
});
afterAll(() => site.close());

async function keys(jql: string, pageSize: number): Promise<string[]> {
  const found: string[] = [];
  let token: string | undefined;
  do {
    const answer = await site.call(bea, 'POST', '/rest/api/3/search/jql', { jql, maxResults: pageSize, fields: ['id'], ...(token === undefined ? {} : { nextPageToken: token }) });
    expect(answer.status).toBe(200);
    const body = answer.body as { issues: { key: string }[]; nextPageToken?: string };
    found.push(...body.issues.map((issue) => issue.key));
    token = body.nextPageToken;
  } while (token !== undefined);
  return found;
}

const wheres = [
  'project = HOT',
  'project = HOT AND statusCategory != Done',
  'project in (HOT, SUP) AND statusCategory in ("To Do", "In Progress")',
  'project = HOT AND status = Fixing',
  'project = HOT AND status not in (Closed, Cancelled)',
  'project = HOT AND resolution = Unresolved',
  'project = HOT AND resolution is not EMPTY',
  'project = HOT AND resolution != Unresolved',
  'project = HOT AND resolution in (Done, EMPTY)',
  'project = HOT AND created >= -20m AND updated < -5m',
  'project = HOT AND updated > "2026-11-28 09:30" AND statusCategory = Done',
  'statusCategory = Done',
];
const orders = ['', ' ORDER BY created DESC', ' ORDER BY created ASC', ' ORDER BY updated DESC', ' ORDER BY updated ASC'];

describe('JQL search through the indexes', () => {
  it.each(wheres.flatMap((where) => orders.map((order) => [where, order] as const)))(
    'finds exactly what evaluating every issue finds, in the same order, page by page: %s%s',
    async (where, order) => {
      // An OR at the top and a second sort key leave the index nothing to narrow or order by.
      const everyIssue = `(${where}) OR (${where})${order === '' ? ' ORDER BY created DESC, key DESC' : `${order}, key DESC`}`;
      const expected = await keys(everyIssue, 100);
      expect(await keys(`${where}${order}`, 7)).toEqual(expected);
      expect(await keys(`${where}${order}`, 100)).toEqual(expected);
    },
  );

  it('counts what the search finds', async () => {
    const answer = await site.call(bea, 'POST', '/rest/api/3/search/approximate-count', { jql: 'project = HOT AND statusCategory != Done' });
    expect(answer.body).toEqual({ count: (await keys('project = HOT AND statusCategory != Done', 100)).length });
  });
});
