/** Links between issues, and remote links from an issue to pages elsewhere (chat rooms, status pages). */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { issueLinkTypes, type LinkTypeDefinition } from '../jira-defaults';
import { remoteLinkShape, type IssueLinkRecord, type RemoteLinkData, type RemoteLinkRecord } from './model';
import { nextId } from './schema';

const linkRow = z.object({ id: z.string(), type_id: z.string(), source_issue_id: z.string(), destination_issue_id: z.string() });
const linkTypeRow = z.object({ id: z.string(), name: z.string(), inward: z.string(), outward: z.string() });
const remoteRow = z.object({ id: z.number(), issue_id: z.string(), global_id: z.string().nullable(), link: z.string() });

export class LinksRepo {
  constructor(private readonly db: Database) {}

  insertLink(link: Omit<IssueLinkRecord, 'id'>): IssueLinkRecord {
    const record = { ...link, id: String(nextId(this.db, 'issue-link')) };
    this.db
      .prepare('INSERT INTO jira_issue_links (id, type_id, source_issue_id, destination_issue_id) VALUES (?, ?, ?, ?)')
      .run(record.id, record.typeId, record.sourceIssueId, record.destinationIssueId);
    return record;
  }

  findLink(typeId: string, sourceIssueId: string, destinationIssueId: string): IssueLinkRecord | undefined {
    const row: unknown = this.db
      .prepare('SELECT * FROM jira_issue_links WHERE type_id = ? AND source_issue_id = ? AND destination_issue_id = ?')
      .get(typeId, sourceIssueId, destinationIssueId);
    return row === undefined ? undefined : toLink(linkRow.parse(row));
  }

  linkById(linkId: string): IssueLinkRecord | undefined {
    const row: unknown = this.db.prepare('SELECT * FROM jira_issue_links WHERE id = ?').get(linkId);
    return row === undefined ? undefined : toLink(linkRow.parse(row));
  }

  deleteLink(linkId: string): void {
    this.db.prepare('DELETE FROM jira_issue_links WHERE id = ?').run(linkId);
  }

  linksOf(issueId: string): IssueLinkRecord[] {
    return this.db
      .prepare('SELECT * FROM jira_issue_links WHERE source_issue_id = ? OR destination_issue_id = ? ORDER BY CAST(id AS INTEGER)')
      .all(issueId, issueId)
      .map((row) => toLink(linkRow.parse(row)));
  }

  /** Jira's built-in link types, then those an administrator (or an app) created, in creation order. */
  linkTypes(): LinkTypeDefinition[] {
    const created = this.db
      .prepare('SELECT * FROM jira_issue_link_types ORDER BY CAST(id AS INTEGER)')
      .all()
      .map((row) => linkTypeRow.parse(row));
    return [...issueLinkTypes, ...created];
  }

  insertLinkType(type: Omit<LinkTypeDefinition, 'id'>): LinkTypeDefinition {
    // Ids continue after the built-in ones, as Jira's do.
    const record = { ...type, id: String(nextId(this.db, 'issue-link-type', 10_100)) };
    this.db.prepare('INSERT INTO jira_issue_link_types (id, name, inward, outward) VALUES (?, ?, ?, ?)').run(record.id, record.name, record.inward, record.outward);
    return record;
  }

  insertRemote(issueId: string, link: RemoteLinkData): RemoteLinkRecord {
    const id = nextId(this.db, 'remote-link');
    this.db.prepare('INSERT INTO jira_remote_links (id, issue_id, global_id, link) VALUES (?, ?, ?, ?)').run(id, issueId, link.globalId ?? null, JSON.stringify(link));
    return { id, issueId, globalId: link.globalId ?? null, link };
  }

  updateRemote(record: RemoteLinkRecord): void {
    this.db.prepare('UPDATE jira_remote_links SET link = ? WHERE id = ?').run(JSON.stringify(record.link), record.id);
  }

  remoteLinks(issueId: string): RemoteLinkRecord[] {
    return this.db
      .prepare('SELECT * FROM jira_remote_links WHERE issue_id = ? ORDER BY id')
      .all(issueId)
      .map((row) => toRemote(remoteRow.parse(row)));
  }
}

function toLink(row: z.infer<typeof linkRow>): IssueLinkRecord {
  return { id: row.id, typeId: row.type_id, sourceIssueId: row.source_issue_id, destinationIssueId: row.destination_issue_id };
}

function toRemote(row: z.infer<typeof remoteRow>): RemoteLinkRecord {
  return { id: row.id, issueId: row.issue_id, globalId: row.global_id, link: remoteLinkShape.parse(JSON.parse(row.link)) };
}
