/**
 * The host page's HTTP client. The browser sends the `local_as` session cookie, so every Jira REST
 * call runs as the signed-in user and Jira's own permissions decide what comes back. Bodies are
 * checked against a schema at the boundary; Jira's error body becomes a typed `HttpError`.
 */
import * as z from 'zod/mini';

const jiraErrorBody = z.object({
  errorMessages: z.optional(z.array(z.string())),
  errors: z.optional(z.record(z.string(), z.string())),
});

export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    readonly messages: string[],
    readonly fieldErrors: Record<string, string>,
  ) {
    super(`${method} ${path} answered ${status}${messages.length > 0 ? `: ${messages.join(' ')}` : ''}`);
  }

  /** What a person should read: Jira's own messages, or the status when there are none. */
  get summary(): string {
    const all = [...this.messages, ...Object.entries(this.fieldErrors).map(([field, message]) => `${field}: ${message}`)];
    return all.length > 0 ? all.join(' ') : `The server answered ${this.status}.`;
  }
}

export class InvalidResponseError extends Error {
  override readonly name = 'InvalidResponseError';
  constructor(method: string, path: string, reason: string) {
    super(`${method} ${path} answered with an unexpected body: ${reason}`);
  }
}

async function errorFrom(response: Response, method: string, path: string): Promise<HttpError> {
  const text = await response.text();
  let messages: string[] = [];
  let fieldErrors: Record<string, string> = {};
  try {
    const parsed = jiraErrorBody.safeParse(JSON.parse(text));
    if (parsed.success) {
      messages = parsed.data.errorMessages ?? [];
      fieldErrors = parsed.data.errors ?? {};
    }
  } catch {
    if (text.trim() !== '') messages = [text.trim().slice(0, 300)];
  }
  return new HttpError(response.status, method, path, messages, fieldErrors);
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
}

/** Sends a request and parses the JSON answer with `schema`; a 204 parses `undefined`. */
export async function requestJson<T>(path: string, schema: z.ZodMiniType<T>, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  if (!response.ok) throw await errorFrom(response, method, path);
  const text = await response.text();
  const value: unknown = text === '' ? undefined : JSON.parse(text);
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new InvalidResponseError(method, path, z.prettifyError(parsed.error));
  return parsed.data;
}

export function describeError(error: unknown): string {
  if (error instanceof HttpError) return error.summary;
  if (error instanceof Error) return error.message;
  return String(error);
}
