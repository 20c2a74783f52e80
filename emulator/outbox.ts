/** Everything the site sent outward (emails, chat messages, pages, status updates, webhooks), in order. */
import type { SiteDatabase } from './db';

export type OutboxChannel = 'email' | 'slack' | 'pagerduty' | 'statuspage' | 'webhook' | 'jira-notification';

export interface OutboxEntry {
  seq: number;
  at: string;
  channel: OutboxChannel;
  /** Who receives it: an email address, a Slack user or channel, a PagerDuty routing key, a page id, a URL. */
  to: string;
  subject?: string;
  body: unknown;
  request: unknown;
}

export type NewOutboxEntry = Omit<OutboxEntry, 'seq' | 'at'>;

interface OutboxRow {
  seq: number;
  at: string;
  channel: OutboxChannel;
  recipient: string;
  subject: string | null;
  body: string;
  request: string;
}

export class Outbox {
  constructor(private readonly db: SiteDatabase, private readonly nowIso: () => string) {}

  record(entry: NewOutboxEntry): OutboxEntry {
    const at = this.nowIso();
    const result = this.db
      .prepare('INSERT INTO site_outbox (at, channel, recipient, subject, body, request) VALUES (?, ?, ?, ?, ?, ?)')
      .run(at, entry.channel, entry.to, entry.subject ?? null, JSON.stringify(entry.body ?? null), JSON.stringify(entry.request ?? null));
    return { ...entry, seq: Number(result.lastInsertRowid), at };
  }

  /** Entries after `since` (a seq), optionally only those addressed to `to` (case-insensitive). */
  list(filter: { since?: number | undefined; to?: string | undefined; channel?: OutboxChannel | undefined } = {}): OutboxEntry[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM site_outbox WHERE seq > ? AND (? IS NULL OR lower(recipient) = lower(?)) AND (? IS NULL OR channel = ?) ORDER BY seq`,
      )
      .all(filter.since ?? 0, filter.to ?? null, filter.to ?? null, filter.channel ?? null, filter.channel ?? null) as OutboxRow[];
    return rows.map(toEntry);
  }
}

function toEntry(row: OutboxRow): OutboxEntry {
  return {
    seq: row.seq,
    at: row.at,
    channel: row.channel,
    to: row.recipient,
    ...(row.subject === null ? {} : { subject: row.subject }),
    body: JSON.parse(row.body) as unknown,
    request: JSON.parse(row.request) as unknown,
  };
}
