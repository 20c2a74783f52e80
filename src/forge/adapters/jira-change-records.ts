import { route } from '@forge/api';
import { z } from 'zod';
import type { ChangeIssue, ChangeRecords } from '../../app/cockpit/ports';
import { NotConfiguredError } from '../../app/errors';
import type { JiraClient } from './jira-client';

const instant = z
  .string()
  .nullish()
  .transform((value) => (value === null || value === undefined ? undefined : Date.parse(value)))
  .refine((value) => value === undefined || !Number.isNaN(value));
const person = z.object({ displayName: z.string() }).loose().nullish();

const changeIssueSchema = z
  .object({
    key: z.string(),
    fields: z
      .object({
        summary: z.string().catch(''),
        issuetype: z.object({ name: z.string() }).loose().nullish(),
        labels: z.array(z.string()).nullish(),
        assignee: person,
        reporter: person,
        created: instant,
        resolutiondate: instant,
      })
      .loose(),
  })
  .loose();

const answerSchema = z.object({ issues: z.array(z.unknown()) }).loose();
const refusalSchema = z.object({ errorMessages: z.array(z.string()).catch([]) }).loose();

/** Change issues found with Jira's enhanced JQL search, as the signed-in user. */
export class JiraChangeRecords implements ChangeRecords {
  constructor(private readonly jira: JiraClient) {}

  async search(jql: string, limit: number): Promise<readonly ChangeIssue[]> {
    const answer = await this.jira.send(
      'search change records',
      route`/rest/api/3/search/jql`,
      { method: 'POST', body: { jql, maxResults: limit, fields: ['summary', 'issuetype', 'labels', 'assignee', 'reporter', 'created', 'resolutiondate'] } },
      [400],
    );
    if (answer.status === 400) {
      const messages = refusalSchema.safeParse(answer.body).data?.errorMessages ?? [];
      throw new NotConfiguredError(`Jira refused the change records' JQL${messages.length === 0 ? '' : `: ${messages.join(' ')}`}`.slice(0, 500));
    }
    const issues = answerSchema.safeParse(answer.body).data?.issues ?? [];
    return issues.flatMap((entry): ChangeIssue[] => {
      const parsed = changeIssueSchema.safeParse(entry);
      if (!parsed.success) return [];
      const { key, fields } = parsed.data;
      const created = fields.created;
      if (created === undefined) return [];
      const by = fields.assignee?.displayName ?? fields.reporter?.displayName;
      return [
        {
          key,
          summary: fields.summary,
          issueType: fields.issuetype?.name ?? 'Change',
          labels: fields.labels ?? [],
          ...(by === undefined ? {} : { by }),
          created,
          ...(fields.resolutiondate === undefined ? {} : { resolved: fields.resolutiondate }),
        },
      ];
    });
  }
}
