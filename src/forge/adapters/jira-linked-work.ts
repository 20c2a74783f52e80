import { route } from '@forge/api';
import { z } from 'zod';
import { RemoteCallError } from '../../app/errors';
import type { IncidentLabels, LinkedWork, LinkTypeDefinition, LinkTypes, NewIssue } from '../../app/learning/ports';
import type { IssueRef } from '../../app/ports';
import { ValidationError } from '../../domain/errors';
import { jiraFieldErrors, type JiraClient } from './jira-client';

const issueRefSchema = z.object({ id: z.string(), key: z.string() }).loose();
const linkTypesSchema = z.object({ issueLinkTypes: z.array(z.object({ name: z.string() }).loose()) }).loose();

function parse<S extends z.ZodType>(schema: S, body: unknown, operation: string): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new RemoteCallError('jira', operation, 200, `unexpected answer: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

/**
 * Cleanup tasks and postmortems over Jira REST v3 (as whoever the client acts for: the signed-in
 * user from the panel), the link types the app provisions, and labels the app adds.
 */
export class JiraLinkedWork implements LinkedWork, LinkTypes, IncidentLabels {
  constructor(private readonly jira: JiraClient) {}

  async createIssue(issue: NewIssue): Promise<IssueRef> {
    const fields = {
      project: { key: issue.projectKey },
      issuetype: { name: issue.issueTypeName },
      summary: issue.summary,
      ...(issue.description === undefined ? {} : { description: issue.description }),
      ...(issue.assigneeAccountId === undefined ? {} : { assignee: { accountId: issue.assigneeAccountId } }),
      ...(issue.dueDate === undefined ? {} : { duedate: issue.dueDate }),
    };
    const answer = await this.jira.send('create issue', route`/rest/api/3/issue`, { method: 'POST', body: { fields } }, [400]);
    if (answer.status === 400) {
      const [first] = jiraFieldErrors(answer.body);
      // Jira names the field it refused (an assignee who may not be assigned, an unknown issue type): so does the app.
      throw new ValidationError(first?.[0] === 'assignee' ? 'assigneeAccountId' : (first?.[0] ?? 'issue'), first?.[1] ?? 'Jira refused to create the issue');
    }
    const { id, key } = parse(issueRefSchema, answer.body, 'create issue');
    return { id, key };
  }

  async link(typeName: string, fromKey: string, toKey: string): Promise<void> {
    // Jira gives the `inwardIssue` the type's outward description: "HOT-12 has cleanup task HOT-13".
    await this.jira.send('link issues', route`/rest/api/3/issueLink`, { method: 'POST', body: { type: { name: typeName }, inwardIssue: { key: fromKey }, outwardIssue: { key: toKey } } });
  }

  async names(): Promise<string[]> {
    const answer = await this.jira.send('list issue link types', route`/rest/api/3/issueLinkType`);
    return parse(linkTypesSchema, answer.body, 'list issue link types').issueLinkTypes.map((type) => type.name);
  }

  async create(type: LinkTypeDefinition): Promise<void> {
    await this.jira.send('create issue link type', route`/rest/api/3/issueLinkType`, { method: 'POST', body: { name: type.name, inward: type.inward, outward: type.outward } });
  }

  async add(issueKey: string, labels: readonly string[]): Promise<void> {
    await this.jira.send('add labels', route`/rest/api/3/issue/${issueKey}`, { method: 'PUT', body: { update: { labels: labels.map((label) => ({ add: label })) } } });
  }
}
