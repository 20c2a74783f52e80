import { createJiraHarness, testStart } from './jira-test-harness';

describe('recorded changes on the local site', () => {
  const site = createJiraHarness();
  afterAll(() => site.close());

  const ask = (caller: string | 'anonymous', query: string) =>
    site.jira.handle({ method: 'GET', path: `/rest/local/1.0/changes?${query}`, headers: {}, actor: site.actor(caller) });

  it('lists the changes of one service within a window, oldest first, with ISO instants', async () => {
    site.jira.recordChange({ service: 'Bitbucket', summary: 'Deploy git-frontend 4.2', by: 'Deploy bot', at: testStart - 30 * 60_000, kind: 'deployment' });
    site.jira.recordChange({ service: 'Bitbucket', summary: 'Raise connection pool', by: 'Tara', at: testStart - 10 * 60_000, kind: 'config' });
    site.jira.recordChange({ service: 'Confluence', summary: 'Deploy editor 9.1', by: 'Deploy bot', at: testStart - 10 * 60_000, kind: 'deployment' });
    const from = new Date(testStart - 40 * 60_000).toISOString();
    const to = new Date(testStart).toISOString();
    const answer = await ask('bea.bitbucket@example.com', `service=Bitbucket&from=${from}&to=${to}`);
    expect(answer.status).toBe(200);
    const { changes } = answer.body as { changes: { summary: string; at: string; service: string }[] };
    expect(changes.map((change) => change.summary)).toEqual(['Deploy git-frontend 4.2', 'Raise connection pool']);
    expect(changes[0]?.at).toBe(new Date(testStart - 30 * 60_000).toISOString());
  });

  it('refuses an unreadable instant and an anonymous caller', async () => {
    expect(await ask('bea.bitbucket@example.com', 'from=yesterday')).toMatchObject({ status: 400, body: { errorMessages: ["'from' must be an ISO-8601 instant, got 'yesterday'."] } });
    expect((await ask('anonymous', 'service=Bitbucket')).status).toBe(401);
  });
});
