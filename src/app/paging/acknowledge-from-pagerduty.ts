import { z } from 'zod';
import { ValidationError } from '../../domain/errors';
import { parseWith } from '../../domain/parse-input';
import { acknowledgeByDedupKey } from './acknowledge-page';
import { verifyPagerDutySignature } from '../pagerduty-signature';
import type { Clock, SecretStore } from '../ports';
import type { PagingRepository } from './paging-repository';

/** The V3 webhook envelope: one event per delivery; `data` depends on `event_type`. */
const webhookSchema = z.object({
  event: z.object({
    id: z.string().min(1, 'must not be empty'),
    event_type: z.string().min(1, 'must not be empty'),
    agent: z.object({ type: z.string(), summary: z.string().nullish() }).nullish(),
    data: z.unknown(),
  }),
});

/** The incident of an incident event: `incident_key` is the Events API `dedup_key` of the alert that opened it. */
const incidentSchema = z.object({
  type: z.literal('incident', 'must be "incident" for an incident.acknowledged event'),
  id: z.string().min(1, 'must not be empty'),
  incident_key: z.string().nullish(),
});

export type PagerDutyReport =
  | { readonly kind: 'acknowledged'; readonly eventId: string; readonly incidentId: string; readonly dedupKey?: string; readonly by: string }
  | { readonly kind: 'other'; readonly eventId: string; readonly eventType: string };

export type PagerDutyWebhookResult =
  | { readonly eventId: string; readonly outcome: 'acknowledged'; readonly issueKey: string; readonly acknowledged: number }
  | { readonly eventId: string; readonly outcome: 'ignored'; readonly reason: string };

/**
 * Reads a PagerDuty V3 webhook body: an `incident.acknowledged` event with the dedup key of the
 * page and who acknowledged, or any other event the subscription may also deliver.
 *
 * @throws ValidationError naming the field when the body is not a V3 webhook.
 */
export function readPagerDutyWebhook(body: string): PagerDutyReport {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new ValidationError('body', 'is not JSON', { cause: error });
  }
  const { event } = parseWith(webhookSchema, json, 'body');
  if (event.event_type !== 'incident.acknowledged') return { kind: 'other', eventId: event.id, eventType: event.event_type };
  const incident = parseWith(incidentSchema, event.data, 'body.event.data');
  const agent = event.agent?.summary?.trim();
  return {
    kind: 'acknowledged',
    eventId: event.id,
    incidentId: incident.id,
    ...(incident.incident_key === undefined || incident.incident_key === null || incident.incident_key === '' ? {} : { dedupKey: incident.incident_key }),
    by: agent === undefined || agent === '' ? 'PagerDuty' : `${agent} via PagerDuty`,
  };
}

/**
 * A PagerDuty V3 webhook: once its signature checks out, `incident.acknowledged` for an incident the
 * app paged acknowledges that page's episode (a repeated delivery finds it acknowledged and changes
 * nothing). Other events and other incidents are answered as ignored, because PagerDuty counts any
 * other 4xx as a failed delivery.
 *
 * @throws UnauthenticatedError or ForbiddenError for a missing or wrong signature; ValidationError for a malformed body.
 */
export async function acknowledgeFromPagerDuty(
  deps: { repo: PagingRepository; secrets: SecretStore; clock: Clock },
  request: { body: string; signature: string | undefined },
): Promise<PagerDutyWebhookResult> {
  await verifyPagerDutySignature(deps.secrets, request.body, request.signature);
  const report = readPagerDutyWebhook(request.body);
  if (report.kind === 'other') return { eventId: report.eventId, outcome: 'ignored', reason: `${report.eventType} events change nothing here` };
  if (report.dedupKey === undefined) {
    return { eventId: report.eventId, outcome: 'ignored', reason: `PagerDuty incident ${report.incidentId} has no incident_key, so no page of this app opened it` };
  }
  const result = await acknowledgeByDedupKey(deps, report.dedupKey, report.by);
  if (result === undefined) {
    return { eventId: report.eventId, outcome: 'ignored', reason: `PagerDuty incident ${report.incidentId} was not opened by a page of this app` };
  }
  return { eventId: report.eventId, outcome: 'acknowledged', ...result };
}
