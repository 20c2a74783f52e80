/**
 * `GET /rest/local/1.0/changes?service=&from=&to=`: the deployments and other changes the local
 * site records per service, so the cockpit can show a rollback candidate near the impact start.
 * Jira Cloud keeps deployment data behind its DevOps APIs, not REST, so this resource exists on
 * the local site alone and sits outside the OpenAPI-validated router; the app treats its absence
 * (404 on Jira Cloud) as "no change records".
 */
import type { ChangeQuery, JiraResponse, RecordedChange, Actor } from './types';

export const LOCAL_CHANGES_PATH = '/rest/local/1.0/changes';

const json = (status: number, body: unknown): JiraResponse => ({ status, headers: { 'content-type': 'application/json' }, body });

function instant(url: URL, name: string): number | undefined | Error {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? new Error(`'${name}' must be an ISO-8601 instant, got '${raw}'.`) : at;
}

export function answerLocalChanges(method: string, url: URL, actor: Actor, find: (query: ChangeQuery) => RecordedChange[]): JiraResponse {
  if (method !== 'GET') return json(405, { errorMessages: [`${method} is not allowed on ${LOCAL_CHANGES_PATH}.`], errors: {} });
  if (actor.kind === 'anonymous') return json(401, { errorMessages: ['You are not authenticated. Authentication required to perform this operation.'], errors: {} });
  const from = instant(url, 'from');
  const to = instant(url, 'to');
  const bad = [from, to].filter((value): value is Error => value instanceof Error);
  if (bad.length > 0) return json(400, { errorMessages: bad.map((error) => error.message), errors: {} });
  const service = url.searchParams.get('service');
  const query: ChangeQuery = {
    ...(service ? { service } : {}),
    ...(typeof from === 'number' ? { from } : {}),
    ...(typeof to === 'number' ? { to } : {}),
  };
  const changes = find(query).map((change) => ({ ...change, at: new Date(change.at).toISOString() }));
  return json(200, { changes });
}
