import { createHmac } from 'node:crypto';
import { openSiteDatabase, type SiteDatabase } from '../db';
import type { JiraUser } from '../jira/index';
import { Outbox } from '../outbox';
import { EgressRouter } from './egress-router';
import type { WebhookPost } from './pagerduty-webhooks';

const bea: JiraUser = {
  accountId: 'acc-bea',
  emailAddress: 'bea@example.com',
  displayName: 'Bea Bitbucket',
  active: true,
  accountType: 'atlassian',
  timeZone: 'UTC',
  locale: 'en_GB',
  groups: [],
  siteAdmin: false,
};
const SECRET = 'subscription-secret-0123456789';
const RECEIVER = 'http://localhost:8080/x/acknowledge-webhook';

describe('the PagerDuty stand-in reporting back', () => {
  let db: SiteDatabase;
  let outbox: Outbox;
  let router: EgressRouter;
  let received: { url: string; headers: Record<string, string>; body: string }[];
  const post: WebhookPost = async (url, init) => {
    received.push({ url, ...init });
    return { status: 200, text: '{"outcome":"acknowledged"}' };
  };

  beforeEach(() => {
    db = openSiteDatabase(':memory:', false);
    outbox = new Outbox(db, () => '2026-01-01T00:05:00.000Z');
    router = new EgressRouter({ db, outbox, now: () => Date.UTC(2026, 0, 1, 0, 5), users: () => [bea] });
    received = [];
  });

  afterEach(() => db.close());

  async function trigger(dedupKey: string, clientUrl = 'http://localhost:8080/browse/HOT-1'): Promise<number> {
    const answer = await router.handle({
      method: 'POST',
      url: new URL('https://events.pagerduty.com/v2/enqueue'),
      headers: new Headers({ 'content-type': 'application/json' }),
      text: undefined,
      body: {
        routing_key: 'b1b2b3b4b5b6b7b8b9b0c1c2c3c4c5c6',
        event_action: 'trigger',
        dedup_key: dedupKey,
        client_url: clientUrl,
        payload: { summary: '[Sev 1] HOT-1: Git pushes fail', severity: 'critical', source: 'Incident Response for Jira' },
        links: [{ href: clientUrl, text: 'HOT-1' }],
      },
    });
    return answer.status;
  }

  it('accepts events whose links point at the local site itself, and still refuses links that are not web addresses', async () => {
    expect(await trigger('HOT-1/1/created/0')).toBe(202);
    expect(await trigger('HOT-1/1/created/1', 'browse/HOT-1')).toBe(400);
  });

  it('acknowledges the incident and delivers an incident.acknowledged webhook signed the way PagerDuty documents', async () => {
    await trigger('HOT-1/1/created/0');
    router.pagerDutyWebhooks.subscribe({ url: RECEIVER, secret: SECRET });

    const outcome = await router.pagerDutyWebhooks.acknowledge({ dedupKey: 'HOT-1/1/created/0', as: 'BEA@example.com' }, post);

    expect(outcome).toEqual({
      kind: 'delivered',
      incident: expect.objectContaining({ dedupKey: 'HOT-1/1/created/0', status: 'acknowledged', number: 1 }),
      webhook: { url: RECEIVER, status: 200, body: { outcome: 'acknowledged' } },
    });
    const [delivery] = received;
    const expected = createHmac('sha256', SECRET).update(delivery?.body ?? '').digest('hex');
    expect(delivery?.headers['x-pagerduty-signature']).toBe(`v1=${expected}`);
    expect(JSON.parse(delivery?.body ?? '{}')).toEqual({
      event: expect.objectContaining({
        event_type: 'incident.acknowledged',
        resource_type: 'incident',
        occurred_at: '2026-01-01T00:05:00.000Z',
        agent: expect.objectContaining({ type: 'user_reference', summary: 'Bea Bitbucket' }),
        data: expect.objectContaining({ type: 'incident', status: 'acknowledged', incident_key: 'HOT-1/1/created/0', title: '[Sev 1] HOT-1: Git pushes fail', urgency: 'high' }),
      }),
    });
    expect(router.pagerDuty.incident('HOT-1/1/created/0')?.status).toBe('acknowledged');
    expect(outbox.list({ to: RECEIVER })).toEqual([expect.objectContaining({ channel: 'pagerduty', subject: 'webhook incident.acknowledged: [Sev 1] HOT-1: Git pushes fail' })]);
  });

  it('records a receiver it could not reach instead of failing', async () => {
    await trigger('HOT-1/1/created/0');
    router.pagerDutyWebhooks.subscribe({ url: RECEIVER, secret: SECRET });
    const unreachable: WebhookPost = () => Promise.reject(new Error('connect ECONNREFUSED'));

    const outcome = await router.pagerDutyWebhooks.acknowledge({ dedupKey: 'HOT-1/1/created/0', as: 'bea@example.com' }, unreachable);

    expect(outcome).toEqual(expect.objectContaining({ webhook: { url: RECEIVER, status: null, body: { error: 'connect ECONNREFUSED' } } }));
    expect(outbox.list({ to: RECEIVER })).toHaveLength(1);
  });

  it('changes nothing without a subscription, for an unknown person or incident, or for a resolved incident', async () => {
    await trigger('HOT-1/1/created/0');
    expect(await router.pagerDutyWebhooks.acknowledge({ dedupKey: 'HOT-1/1/created/0', as: 'bea@example.com' }, post)).toEqual({ kind: 'no-subscription' });
    router.pagerDutyWebhooks.subscribe({ url: RECEIVER, secret: SECRET });
    expect(await router.pagerDutyWebhooks.acknowledge({ dedupKey: 'HOT-1/1/created/0', as: 'nobody@example.com' }, post)).toEqual({ kind: 'unknown-user', email: 'nobody@example.com' });
    expect(await router.pagerDutyWebhooks.acknowledge({ dedupKey: 'HOT-9/9/created/0', as: 'bea@example.com' }, post)).toEqual({ kind: 'unknown-incident', dedupKey: 'HOT-9/9/created/0' });
    expect(router.pagerDuty.incident('HOT-1/1/created/0')?.status).toBe('triggered');

    await router.handle({
      method: 'POST',
      url: new URL('https://events.pagerduty.com/v2/enqueue'),
      headers: new Headers({ 'content-type': 'application/json' }),
      text: undefined,
      body: { routing_key: 'b1b2b3b4b5b6b7b8b9b0c1c2c3c4c5c6', event_action: 'resolve', dedup_key: 'HOT-1/1/created/0' },
    });
    expect(await router.pagerDutyWebhooks.acknowledge({ dedupKey: 'HOT-1/1/created/0', as: 'bea@example.com' }, post)).toEqual(
      expect.objectContaining({ kind: 'resolved', incident: expect.objectContaining({ status: 'resolved' }) }),
    );
    expect(received).toEqual([]);
  });

  it('keeps one subscription: setting it again replaces where acknowledgements go', () => {
    router.pagerDutyWebhooks.subscribe({ url: RECEIVER, secret: SECRET });
    router.pagerDutyWebhooks.subscribe({ url: 'https://hooks.example.com/pagerduty', secret: 'another-secret-0123456789' });
    expect(router.pagerDutyWebhooks.subscription()).toEqual({ id: expect.stringMatching(/^P[A-Z0-9]{6}$/), url: 'https://hooks.example.com/pagerduty', secret: 'another-secret-0123456789' });
  });
});
