/** Issue comments (ADF bodies, optional visibility restriction). */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { visibilityShape, type CommentRecord } from './model';
import { nextId } from './schema';

const commentRow = z.object({
  id: z.string(),
  issue_id: z.string(),
  author: z.string(),
  update_author: z.string(),
  body: z.string(),
  visibility: z.string().nullable(),
  created: z.number(),
  updated: z.number(),
});

export class CommentsRepo {
  constructor(private readonly db: Database) {}

  insert(comment: Omit<CommentRecord, 'id'>): CommentRecord {
    const record = { ...comment, id: String(nextId(this.db, 'comment')) };
    this.db
      .prepare('INSERT INTO jira_comments (id, issue_id, author, update_author, body, visibility, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(
        record.id,
        record.issueId,
        record.author,
        record.updateAuthor,
        JSON.stringify(record.body),
        record.visibility === null ? null : JSON.stringify(record.visibility),
        record.created,
        record.updated,
      );
    return record;
  }

  update(comment: CommentRecord): void {
    this.db
      .prepare('UPDATE jira_comments SET update_author = ?, body = ?, visibility = ?, updated = ? WHERE id = ?')
      .run(comment.updateAuthor, JSON.stringify(comment.body), comment.visibility === null ? null : JSON.stringify(comment.visibility), comment.updated, comment.id);
  }

  delete(commentId: string): void {
    this.db.prepare('DELETE FROM jira_comments WHERE id = ?').run(commentId);
  }

  find(commentId: string): CommentRecord | undefined {
    const row: unknown = this.db.prepare('SELECT * FROM jira_comments WHERE id = ?').get(commentId);
    return row === undefined ? undefined : toComment(commentRow.parse(row));
  }

  forIssue(issueId: string): CommentRecord[] {
    return this.db
      .prepare('SELECT * FROM jira_comments WHERE issue_id = ? ORDER BY created, CAST(id AS INTEGER)')
      .all(issueId)
      .map((row) => toComment(commentRow.parse(row)));
  }
}

function toComment(row: z.infer<typeof commentRow>): CommentRecord {
  return {
    id: row.id,
    issueId: row.issue_id,
    author: row.author,
    updateAuthor: row.update_author,
    body: JSON.parse(row.body) as unknown,
    visibility: row.visibility === null ? null : visibilityShape.parse(JSON.parse(row.visibility)),
    created: row.created,
    updated: row.updated,
  };
}
