/** The gadget's only data: Jira's REST API through `requestJira`, as the person looking at the dashboard. */
import { requestJira } from '@forge/bridge';
import { findSeverityFieldId, jiraErrorText, searchAnswerSchema, toIncidentRows, type IncidentRow } from './incident-rows';

export type SearchOutcome = { readonly ok: true; readonly rows: IncidentRow[]; readonly more: boolean } | { readonly ok: false; readonly status: number; readonly message: string };

const PAGE_SIZE = 50;

async function jsonOf(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function failure(error: unknown): Promise<SearchOutcome> {
  return { ok: false, status: 0, message: `Jira could not be reached (${error instanceof Error ? error.message : 'no answer'}).` };
}

let severityFieldId: Promise<string | undefined> | undefined;

/** The Severity field's id, looked up once per page load: it differs from site to site. */
function severityField(): Promise<string | undefined> {
  severityFieldId ??= requestJira('/rest/api/3/field')
    .then(async (response) => (response.ok ? findSeverityFieldId(await jsonOf(response)) : undefined))
    .catch(() => {
      severityFieldId = undefined;
      return undefined;
    });
  return severityFieldId;
}

async function search(jql: string, fields: string[], maxResults: number): Promise<Response> {
  return requestJira('/rest/api/3/search/jql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ jql, fields, maxResults }),
  });
}

/** The incidents the JQL finds, at most one page of them. */
export async function searchIncidents(jql: string): Promise<SearchOutcome> {
  try {
    const fieldId = await severityField();
    const fields = ['summary', 'status', 'assignee', 'created', ...(fieldId === undefined ? [] : [fieldId])];
    const response = await search(jql, fields, PAGE_SIZE);
    const body = await jsonOf(response);
    if (!response.ok) return { ok: false, status: response.status, message: jiraErrorText(response.status, body) };
    const answer = searchAnswerSchema.safeParse(body);
    if (!answer.success) return { ok: false, status: response.status, message: 'Jira answered the search in a shape this gadget does not understand.' };
    const more = answer.data.isLast === false || (answer.data.nextPageToken ?? null) !== null;
    return { ok: true, rows: toIncidentRows(answer.data, fieldId), more };
  } catch (error) {
    return failure(error);
  }
}

/** Asks Jira whether it understands the JQL: undefined when it does, Jira's complaint when not. */
export async function checkJql(jql: string): Promise<string | undefined> {
  try {
    const response = await search(jql, ['summary'], 1);
    if (response.ok) return undefined;
    return jiraErrorText(response.status, await jsonOf(response));
  } catch (error) {
    return `Jira could not be reached to check the query (${error instanceof Error ? error.message : 'no answer'}).`;
  }
}
