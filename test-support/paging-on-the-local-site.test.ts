/**
 * The paging handlers of manifest.yml, unchanged, against the local site: Jira REST over SQLite,
 * Forge KVS, product events delivered at least once, the scheduled escalation run, the
 * acknowledgement web trigger, and fault injection.
 */
import { slackUserId } from '../emulator/egress/slack-workspace';
import { personId, resolve, rest, startLocalSite, type LocalSite } from './local-site-app';

const MINUTE = 60_000;

async function declare(local: LocalSite, severity: 1 | 2 | 3, faultyService: string, summary = 'Git pushes fail for everyone'): Promise<string> {
  const result = await resolve<{ issueKey: string }>(local.site, 'declare-incident', 'declareIncident', 'jay.jira@example.com', {
    summary,
    description: 'Every push answers 500. Call Jay on +1 555 0100.',
    severity,
    faultyService,
    affectedProducts: ['Bitbucket'],
  });
  await local.site.settle();
  return result.issueKey;
}

/** The Jira notifications (pages) each person received, as subjects. */
function pages(local: LocalSite): { to: string; subject: string }[] {
  return local.site.outbox.list({ channel: 'jira-notification' }).map((entry) => ({ to: entry.to, subject: entry.subject ?? '' }));
}

async function comments(local: LocalSite, issueKey: string): Promise<string> {
  const answer = await rest(local.site, 'admin@example.com', 'GET', `/rest/api/3/issue/${issueKey}/comment`);
  return JSON.stringify(answer.body);
}

