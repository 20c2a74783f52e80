/**
 * The reporting-back half of the PagerDuty stand-in: a V3 webhook subscription (one per site, kept in
 * SQLite) and the `incident.acknowledged` webhook a responder's acknowledgement sends to it. Bodies
 * follow PagerDuty's documented V3 payload; `X-PagerDuty-Signature` is `v1=` and the hex HMAC-SHA256
 * of the exact body with the subscription's secret. Each delivery is recorded in the outbox.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { SiteDatabase } from '../db';
import type { JiraUser } from '../jira/index';
import type { PagerDutyIncident, PagerDutyStandIn } from './pagerduty';
import type { StandInDeps } from './egress-types';

const schema = `
CREATE TABLE IF NOT EXISTS pagerduty_webhook_subscriptions (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  secret TEXT NOT NULL,
  created_at TEXT NOT NULL
);
`;

const WEB_HOST = 'https://local-site.pagerduty.com';
const API_HOST = 'https://api.pagerduty.com';

export const SUBSCRIBED_EVENTS = ['incident.acknowledged'] as const;

export interface PagerDutyWebhookSubscription {
  id: string;
  url: string;
  secret: string;
}

/** How a delivery reaches its URL; the site posts to itself over loopback. */
export type WebhookPost = (url: string, init: { headers: Record<string, string>; body: string }) => Promise<{ status: number; text: string }>;

export interface WebhookDelivery {
  url: string;
  /** The receiver's status, or null when it could not be reached. */
  status: number | null;
  body: unknown;
}

export type AcknowledgeOutcome =
  | { kind: 'no-subscription' }
  | { kind: 'unknown-user'; email: string }
  | { kind: 'unknown-incident'; dedupKey: string }
  | { kind: 'resolved'; incident: PagerDutyIncident }
  | { kind: 'delivered'; incident: PagerDutyIncident; webhook: WebhookDelivery };

/** `v1=` and the hex HMAC-SHA256 of the body, as PagerDuty signs V3 webhooks. */
export function pagerDutyWebhookSignature(secret: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export class PagerDutyWebhooks {
  constructor(
    private readonly db: SiteDatabase,
    private readonly standIn: PagerDutyStandIn,
    private readonly deps: StandInDeps & { users: () => JiraUser[] },
  ) {
    db.exec(schema);
  }

  /** Replaces the site's subscription: from now on acknowledgements are delivered to `url`, signed with `secret`. */
  subscribe(input: { url: string; secret: string }): PagerDutyWebhookSubscription {
    const subscription = { id: pagerDutyId('P', randomUUID()), url: input.url, secret: input.secret };
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM pagerduty_webhook_subscriptions').run();
      this.db
        .prepare('INSERT INTO pagerduty_webhook_subscriptions (id, url, secret, created_at) VALUES (?, ?, ?, ?)')
        .run(subscription.id, subscription.url, subscription.secret, new Date(this.deps.now()).toISOString());
    })();
    return subscription;
  }

  subscription(): PagerDutyWebhookSubscription | undefined {
    return this.db.prepare('SELECT id, url, secret FROM pagerduty_webhook_subscriptions LIMIT 1').get() as PagerDutyWebhookSubscription | undefined;
  }

  /**
   * The person with this email acknowledges the incident in PagerDuty: the incident becomes acknowledged
   * and one `incident.acknowledged` webhook goes to the subscription. Nothing changes unless there is a
   * subscription, the person and the incident exist, and the incident is not resolved.
   */
  async acknowledge(input: { dedupKey: string; as: string }, post: WebhookPost): Promise<AcknowledgeOutcome> {
    const subscription = this.subscription();
    if (subscription === undefined) return { kind: 'no-subscription' };
    const user = this.deps.users().find((candidate) => candidate.emailAddress.toLowerCase() === input.as.toLowerCase());
    if (user === undefined) return { kind: 'unknown-user', email: input.as };
    const acknowledged = this.standIn.acknowledge(input.dedupKey);
    if (acknowledged === undefined) return { kind: 'unknown-incident', dedupKey: input.dedupKey };
    if (acknowledged.status === 'resolved') return { kind: 'resolved', incident: acknowledged };
    const payload = acknowledgedWebhook(acknowledged, user, new Date(this.deps.now()).toISOString());
    return { kind: 'delivered', incident: acknowledged, webhook: await this.deliver(subscription, payload, post) };
  }

  private async deliver(subscription: PagerDutyWebhookSubscription, payload: { event: { id: string; data: { title: string } } }, post: WebhookPost): Promise<WebhookDelivery> {
    const body = JSON.stringify(payload);
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'PagerDuty-Webhook/V3.0',
      'x-pagerduty-signature': pagerDutyWebhookSignature(subscription.secret, body),
      'x-webhook-id': randomUUID(),
      'x-webhook-subscription': subscription.id,
    };
    let delivery: WebhookDelivery;
    try {
      const answer = await post(subscription.url, { headers, body });
      delivery = { url: subscription.url, status: answer.status, body: parsed(answer.text) };
    } catch (error) {
      delivery = { url: subscription.url, status: null, body: { error: error instanceof Error ? error.message : String(error) } };
    }
    this.deps.outbox.record({
      channel: 'pagerduty',
      to: subscription.url,
      subject: `webhook incident.acknowledged: ${payload.event.data.title}`,
      body: payload,
      request: { method: 'POST', url: subscription.url, headers, body: payload, response: { status: delivery.status, body: delivery.body } },
    });
    return delivery;
  }
}

/** The V3 payload PagerDuty documents for `incident.acknowledged`; `incident_key` is the alert's dedup key. */
function acknowledgedWebhook(incident: PagerDutyIncident, user: JiraUser, at: string) {
  const agentId = pagerDutyId('P', user.accountId);
  const serviceId = pagerDutyId('P', incident.routingKey);
  const agent = { html_url: `${WEB_HOST}/users/${agentId}`, id: agentId, self: `${API_HOST}/users/${agentId}`, summary: user.displayName, type: 'user_reference' };
  return {
    event: {
      id: randomUUID().replace(/-/g, '').toUpperCase().slice(0, 26),
      event_type: 'incident.acknowledged',
      resource_type: 'incident',
      occurred_at: at,
      agent,
      client: null,
      data: {
        id: incident.id,
        type: 'incident',
        self: `${API_HOST}/incidents/${incident.id}`,
        html_url: `${WEB_HOST}/incidents/${incident.id}`,
        number: incident.number,
        status: 'acknowledged',
        incident_key: incident.dedupKey,
        created_at: incident.createdAt,
        title: incident.summary,
        service: { html_url: `${WEB_HOST}/services/${serviceId}`, id: serviceId, self: `${API_HOST}/services/${serviceId}`, summary: `Events API v2 service ${serviceId}`, type: 'service_reference' },
        assignees: [agent],
        escalation_policy: null,
        teams: [],
        priority: null,
        urgency: incident.severity === 'critical' || incident.severity === 'error' ? 'high' : 'low',
        conference_bridge: null,
        resolve_reason: null,
      },
    },
  };
}

/** A stable PagerDuty-looking id (prefix and six upper-case characters) for a local value. */
function pagerDutyId(prefix: string, value: string): string {
  return prefix + createHash('sha256').update(value).digest('base64').replace(/[^A-Za-z0-9]/g, '').toUpperCase().slice(0, 6);
}

function parsed(text: string): unknown {
  try {
    return text === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    return text;
  }
}
