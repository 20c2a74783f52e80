/**
 * A Jira emulator over a throwaway (or given) SQLite file, seeded with the demo organisation, for
 * tests. Every answer is checked against the OpenAPI document before the test sees it.
 */
import Database from 'better-sqlite3';
import { JiraEmulator } from './index';
import { OpenApiContract } from './openapi-validator';
import type { Actor, JiraSiteEvent, ManifestCustomField } from './types';

export const testAppId = 'ari:cloud:ecosystem::app/6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
export const testBaseUrl = 'http://localhost:8080';
/** 28 Nov 2026, 09:00 UTC. */
export const testStart = Date.UTC(2026, 10, 28, 9, 0);

export const appFieldsForTests: ManifestCustomField[] = [
  { key: 'incident-roles', name: 'Incident roles', type: 'object', description: 'Who holds each incident role' },
  { key: 'impact-started', name: 'Impact started', type: 'datetime' },
  { key: 'incident-manager', name: 'Incident manager', type: 'user' },
  { key: 'chat-channels', name: 'Chat channels', type: 'string', collection: 'list' },
  { key: 'ttr-minutes', name: 'Time to recovery', type: 'number', readOnly: true },
];

export type Caller = string | 'app' | 'anonymous';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface JiraHarness {
  jira: JiraEmulator;
  db: Database.Database;
  events: JiraSiteEvent[];
  now(): number;
  advance(ms: number): void;
  actor(caller: Caller): Actor;
  accountId(email: string): string;
  call(caller: Caller, method: string, path: string, body?: unknown): Promise<Answer>;
  close(): void;
}

export function createJiraHarness(options: { dbPath?: string; customFields?: ManifestCustomField[]; seed?: boolean } = {}): JiraHarness {
  const db = new Database(options.dbPath ?? ':memory:');
  let now = testStart;
  const jira = new JiraEmulator({ db, now: () => now, baseUrl: testBaseUrl, customFields: options.customFields ?? appFieldsForTests, appId: testAppId, appName: 'Incident Response for Jira' });
  if (options.seed ?? true) jira.seedDemo();
  const events: JiraSiteEvent[] = [];
  jira.onEvent((event) => events.push(event));
  const contract = OpenApiContract.jira();

  const accountId = (email: string): string => {
    const user = jira.userByEmail(email);
    if (!user) throw new Error(`No demo user ${email}`);
    return user.accountId;
  };
  const actor = (caller: Caller): Actor => {
    if (caller === 'app') return { kind: 'app' };
    if (caller === 'anonymous') return { kind: 'anonymous' };
    return { kind: 'user', accountId: accountId(caller) };
  };

  return {
    jira,
    db,
    events,
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    actor,
    accountId,
    call: async (caller, method, path, body) => {
      const response = await jira.handle({ method, path, headers: {}, actor: actor(caller), ...(body === undefined ? {} : { body }) });
      checkAgainstContract(contract, method, path, response.status, response.body);
      return { status: response.status, headers: response.headers, body: response.body };
    },
    close: () => db.close(),
  };
}

/** Successful answers must fit the documented schema; errors must be Jira's `{errorMessages, errors}`. */
function checkAgainstContract(contract: OpenApiContract, method: string, path: string, status: number, body: unknown): void {
  const pathname = new URL(path, testBaseUrl).pathname;
  const match = contract.match(method, pathname);
  if (status >= 400) {
    const valid =
      typeof body === 'object' &&
      body !== null &&
      Array.isArray((body as { errorMessages?: unknown }).errorMessages) &&
      typeof (body as { errors?: unknown }).errors === 'object';
    if (!valid) throw new Error(`${method} ${path} answered ${status} without a Jira error body: ${JSON.stringify(body)}`);
    return;
  }
  if (match.kind !== 'operation') throw new Error(`${method} ${path} answered ${status} but is not a documented operation`);
  if (!contract.documentsResponse(method, match.template, status)) throw new Error(`${method} ${match.template} answered ${status}, which the contract does not document`);
  const problems = status === 204 ? [] : contract.validateResponse(method, match.template, status, body);
  if (problems.length > 0) throw new Error(`${method} ${path} answered ${status} with a body the contract rejects:\n${problems.join('\n')}\n${JSON.stringify(body).slice(0, 2000)}`);
}

/** A one-paragraph ADF document. */
export function adf(text: string): { type: 'doc'; version: 1; content: unknown[] } {
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

const typePrefix = 'com.atlassian.jira.plugin.system.customfieldtypes:';

/** Creates a select or checkbox field as the app does, with options; returns its id and option ids by value. */
export async function createOptionField(
  harness: JiraHarness,
  name: string,
  type: 'select' | 'multicheckboxes',
  values: string[],
): Promise<{ id: string; contextId: string; options: Record<string, string> }> {
  const field = await harness.call('app', 'POST', '/rest/api/3/field', { name, type: `${typePrefix}${type}` });
  const id = String((field.body as { id: string }).id);
  await harness.call('app', 'POST', `/rest/api/3/screens/addToDefault/${id}`);
  const contexts = await harness.call('app', 'GET', `/rest/api/3/field/${id}/context`);
  const contextId = String((contexts.body as { values: { id: string }[] }).values[0]?.id);
  const created = await harness.call('app', 'POST', `/rest/api/3/field/${id}/context/${contextId}/option`, { options: values.map((value) => ({ value })) });
  const options = Object.fromEntries((created.body as { options: { id: string; value: string }[] }).options.map((option) => [option.value, option.id]));
  return { id, contextId, options };
}

/** Creates a field of another custom type through REST and returns its id. */
export async function createCustomField(harness: JiraHarness, name: string, type: string): Promise<string> {
  const field = await harness.call('app', 'POST', '/rest/api/3/field', { name, type: `${typePrefix}${type}` });
  const id = String((field.body as { id: string }).id);
  await harness.call('app', 'POST', `/rest/api/3/screens/addToDefault/${id}`);
  return id;
}

/** Creates an HOT incident as `caller` and returns its key; extra fields are merged in. */
export async function createIncident(harness: JiraHarness, caller: Caller, summary: string, fields: Record<string, unknown> = {}): Promise<string> {
  const answer = await harness.call(caller, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'HOT' }, issuetype: { name: 'Incident' }, summary, ...fields } });
  if (answer.status !== 201) throw new Error(`Creating an incident failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return String((answer.body as { key: string }).key);
}

/** The `fields` of `GET /issue/{key}` as seen by `caller`. */
export async function issueFields(harness: JiraHarness, caller: Caller, key: string): Promise<Record<string, unknown>> {
  const answer = await harness.call(caller, 'GET', `/rest/api/3/issue/${key}`);
  if (answer.status !== 200) throw new Error(`Reading ${key} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return (answer.body as { fields: Record<string, unknown> }).fields;
}
