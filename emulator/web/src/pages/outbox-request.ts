/**
 * The HTTP request behind an outbox entry (a webhook POST, a PagerDuty event or webhook delivery),
 * as a person reads it: method and URL, the headers that matter, the JSON body indented, and what
 * the receiver answered. Credentials never reach the page: secret headers and body fields are
 * replaced by `[redacted]` here even when the recording kept them.
 */
import type { OutboxEntry } from '../api/outbox';

export interface RequestView {
  method: string;
  url: string;
  /** Name and value, in the order recorded; transport noise (length, encoding, host) left out. */
  headers: [string, string][];
  /** The body as indented JSON, or its text when it is not JSON; empty when there was none. */
  body: string;
  response?: { status: string; body: string };
}

const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|x-routing-key)$|token|secret/i;
const NOISE_HEADER = /^(content-length|host|connection|accept-encoding|transfer-encoding)$/i;
const SECRET_FIELD = /^(routing_key|routingKey|integration_key|token|secret|password|api_key|apiKey|signing_secret)$/;
export const REDACTED = '[redacted]';

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function redactHeader(value: string): string {
  const [scheme, secret] = value.split(' ');
  return secret === undefined || scheme === undefined ? REDACTED : `${scheme} ${REDACTED}`;
}

/** A copy of `value` with every secret-named field, however deep, replaced by `[redacted]`. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([name, field]) => [name, SECRET_FIELD.test(name) && field !== null ? REDACTED : withoutSecrets(field)]));
}

function readable(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') {
    try {
      return JSON.stringify(withoutSecrets(JSON.parse(body) as unknown), null, 2);
    } catch {
      return body;
    }
  }
  return JSON.stringify(withoutSecrets(body), null, 2);
}

function headersOf(value: unknown): [string, string][] {
  if (!isRecord(value)) return [];
  return Object.entries(value)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && !NOISE_HEADER.test(entry[0]))
    .map(([name, text]) => [name, SECRET_HEADER.test(name) ? redactHeader(text) : text]);
}

/** The request an entry recorded, or undefined when it recorded none (emails, Jira notifications). */
export function describeRequest(entry: Pick<OutboxEntry, 'body' | 'request'>): RequestView | undefined {
  const request = entry.request;
  if (!isRecord(request) || typeof request['method'] !== 'string' || typeof request['url'] !== 'string') return undefined;
  const response = request['response'];
  const status = isRecord(response) ? response['status'] : undefined;
  return {
    method: request['method'].toUpperCase(),
    url: request['url'],
    headers: headersOf(request['headers']),
    body: readable(request['body'] ?? entry.body),
    ...(isRecord(response) ? { response: { status: typeof status === 'number' ? String(status) : 'no answer', body: readable(response['body']) } } : {}),
  };
}
