import { createIncident, createJiraHarness, type JiraHarness } from '../jira-test-harness';
import type { EmailNotification } from '../types';

const bea = 'bea.bitbucket@example.com';

let site: JiraHarness;
let key: string;
beforeEach(async () => {
  site = createJiraHarness();
  key = await createIncident(site, bea, 'Pushes fail', { assignee: { accountId: site.accountId('ben.bitbucket@example.com') } });
});
afterEach(() => site.close());

function emails(): EmailNotification[] {
  return site.events.flatMap((event) => (event.kind === 'email' ? [event] : []));
}

describe('GET /issue/{issueIdOrKey}/changelog', () => {
  it('pages the history oldest first', async () => {
    for (const summary of ['Second', 'Third', 'Fourth']) {
      site.advance(60_000);
      await site.call(bea, 'PUT', `/rest/api/3/issue/${key}`, { fields: { summary } });
    }
    const first = await site.call(bea, 'GET', `/rest/api/3/issue/${key}/changelog?maxResults=2`);
    const body = first.body as { total: number; isLast: boolean; nextPage?: string; values: { created: string; items: { toString: string }[] }[] };
    expect(body).toMatchObject({ total: 3, isLast: false, startAt: 0, maxResults: 2 });
    expect(body.values.map((entry) => entry.items[0]?.toString)).toEqual(['Second', 'Third']);
    expect(body.nextPage).toContain('startAt=2');
    const last = await site.call(bea, 'GET', `/rest/api/3/issue/${key}/changelog?startAt=2`);
    expect((last.body as { isLast: boolean; values: { created: string }[] }).values[0]?.created).toBe('2026-11-28T09:03:00.000+0000');
  });
});

describe('POST /issue/{issueIdOrKey}/notify', () => {
  it('hands the email to the site instead of sending it, with resolved recipients', async () => {
    const answer = await site.call('app', 'POST', `/rest/api/3/issue/${key}/notify`, {
      subject: 'HOT-1 update',
      textBody: 'Pushes are restored for most customers.',
      htmlBody: '<p>Pushes are restored for most customers.</p>',
      to: { assignee: true, users: [{ accountId: site.accountId('cora.comms@example.com') }], groups: [{ name: 'imoc' }] },
    });
    expect(answer.status).toBe(204);
    const [email] = emails();
    expect(email).toMatchObject({ kind: 'email', issueKey: key, subject: 'HOT-1 update', textBody: 'Pushes are restored for most customers.', htmlBody: '<p>Pushes are restored for most customers.</p>' });
    expect(email?.to.map((recipient) => recipient.email).sort()).toEqual(['ben.bitbucket@example.com', 'cora.comms@example.com', 'imogen.imoc@example.com', 'ivan.imoc@example.com']);
  });

  it('leaves out recipients who cannot see the issue or fall outside the restriction', async () => {
    await site.call('app', 'POST', `/rest/api/3/issue/${key}/notify`, {
      subject: 'Update',
      textBody: 'x',
      to: { users: [{ accountId: site.accountId('vera.viewer@example.com') }], groups: [{ name: 'jira-users' }] },
      restrict: { groups: [{ name: 'comms' }], permissions: [{ key: 'BROWSE' }] },
    });
    expect(emails()[0]?.to.map((recipient) => recipient.displayName)).toEqual(['Cora Comms']);
  });

  it('reaches the reporter and the watchers', async () => {
    await site.call(bea, 'POST', `/rest/api/3/issue/${key}/watchers`, site.accountId('tara.techlead@example.com'));
    await site.call('app', 'POST', `/rest/api/3/issue/${key}/notify`, { textBody: 'x', to: { reporter: true, watchers: true } });
    const [email] = emails();
    expect(email?.to.map((recipient) => recipient.displayName).sort()).toEqual(['Bea Bitbucket', 'Tara Techlead']);
    expect(email?.subject).toBe('[JIRA] (HOT-1) Pushes fail');
  });

  it('refuses a notification that reaches nobody, and unknown groups', async () => {
    const nobody = await site.call('app', 'POST', `/rest/api/3/issue/${key}/notify`, { textBody: 'x', to: { users: [{ accountId: site.accountId('vera.viewer@example.com') }] }, restrict: { groups: [{ name: 'comms' }] } });
    expect(nobody.status).toBe(400);
    const unknown = await site.call('app', 'POST', `/rest/api/3/issue/${key}/notify`, { textBody: 'x', to: { groups: [{ name: 'ghosts' }] } });
    expect(unknown.status).toBe(400);
    expect(emails()).toEqual([]);
  });
});

describe('watchers', () => {
  it('starts with the reporter watching, and adds watchers', async () => {
    const before = await site.call(bea, 'GET', `/rest/api/3/issue/${key}/watchers`);
    expect(before.body).toMatchObject({ watchCount: 1, isWatching: true });
    expect((await site.call('cora.comms@example.com', 'POST', `/rest/api/3/issue/${key}/watchers`, site.accountId('cora.comms@example.com'))).status).toBe(204);
    const after = await site.call('cora.comms@example.com', 'GET', `/rest/api/3/issue/${key}/watchers`);
    expect(after.body).toMatchObject({ watchCount: 2, isWatching: true });
  });

  it('does not add a watcher who cannot see the issue, or an unknown account', async () => {
    const created = await site.call('sam.support@example.com', 'POST', '/rest/api/3/issue', { fields: { project: { key: 'SUP' }, issuetype: { name: 'Support case' }, summary: 'Customer asks' } });
    const support = (created.body as { key: string }).key;
    const outsider = await site.call('sam.support@example.com', 'POST', `/rest/api/3/issue/${support}/watchers`, site.accountId('vera.viewer@example.com'));
    expect(outsider.status).toBe(400);
    const unknown = await site.call('admin@example.com', 'POST', `/rest/api/3/issue/${key}/watchers`, '000000000000000000000000');
    expect(unknown.status).toBe(400);
  });

  it("keeps members from adding other people unless they may manage watchers", async () => {
    expect((await site.call('vera.viewer@example.com', 'POST', `/rest/api/3/issue/${key}/watchers`, site.accountId(bea))).status).toBe(403);
  });
});
