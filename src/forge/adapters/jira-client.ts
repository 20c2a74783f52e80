import type { APIResponse, Route } from '@forge/api';
import { RemoteCallError } from '../../app/errors';
import type { Clock } from '../../app/ports';
import { retryAfterMs, withRetry } from '../../app/retry';

/** `requestJira` as the app or as the signed-in user. */
export type JiraRequest = (route: Route, init?: { method?: string; body?: string; headers?: Record<string, string> }) => Promise<APIResponse>;

export interface JiraAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * Jira REST through `requestJira`, with the house retry policy: 429 and 5xx are retried with
 * backoff (honouring Retry-After) until the invocation's deadline; anything else that is not 2xx
 * becomes a RemoteCallError naming the operation and Jira's own message.
 */
export class JiraClient {
  constructor(
    private readonly request: JiraRequest,
    private readonly clock: Clock,
    private readonly deadline: number,
    /** 1 when the caller retries itself (paging does, per delivery). */
    private readonly maxAttempts?: number,
  ) {}

  /** Sends the request; statuses in `accept` (besides 2xx) are answered instead of thrown. */
  async send(operation: string, route: Route, init: { method?: string; body?: unknown } = {}, accept: readonly number[] = []): Promise<JiraAnswer> {
    return withRetry(async () => {
      let response: APIResponse;
      try {
        response = await this.request(route, {
          method: init.method ?? 'GET',
          headers: { Accept: 'application/json', ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
          ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        });
      } catch (error) {
        throw new RemoteCallError('jira', operation, undefined, error instanceof Error ? error.message : String(error), undefined, { cause: error });
      }
      const text = await response.text();
      const body = parseJson(text);
      if (response.ok || accept.includes(response.status)) return { status: response.status, body };
      throw new RemoteCallError('jira', operation, response.status, jiraMessage(body, text, response.statusText), retryAfterMs(response.headers.get('retry-after'), this.clock.now()));
    }, { clock: this.clock, deadline: this.deadline, ...(this.maxAttempts === undefined ? {} : { maxAttempts: this.maxAttempts }) });
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Jira's error body (`errorMessages`, `errors`) as one line. */
export function jiraMessage(body: unknown, text: string, statusText: string): string {
  if (typeof body === 'object' && body !== null) {
    const record = body as { errorMessages?: unknown; errors?: unknown; message?: unknown };
    const messages = Array.isArray(record.errorMessages) ? record.errorMessages.filter((m): m is string => typeof m === 'string') : [];
    const errors =
      typeof record.errors === 'object' && record.errors !== null
        ? Object.entries(record.errors as Record<string, unknown>).map(([field, message]) => `${field}: ${String(message)}`)
        : [];
    const all = [...messages, ...errors, ...(typeof record.message === 'string' ? [record.message] : [])];
    if (all.length > 0) return all.join('; ');
  }
  return text.trim() === '' ? statusText : text.slice(0, 300);
}

/** The `errors` map of a Jira 400, for callers that turn it into a field-level refusal. */
export function jiraFieldErrors(body: unknown): [string, string][] {
  if (typeof body !== 'object' || body === null) return [];
  const errors = (body as { errors?: unknown }).errors;
  if (typeof errors !== 'object' || errors === null) return [];
  return Object.entries(errors as Record<string, unknown>).map(([field, message]) => [field, String(message)]);
}
