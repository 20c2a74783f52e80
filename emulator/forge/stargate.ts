/**
 * The few Atlassian GraphQL (`remote: 'stargate'`) operations `@forge/api` uses on its own:
 * web-trigger URLs (`webTrigger.getUrl`, `queryUrls`, `deleteUrl`). Any other query gets a
 * GraphQL error naming it, never a made-up answer.
 */
import { z } from 'zod';
import { jsonResponse } from './fetch-response';

const graphqlRequest = z.object({ query: z.string(), variables: z.record(z.string(), z.unknown()).optional() });

export function handleStargate(path: string, text: string | undefined, webTriggers: { keys: string[]; urlOf: (key: string) => string }): Response {
  if (path !== '/graphql') {
    return jsonResponse(501, { errorMessages: [`The local site does not implement the Atlassian API ${path}`] });
  }
  const parsed = graphqlRequest.safeParse(text === undefined ? undefined : safeJson(text));
  if (!parsed.success) return jsonResponse(400, { errors: [{ message: 'Request body is not a GraphQL request' }] });
  const { query, variables = {} } = parsed.data;
  if (query.includes('createWebTriggerUrl')) {
    const input = z.object({ triggerKey: z.string() }).safeParse(variables.input);
    const key = input.success ? input.data.triggerKey : '';
    if (!webTriggers.keys.includes(key)) {
      return jsonResponse(200, { data: { createWebTriggerUrl: null }, errors: [{ message: `No web trigger "${key}" in manifest.yml` }] });
    }
    return jsonResponse(200, { data: { createWebTriggerUrl: { url: webTriggers.urlOf(key) } } });
  }
  if (query.includes('webTriggerUrlsByAppContext')) {
    return jsonResponse(200, { data: { webTriggerUrlsByAppContext: webTriggers.keys.map((key) => ({ triggerKey: key, url: webTriggers.urlOf(key) })) } });
  }
  if (query.includes('deleteWebTriggerUrl')) {
    // Local web-trigger URLs are derived from the manifest, so there is nothing to revoke.
    return jsonResponse(200, { data: { deleteWebTriggerUrl: { success: true, message: null } } });
  }
  const operation = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? 'anonymous operation';
  return jsonResponse(200, { data: null, errors: [{ message: `The local site does not implement the GraphQL operation ${operation}` }] });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
