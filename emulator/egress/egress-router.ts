/** Sends each egress request to the stand-in for its host; anything else is a recorded webhook. */
import type { SiteDatabase } from '../db';
import type { JiraUser } from '../jira/index';
import type { Outbox } from '../outbox';
import type { EgressAnswer, EgressRequest, StandIn } from './egress-types';
import { PagerDutyStandIn } from './pagerduty';
import { PagerDutyWebhooks } from './pagerduty-webhooks';
import { SendGridStandIn } from './sendgrid';
import { SlackStandIn } from './slack';
import { SlackWorkspace } from './slack-workspace';
import { StatuspageStandIn } from './statuspage';
import { WebhookStandIn } from './webhook';

export class EgressRouter {
  readonly slack: SlackWorkspace;
  readonly pagerDuty: PagerDutyStandIn;
  /** PagerDuty reporting back: the V3 webhook subscription and acknowledgements sent to it. */
  readonly pagerDutyWebhooks: PagerDutyWebhooks;
  readonly statuspage: StatuspageStandIn;
  private readonly standIns: StandIn[];

  constructor(deps: { db: SiteDatabase; outbox: Outbox; now: () => number; users: () => JiraUser[] }) {
    const shared = { outbox: deps.outbox, now: deps.now };
    this.slack = new SlackWorkspace(deps.db, deps.users);
    this.pagerDuty = new PagerDutyStandIn(deps.db, shared);
    this.pagerDutyWebhooks = new PagerDutyWebhooks(deps.db, this.pagerDuty, { ...shared, users: deps.users });
    this.statuspage = new StatuspageStandIn(deps.db, shared);
    this.standIns = [new SlackStandIn(this.slack, shared), this.pagerDuty, this.statuspage, new SendGridStandIn(shared), new WebhookStandIn(shared)];
  }

  async handle(request: EgressRequest): Promise<EgressAnswer> {
    const standIn = this.standIns.find((candidate) => candidate.handles(request.url));
    if (!standIn) throw new Error(`No stand-in for ${request.url.toString()}`);
    return standIn.handle(request);
  }

  /** The body a rate-limited answer from this host carries. */
  static rateLimitedBody(url: URL): unknown {
    if (url.hostname === 'slack.com') return { ok: false, error: 'ratelimited' };
    if (url.hostname === 'events.pagerduty.com') return { status: 'throttle event', message: 'Requests for this service are arriving too quickly. Please retry later.' };
    return { message: 'Too Many Requests' };
  }
}
