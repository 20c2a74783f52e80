import { NotConfiguredError } from '../../app/errors';
import type { PageMessage } from '../../app/ports';
import { postJson } from './http-call';

export const PAGERDUTY_ENQUEUE_URL = 'https://events.pagerduty.com/v2/enqueue';

const SEVERITY: Record<1 | 2 | 3, 'critical' | 'error' | 'warning'> = { 1: 'critical', 2: 'error', 3: 'warning' };

/** A PagerDuty Events API v2 trigger; the dedup key (incident, episode, level) makes PagerDuty fold repeats into one alert. */
export function pagerDutyEvent(routingKey: string, message: PageMessage, onCallAccountId: string | undefined): Record<string, unknown> {
  return {
    routing_key: routingKey,
    event_action: 'trigger',
    dedup_key: message.dedupKey,
    client: 'Incident Response for Jira',
    client_url: message.issueUrl,
    payload: {
      summary: message.title.slice(0, 1024),
      source: 'Incident Response for Jira',
      severity: message.severity === undefined ? 'info' : SEVERITY[message.severity],
      ...(message.faultyService === undefined ? {} : { component: message.faultyService }),
      timestamp: new Date().toISOString(),
      custom_details: {
        issue_key: message.issueKey,
        severity: message.severityLabel,
        reason: message.reason,
        escalation_level: message.level + 1,
        ...(onCallAccountId === undefined ? {} : { on_call_account_id: onCallAccountId }),
      },
    },
    links: [{ href: message.issueUrl, text: message.issueKey }],
  };
}

export async function sendPagerDutyPage(routingKey: string | undefined, rosterId: string, message: PageMessage, onCallAccountId: string | undefined): Promise<void> {
  if (routingKey === undefined) throw new NotConfiguredError(`roster "${rosterId}" has no PagerDuty routing key; add one in the app settings`);
  await postJson('pagerduty', 'enqueue', PAGERDUTY_ENQUEUE_URL, pagerDutyEvent(routingKey, message, onCallAccountId));
}
