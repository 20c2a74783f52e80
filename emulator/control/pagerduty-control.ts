/**
 * `/__local/pagerduty/*`: drives the PagerDuty stand-in from outside, as a responder in PagerDuty
 * would. Set up the V3 webhook subscription once, then acknowledge incidents; each acknowledgement
 * delivers a signed `incident.acknowledged` webhook and answers with what the receiver said.
 */
import type { AcknowledgeOutcome, PagerDutyWebhookSubscription, WebhookPost } from '../egress/pagerduty-webhooks';
import { SUBSCRIBED_EVENTS } from '../egress/pagerduty-webhooks';
import type { Site } from '../site';
import { describeZodError, pagerDutyAcknowledgeRequest, pagerDutySubscriptionRequest } from './control-schemas';

export interface ControlAnswer {
  status: number;
  body: unknown;
}

/** Answers a `/__local/pagerduty/…` route, or undefined when there is no such operation. */
export async function pagerDutyControl(site: Site, route: string, body: () => Promise<unknown>): Promise<ControlAnswer | undefined> {
  const webhooks = site.forge.egress.pagerDutyWebhooks;
  switch (route) {
    case 'GET /__local/pagerduty/incidents':
      return { status: 200, body: { incidents: site.forge.egress.pagerDuty.incidents() } };
    case 'GET /__local/pagerduty/webhook-subscription': {
      const subscription = webhooks.subscription();
      return subscription === undefined ? { status: 404, body: { error: 'No webhook subscription yet: POST /__local/pagerduty/webhook-subscription' } } : { status: 200, body: view(subscription) };
    }
    case 'POST /__local/pagerduty/webhook-subscription': {
      const parsed = pagerDutySubscriptionRequest.safeParse(await body());
      if (!parsed.success) return { status: 400, body: { error: describeZodError(parsed.error) } };
      const request = parsed.data;
      let url: string;
      if ('url' in request) {
        url = request.url;
      } else {
        const keys = site.manifest.webTriggers.map((trigger) => trigger.key);
        if (!keys.includes(request.webTrigger)) return { status: 400, body: { error: `No web trigger "${request.webTrigger}" in manifest.yml (there are: ${keys.join(', ')})` } };
        url = site.webTriggerUrl(request.webTrigger);
      }
      return { status: 200, body: view(webhooks.subscribe({ url, secret: request.secret })) };
    }
    case 'POST /__local/pagerduty/acknowledge': {
      const parsed = pagerDutyAcknowledgeRequest.safeParse(await body());
      if (!parsed.success) return { status: 400, body: { error: describeZodError(parsed.error) } };
      return answerFor(await webhooks.acknowledge(parsed.data, loopbackPost(site)));
    }
    default:
      return undefined;
  }
}

function answerFor(outcome: AcknowledgeOutcome): ControlAnswer {
  switch (outcome.kind) {
    case 'no-subscription':
      return { status: 409, body: { error: 'PagerDuty has nowhere to report to: POST /__local/pagerduty/webhook-subscription {"webTrigger": "<key>", "secret": "<signing secret>"} first' } };
    case 'unknown-user':
      return { status: 400, body: { error: `No person with the email ${outcome.email} on the local site` } };
    case 'unknown-incident':
      return { status: 404, body: { error: `No PagerDuty incident was triggered with dedup key ${outcome.dedupKey}` } };
    case 'resolved':
      return { status: 409, body: { error: `PagerDuty incident ${outcome.incident.id} is resolved and cannot be acknowledged`, incident: outcome.incident } };
    case 'delivered':
      return { status: 200, body: { incident: outcome.incident, webhook: outcome.webhook } };
  }
}

function view(subscription: PagerDutyWebhookSubscription): { id: string; url: string; events: readonly string[] } {
  return { id: subscription.id, url: subscription.url, events: SUBSCRIBED_EVENTS };
}

/** Web-trigger URLs name the public host; the site itself is reached on the loopback address it listens on. */
function loopbackPost(site: Site): WebhookPost {
  return async (url, init) => {
    const target = url.startsWith(`${site.baseUrl}/`) ? `http://127.0.0.1:${site.port}${url.slice(site.baseUrl.length)}` : url;
    const response = await fetch(target, { method: 'POST', headers: init.headers, body: init.body });
    return { status: response.status, text: await response.text() };
  };
}
