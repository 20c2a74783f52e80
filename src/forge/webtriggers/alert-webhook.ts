import type { WebTriggerRequest, WebTriggerResponse } from '@forge/api';
import type { RefusalReason } from '../../app/alerts/alert-source-store';
import { receiveAlert } from '../../app/alerts/receive-alert';
import { alertQueue } from '../adapters/alert-intake-services';
import { INVOCATION_LIMIT_MS } from '../adapters/invocation';
import { services } from '../composition';

/** The HTTP status of each refusal: the web trigger is the one place that speaks HTTP to alert sources. */
const REFUSAL_STATUS: Readonly<Record<RefusalReason, number>> = {
  'unknown-source': 404,
  unauthenticated: 401,
  forbidden: 403,
  method: 405,
  'too-large': 413,
  malformed: 400,
};

function header(request: WebTriggerRequest, name: string): string | undefined {
  const entry = Object.entries(request.headers ?? {}).find(([key]) => key.toLowerCase() === name);
  return entry?.[1]?.[0];
}

/**
 * Where monitoring sends alerts: `POST <url>?source=<id>` with the source's token as
 * `Authorization: Bearer <token>` (Grafana may sign with `X-Grafana-Alerting-Signature` instead).
 * 202 once the alert is stored for intake; 401 without a token, 403 with a wrong one, 404 for an
 * unknown source, 405 for other methods, 413 for an oversized body, 400 for a body not in the
 * source's format. Unknown errors are rethrown so Forge records the invocation as failed.
 */
export async function alertWebhook(request: WebTriggerRequest): Promise<WebTriggerResponse> {
  const s = services(INVOCATION_LIMIT_MS.webTrigger);
  const answer = await receiveAlert(
    { store: s.store, queue: alertQueue(s), clock: s.clock, newId: () => globalThis.crypto.randomUUID() },
    {
      sourceId: request.queryParameters?.['source']?.[0],
      method: request.method,
      body: request.body ?? '',
      authorization: header(request, 'authorization'),
      signature: header(request, 'x-grafana-alerting-signature'),
      signatureTimestamp: header(request, 'x-grafana-alerting-signature-timestamp'),
    },
  );
  const headers: Record<string, string[]> = { 'Content-Type': ['application/json'] };
  if (answer.outcome === 'accepted') return { statusCode: 202, headers, body: JSON.stringify(answer.body) };
  if (answer.reason === 'unauthenticated') headers['WWW-Authenticate'] = ['Bearer'];
  if (answer.reason === 'method') headers['Allow'] = ['POST, PUT'];
  return { statusCode: REFUSAL_STATUS[answer.reason], headers, body: JSON.stringify(answer.body) };
}
