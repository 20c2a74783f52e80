/** Jira REST calls a test makes to set the scene, as a demo user (HTTP Basic with the local password). */
import { z } from 'zod';

function basic(email: string): string {
  return `Basic ${Buffer.from(`${email}:local`).toString('base64')}`;
}

export async function restAs<T>(baseUrl: string, email: string, path: string, schema: z.ZodType<T>, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(baseUrl + path, {
    method: init.method ?? 'GET',
    headers: { authorization: basic(email), accept: 'application/json', ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} as ${email} answered ${response.status}: ${text}`);
  return schema.parse(text === '' ? undefined : JSON.parse(text));
}

const issueTypes = z.object({ issueTypes: z.array(z.object({ id: z.string(), name: z.string(), subtask: z.boolean().optional() })) });

/** Creates an issue of the project's first issue type (unless `issuetype` is given); returns its key. */
export async function createIssueAs(baseUrl: string, email: string, fields: { project: { key: string } } & Record<string, unknown>): Promise<string> {
  const withType = { ...fields };
  if (withType['issuetype'] === undefined) {
    const types = await restAs(baseUrl, email, `/rest/api/3/issue/createmeta/${fields.project.key}/issuetypes`, issueTypes);
    const first = types.issueTypes.find((type) => type.subtask !== true);
    if (first === undefined) throw new Error(`Project ${fields.project.key} has no issue type`);
    withType['issuetype'] = { id: first.id };
  }
  const created = await restAs(baseUrl, email, '/rest/api/3/issue', z.object({ key: z.string() }), { method: 'POST', body: { fields: withType } });
  return created.key;
}

export async function userNamed(baseUrl: string, email: string): Promise<{ accountId: string; displayName: string }> {
  return restAs(baseUrl, email, '/rest/api/3/myself', z.object({ accountId: z.string(), displayName: z.string() }));
}

/** The Severity and Faulty service values an incident needs (both required on the incident create screen), by field name. */
export async function incidentFieldValues(baseUrl: string, email: string, severity = 'Sev 2', service = 'Bitbucket'): Promise<Record<string, unknown>> {
  const fields = await restAs(baseUrl, email, '/rest/api/3/field', z.array(z.object({ id: z.string(), name: z.string() })));
  const idOf = (name: string) => fields.find((field) => field.name === name)?.id ?? '';
  return { [idOf('Severity')]: { value: severity }, [idOf('Faulty service')]: { value: service } };
}