describe('paging on the local site', () => {
  let local: LocalSite;

  beforeEach(async () => {
    local = await startLocalSite();
  });

  afterEach(async () => {
    await local.stop();
  });

  it('pages exactly the on-call Bitbucket IM for a declared Sev 1 Bitbucket incident, with key, severity and summary', async () => {
    const key = await declare(local, 1, 'Bitbucket');

    expect(pages(local)).toEqual([{ to: 'bea.bitbucket@example.com', subject: expect.stringContaining(`[Sev 1] ${key}: Git pushes fail for everyone`) }]);
    const [entry] = local.site.outbox.list({ channel: 'jira-notification' });
    expect(JSON.stringify(entry?.body)).toContain(`${local.site.baseUrl}/browse/${key}`);
  });

  it('pages the IMOC for an Unknown service and nobody for Sev 3, which is routed to the owning team', async () => {
    await declare(local, 2, 'Unknown');
    const minor = await declare(local, 3, 'Confluence');

    expect(pages(local).map((page) => page.to)).toEqual(['imogen.imoc@example.com']);
    expect(await comments(local, minor)).toContain("routed to the Confluence team's queue");
  });

  it('pages an incident created through the REST API exactly as one declared in the app', async () => {
    const created = await rest(local.site, 'jay.jira@example.com', 'POST', '/rest/api/3/issue', {
      fields: {
        project: { key: 'HOT' },
        issuetype: { name: 'Incident' },
        summary: 'Wiki pages do not load',
        [local.fields.severity]: { value: 'Sev 2' },
        [local.fields.faultyService]: { value: 'Confluence' },
      },
    });
    expect(created.status).toBe(201);
    await local.site.settle();

    expect(pages(local)).toEqual([{ to: 'cal.confluence@example.com', subject: expect.stringContaining('[Sev 2]') }]);
  });

  it('pages the next level after the acknowledgement timeout, and nothing more once the IM takes the incident', async () => {
    const key = await declare(local, 1, 'Bitbucket');
    await local.site.advanceClock(20 * MINUTE);
    await local.site.settle();
    expect(pages(local).map((page) => page.to)).toEqual(['bea.bitbucket@example.com', 'imogen.imoc@example.com']);

    const assigned = await rest(local.site, 'bea.bitbucket@example.com', 'PUT', `/rest/api/3/issue/${key}/assignee`, { accountId: local.people['bea.bitbucket@example.com'] });
    expect(assigned.status).toBe(204);
    await local.site.settle();
    await local.site.advanceClock(60 * MINUTE);
    await local.site.settle();

    expect(pages(local)).toHaveLength(2);
  });

  it('sends each page exactly once with duplicate event delivery and 429/5xx faults', async () => {
    local.site.faults.configure({ duplicateEvents: true, jira: { rate429: 0.2, rate5xx: 0.2 }, retryAfterSeconds: 1, seed: 7 });
    await declare(local, 1, 'Bitbucket');
    await local.site.advanceClock(20 * MINUTE);
    await local.site.settle();
    await local.site.advanceClock(1 * MINUTE);
    await local.site.settle();

    expect(pages(local).map((page) => page.to)).toEqual(['bea.bitbucket@example.com', 'imogen.imoc@example.com']);
    const invocations = local.site.forge.invocations.list();
    expect(invocations.filter((record) => record.moduleKey === 'issue-created-trigger').length).toBeGreaterThanOrEqual(2);
    expect(invocations.flatMap((record) => record.remoteCalls).filter((call) => call.status === 429 || call.status >= 500).length).toBeGreaterThan(0);
  }, 60_000);

  it('stops escalating when a paging provider reports an acknowledgement to the web trigger', async () => {
    const key = await declare(local, 1, 'Bitbucket');
    const webhook = await resolve<{ url: string; token: string }>(local.site, 'incident-settings', 'getAcknowledgementWebhook', 'admin@example.com', {});
    const post = (headers: Record<string, string>, body: unknown) =>
      fetch(webhook.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

    expect((await post({}, { issueKey: key })).status).toBe(401);
    expect((await post({ authorization: 'Bearer not-the-token' }, { issueKey: key })).status).toBe(403);
    expect((await post({ authorization: `Bearer ${webhook.token}` }, { issue: key })).status).toBe(400);
    const accepted = await post({ authorization: `Bearer ${webhook.token}` }, { issueKey: key, acknowledgedBy: 'Bea via pager' });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ issueKey: key, acknowledged: 1 });

    await local.site.advanceClock(60 * MINUTE);
    await local.site.settle();
    expect(pages(local)).toHaveLength(1);
  });

  it('pages the IMOC from the Escalate to IMOC transition of the incident workflow', async () => {
    const key = await declare(local, 2, 'Confluence');
    expect((await rest(local.site, 'cal.confluence@example.com', 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: '11' } })).status).toBe(204);
    expect((await rest(local.site, 'cal.confluence@example.com', 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: '61' } })).status).toBe(204);
    await local.site.settle();

    expect(pages(local).map((page) => page.to)).toEqual(['cal.confluence@example.com', 'imogen.imoc@example.com']);
  });

  it('counts support cases labelled with the incident key in its Support cases field', async () => {
    const key = await declare(local, 1, 'Bitbucket');
    for (const summary of ['Cannot push', 'Pipelines stuck']) {
      const created = await rest(local.site, 'sam.support@example.com', 'POST', '/rest/api/3/issue', {
        fields: { project: { key: 'SUP' }, issuetype: { name: 'Support case' }, summary, labels: [key] },
      });
      expect(created.status).toBe(201);
    }
    await local.site.settle();

    const incident = await rest(local.site, 'admin@example.com', 'GET', `/rest/api/3/issue/${key}?fields=${local.fields.supportCases}`);
    expect((incident.body as { fields: Record<string, unknown> }).fields[local.fields.supportCases]).toBe(2);
  });

  it('names the paged IM in the panel’s paging status with one Jira request that adds no round trip', async () => {
    const key = await declare(local, 1, 'Bitbucket');
    const issue = (await rest(local.site, 'admin@example.com', 'GET', `/rest/api/3/issue/${key}?fields=summary`)).body as { id: string };
    const since = local.site.forge.invocations.list().at(-1)?.seq ?? 0;

    const status = await resolve<{ episodes: { deliveries: { recipient: string; displayName?: string }[] }[] }>(
      local.site,
      'incident-cockpit',
      'getPagingStatus',
      'jay.jira@example.com',
      {},
      { issue: { id: issue.id, key } },
    );

    expect(status.episodes[0]?.deliveries).toEqual([expect.objectContaining({ recipient: 'Bea Bitbucket', accountId: local.people['bea.bitbucket@example.com'], displayName: 'Bea Bitbucket' })]);
    const invocation = local.site.forge.invocations.list(since).find((record) => record.functionKey === 'getPagingStatus');
    expect(invocation?.remoteCalls.filter((call) => call.kind === 'jira').map((call) => `${call.method} ${call.path.split('?')[0] ?? ''}`).sort()).toEqual([
      'GET /rest/api/3/mypermissions',
      'GET /rest/api/3/user/bulk',
    ]);
    expect(invocation?.sequentialRemoteCalls).toBe(2);
  });

  it('escalates on purpose from the issue panel, as the person who asks', async () => {
    const key = await declare(local, 1, 'Bitbucket');
    const issue = (await rest(local.site, 'admin@example.com', 'GET', `/rest/api/3/issue/${key}?fields=summary`)).body as { id: string };
    const status = await resolve<{ episodes: { reason: string }[] }>(
      local.site,
      'incident-cockpit',
      'escalateIncident',
      'bea.bitbucket@example.com',
      { target: { kind: 'roster', rosterId: 'confluence' }, reason: 'Attachments are stored in Confluence', requestId: 'req-0000-0001' },
      { issue: { id: issue.id, key } },
    );
    await local.site.settle();

    expect(pages(local).map((page) => page.to)).toEqual(['bea.bitbucket@example.com', 'cal.confluence@example.com']);
    expect(status.episodes.map((episode) => episode.reason)).toEqual([
      'Sev 1 incident declared (faulty service: Bitbucket)',
      'Escalated by Bea Bitbucket: Attachments are stored in Confluence',
    ]);
  });
});

