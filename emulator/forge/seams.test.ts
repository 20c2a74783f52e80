// The site must load before @forge/api: the package captures the global fetch when it loads.
import { startTestSite, demoUser, type TestSite } from '../test-fixtures/test-site';
import { asApp, asUser, fetch as forgeFetch, getAppContext, route } from '@forge/api';
import { sendEmail } from '@forge/api/out/sendEmail';
import { Filter, FilterConditions, kvs, Sort, WhereConditions } from '@forge/kvs';

describe('the Forge runtime seams', () => {
  let test: TestSite;

  beforeAll(async () => {
    test = await startTestSite();
  });

  afterAll(() => test.stop());

  it('lets asUser().requestJira reach the Jira emulator as the invoking user', async () => {
    const user = demoUser(test.site);
    const me = await test.site.forge.runInInvocation({ moduleKey: 'probe-panel', accountId: user.accountId }, async () => {
      const response = await asUser().requestJira(route`/rest/api/3/myself`);
      return { status: response.status, body: (await response.json()) as { accountId: string } };
    });
    expect(me.status).toBe(200);
    expect(me.body.accountId).toBe(user.accountId);
  });

  it('keeps concurrent invocations apart: each sees its own user and module', async () => {
    const humans = test.site.jira.users().filter((user) => user.accountType === 'atlassian').slice(0, 2);
    expect(humans).toHaveLength(2);
    const results = await Promise.all(
      humans.map((user, i) =>
        test.site.forge.runInInvocation({ moduleKey: `module-${i}`, accountId: user.accountId }, async () => {
          await new Promise((resolve) => setTimeout(resolve, 20 - i * 10));
          const response = await asUser().requestJira(route`/rest/api/3/myself`);
          const body = (await response.json()) as { accountId: string };
          return { accountId: body.accountId, moduleKey: getAppContext().moduleKey };
        }),
      ),
    );
    expect(results).toEqual(humans.map((user, i) => ({ accountId: user.accountId, moduleKey: `module-${i}` })));
  });

  it('stores values with @forge/kvs in the site database', async () => {
    const value = await test.site.forge.runInInvocation({ moduleKey: 'probe-panel' }, async () => {
      await kvs.set('incident:HOT-1', { severity: 1 });
      return kvs.get('incident:HOT-1');
    });
    expect(value).toEqual({ severity: 1 });
    const row = test.site.db.prepare("SELECT value FROM kvs_values WHERE key = 'incident:HOT-1'").get() as { value: string };
    expect(JSON.parse(row.value)).toEqual({ severity: 1 });
  });

  it('answers the queries, secrets, entities and transactions @forge/kvs sends', async () => {
    const result = await test.site.forge.runInInvocation({ moduleKey: 'probe-panel' }, async () => {
      for (const n of [1, 2, 3]) await kvs.set(`roster:${n}`, n);
      const firstPage = await kvs.query().where('key', WhereConditions.beginsWith('roster:')).limit(2).getMany();
      const secondPage = await kvs.query().where('key', WhereConditions.beginsWith('roster:')).limit(2).cursor(firstPage.nextCursor ?? '').getMany();
      await kvs.setSecret('slack-token', 'xoxb-secret');
      const secret = await kvs.getSecret('slack-token');
      await kvs.entity('incident').set('HOT-1', { status: 'open', severity: 2 });
      await kvs.entity('incident').set('HOT-2', { status: 'open', severity: 1 });
      const open = await kvs
        .entity<{ status: string; severity: number }>('incident')
        .query()
        .index('by-status-severity', { partition: ['open'] })
        .where(WhereConditions.lessThan(5))
        .sort(Sort.ASC)
        .getMany();
      await kvs
        .transact()
        .set('HOT-1', { status: 'resolved', severity: 2 }, { entityName: 'incident', conditions: new Filter<{ status: string }>().and('status', FilterConditions.equalTo('open')) })
        .delete('roster:1')
        .execute();
      const refused = await kvs
        .transact()
        .set('HOT-2', { status: 'resolved', severity: 1 }, { entityName: 'incident', conditions: new Filter<{ status: string }>().and('status', FilterConditions.equalTo('closed')) })
        .execute()
        .then(() => 'applied', (error: { code?: string }) => error.code);
      await kvs.delete('roster:2');
      return {
        pages: [firstPage.results.map((r) => r.key), secondPage.results.map((r) => r.key)],
        secret,
        open: open.results.map((r) => r.key),
        hot1: await kvs.entity('incident').get('HOT-1'),
        refused,
        remaining: (await kvs.query().where('key', WhereConditions.beginsWith('roster:')).getMany()).results.map((r) => r.key),
      };
    });
    expect(result).toEqual({
      pages: [['roster:1', 'roster:2'], ['roster:3']],
      secret: 'xoxb-secret',
      open: ['HOT-2', 'HOT-1'],
      hot1: { status: 'resolved', severity: 2 },
      refused: 'CONDITIONAL_CHECK_FAILED',
      remaining: ['roster:3'],
    });
  });

  it('records sendEmail as one outbox email per recipient, without the SMTP password', async () => {
    const result = await test.site.forge.runInInvocation({ moduleKey: 'probe-panel' }, () =>
      sendEmail({
        host: 'smtp.example.com',
        port: 587,
        auth: { user: 'bot', pass: 'smtp-secret' },
        from: 'incidents@example.com',
        to: ['imoc@example.com'],
        cc: [{ name: 'Comms', address: 'comms@example.com' }],
        subject: 'SEV-1 declared',
        text: 'Checkout is down',
      }),
    );
    expect(result.accepted).toEqual(['imoc@example.com', 'comms@example.com']);
    expect(test.site.outbox.list({ to: 'comms@example.com' })).toEqual([expect.objectContaining({ channel: 'email', subject: 'SEV-1 declared' })]);
    expect(JSON.stringify(test.site.outbox.list({ channel: 'email' }))).not.toContain('smtp-secret');
  });

  it('sends egress fetch to a declared host to its local stand-in and records it', async () => {
    const answer = await test.site.forge.runInInvocation({ moduleKey: 'probe-panel' }, async () => {
      const response = await forgeFetch('https://events.pagerduty.com/v2/enqueue', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ routing_key: 'seams-key', event_action: 'trigger', payload: { summary: 'Down', severity: 'critical', source: 'test' } }),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    });
    expect(answer).toMatchObject({ status: 202, body: { status: 'success' } });
    expect(test.site.outbox.list({ to: 'seams-key' })).toHaveLength(1);
  });

  it('refuses egress to a host the manifest does not declare, with the error Forge raises', async () => {
    const attempt = test.site.forge.runInInvocation({ moduleKey: 'probe-panel' }, () => forgeFetch('https://not-declared.test/hook', { method: 'POST' }));
    await expect(attempt).rejects.toMatchObject({
      name: 'REQUEST_EGRESS_ALLOWLIST_ERR',
      message: expect.stringContaining('URL not included in the external fetch backend permissions: https://not-declared.test/hook'),
    });
  });

  it('matches wildcard egress permissions', async () => {
    const status = await test.site.forge.runInInvocation({ moduleKey: 'probe-panel' }, async () => (await forgeFetch('https://hooks.example.com/x', { method: 'POST', body: '{}' })).status);
    expect(status).toBe(200);
  });

  it('answers asUser() without a user with the authentication error Forge gives', async () => {
    const attempt = test.site.forge.runInInvocation({ moduleKey: 'probe-panel' }, () => asUser().requestJira(route`/rest/api/3/myself`));
    await expect(attempt).rejects.toMatchObject({ name: 'NEEDS_AUTHENTICATION_ERR' });
  });

  it('records each remote call of an invocation and how many waited on each other', async () => {
    const since = test.site.forge.invocations.list().at(-1)?.seq ?? 0;
    await test.site.forge.runInInvocation({ moduleKey: 'chain-probe' }, async () => {
      await Promise.all([kvs.set('a', 1), kvs.set('b', 2)]);
      await asApp().requestJira(route`/rest/api/3/myself`);
      await kvs.get('a');
    });
    const [record] = test.site.forge.invocations.list(since);
    expect(record?.remoteCalls.map((call) => call.kind)).toEqual(['kvs', 'kvs', 'jira', 'kvs']);
    expect(record?.sequentialRemoteCalls).toBe(3);
    expect(record?.outcome).toBe('ok');
  });

  it('with lost responses, makes the Jira call happen but fails the app\'s fetch as a timeout', async () => {
    const user = demoUser(test.site);
    test.site.faults.configure({ jira: { rateLostResponse: 1 } });
    try {
      const attempt = test.site.forge.runInInvocation({ moduleKey: 'probe-panel', accountId: user.accountId }, () =>
        asApp().requestJira(route`/rest/api/3/issue`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ fields: { project: { key: 'HOT' }, issuetype: { name: 'Task' }, summary: 'Created although its answer was lost' } }),
        }),
      );
      await expect(attempt).rejects.toMatchObject({ name: 'TypeError', message: 'fetch failed', cause: { name: 'TimeoutError' } });
    } finally {
      test.site.faults.configure({});
    }
    const found = await test.site.forge.runInInvocation({ moduleKey: 'probe-panel' }, async () => {
      const response = await asApp().requestJira(route`/rest/api/3/search/jql?jql=${'summary ~ "answer was lost"'}&fields=summary`);
      return ((await response.json()) as { issues: { fields: { summary: string } }[] }).issues.map((issue) => issue.fields.summary);
    });
    expect(found).toEqual(['Created although its answer was lost']);
  });

  it('with lost responses, delivers the egress request but fails the app\'s fetch as a timeout', async () => {
    test.site.faults.configure({ egress: { rateLostResponse: 1 } });
    try {
      const attempt = test.site.forge.runInInvocation({ moduleKey: 'probe-panel' }, () =>
        forgeFetch('https://events.pagerduty.com/v2/enqueue', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ routing_key: 'lost-answer-key', event_action: 'trigger', payload: { summary: 'Down', severity: 'critical', source: 'test' } }),
        }),
      );
      await expect(attempt).rejects.toMatchObject({ name: 'TypeError', message: 'fetch failed' });
    } finally {
      test.site.faults.configure({});
    }
    expect(test.site.outbox.list({ to: 'lost-answer-key' })).toHaveLength(1);
  });

  it("answers 401 as Jira does to a Jira request the manifest's scopes do not cover, and changes nothing", async () => {
    const attempt = await test.site.forge.runInInvocation({ moduleKey: 'probe-panel' }, async () => {
      const response = await asApp().requestJira(route`/rest/api/3/field`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Needs manage:jira-configuration', type: 'com.atlassian.jira.plugin.system.customfieldtypes:textfield' }),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    });
    expect(attempt).toEqual({ status: 401, body: { code: 401, message: 'Unauthorized; scope does not match' } });
    const fields = await test.site.jira.handle({ method: 'GET', path: '/rest/api/3/field', headers: {}, actor: { kind: 'app' } });
    expect(JSON.stringify(fields.body)).not.toContain('Needs manage:jira-configuration');
    expect(test.site.forge.jiraScopes.operationsUsed().map((used) => used.operation)).not.toContain('POST /rest/api/3/field');
  });

  it('is not reachable outside an invocation, like on Forge', async () => {
    await expect(kvs.get('a')).rejects.toThrow(/outside a Forge function invocation/);
  });
});
