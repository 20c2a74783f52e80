/**
 * Acknowledging in PagerDuty, reported back to the app: the Bitbucket roster is paged through the
 * PagerDuty stand-in, a responder acknowledges there (`/__local/pagerduty/acknowledge`), and the
 * stand-in delivers a signed V3 `incident.acknowledged` webhook to the app's web trigger.
 */
import { createHmac } from 'node:crypto';
import { resolve, rest, startLocalSite, type LocalSite } from './local-site-app';

const MINUTE = 60_000;
const SIGNING_SECRET = 'pd-subscription-secret-4f1c2a9b';
const BITBUCKET_ROUTING_KEY = 'b1b2b3b4b5b6b7b8b9b0c1c2c3c4c5c6';

async function control(local: LocalSite, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${local.site.baseUrl}/__local/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function declareSev1Bitbucket(local: LocalSite): Promise<{ issueKey: string; issueId: string }> {
  const { issueKey } = await resolve<{ issueKey: string }>(local.site, 'declare-incident', 'declareIncident', 'jay.jira@example.com', {
    summary: 'Git pushes fail for everyone',
    description: 'Every push answers 500. Call Jay on +1 555 0100.',
    severity: 1,
    faultyService: 'Bitbucket',
    affectedProducts: ['Bitbucket'],
  });
  await local.site.settle();
  const issue = (await rest(local.site, 'admin@example.com', 'GET', `/rest/api/3/issue/${issueKey}?fields=summary`)).body as { id: string };
  return { issueKey, issueId: issue.id };
}

/** The Events API triggers the app sent, by dedup key. */
function triggers(local: LocalSite): string[] {
  return local.site.outbox
    .list({ channel: 'pagerduty' })
    .map((entry) => entry.body as { event_action?: string; dedup_key?: string })
    .filter((event) => event.event_action === 'trigger')
    .map((event) => event.dedup_key ?? '');
}

/** Posts to the acknowledgement web trigger as PagerDuty would, signed with `secret` (unsigned without one). */
function postWebhook(local: LocalSite, body: string, secret?: string): Promise<Response> {
  const signature = secret === undefined ? {} : { 'x-pagerduty-signature': `v1=${createHmac('sha256', secret).update(body).digest('hex')}` };
  return fetch(local.site.webTriggerUrl('acknowledge-webhook'), { method: 'POST', headers: { 'content-type': 'application/json', ...signature }, body });
}

/** Whom Jira notified (the IMOC is paged that way). */
function jiraPages(local: LocalSite): string[] {
  return local.site.outbox.list({ channel: 'jira-notification' }).map((entry) => entry.to);
}

describe('acknowledging in PagerDuty on the local site', () => {
  let local: LocalSite;

  beforeEach(async () => {
    local = await startLocalSite((document) => ({
      ...document,
      paging: { rosterChannels: { bitbucket: { kind: 'pagerduty' } }, personChannels: {} },
      integrations: { slack: { enabled: false }, pagerDuty: { enabled: true }, webhook: { enabled: false } },
    }));
    for (const secret of [
      { kind: 'pagerduty-routing-key', rosterId: 'bitbucket', value: BITBUCKET_ROUTING_KEY },
      { kind: 'pagerduty-webhook-secret', value: SIGNING_SECRET },
    ]) {
      await resolve(local.site, 'incident-settings', 'setIntegrationSecret', 'admin@example.com', { secret });
    }
  });

  afterEach(async () => {
    await local.stop();
  });

  it('stops escalating a Sev 1 once the on-call IM acknowledges in PagerDuty, which reports back with a signed webhook', async () => {
    const subscribed = await control(local, 'POST', 'pagerduty/webhook-subscription', { webTrigger: 'acknowledge-webhook', secret: SIGNING_SECRET });
    expect(subscribed).toEqual({ status: 200, body: { id: expect.any(String), url: local.site.webTriggerUrl('acknowledge-webhook'), events: ['incident.acknowledged'] } });
    const { issueKey, issueId } = await declareSev1Bitbucket(local);
    const [dedupKey] = triggers(local);
    expect(dedupKey?.startsWith(`${issueKey}/`)).toBe(true);

    await local.site.advanceClock(3 * MINUTE);
    const acknowledged = await control(local, 'POST', 'pagerduty/acknowledge', { dedupKey, as: 'bea.bitbucket@example.com' });

    expect(acknowledged).toEqual({
      status: 200,
      body: {
        incident: expect.objectContaining({ dedupKey, status: 'acknowledged' }),
        webhook: { url: local.site.webTriggerUrl('acknowledge-webhook'), status: 200, body: expect.objectContaining({ outcome: 'acknowledged', issueKey, acknowledged: 1 }) },
      },
    });
    const [delivery] = local.site.outbox.list({ channel: 'pagerduty', to: local.site.webTriggerUrl('acknowledge-webhook') });
    expect(delivery?.request).toEqual(
      expect.objectContaining({ headers: expect.objectContaining({ 'x-pagerduty-signature': expect.stringMatching(/^v1=[0-9a-f]{64}$/) }) }),
    );
    expect(delivery?.body).toEqual({ event: expect.objectContaining({ event_type: 'incident.acknowledged', data: expect.objectContaining({ incident_key: dedupKey }) }) });

    await local.site.advanceClock(60 * MINUTE);
    await local.site.settle();

    expect(triggers(local)).toEqual([dedupKey]);
    expect(jiraPages(local)).toEqual([]);
    const status = await resolve<{ episodes: { state: string; acknowledgedBy?: string }[] }>(local.site, 'incident-cockpit', 'getPagingStatus', 'bea.bitbucket@example.com', {}, {
      issue: { id: issueId, key: issueKey },
    });
    expect(status.episodes).toEqual([expect.objectContaining({ state: 'acknowledged', acknowledgedBy: 'Bea Bitbucket via PagerDuty' })]);
  });

  it('lets a second acknowledgement of the same page through without acknowledging anything twice', async () => {
    await control(local, 'POST', 'pagerduty/webhook-subscription', { webTrigger: 'acknowledge-webhook', secret: SIGNING_SECRET });
    await declareSev1Bitbucket(local);
    const [dedupKey] = triggers(local);

    const first = await control(local, 'POST', 'pagerduty/acknowledge', { dedupKey, as: 'bea.bitbucket@example.com' });
    const second = await control(local, 'POST', 'pagerduty/acknowledge', { dedupKey, as: 'ben.bitbucket@example.com' });

    expect(first.body).toEqual(expect.objectContaining({ webhook: expect.objectContaining({ status: 200, body: expect.objectContaining({ acknowledged: 1 }) }) }));
    expect(second.body).toEqual(expect.objectContaining({ webhook: expect.objectContaining({ status: 200, body: expect.objectContaining({ acknowledged: 0 }) }) }));
  });

  it('changes nothing for a webhook signed with a secret the app does not know, so the IMOC is paged after the timeout', async () => {
    await control(local, 'POST', 'pagerduty/webhook-subscription', { webTrigger: 'acknowledge-webhook', secret: 'a-different-subscription-secret' });
    await declareSev1Bitbucket(local);
    const [dedupKey] = triggers(local);

    const acknowledged = await control(local, 'POST', 'pagerduty/acknowledge', { dedupKey, as: 'bea.bitbucket@example.com' });
    const forgedBody = JSON.stringify({ event: { id: 'forged', event_type: 'incident.acknowledged', data: { id: 'Q1', type: 'incident', incident_key: dedupKey } } });
    const forged = await postWebhook(local, forgedBody, 'guessed-secret-0123456789');
    const unsigned = await postWebhook(local, forgedBody);
    await local.site.advanceClock(20 * MINUTE);
    await local.site.settle();

    expect(acknowledged.body).toEqual(expect.objectContaining({ webhook: expect.objectContaining({ status: 403 }) }));
    expect(forged.status).toBe(403);
    expect(unsigned.status).toBe(401);
    expect(jiraPages(local)).toEqual(['imogen.imoc@example.com']);
  });

  it('answers other PagerDuty events 200 without acting on them, and a signed body it cannot read 400', async () => {
    await declareSev1Bitbucket(local);
    const [dedupKey] = triggers(local);
    const resolved = JSON.stringify({ event: { id: 'e1', event_type: 'incident.resolved', resource_type: 'incident', data: { id: 'Q1', type: 'incident', incident_key: dedupKey } } });

    const ignored = await postWebhook(local, resolved, SIGNING_SECRET);
    const malformed = await postWebhook(local, '{"event": {"id": "e2"}}', SIGNING_SECRET);
    await local.site.advanceClock(20 * MINUTE);
    await local.site.settle();

    expect(ignored.status).toBe(200);
    expect(await ignored.json()).toEqual(expect.objectContaining({ outcome: 'ignored' }));
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual(expect.objectContaining({ field: 'body.event.event_type' }));
    expect(jiraPages(local)).toEqual(['imogen.imoc@example.com']);
  });

  it('explains what the stand-in needs before it can report an acknowledgement', async () => {
    await declareSev1Bitbucket(local);
    const [dedupKey] = triggers(local);

    expect((await control(local, 'POST', 'pagerduty/acknowledge', { dedupKey, as: 'bea.bitbucket@example.com' })).status).toBe(409);
    expect((await control(local, 'GET', 'pagerduty/incidents')).body).toEqual({ incidents: [expect.objectContaining({ dedupKey, status: 'triggered' })] });
    await control(local, 'POST', 'pagerduty/webhook-subscription', { webTrigger: 'acknowledge-webhook', secret: SIGNING_SECRET });
    expect((await control(local, 'POST', 'pagerduty/acknowledge', { dedupKey: 'HOT-999/1/created/0', as: 'bea.bitbucket@example.com' })).status).toBe(404);
    expect((await control(local, 'POST', 'pagerduty/acknowledge', { dedupKey, as: 'nobody@example.com' })).status).toBe(400);
    expect((await control(local, 'POST', 'pagerduty/webhook-subscription', { webTrigger: 'no-such-trigger', secret: SIGNING_SECRET })).status).toBe(400);
  });
});
