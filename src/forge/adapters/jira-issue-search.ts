import { route } from '@forge/api';
import { z } from 'zod';
import { RemoteCallError } from '../../app/errors';
import type { IssuePage, IssueSearch } from '../../app/metrics/metrics-ports';
import type { JiraClient } from './jira-client';

const pageSchema = z
  .object({
    issues: z.array(z.object({ id: z.string(), key: z.string(), fields: z.record(z.string(), z.unknown()).default({}) }).loose()),
    nextPageToken: z.string().optional(),
  })
  .loose();

const permissionsSchema = z.object({ permissions: z.record(z.string(), z.object({ havePermission: z.boolean() }).loose()) }).loose();

/** Jira's enhanced JQL search (`POST /rest/api/3/search/jql`, 100 issues a page with fields) and project permissions. */
export class JiraIssueSearch implements IssueSearch {
  constructor(private readonly jira: JiraClient) {}

  async searchPage(jql: string, fieldIds: readonly string[], nextPageToken: string | undefined): Promise<IssuePage> {
    const answer = await this.jira.send('search incidents', route`/rest/api/3/search/jql`, {
      method: 'POST',
      body: { jql, fields: fieldIds, maxResults: 100, ...(nextPageToken === undefined ? {} : { nextPageToken }) },
    });
    const page = pageSchema.safeParse(answer.body);
    if (!page.success) throw new RemoteCallError('jira', 'search incidents', answer.status, `unexpected answer: ${page.error.issues[0]?.message ?? 'invalid'}`);
    return { issues: page.data.issues, ...(page.data.nextPageToken === undefined ? {} : { nextPageToken: page.data.nextPageToken }) };
  }

  /** Whether the caller may browse the project; a project Jira hides from them answers 404, which means no. */
  async canBrowseProject(projectKey: string): Promise<boolean> {
    const answer = await this.jira.send('my permissions', route`/rest/api/3/mypermissions?projectKey=${projectKey}&permissions=BROWSE_PROJECTS`, {}, [404]);
    if (answer.status === 404) return false;
    return permissionsSchema.safeParse(answer.body).data?.permissions['BROWSE_PROJECTS']?.havePermission ?? false;
  }
}
