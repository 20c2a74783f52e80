/** Issues with their stored field values, change history and watchers. */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { changeItemShape, type ChangelogRecord, type IssueRecord, type StoredFields } from './model';
import { nextId } from './schema';

const issueRow = z.object({
  id: z.string(),
  project_id: z.string(),
  num: z.number(),
  key: z.string(),
  fields: z.string(),
  created: z.number(),
  updated: z.number(),
});
const changelogRow = z.object({ id: z.string(), issue_id: z.string(), author: z.string(), created: z.number(), items: z.string() });
const storedFields = z.record(z.string(), z.unknown());

export class IssuesRepo {
  constructor(private readonly db: Database) {}

  nextIssueId(): string {
    return String(nextId(this.db, 'issue'));
  }

  insert(issue: IssueRecord): void {
    this.db
      .prepare('INSERT INTO jira_issues (id, project_id, num, key, fields, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(issue.id, issue.projectId, issue.num, issue.key, JSON.stringify(issue.fields), issue.created, issue.updated);
  }

  save(issue: IssueRecord): void {
    this.db.prepare('UPDATE jira_issues SET fields = ?, updated = ? WHERE id = ?').run(JSON.stringify(issue.fields), issue.updated, issue.id);
  }

  delete(issueId: string): void {
    for (const table of ['jira_comments', 'jira_changelog', 'jira_remote_links', 'jira_watchers']) {
      this.db.prepare(`DELETE FROM ${table} WHERE issue_id = ?`).run(issueId);
    }
    this.db.prepare('DELETE FROM jira_issue_links WHERE source_issue_id = ? OR destination_issue_id = ?').run(issueId, issueId);
    this.db.prepare('DELETE FROM jira_issues WHERE id = ?').run(issueId);
  }

  /** By id or by key (keys match case-insensitively, as in Jira). */
  find(idOrKey: string): IssueRecord | undefined {
    const row: unknown = this.db.prepare('SELECT * FROM jira_issues WHERE id = ? OR key = ? COLLATE NOCASE').get(idOrKey, idOrKey);
    return row === undefined ? undefined : toIssue(issueRow.parse(row));
  }

  byIds(ids: string[]): IssueRecord[] {
    return ids.flatMap((id) => {
      const issue = this.find(id);
      return issue ? [issue] : [];
    });
  }

  all(): IssueRecord[] {
    return this.db
      .prepare('SELECT * FROM jira_issues ORDER BY CAST(id AS INTEGER)')
      .all()
      .map((row) => toIssue(issueRow.parse(row)));
  }

  inProjects(projectIds: string[]): IssueRecord[] {
    if (projectIds.length === 0) return [];
    return this.db
      .prepare(`SELECT * FROM jira_issues WHERE project_id IN (${projectIds.map(() => '?').join(', ')}) ORDER BY CAST(id AS INTEGER)`)
      .all(...projectIds)
      .map((row) => toIssue(issueRow.parse(row)));
  }

  /**
   * Issues of the given projects meeting every SQL condition (over `jira_issues` columns and the
   * indexed field expressions), one at a time, in the given column's order (ties: newest id first)
   * or by id. Stops reading as soon as the caller returns false.
   */
  scan(
    projectIds: string[],
    where: { conditions: string[]; params: (string | number)[] },
    order: { column: 'created' | 'updated'; direction: 'ASC' | 'DESC' } | undefined,
    visit: (issue: IssueRecord) => boolean,
  ): void {
    if (projectIds.length === 0) return;
    const conditions = [`project_id IN (${projectIds.map(() => '?').join(', ')})`, ...where.conditions];
    const orderBy = order === undefined ? 'CAST(id AS INTEGER)' : `${order.column} ${order.direction}, CAST(id AS INTEGER) DESC`;
    const rows = this.db.prepare(`SELECT * FROM jira_issues WHERE ${conditions.join(' AND ')} ORDER BY ${orderBy}`).iterate(...projectIds, ...where.params);
    for (const row of rows) {
      if (!visit(toIssue(issueRow.parse(row)))) break;
    }
  }

  addChangelog(entry: Omit<ChangelogRecord, 'id'>): ChangelogRecord {
    const record = { ...entry, id: String(nextId(this.db, 'changelog')) };
    this.db
      .prepare('INSERT INTO jira_changelog (id, issue_id, author, created, items) VALUES (?, ?, ?, ?, ?)')
      .run(record.id, record.issueId, record.author, record.created, JSON.stringify(record.items));
    return record;
  }

  changelog(issueId: string): ChangelogRecord[] {
    return this.db
      .prepare('SELECT * FROM jira_changelog WHERE issue_id = ? ORDER BY created, CAST(id AS INTEGER)')
      .all(issueId)
      .map((row) => {
        const parsed = changelogRow.parse(row);
        return {
          id: parsed.id,
          issueId: parsed.issue_id,
          author: parsed.author,
          created: parsed.created,
          items: z.array(changeItemShape).parse(JSON.parse(parsed.items)),
        };
      });
  }

  addWatcher(issueId: string, accountId: string): void {
    this.db.prepare('INSERT OR IGNORE INTO jira_watchers (issue_id, account_id) VALUES (?, ?)').run(issueId, accountId);
  }

  watchers(issueId: string): string[] {
    return this.db
      .prepare('SELECT account_id FROM jira_watchers WHERE issue_id = ? ORDER BY account_id')
      .all(issueId)
      .map((row) => z.object({ account_id: z.string() }).parse(row).account_id);
  }
}

function toIssue(row: z.infer<typeof issueRow>): IssueRecord {
  const fields: StoredFields = storedFields.parse(JSON.parse(row.fields));
  return { id: row.id, projectId: row.project_id, num: row.num, key: row.key, fields, created: row.created, updated: row.updated };
}
