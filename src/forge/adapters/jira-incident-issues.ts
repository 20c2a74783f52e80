import { route } from '@forge/api';
import { z } from 'zod';
import type { IncidentIssues, IssueEdit, IssuePermissions, IssueSnapshot, Person, TransitionRequest, WorkflowTransition } from '../../app/cockpit/ports';
import { RemoteCallError } from '../../app/errors';
import type { AdfDocument } from '../../app/ports';
import type { JiraClient } from './jira-client';

const transitionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    to: z.object({ name: z.string(), statusCategory: z.object({ key: z.string() }).loose().optional() }).loose(),
  })
  .loose();

const issueSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    fields: z.record(z.string(), z.unknown()).default({}),
    transitions: z.array(transitionSchema).default([]),
    schema: z.record(z.string(), z.object({ type: z.string() }).loose()).default({}),
  })
  .loose();

const userSchema = z.object({ accountId: z.string(), displayName: z.string().catch(''), emailAddress: z.string().optional().catch(undefined) }).loose();
const permissionsSchema = z.object({ permissions: z.record(z.string(), z.object({ havePermission: z.boolean() }).loose()) }).loose();

const PERMISSION_KEYS = {
  browse: 'BROWSE_PROJECTS',
  edit: 'EDIT_ISSUES',
  transition: 'TRANSITION_ISSUES',
  assign: 'ASSIGN_ISSUES',
  comment: 'ADD_COMMENTS',
} as const satisfies Record<keyof IssuePermissions, string>;

function person(user: z.output<typeof userSchema>): Person {
  return {
    accountId: user.accountId,
    displayName: user.displayName === '' ? user.accountId : user.displayName,
    ...(user.emailAddress === undefined ? {} : { emailAddress: user.emailAddress }),
  };
}

function commentUpdate(comment: AdfDocument | undefined, addLabels: readonly string[] = []): Record<string, unknown> {
  const update = {
    ...(comment === undefined ? {} : { comment: [{ add: { body: comment } }] }),
    ...(addLabels.length === 0 ? {} : { labels: addLabels.map((label) => ({ add: label })) }),
  };
  return Object.keys(update).length === 0 ? {} : { update };
}

function parse<S extends z.ZodType>(schema: S, body: unknown, operation: string): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new RemoteCallError('jira', operation, 200, `unexpected answer: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

/**
 * The incident issue over Jira REST v3, as the signed-in user (the client's `requestJira` is
 * `asUser()`): one GET brings every field, the transitions the user may take and the field schema;
 * every change is one request carrying its comment, so Jira applies it whole or not at all.
 */
export class JiraIncidentIssues implements IncidentIssues {
  constructor(private readonly jira: JiraClient) {}

  async get(issueKey: string): Promise<IssueSnapshot | undefined> {
    const answer = await this.jira.send('get issue', route`/rest/api/3/issue/${issueKey}?expand=transitions,schema`, {}, [404]);
    if (answer.status === 404) return undefined;
    const issue = parse(issueSchema, answer.body, 'get issue');
    const transitions: WorkflowTransition[] = issue.transitions.map((transition) => ({
      id: transition.id,
      name: transition.name,
      toStatusName: transition.to.name,
      ...(transition.to.statusCategory === undefined ? {} : { toStatusCategory: transition.to.statusCategory.key }),
    }));
    const listFields = new Set(Object.entries(issue.schema).flatMap(([fieldId, schema]) => (schema.type === 'array' ? [fieldId] : [])));
    return { id: issue.id, key: issue.key, fields: issue.fields, transitions, listFields };
  }

  async permissions(issueKey: string): Promise<IssuePermissions> {
    const keys = Object.values(PERMISSION_KEYS).join(',');
    const answer = await this.jira.send('my permissions', route`/rest/api/3/mypermissions?issueKey=${issueKey}&permissions=${keys}`, {}, [404]);
    if (answer.status === 404) return { browse: false, edit: false, transition: false, assign: false, comment: false };
    const { permissions } = parse(permissionsSchema, answer.body, 'my permissions');
    const has = (key: string): boolean => permissions[key]?.havePermission === true;
    return {
      browse: has(PERMISSION_KEYS.browse),
      edit: has(PERMISSION_KEYS.edit),
      transition: has(PERMISSION_KEYS.transition),
      assign: has(PERMISSION_KEYS.assign),
      comment: has(PERMISSION_KEYS.comment),
    };
  }

  async transition(issueKey: string, request: TransitionRequest): Promise<void> {
    const fields = { ...request.fields, ...(request.assigneeAccountId === undefined ? {} : { assignee: { accountId: request.assigneeAccountId } }) };
    await this.jira.send('transition issue', route`/rest/api/3/issue/${issueKey}/transitions`, {
      method: 'POST',
      body: { transition: { id: request.transitionId }, ...(Object.keys(fields).length === 0 ? {} : { fields }), ...commentUpdate(request.comment, request.addLabels) },
    });
  }

  async update(issueKey: string, edit: IssueEdit): Promise<void> {
    if (Object.keys(edit.fields).length === 0 && edit.comment === undefined) return;
    await this.jira.send('edit issue', route`/rest/api/3/issue/${issueKey}`, {
      method: 'PUT',
      body: { ...(Object.keys(edit.fields).length === 0 ? {} : { fields: edit.fields }), ...commentUpdate(edit.comment) },
    });
  }

  async person(accountId: string): Promise<Person | undefined> {
    const answer = await this.jira.send('get user', route`/rest/api/3/user?accountId=${accountId}`, {}, [404]);
    if (answer.status === 404) return undefined;
    return person(parse(userSchema, answer.body, 'get user'));
  }

  async searchAssignable(issueKey: string, query: string): Promise<Person[]> {
    const answer = await this.jira.send('find assignable users', route`/rest/api/3/user/assignable/search?issueKey=${issueKey}&query=${query}&maxResults=20`);
    return parse(z.array(userSchema), answer.body, 'find assignable users').map(person);
  }
}
