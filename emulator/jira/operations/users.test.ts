import { createJiraHarness, type JiraHarness } from '../jira-test-harness';

const bea = 'bea.bitbucket@example.com';

interface UserJson {
  accountId: string;
  displayName: string;
  emailAddress: string;
  accountType: string;
  groups?: { items: { name: string }[] };
}

let site: JiraHarness;
beforeEach(() => {
  site = createJiraHarness();
});
afterEach(() => site.close());

describe('GET /myself and /user', () => {
  it('tells the caller who they are, with their groups on request', async () => {
    const answer = await site.call(bea, 'GET', '/rest/api/3/myself?expand=groups');
    expect(answer.body).toMatchObject({ accountId: site.accountId(bea), displayName: 'Bea Bitbucket', emailAddress: bea, accountType: 'atlassian', active: true });
    expect((answer.body as UserJson).groups?.items.map((group) => group.name)).toEqual(['incident-managers', 'jira-users']);
  });

  it('tells the app it is an app account', async () => {
    const answer = await site.call('app', 'GET', '/rest/api/3/myself');
    expect(answer.body).toMatchObject({ accountType: 'app', displayName: 'Incident Response for Jira' });
  });

  it('finds a user by account id, or answers 404', async () => {
    const found = await site.call(bea, 'GET', `/rest/api/3/user?accountId=${site.accountId('imogen.imoc@example.com')}`);
    expect((found.body as UserJson).displayName).toBe('Imogen Imoc');
    const missing = await site.call(bea, 'GET', '/rest/api/3/user?accountId=000000000000000000000000');
    expect(missing).toMatchObject({ status: 404, body: { errorMessages: ['Specified user does not exist or you do not have required permissions'] } });
  });

  it('gives every demo account a stable hex account id', () => {
    expect(site.accountId('admin@example.com')).toMatch(/^[0-9a-f]{24}$/);
    const again = createJiraHarness();
    expect(again.accountId('admin@example.com')).toBe(site.accountId('admin@example.com'));
    again.close();
  });

  it('answers 401 to anonymous callers', async () => {
    expect((await site.call('anonymous', 'GET', '/rest/api/3/myself')).status).toBe(401);
  });
});

describe('user searches', () => {
  it('finds users by the start of a name or an email', async () => {
    const byName = await site.call(bea, 'GET', '/rest/api/3/user/search?query=imo');
    expect((byName.body as UserJson[]).map((user) => user.displayName)).toEqual(['Imogen Imoc', 'Ivan Imoc']);
    const byEmail = await site.call(bea, 'GET', '/rest/api/3/user/search?query=cora.comms@');
    expect((byEmail.body as UserJson[]).map((user) => user.displayName)).toEqual(['Cora Comms']);
  });

  it('needs a query or an account id', async () => {
    expect((await site.call(bea, 'GET', '/rest/api/3/user/search')).status).toBe(400);
  });

  it('lists every user, in pages', async () => {
    const all = await site.call(bea, 'GET', '/rest/api/3/users/search?maxResults=100');
    expect((all.body as UserJson[]).length).toBe(15);
    const page = await site.call(bea, 'GET', '/rest/api/3/users/search?startAt=2&maxResults=3');
    expect((page.body as UserJson[]).length).toBe(3);
  });

  it('looks users up in bulk', async () => {
    const ids = [site.accountId('tara.techlead@example.com'), site.accountId('theo.techlead@example.com')];
    const answer = await site.call(bea, 'GET', `/rest/api/3/user/bulk?accountId=${ids[0] ?? ''}&accountId=${ids[1] ?? ''}`);
    expect(answer.body).toMatchObject({ total: 2, isLast: true, values: [{ displayName: 'Tara Techlead' }, { displayName: 'Theo Techlead' }] });
    expect((await site.call(bea, 'GET', '/rest/api/3/user/bulk')).status).toBe(400);
  });

  it('finds users assignable in a project', async () => {
    const answer = await site.call(bea, 'GET', '/rest/api/3/user/assignable/search?project=HOT&query=iv');
    expect((answer.body as UserJson[]).map((user) => user.displayName)).toEqual(['Ivan Imoc']);
    const viewers = await site.call(bea, 'GET', '/rest/api/3/user/assignable/search?project=HOT&query=vera');
    expect(viewers.body).toEqual([]);
  });
});

describe('groups', () => {
  it('lists the members of a group to Jira administrators and the app', async () => {
    const answer = await site.call('app', 'GET', '/rest/api/3/group/member?groupname=imoc');
    expect(answer.body).toMatchObject({ total: 2, values: [{ displayName: 'Imogen Imoc' }, { displayName: 'Ivan Imoc' }] });
    expect((await site.call('admin@example.com', 'GET', '/rest/api/3/group/member?groupname=tech-leads')).status).toBe(200);
    expect((await site.call(bea, 'GET', '/rest/api/3/group/member?groupname=imoc')).status).toBe(403);
  });

  it('answers 404 for an unknown group and 400 without a group', async () => {
    expect((await site.call('app', 'GET', '/rest/api/3/group/member?groupname=nobody')).status).toBe(404);
    expect((await site.call('app', 'GET', '/rest/api/3/group/member')).status).toBe(400);
  });

  it('picks groups by part of their name', async () => {
    const answer = await site.call(bea, 'GET', '/rest/api/3/groups/picker?query=lead');
    expect(answer.body).toMatchObject({ total: 1, groups: [{ name: 'tech-leads', html: 'tech-<b>lead</b>s' }] });
  });
});
