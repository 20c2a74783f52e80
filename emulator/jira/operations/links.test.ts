import { adf, createIncident, createJiraHarness, issueFields, type JiraHarness } from '../jira-test-harness';

const bea = 'bea.bitbucket@example.com';
const vera = 'vera.viewer@example.com';

interface LinkJson {
  id: string;
  type: { name: string; inward: string; outward: string };
  inwardIssue?: { key: string };
  outwardIssue?: { key: string };
}

let site: JiraHarness;
beforeEach(() => {
  site = createJiraHarness();
});
afterEach(() => site.close());

describe('GET /issueLinkType', () => {
  it('lists Jira’s link types', async () => {
    const answer = await site.call(bea, 'GET', '/rest/api/3/issueLinkType');
    const types = (answer.body as { issueLinkTypes: { name: string; inward: string; outward: string }[] }).issueLinkTypes;
    expect(types).toContainEqual(expect.objectContaining({ name: 'Blocks', inward: 'is blocked by', outward: 'blocks' }));
    expect(types).toContainEqual(expect.objectContaining({ name: 'Relates', inward: 'relates to', outward: 'relates to' }));
  });

  it('reads one link type by id, or answers 404', async () => {
    expect((await site.call(bea, 'GET', '/rest/api/3/issueLinkType/10000')).body).toMatchObject({ name: 'Blocks' });
    expect((await site.call(bea, 'GET', '/rest/api/3/issueLinkType/424242')).status).toBe(404);
  });
});

describe('POST /issueLink', () => {
  it('links two issues, shown from each side, with a changelog entry on both', async () => {
    const incident = await createIncident(site, bea, 'Pushes fail');
    const cleanup = await createIncident(site, bea, 'Clean up');
    const answer = await site.call(bea, 'POST', '/rest/api/3/issueLink', { type: { name: 'Blocks' }, inwardIssue: { key: incident }, outwardIssue: { key: cleanup }, comment: { body: adf('Cleanup waits for the fix.') } });
    expect(answer.status).toBe(201);
    const fromIncident = (await issueFields(site, bea, incident))['issuelinks'] as LinkJson[];
    const fromCleanup = (await issueFields(site, bea, cleanup))['issuelinks'] as LinkJson[];
    expect(fromIncident).toEqual([expect.objectContaining({ type: expect.objectContaining({ name: 'Blocks' }), outwardIssue: expect.objectContaining({ key: cleanup }) })]);
    expect(fromCleanup).toEqual([expect.objectContaining({ inwardIssue: expect.objectContaining({ key: incident }) })]);
    const changelog = await site.call(bea, 'GET', `/rest/api/3/issue/${incident}/changelog`);
    expect((changelog.body as { values: { items: { field: string; toString: string }[] }[] }).values[0]?.items[0]).toMatchObject({ field: 'Link', toString: `This issue blocks ${cleanup}` });
    const comments = await site.call(bea, 'GET', `/rest/api/3/issue/${incident}/comment`);
    expect((comments.body as { total: number }).total).toBe(1);
  });

  it('does not link the same pair twice', async () => {
    const a = await createIncident(site, bea, 'A');
    const b = await createIncident(site, bea, 'B');
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await site.call(bea, 'POST', '/rest/api/3/issueLink', { type: { name: 'Relates' }, inwardIssue: { key: a }, outwardIssue: { key: b } });
    }
    expect((await issueFields(site, bea, a))['issuelinks']).toHaveLength(1);
  });

  it('answers 404 for an unknown type, an unknown issue, or a caller who may not link', async () => {
    const a = await createIncident(site, bea, 'A');
    const b = await createIncident(site, bea, 'B');
    expect((await site.call(bea, 'POST', '/rest/api/3/issueLink', { type: { name: 'Haunts' }, inwardIssue: { key: a }, outwardIssue: { key: b } })).status).toBe(404);
    expect((await site.call(bea, 'POST', '/rest/api/3/issueLink', { type: { name: 'Blocks' }, inwardIssue: { key: a }, outwardIssue: { key: 'HOT-99' } })).status).toBe(404);
    expect((await site.call(vera, 'POST', '/rest/api/3/issueLink', { type: { name: 'Blocks' }, inwardIssue: { key: a }, outwardIssue: { key: b } })).status).toBe(404);
  });

  it('reads and deletes a link by id', async () => {
    const a = await createIncident(site, bea, 'A');
    const b = await createIncident(site, bea, 'B');
    await site.call(bea, 'POST', '/rest/api/3/issueLink', { type: { id: '10003' }, inwardIssue: { key: a }, outwardIssue: { key: b } });
    const [link] = (await issueFields(site, bea, a))['issuelinks'] as LinkJson[];
    const read = await site.call(bea, 'GET', `/rest/api/3/issueLink/${link?.id ?? ''}`);
    expect(read.body).toMatchObject({ inwardIssue: { key: a }, outwardIssue: { key: b } });
    expect((await site.call(bea, 'DELETE', `/rest/api/3/issueLink/${link?.id ?? ''}`)).status).toBe(204);
    expect((await issueFields(site, bea, b))['issuelinks']).toEqual([]);
  });
});