describe('paging through Slack and PagerDuty on the local site', () => {
  let local: LocalSite;

  beforeEach(async () => {
    local = await startLocalSite((document, site) => ({
      ...document,
      paging: {
        rosterChannels: { imoc: { kind: 'pagerduty' } },
        personChannels: { [personId(site, 'bea.bitbucket@example.com')]: { kind: 'slack', slackUserId: slackUserId(personId(site, 'bea.bitbucket@example.com')) } },
      },
      integrations: { slack: { enabled: true }, pagerDuty: { enabled: true }, webhook: { enabled: false } },
    }));
    for (const secret of [
      { kind: 'slack-bot-token', value: 'xoxb-local-incident-response' },
      { kind: 'pagerduty-routing-key', rosterId: 'imoc', value: 'e93facc04764012d7bfb002500d5d1a6' },
    ]) {
      await resolve(local.site, 'incident-settings', 'setIntegrationSecret', 'admin@example.com', { secret });
    }
  });

  afterEach(async () => {
    await local.stop();
  });

  it('DMs the on-call IM on Slack, escalates to the IMOC’s PagerDuty service with a dedup key, and stops on the provider’s acknowledgement', async () => {
    const key = await declare(local, 1, 'Bitbucket');
    const slack = local.site.outbox.list({ channel: 'slack' });
    // The Slack stand-in files a DM under the person it reaches: the on-call Bitbucket IM.
    expect(slack).toEqual([expect.objectContaining({ to: 'bea.bitbucket@example.com', subject: 'chat.postMessage' })]);
    expect(JSON.stringify(slack[0]?.body)).toContain(`[Sev 1] ${key}: Git pushes fail for everyone`);
    expect(JSON.stringify(slack[0]?.request)).toContain('"ok":true');

    await local.site.advanceClock(20 * MINUTE);
    await local.site.settle();
    const [pagerDuty] = local.site.outbox.list({ channel: 'pagerduty' });
    const event = pagerDuty?.body as { routing_key: string; event_action: string; dedup_key: string; payload: { severity: string; summary: string } };
    expect(event).toEqual(
      expect.objectContaining({ routing_key: 'e93facc04764012d7bfb002500d5d1a6', event_action: 'trigger', payload: expect.objectContaining({ severity: 'critical' }) }),
    );
    expect(event.dedup_key.startsWith(`${key}/`)).toBe(true);

    const webhook = await resolve<{ url: string; token: string }>(local.site, 'incident-settings', 'getAcknowledgementWebhook', 'admin@example.com', {});
    const reported = await fetch(webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${webhook.token}` },
      body: JSON.stringify({ dedupKey: event.dedup_key, acknowledgedBy: 'Imogen via PagerDuty' }),
    });
    expect(await reported.json()).toEqual({ issueKey: key, acknowledged: 1 });
    await local.site.advanceClock(60 * MINUTE);
    await local.site.settle();

    expect(local.site.outbox.list({ channel: 'pagerduty' })).toHaveLength(1);
    expect(local.site.outbox.list({ channel: 'slack' })).toHaveLength(1);
  });

  it('delivers the Slack page once when Slack answers 429 and 5xx along the way', async () => {
    local.site.faults.configure({ duplicateEvents: true, egress: { rate429: 0.3, rate5xx: 0.3 }, retryAfterSeconds: 1, seed: 7 });
    await declare(local, 1, 'Bitbucket');

    const delivered = local.site.outbox.list({ channel: 'slack' }).filter((entry) => JSON.stringify(entry.request).includes('"ok":true'));
    expect(delivered).toHaveLength(1);
    const egressCalls = local.site.forge.invocations.list().flatMap((record) => record.remoteCalls).filter((call) => call.kind === 'egress');
    expect(egressCalls.some((call) => call.status === 429 || call.status >= 500)).toBe(true);
  }, 60_000);
});
