import { ExternalEndpointNotAllowedError, fetch, type APIResponse } from '@forge/api';
import { RemoteCallError, type RemoteService } from '../../app/errors';
import { retryAfterMs } from '../../app/retry';

export interface HttpAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * POSTs JSON to an egress address the manifest allows. A 429 or 5xx becomes a retryable
 * RemoteCallError carrying Retry-After; other non-2xx answers are refusals. Retrying is the
 * caller's decision (page-on-call retries within the invocation's budget).
 */
export async function postJson(service: RemoteService, operation: string, url: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  const payload = JSON.stringify(body);
  let response: APIResponse;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers }, body: payload });
  } catch (error) {
    // An address the manifest does not list is refused the same way every time: no point retrying.
    if (error instanceof ExternalEndpointNotAllowedError) {
      throw new RemoteCallError(service, operation, 403, `${new URL(url).origin} is not in the manifest's permissions.external.fetch.backend`, undefined, { cause: error });
    }
    throw new RemoteCallError(service, operation, undefined, error instanceof Error ? error.message : String(error), undefined, { cause: error });
  }
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    // Not JSON: keep the text for the error message.
  }
  if (response.status >= 200 && response.status < 300) return { status: response.status, body: parsed };
  throw new RemoteCallError(service, operation, response.status, text.slice(0, 300) || response.statusText, retryAfterMs(response.headers.get('retry-after'), Date.now()));
}
