import { adf, createIncident, createJiraHarness, type JiraHarness } from './jira-test-harness';
import type { Actor, ForgeProductEvent, JiraSiteEvent } from './types';

const bea = 'bea.bitbucket@example.com';

let site: JiraHarness;
beforeEach(() => {
  site = createJiraHarness();
});
afterEach(() => site.close());

function productEvents(): ForgeProductEvent[] {
  return site.events.flatMap((event) => (event.kind === 'product-event' ? [event.event] : []));
}

describe('Forge product events', () => {
  it('raises avi:jira:created:issue with the core fields and the creator', async () => {
    const key = await createIncident(site, bea, 'Pushes fail');
    const [created] = productEvents();
    expect(created).toEqual({
      eventType: 'avi:jira:created:issue',
      issue: {
        id: expect.any(String),
        key,
        fields: expect.objectContaining({
          summary: 'Pushes fail',
          issuetype: expect.objectContaining({ name: 'Incident' }),
          project: expect.objectContaining({ key: 'HOT' }),
          status: expect.objectContaining({ name: 'New' }),
          creator: { accountId: site.accountId(bea) },
          reporter: { accountId: site.accountId(bea) },
          assignee: null,
          created: '2026-11-28T09:00:00.000+0000',
        }),
      },
      atlassianId: site.accountId(bea),
      associatedUsers: [{ accountId: site.accountId(bea) }],
      timestamp: site.now(),
    });
  });

  it('raises avi:jira:updated:issue with the changelog, and avi:jira:assigned:issue when the assignee changes', async () => {
    const key = await createIncident(site, bea, 'Pushes fail');
    site.events.length = 0;
    await site.call(bea, 'PUT', `/rest/api/3/issue/${key}`, { fields: { summary: 'Pushes and pulls fail', assignee: { accountId: site.accountId(bea) } } });
    const [updated, assigned] = productEvents();
    expect(updated).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      issue: { key, fields: { summary: 'Pushes and pulls fail', assignee: { accountId: site.accountId(bea) } } },
      changelog: {
        id: expect.any(String),
        items: expect.arrayContaining([
          { field: 'summary', fieldtype: 'jira', fieldId: 'summary', from: null, fromString: 'Pushes fail', to: null, toString: 'Pushes and pulls fail' },
          { field: 'assignee', fieldtype: 'jira', fieldId: 'assignee', from: null, fromString: null, to: site.accountId(bea), toString: 'Bea Bitbucket' },
        ]),
      },
    });
    expect(assigned).toMatchObject({ eventType: 'avi:jira:assigned:issue', associatedUsers: [{ accountId: site.accountId(bea) }], changelog: { items: [{ fieldId: 'assignee' }] } });
  });

  it('names the old and new status of a transition', async () => {
    const key = await createIncident(site, bea, 'Pushes fail');
    site.events.length = 0;
    await site.call(bea, 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: '11' } });
    const [updated] = productEvents();
    expect(updated).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      associatedStatuses: [
        { id: '10000', name: 'New' },
        { id: '10001', name: 'Fixing' },
      ],
    });
  });

  it('raises avi:jira:commented:issue with the comment', async () => {
    const key = await createIncident(site, bea, 'Pushes fail');
    site.events.length = 0;
    await site.call('ben.bitbucket@example.com', 'POST', `/rest/api/3/issue/${key}/comment`, { body: adf('Rolled back.') });
    const [commented] = productEvents();
    expect(commented).toMatchObject({
      eventType: 'avi:jira:commented:issue',
      issue: { key },
      atlassianId: site.accountId('ben.bitbucket@example.com'),
      comment: { body: adf('Rolled back.'), author: { accountId: site.accountId('ben.bitbucket@example.com') }, created: '2026-11-28T09:00:00.000+0000' },
    });
  });

  it('raises avi:jira:deleted:issue with the issue as it was', async () => {
    const key = await createIncident(site, bea, 'False alarm');
    site.events.length = 0;
    await site.call('admin@example.com', 'DELETE', `/rest/api/3/issue/${key}`);
    expect(productEvents()).toEqual([expect.objectContaining({ eventType: 'avi:jira:deleted:issue', issue: expect.objectContaining({ key }) })]);
  });

  it('marks what the app does with the app account, so Forge can ignore its own events', async () => {
    await createIncident(site, 'app', 'Raised by the app');
    const [created] = productEvents();
    expect(created?.atlassianId).toBe(site.jira.appUser().accountId);
    expect(created?.issue.fields['reporter']).toEqual({ accountId: site.jira.appUser().accountId });
  });
});

describe('event delivery', () => {
  it('delivers events only after the change is stored, with the actor that caused them', async () => {
    const seen: { event: JiraSiteEvent; actor: Actor; stored: number }[] = [];
    const stored = (): number => (site.db.prepare('SELECT COUNT(*) AS n FROM jira_issues').get() as { n: number }).n;
    const before = stored();
    site.jira.onEvent((event, cause) => seen.push({ event, actor: cause.actor, stored: stored() }));
    await createIncident(site, bea, 'Pushes fail');
    expect(seen).toEqual([{ event: expect.objectContaining({ kind: 'product-event' }), actor: { kind: 'user', accountId: site.accountId(bea) }, stored: before + 1 }]);
  });

  it('delivers nothing for a refused request', async () => {
    await site.call(bea, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'HOT' }, issuetype: { name: 'Incident' }, summary: 'x', labels: ['no spaces allowed'] } });
    expect(site.events).toEqual([]);
  });

  it('stops delivering to a listener that unsubscribed', async () => {
    const seen: JiraSiteEvent[] = [];
    const unsubscribe = site.jira.onEvent((event) => seen.push(event));
    await createIncident(site, bea, 'One');
    unsubscribe();
    await createIncident(site, bea, 'Two');
    expect(seen).toHaveLength(1);
  });
});