describe('remote links', () => {
  const chatRoom = { globalId: 'chat:hot-1', application: { type: 'chat', name: 'Chat' }, relationship: 'incident room', object: { url: 'https://chat.example.com/hot-1', title: '#hot-1' } };

  it('creates a remote link, then updates it in place when the global id returns', async () => {
    const key = await createIncident(site, bea, 'Pushes fail');
    const created = await site.call(bea, 'POST', `/rest/api/3/issue/${key}/remotelink`, chatRoom);
    expect(created).toMatchObject({ status: 201, body: { id: expect.any(Number) } });
    const updated = await site.call(bea, 'POST', `/rest/api/3/issue/${key}/remotelink`, { ...chatRoom, object: { ...chatRoom.object, title: '#hot-1-renamed' } });
    expect(updated).toMatchObject({ status: 200, body: { id: (created.body as { id: number }).id } });
    const listed = await site.call(bea, 'GET', `/rest/api/3/issue/${key}/remotelink`);
    expect(listed.body).toEqual([expect.objectContaining({ globalId: 'chat:hot-1', relationship: 'incident room', object: { url: 'https://chat.example.com/hot-1', title: '#hot-1-renamed' } })]);
    const one = await site.call(bea, 'GET', `/rest/api/3/issue/${key}/remotelink?globalId=chat:hot-1`);
    expect(one.body).toMatchObject({ globalId: 'chat:hot-1' });
  });

  it('needs an object with a url and a title', async () => {
    const key = await createIncident(site, bea, 'Pushes fail');
    const answer = await site.call(bea, 'POST', `/rest/api/3/issue/${key}/remotelink`, { object: { url: 'https://x.example.com' } });
    expect(answer.status).toBe(400);
  });

  it('keeps viewers from adding remote links', async () => {
    const key = await createIncident(site, bea, 'Pushes fail');
    expect((await site.call(vera, 'POST', `/rest/api/3/issue/${key}/remotelink`, chatRoom)).status).toBe(403);
  });
});

describe('POST /issueLinkType', () => {
  it('lets a Jira administrator create a link type, listed after Jira’s own and usable for links', async () => {
    const answer = await site.call('admin@example.com', 'POST', '/rest/api/3/issueLinkType', { name: 'Incident cleanup', inward: 'is cleanup task of', outward: 'has cleanup task' });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ id: expect.any(String), name: 'Incident cleanup', inward: 'is cleanup task of', outward: 'has cleanup task' });
    const types = ((await site.call(bea, 'GET', '/rest/api/3/issueLinkType')).body as { issueLinkTypes: { name: string }[] }).issueLinkTypes.map((type) => type.name);
    expect(types.at(-1)).toBe('Incident cleanup');
    const incident = await createIncident(site, bea, 'Pushes fail');
    const cleanup = await createIncident(site, bea, 'Add a canary');
    expect((await site.call(bea, 'POST', '/rest/api/3/issueLink', { type: { name: 'Incident cleanup' }, inwardIssue: { key: incident }, outwardIssue: { key: cleanup } })).status).toBe(201);
    expect((await issueFields(site, bea, incident))['issuelinks']).toEqual([expect.objectContaining({ type: expect.objectContaining({ outward: 'has cleanup task' }), outwardIssue: expect.objectContaining({ key: cleanup }) })]);
  });

  it('refuses a name already taken (ignoring case) and someone who does not administer Jira', async () => {
    expect((await site.call('admin@example.com', 'POST', '/rest/api/3/issueLinkType', { name: 'blocks', inward: 'a', outward: 'b' })).body).toEqual({
      errorMessages: ["An issue link type with the name 'blocks' already exists."],
      errors: {},
    });
    expect((await site.call(bea, 'POST', '/rest/api/3/issueLinkType', { name: 'Mine', inward: 'a', outward: 'b' })).status).toBe(403);
  });
});
