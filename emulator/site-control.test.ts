import { basicAuth, control, createIssue, demoUser, jiraJson, startTestSite, type TestSite } from './test-fixtures/test-site';

describe('the control API and the HTTP routes', () => {
  let test: TestSite;

  beforeAll(async () => {
    test = await startTestSite({ timeLimitScale: 0.01 });
    await test.site.settle();
  });

  afterAll(() => test.stop());

  it('reports health', async () => {
    expect(await control(test.site, 'GET', 'health')).toMatchObject({ status: 200, body: { status: 'ok', appId: 'ari:cloud:ecosystem::app/local-site-probe' } });
  });

  it('runs a resolver as the given user through /__local/invoke', async () => {
    const user = demoUser(test.site);
    const answer = await control(test.site, 'POST', 'invoke', { moduleKey: 'probe-panel', functionKey: 'whoami', accountId: user.accountId, extension: { issue: { key: 'X-1' } } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ result: { status: 200, me: { accountId: user.accountId }, contextAccountId: user.accountId } });
  });

  it('takes the invoking user from the session cookie when the request names none', async () => {
    const user = demoUser(test.site);
    const response = await fetch(`${test.site.baseUrl}/__local/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `local_as=${encodeURIComponent(user.emailAddress)}` },
      body: JSON.stringify({ moduleKey: 'probe-panel', functionKey: 'whoami' }),
    });
    expect(((await response.json()) as { result: { me: { accountId: string } } }).result.me.accountId).toBe(user.accountId);
  });

  it('passes a resolver error back with its message', async () => {
    const answer = await control(test.site, 'POST', 'invoke', { moduleKey: 'probe-panel', functionKey: 'fail' });
    expect(answer).toEqual({ status: 500, body: { error: { name: 'Error', message: 'The probe failed on purpose' } } });
  });

  it('stops a resolver at its time limit with Forge timeout error', async () => {
    // 25 s scaled by 0.01 is 250 ms.
    const answer = await control(test.site, 'POST', 'invoke', { moduleKey: 'probe-panel', functionKey: 'sleep', payload: { ms: 1500 } });
    expect(answer.status).toBe(504);
    expect(answer.body).toMatchObject({ error: { name: 'FUNCTION_TIME_OUT' } });
    const last = test.site.forge.invocations.list().at(-1);
    expect(last).toMatchObject({ functionKey: 'sleep', outcome: 'timeout' });
  });

  it('answers 404 for a module without a resolver and 400 for a malformed invoke', async () => {
    expect((await control(test.site, 'POST', 'invoke', { moduleKey: 'nope', functionKey: 'x' })).status).toBe(404);
    const bad = await control(test.site, 'POST', 'invoke', { moduleKey: 'probe-panel' });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: string }).error).toContain('functionKey');
  });

  it('validates fault settings and names the bad field', async () => {
    const bad = await control(test.site, 'POST', 'faults', { jira: { rate429: 'often' } });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: string }).error).toContain('rate429');
    expect((await control(test.site, 'POST', 'faults', '{not json')).status).toBe(400);
    expect(await control(test.site, 'POST', 'faults', { latencyMs: 5, seed: 1 })).toEqual({ status: 200, body: { latencyMs: 5, seed: 1 } });
    expect(await control(test.site, 'POST', 'faults', {})).toEqual({ status: 200, body: {} });
  });

  it('lets the app see 429 with Retry-After from requestJira when Jira is rate limited', async () => {
    await control(test.site, 'POST', 'faults', { jira: { rate429: 1 }, retryAfterSeconds: 2 });
    const answer = await control(test.site, 'POST', 'invoke', { moduleKey: 'probe-panel', functionKey: 'myself-as-app' });
    await control(test.site, 'POST', 'faults', {});
    expect(answer.body).toEqual({ result: { status: 429, retryAfter: '2' } });
  });

  it('adds the configured latency to each remote call', async () => {
    await control(test.site, 'POST', 'faults', { latencyMs: 30 });
    const since = test.site.forge.invocations.list().at(-1)?.seq ?? 0;
    await control(test.site, 'POST', 'invoke', { moduleKey: 'probe-panel', functionKey: 'remember', payload: { a: 1 } });
    await control(test.site, 'POST', 'faults', {});
    const invocations = (await control(test.site, 'GET', `invocations?since=${since}`)).body as { invocations: { remoteCalls: { durationMs: number }[]; sequentialRemoteCalls: number }[] };
    const [record] = invocations.invocations;
    expect(record?.sequentialRemoteCalls).toBe(2);
    expect(record?.remoteCalls.every((call) => call.durationMs >= 29)).toBe(true);
  });

  it('lists the outbox after a sequence number and per recipient', async () => {
    await control(test.site, 'POST', 'invoke', {
      moduleKey: 'probe-panel',
      functionKey: 'page',
      payload: { routing_key: 'control-key', event_action: 'trigger', payload: { summary: 'Down', severity: 'critical', source: 'x' } },
    });
    const all = (await control(test.site, 'GET', 'outbox')).body as { entries: { seq: number; to: string; channel: string }[] };
    const mine = (await control(test.site, 'GET', 'outbox?to=control-key')).body as { entries: { seq: number }[] };
    expect(mine.entries).toHaveLength(1);
    expect(all.entries.at(-1)).toMatchObject({ to: 'control-key', channel: 'pagerduty' });
    const after = (await control(test.site, 'GET', `outbox?since=${all.entries.at(-1)?.seq ?? 0}`)).body as { entries: unknown[] };
    expect(after.entries).toEqual([]);
  });

  it('serves the manifest modules and web-trigger URLs for the browser host', async () => {
    const manifest = (await control(test.site, 'GET', 'manifest')).body as { modules: Record<string, unknown[]>; webTriggers: { key: string; url: string }[] };
    expect(Object.keys(manifest.modules)).toEqual(expect.arrayContaining(['jira:issuePanel', 'trigger', 'function']));
    expect(manifest.webTriggers).toEqual([{ key: 'probe-hook', url: `${test.site.baseUrl}/x/probe-hook` }]);
  });

  it('runs a web trigger with the request Forge builds and writes its response', async () => {
    const response = await fetch(`${test.site.baseUrl}/x/probe-hook?q=1&q=2`, { method: 'POST', headers: { 'x-probe': 'yes' }, body: 'raw text' });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ method: 'POST', body: 'raw text', q: ['1', '2'], ua: ['yes'] });
    expect((await fetch(`${test.site.baseUrl}/x/unknown`)).status).toBe(404);
  });

  it('serves Jira REST to Basic auth and to the session cookie, and refuses strangers', async () => {
    const user = demoUser(test.site);
    expect((await jiraJson(test.site, user.emailAddress, 'GET', '/rest/api/3/myself')).body).toMatchObject({ accountId: user.accountId });
    const viaCookie = await fetch(`${test.site.baseUrl}/rest/api/3/myself`, { headers: { cookie: `local_as=${encodeURIComponent(user.emailAddress)}` } });
    expect(((await viaCookie.json()) as { accountId: string }).accountId).toBe(user.accountId);
    const stranger = await fetch(`${test.site.baseUrl}/rest/api/3/myself`, { headers: { authorization: basicAuth('nobody@nowhere.test') } });
    expect(stranger.status).toBe(401);
  });

  it('answers 404 for an unknown control operation', async () => {
    expect((await control(test.site, 'GET', 'nothing-here')).status).toBe(404);
  });

  it('settles after the events an issue creation caused', async () => {
    await createIssue(test.site, demoUser(test.site).emailAddress, 'Settle me');
    expect(await control(test.site, 'POST', 'settle')).toMatchObject({ status: 200, body: { settled: true } });
    expect(test.site.forge.invocations.list().filter((record) => record.moduleKey === 'on-created')).toHaveLength(1);
  });
});
