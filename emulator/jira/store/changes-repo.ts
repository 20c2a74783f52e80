/** Recorded service changes (deployments, configuration, feature flags), looked up around an impact start. */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { ChangeQuery, RecordChangeInput, RecordedChange } from '../types';

const changeRow = z.object({
  id: z.number(),
  service: z.string(),
  summary: z.string(),
  by_whom: z.string(),
  at: z.number(),
  url: z.string().nullable(),
  kind: z.enum(['deployment', 'config', 'feature-flag']),
});

export class ChangesRepo {
  constructor(private readonly db: Database) {}

  insert(change: RecordChangeInput): RecordedChange {
    const row = z
      .object({ id: z.number() })
      .parse(
        this.db
          .prepare('INSERT INTO jira_changes (service, summary, by_whom, at, url, kind) VALUES (?, ?, ?, ?, ?, ?) RETURNING id')
          .get(change.service, change.summary, change.by, change.at, change.url ?? null, change.kind),
      );
    return { ...change, id: String(row.id) };
  }

  /** Changes matching the query, oldest first. */
  find(query: ChangeQuery): RecordedChange[] {
    return this.db
      .prepare(
        `SELECT * FROM jira_changes
         WHERE (@service IS NULL OR service = @service COLLATE NOCASE)
           AND (@from IS NULL OR at >= @from) AND (@to IS NULL OR at <= @to)
         ORDER BY at, id`,
      )
      .all({ service: query.service ?? null, from: query.from ?? null, to: query.to ?? null })
      .map((row) => {
        const parsed = changeRow.parse(row);
        return {
          id: String(parsed.id),
          service: parsed.service,
          summary: parsed.summary,
          by: parsed.by_whom,
          at: parsed.at,
          kind: parsed.kind,
          ...(parsed.url === null ? {} : { url: parsed.url }),
        };
      });
  }
}
