/** The web-trigger request Forge builds from an HTTP request, and the response it accepts back. */
import { z } from 'zod';

export interface WebTriggerRequest {
  method: string;
  path: string;
  body: string;
  headers: Record<string, string[]>;
  queryParameters: Record<string, string[]>;
}

const headerValues = z.union([z.array(z.string()), z.string().transform((value) => [value])]);

export const webTriggerResponse = z.object({
  statusCode: z.number().int().min(100).max(599),
  headers: z.record(z.string(), headerValues).optional(),
  body: z.string().optional(),
  statusText: z.string().optional(),
});

export type WebTriggerResponse = z.infer<typeof webTriggerResponse>;

export function webTriggerRequest(method: string, url: URL, rawHeaders: NodeJS.Dict<string | string[]>, body: string): WebTriggerRequest {
  const headers: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(rawHeaders)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value : [value];
  }
  const queryParameters: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) (queryParameters[name] ??= []).push(value);
  return { method, path: url.pathname, body, headers, queryParameters };
}
