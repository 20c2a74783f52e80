import { route } from '@forge/api';
import { z } from 'zod';
import { RemoteCallError } from '../../app/errors';
import type { AdfDocument, CreateIssueRequest, CreatePermission, IssueAccess, IssueData, IssueRef, IssueTracker, Notification } from '../../app/ports';
import { ValidationError } from '../../domain/errors';
import { jiraFieldErrors, type JiraClient } from './jira-client';

const issueRefSchema = z.object({ id: z.string(), key: z.string() }).loose();
const issueSchema = z.object({ id: z.string(), key: z.string(), fields: z.record(z.string(), z.unknown()).default({}) }).loose();
const searchSchema = z.object({ issues: z.array(issueSchema).default([]) }).loose();
const countSchema = z.object({ count: z.number().int().nonnegative() }).loose();
const usersPageSchema = z.object({ values: z.array(z.object({ accountId: z.string(), displayName: z.string().catch('') }).loose()) }).loose();
const projectLeadSchema = z.object({ name: z.string(), lead: z.object({ displayName: z.string().optional() }).loose().optional() }).loose();
const permissionsSchema = z.object({ permissions: z.record(z.string(), z.object({ havePermission: z.boolean() }).loose()) }).loose();

/** Account ids per bulk request: one page of Jira's answer, and far more people than one incident pages. */
const MAX_BULK_USERS = 100;

/** Jira issues over REST v3, as whoever the client's `requestJira` acts for. */
export class JiraIssueTracker implements IssueTracker {
  constructor(private readonly jira: JiraClient) {}

  async createIssue(request: CreateIssueRequest): Promise<IssueRef> {
    const answer = await this.jira.send(
      'create issue',
      route`/rest/api/3/issue`,
      { method: 'POST', body: { fields: { ...request.fields, project: { key: request.projectKey }, issuetype: { name: request.issueTypeName } } } },
      [400],
    );
    if (answer.status === 400) {
      const [first] = jiraFieldErrors(answer.body);
      // Jira refused a value the form let through (a required field on the screen, a permission): say which.
      throw new ValidationError(first?.[0] ?? 'issue', first?.[1] ?? 'Jira refused to create the issue');
    }
    const { id, key } = parse(issueRefSchema, answer.body, 'create issue');
    return { id, key };
  }

  async getIssue(issueIdOrKey: string, fieldIds: readonly string[]): Promise<IssueData | undefined> {
    const query = new URLSearchParams({ fields: fieldIds.length === 0 ? 'summary' : fieldIds.join(',') });
    const answer = await this.jira.send('get issue', route`/rest/api/3/issue/${issueIdOrKey}?${query}`, {}, [404]);
    if (answer.status === 404) return undefined;
    const issue = parse(issueSchema, answer.body, 'get issue');
    return { id: issue.id, key: issue.key, fields: issue.fields };
  }

  async addComment(issueIdOrKey: string, body: AdfDocument): Promise<void> {
    await this.jira.send('add comment', route`/rest/api/3/issue/${issueIdOrKey}/comment`, { method: 'POST', body: { body } });
  }

  async notify(issueIdOrKey: string, notification: Notification): Promise<void> {
    await this.jira.send('notify', route`/rest/api/3/issue/${issueIdOrKey}/notify`, {
      method: 'POST',
      body: {
        subject: notification.subject,
        textBody: notification.textBody,
        htmlBody: notification.htmlBody,
        to: { users: notification.accountIds.map((accountId) => ({ accountId })) },
      },
    });
  }

  async countIssues(jql: string): Promise<number> {
    const answer = await this.jira.send('count issues', route`/rest/api/3/search/approximate-count`, { method: 'POST', body: { jql } });
    return parse(countSchema, answer.body, 'count issues').count;
  }

  async setAppFieldValue(fieldId: string, issueIds: readonly string[], value: unknown): Promise<void> {
    await this.jira.send('set app field value', route`/rest/api/3/app/field/${fieldId}/value`, {
      method: 'PUT',
      body: { updates: [{ issueIds: issueIds.map(Number), value }] },
    });
  }

  async createPermission(projectKey: string): Promise<CreatePermission> {
    // Both requests at once: the person waits for one round-trip.
    const [permissions, project] = await Promise.all([
      this.jira.send('check create permission', route`/rest/api/3/mypermissions?projectKey=${projectKey}&permissions=CREATE_ISSUES`, {}, [404]),
      this.jira.send('read project', route`/rest/api/3/project/${projectKey}`, {}, [404]),
    ]);
    const allowed = permissions.status === 200 && parse(permissionsSchema, permissions.body, 'check create permission').permissions['CREATE_ISSUES']?.havePermission === true;
    const found = project.status === 200 ? parse(projectLeadSchema, project.body, 'read project') : undefined;
    return {
      allowed,
      ...(found === undefined ? {} : { projectName: found.name }),
      ...(found?.lead?.displayName === undefined ? {} : { leadName: found.lead.displayName }),
    };
  }

  async canAdminister(): Promise<boolean> {
    const answer = await this.jira.send('check permissions', route`/rest/api/3/mypermissions?permissions=ADMINISTER`);
    return parse(permissionsSchema, answer.body, 'check permissions').permissions['ADMINISTER']?.havePermission === true;
  }

  async searchIssues(jql: string, fieldIds: readonly string[], max: number): Promise<IssueData[]> {
    const answer = await this.jira.send('search issues', route`/rest/api/3/search/jql`, {
      method: 'POST',
      body: { jql, fields: fieldIds.length === 0 ? ['summary'] : [...fieldIds], maxResults: max },
    });
    return parse(searchSchema, answer.body, 'search issues').issues.map((issue) => ({ id: issue.id, key: issue.key, fields: issue.fields }));
  }

  async issuePermissions(issueIdOrKey: string): Promise<IssueAccess> {
    const query = new URLSearchParams({ issueKey: issueIdOrKey, permissions: 'BROWSE_PROJECTS,EDIT_ISSUES,ADD_COMMENTS' });
    const answer = await this.jira.send('check permissions', route`/rest/api/3/mypermissions?${query}`, {}, [400, 404]);
    if (answer.status !== 200) return { browse: false, edit: false, comment: false };
    const granted = parse(permissionsSchema, answer.body, 'check permissions').permissions;
    const has = (key: string): boolean => granted[key]?.havePermission === true;
    return { browse: has('BROWSE_PROJECTS'), edit: has('EDIT_ISSUES'), comment: has('ADD_COMMENTS') };
  }

  async displayNames(accountIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const ids = [...new Set(accountIds)].slice(0, MAX_BULK_USERS);
    if (ids.length === 0) return new Map();
    const query = new URLSearchParams([...ids.map((id) => ['accountId', id]), ['maxResults', String(ids.length)]]);
    const answer = await this.jira.send('get users', route`/rest/api/3/user/bulk?${query}`);
    const users = parse(usersPageSchema, answer.body, 'get users').values;
    // A user whose privacy settings hide their name comes back without one: they stay an account id.
    return new Map(users.filter((user) => user.displayName !== '').map((user) => [user.accountId, user.displayName]));
  }
}

/** Validates what Jira answered; an unexpected shape is a failed call, never a guess. */
export function parse<T>(schema: z.ZodType<T>, body: unknown, operation: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new RemoteCallError('jira', operation, 200, `unexpected answer: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}
