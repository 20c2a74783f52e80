import { adf, createIncident, createJiraHarness, type JiraHarness } from '../jira-test-harness';

const bea = 'bea.bitbucket@example.com';
const ben = 'ben.bitbucket@example.com';
const vera = 'vera.viewer@example.com';

interface CommentJson {
  id: string;
  body: unknown;
  author: { accountId: string; displayName: string };
  updateAuthor: { accountId: string };
  created: string;
  updated: string;
  renderedBody?: string;
  visibility?: { type: string; value: string };
}

let site: JiraHarness;
let key: string;
beforeEach(async () => {
  site = createJiraHarness();
  key = await createIncident(site, bea, 'Pushes fail');
});
afterEach(() => site.close());

async function comment(caller: string, body: unknown): Promise<{ status: number; body: CommentJson }> {
  const answer = await site.call(caller, 'POST', `/rest/api/3/issue/${key}/comment`, body);
  return { status: answer.status, body: answer.body as CommentJson };
}

describe('POST /issue/{issueIdOrKey}/comment', () => {
  it('adds an ADF comment authored by the caller', async () => {
    site.advance(60_000);
    const answer = await comment(ben, { body: adf('Rolling back the deploy.') });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ body: adf('Rolling back the deploy.'), author: { displayName: 'Ben Bitbucket' }, created: '2026-11-28T09:01:00.000+0000' });
    const fields = await site.call(bea, 'GET', `/rest/api/3/issue/${key}?fields=updated,comment`);
    expect((fields.body as { fields: { updated: string; comment: { total: number } } }).fields).toMatchObject({ updated: '2026-11-28T09:01:00.000+0000', comment: { total: 1 } });
  });

  it('refuses a body that is not an ADF document', async () => {
    const answer = await site.call(bea, 'POST', `/rest/api/3/issue/${key}/comment`, { body: 'plain text' });
    expect(answer.status).toBe(400);
    expect((answer.body as { errors: Record<string, string> }).errors['comment']).toContain('Atlassian Document');
  });

  it('does not let viewers comment', async () => {
    const answer = await comment(vera, { body: adf('Any news?') });
    expect(answer.status).toBe(400);
  });

  it('renders the body when asked', async () => {
    const answer = await site.call(bea, 'POST', `/rest/api/3/issue/${key}/comment?expand=renderedBody`, { body: adf('Fixed <soon>') });
    expect((answer.body as CommentJson).renderedBody).toBe('<p>Fixed &lt;soon&gt;</p>');
  });
});

describe('GET /issue/{issueIdOrKey}/comment', () => {
  it('pages comments oldest first, or newest first when asked', async () => {
    for (const text of ['one', 'two', 'three']) {
      await comment(bea, { body: adf(text) });
      site.advance(1000);
    }
    const page = await site.call(bea, 'GET', `/rest/api/3/issue/${key}/comment?startAt=1&maxResults=1`);
    expect(page.body).toMatchObject({ startAt: 1, maxResults: 1, total: 3, comments: [{ body: adf('two') }] });
    const newest = await site.call(bea, 'GET', `/rest/api/3/issue/${key}/comment?orderBy=-created`);
    expect((newest.body as { comments: CommentJson[] }).comments.map((entry) => entry.body)).toEqual([adf('three'), adf('two'), adf('one')]);
  });

  it('hides role-restricted comments from people outside the role', async () => {
    await comment(bea, { body: adf('Members only'), visibility: { type: 'role', value: 'Members' } });
    await comment(bea, { body: adf('Everyone') });
    const member = await site.call(ben, 'GET', `/rest/api/3/issue/${key}/comment`);
    const viewer = await site.call(vera, 'GET', `/rest/api/3/issue/${key}/comment`);
    expect((member.body as { total: number }).total).toBe(2);
    expect((viewer.body as { comments: CommentJson[] }).comments.map((entry) => entry.body)).toEqual([adf('Everyone')]);
  });

  it('answers 404 for an issue the caller cannot see', async () => {
    const answer = await site.call(bea, 'GET', '/rest/api/3/issue/HOT-99/comment');
    expect(answer.status).toBe(404);
  });
});

describe('GET|PUT|DELETE /issue/{issueIdOrKey}/comment/{id}', () => {
  it('lets the author edit a comment and records who edited it', async () => {
    const created = await comment(bea, { body: adf('ETA 10 minutes') });
    site.advance(120_000);
    const answer = await site.call(bea, 'PUT', `/rest/api/3/issue/${key}/comment/${created.body.id}`, { body: adf('ETA 20 minutes') });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ body: adf('ETA 20 minutes'), updated: '2026-11-28T09:02:00.000+0000', updateAuthor: { accountId: site.accountId(bea) } });
    const read = await site.call(bea, 'GET', `/rest/api/3/issue/${key}/comment/${created.body.id}`);
    expect((read.body as CommentJson).body).toEqual(adf('ETA 20 minutes'));
  });

  it("does not let members edit or delete someone else's comment, but administrators may", async () => {
    const created = await comment(bea, { body: adf('Mine') });
    expect((await site.call(ben, 'PUT', `/rest/api/3/issue/${key}/comment/${created.body.id}`, { body: adf('Yours') })).status).toBe(400);
    expect((await site.call(ben, 'DELETE', `/rest/api/3/issue/${key}/comment/${created.body.id}`)).status).toBe(400);
    expect((await site.call('admin@example.com', 'DELETE', `/rest/api/3/issue/${key}/comment/${created.body.id}`)).status).toBe(204);
    expect((await site.call(bea, 'GET', `/rest/api/3/issue/${key}/comment/${created.body.id}`)).status).toBe(404);
  });

  it('lets authors delete their own comments', async () => {
    const created = await comment(bea, { body: adf('Oops') });
    expect((await site.call(bea, 'DELETE', `/rest/api/3/issue/${key}/comment/${created.body.id}`)).status).toBe(204);
  });

  it('answers 404 for a comment of another issue', async () => {
    const created = await comment(bea, { body: adf('Here') });
    const other = await createIncident(site, bea, 'Other');
    expect((await site.call(bea, 'GET', `/rest/api/3/issue/${other}/comment/${created.body.id}`)).status).toBe(404);
  });
});
