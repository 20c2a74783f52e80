/**
 * The alert web trigger's use case: authenticate the source, read its notification, store it
 * durably and queue its intake, then answer at once. Incidents are opened by intake, off the
 * request, so a slow Jira never makes a source see "failed" for an alert that will be taken in.
 * A refused request changes nothing but the refusal count.
 */
import { ValidationError } from '../../domain/errors';
import { heartbeatDueAt } from '../../domain/alerts/alert-source';
import type { AppStore, Clock, JobQueue, ScheduledJob, SecretStore } from '../ports';
import { addToInbox, digest, loadAlertSources, loadSourceTokens, recordRefusal, saveHeartbeat, type RefusalReason } from './alert-source-store';
import type { AlertJob } from './ports';
import { readNotification } from './read-notification';
import { bearerAccepted, signatureAccepted } from './source-tokens';

/** Far more than any alert notification; refused before it is read, as Forge refuses over 5 MB. */
export const MAX_ALERT_BODY_BYTES = 1024 * 1024;

export interface AlertRequest {
  readonly sourceId: string | undefined;
  readonly method: string;
  readonly body: string;
  readonly authorization: string | undefined;
  /** Grafana's `X-Grafana-Alerting-Signature` and its optional timestamp header. */
  readonly signature: string | undefined;
  readonly signatureTimestamp: string | undefined;
}

/** The answer in the app's terms; the web trigger turns `reason` into its HTTP status. */
export type AlertAnswer =
  | { readonly outcome: 'accepted'; readonly body: { readonly accepted: number; readonly groupKey: string; readonly status: string; readonly deliveryId: string } }
  | { readonly outcome: 'refused'; readonly reason: RefusalReason; readonly body: { readonly error: string; readonly field?: string } };

export interface ReceiveAlertDeps {
  readonly store: AppStore & SecretStore;
  readonly queue: JobQueue<AlertJob>;
  readonly clock: Clock;
  readonly newId: () => string;
}

function refusal(reason: RefusalReason, error: string, field?: string): AlertAnswer {
  return { outcome: 'refused', reason, body: field === undefined ? { error } : { error, field } };
}

async function check(deps: ReceiveAlertDeps, request: AlertRequest, now: number) {
  const sourceId = request.sourceId ?? '';
  const [sources, tokens] = await Promise.all([loadAlertSources(deps.store), loadSourceTokens(deps.store)]);
  const source = sources.find((candidate) => candidate.id === sourceId);
  const secret = tokens[sourceId];
  if (source === undefined || secret === undefined) return { answer: refusal('unknown-source', 'No alert source has this URL; copy it from the app settings (Alert sources).') };
  const bearer = /^Bearer\s+(.+)$/i.exec(request.authorization ?? '')?.[1]?.trim();
  const signed = source.format === 'grafana' && request.signature !== undefined && request.signature !== '';
  if (!signed && (bearer === undefined || bearer === '')) return { answer: refusal('unauthenticated', 'Send the source token as "Authorization: Bearer <token>".') };
  const accepted = signed ? signatureAccepted(secret, request.signature ?? '', request.body, request.signatureTimestamp, now) : bearerAccepted(secret, bearer ?? '', now);
  if (!accepted) return { answer: refusal('forbidden', 'This token is not valid for this alert source.') };
  if (request.method !== 'POST' && request.method !== 'PUT') return { answer: refusal('method', 'Send alerts with POST.') };
  if (Buffer.byteLength(request.body, 'utf8') > MAX_ALERT_BODY_BYTES) return { answer: refusal('too-large', `The body is larger than ${MAX_ALERT_BODY_BYTES} bytes.`) };
  try {
    return { source, notification: readNotification(source, request.body) };
  } catch (error) {
    if (error instanceof ValidationError) return { answer: refusal('malformed', error.reason, error.field) };
    throw error;
  }
}

/**
 * Accepts or refuses one request. Critical path: the sources and tokens (read together), then the
 * notification and heartbeat (written together), then the queue push: three sequential calls.
 * The answer depends only on the body, so a source that retries after a timeout gets the same one.
 */
export async function receiveAlert(deps: ReceiveAlertDeps, request: AlertRequest): Promise<AlertAnswer> {
  const now = deps.clock.now();
  // The size is checked before anything is read, so an oversized body costs no storage call.
  const oversized = Buffer.byteLength(request.body, 'utf8') > MAX_ALERT_BODY_BYTES * 5;
  const checked = oversized ? { answer: refusal('too-large', `The body is larger than ${MAX_ALERT_BODY_BYTES} bytes.`) } : await check(deps, request, now);
  if ('answer' in checked) {
    const sourceId = /^[a-z0-9-]{1,40}$/.test(request.sourceId ?? '') ? (request.sourceId ?? 'unknown') : 'unknown';
    await recordRefusal(deps.store, checked.answer.outcome === 'refused' && checked.answer.reason === 'unknown-source' ? 'unknown' : sourceId, checked.answer.outcome === 'refused' ? checked.answer.reason : 'malformed', now, deps.newId());
    return checked.answer;
  }
  const { source, notification } = checked;
  const deliveryId = digest(`${source.id}\n${request.body}`, 24);
  const jobs: ScheduledJob<AlertJob>[] = [{ job: { kind: 'intake', sourceId: source.id }, at: now }];
  const due = heartbeatDueAt(source, now);
  // A check now resolves a missed-heartbeat alert at once if one was raised; the one after the interval raises it if the source falls silent.
  if (due !== undefined) jobs.push({ job: { kind: 'heartbeat', sourceId: source.id }, at: now }, { job: { kind: 'heartbeat', sourceId: source.id }, at: due + 1_000 });
  await Promise.all([
    addToInbox(deps.store, source.id, { receivedAt: now, deliveryId, notification }),
    source.heartbeatMinutes === undefined ? Promise.resolve() : saveHeartbeat(deps.store, source.id, { lastAt: now }),
  ]);
  await deps.queue.schedule(jobs);
  return { outcome: 'accepted', body: { accepted: notification.alerts.length, groupKey: notification.groupKey, status: notification.status, deliveryId } };
}
