import type { Outbox } from '../outbox';

/** A request the app sent to an external host, decoded once for the stand-ins. */
export interface EgressRequest {
  method: string;
  url: URL;
  headers: Headers;
  /** Raw body text (undefined when there was none). */
  text: string | undefined;
  /** JSON or form body decoded; the text otherwise. */
  body: unknown;
}

export interface EgressAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A local stand-in for one external service. */
export interface StandIn {
  handles(url: URL): boolean;
  handle(request: EgressRequest): EgressAnswer | Promise<EgressAnswer>;
}

export interface StandInDeps {
  outbox: Outbox;
  now: () => number;
}

/** The request as recorded in the outbox: credentials removed. */
export function recordedRequest(request: EgressRequest, answer: EgressAnswer): Record<string, unknown> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = /^(authorization|cookie|x-api-key|x-routing-key)$/i.test(name) ? redact(value) : value;
  });
  return { method: request.method, url: request.url.toString(), headers, body: redactBody(request.body), response: { status: answer.status, body: answer.body } };
}

function redact(value: string): string {
  const [scheme, secret] = value.split(' ');
  return secret === undefined ? '[redacted]' : `${scheme} [redacted]`;
}

function redactBody(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).map(([name, value]) => [name, name === 'token' ? '[redacted]' : value]));
}
