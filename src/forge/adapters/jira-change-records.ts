import { route } from '@forge/api';
import { z } from 'zod';
import type { ChangeRecords, RecordedChange } from '../../app/cockpit/ports';
import type { JiraClient } from './jira-client';

const changeSchema = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String),
    service: z.string(),
    summary: z.string(),
    by: z.string(),
    at: z.string(),
    url: z.string().optional(),
    kind: z.enum(['deployment', 'config', 'feature-flag']),
  })
  .loose();

const answerSchema = z.object({ changes: z.array(z.unknown()) }).loose();

/**
 * Deployments and other changes the site records per service. Jira Cloud has no REST resource for
 * them (its deployment data lives behind the DevOps GraphQL API), so on Jira Cloud the resource
 * answers 404 and the cockpit says the site keeps no change records; the local site serves it.
 */
export class JiraChangeRecords implements ChangeRecords {
  constructor(private readonly jira: JiraClient) {}

  async near(service: string, from: number, to: number): Promise<readonly RecordedChange[] | undefined> {
    const answer = await this.jira.send(
      'find changes',
      route`/rest/local/1.0/changes?service=${service}&from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`,
      {},
      [404, 501],
    );
    if (answer.status === 404 || answer.status === 501) return undefined;
    const parsed = answerSchema.safeParse(answer.body);
    if (!parsed.success) return undefined;
    return parsed.data.changes.flatMap((entry) => {
      const change = changeSchema.safeParse(entry);
      if (!change.success) return [];
      const at = Date.parse(change.data.at);
      if (Number.isNaN(at)) return [];
      const { id, summary, by, kind, url } = change.data;
      return [{ id, service: change.data.service, summary, by, at, kind, ...(url === undefined ? {} : { url }) }];
    });
  }
}
