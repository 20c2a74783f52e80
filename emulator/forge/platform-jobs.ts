/**
 * The platform's pending work, kept in the site database so it survives a restart as it survives
 * on Forge: product events, post-functions and lifecycle events not yet delivered, their retries,
 * and the app's own queued events (`@forge/events`), each with the emulated time it is due.
 * A job stays stored until its invocation has ended, so a site that dies mid-invocation delivers
 * it again when it starts (at least once).
 */
import type { SiteDatabase } from '../db';

export type JobKind = 'event' | 'postFunction' | 'lifecycle' | 'consumer';

export interface RetryContext {
  retryCount: number;
  retryReason: string;
  retryData: unknown;
}

export interface PlatformJob {
  id: number;
  kind: JobKind;
  /** The manifest module whose function runs (trigger, post-function, consumer). */
  moduleKey: string;
  /** The manifest function key. */
  functionKey: string;
  /** What the handler receives, before any retry context is added. */
  payload: unknown;
  accountId?: string;
  dueMs: number;
  /** Set on a redelivery the handler asked for (`InvocationError`). */
  retry?: RetryContext;
  /** Further deliveries of the very same event still owed (the duplicate-delivery fault). */
  duplicates: number;
  /** The push a queued event belongs to (`Queue.push` answers its id; stats and cancel use it). */
  pushId?: string;
}

export type NewJob = Omit<PlatformJob, 'id'>;

interface Row {
  id: number;
  kind: JobKind;
  module_key: string;
  function_key: string;
  payload: string;
  account_id: string | null;
  due_ms: number;
  retry: string | null;
  duplicates: number;
  push_id: string | null;
}

const schema = `
CREATE TABLE IF NOT EXISTS site_jobs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  module_key TEXT NOT NULL,
  function_key TEXT NOT NULL,
  payload TEXT NOT NULL,
  account_id TEXT,
  due_ms INTEGER NOT NULL,
  retry TEXT,
  duplicates INTEGER NOT NULL DEFAULT 0,
  push_id TEXT
);
CREATE INDEX IF NOT EXISTS site_jobs_due ON site_jobs (due_ms, id);
CREATE INDEX IF NOT EXISTS site_jobs_push ON site_jobs (push_id);
CREATE TABLE IF NOT EXISTS site_pushes (push_id TEXT PRIMARY KEY, queue TEXT NOT NULL, total INTEGER NOT NULL);
`;

export class JobStore {
  constructor(private readonly db: SiteDatabase) {
    db.exec(schema);
  }

  add(job: NewJob): PlatformJob {
    const result = this.db
      .prepare('INSERT INTO site_jobs (kind, module_key, function_key, payload, account_id, due_ms, retry, duplicates, push_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(
        job.kind,
        job.moduleKey,
        job.functionKey,
        JSON.stringify(job.payload),
        job.accountId ?? null,
        Math.round(job.dueMs),
        job.retry === undefined ? null : JSON.stringify(job.retry),
        job.duplicates,
        job.pushId ?? null,
      );
    return { ...job, id: Number(result.lastInsertRowid) };
  }

  /** Jobs due at `now`, oldest due first. */
  due(now: number): PlatformJob[] {
    return (this.db.prepare('SELECT * FROM site_jobs WHERE due_ms <= ? ORDER BY due_ms, id').all(Math.round(now)) as Row[]).map(toJob);
  }

  /** When the earliest stored job is due, or undefined when none is stored. */
  nextDue(options: { retriesOnly?: boolean } = {}): number | undefined {
    const sql = options.retriesOnly === true ? 'SELECT MIN(due_ms) AS due FROM site_jobs WHERE retry IS NOT NULL' : 'SELECT MIN(due_ms) AS due FROM site_jobs';
    const row = this.db.prepare(sql).get() as { due: number | null };
    return row.due ?? undefined;
  }

  /** Moves a job to a later delivery with the given retry context. */
  reschedule(id: number, dueMs: number, retry: RetryContext): void {
    this.db.prepare('UPDATE site_jobs SET due_ms = ?, retry = ? WHERE id = ?').run(Math.round(dueMs), JSON.stringify(retry), id);
  }

  remove(id: number): void {
    this.db.prepare('DELETE FROM site_jobs WHERE id = ?').run(id);
  }

  /** Remembers a push (its queue and how many events it delivers), for stats and cancel. */
  recordPush(pushId: string, queue: string, total: number): void {
    this.db.prepare('INSERT OR REPLACE INTO site_pushes (push_id, queue, total) VALUES (?, ?, ?)').run(pushId, queue, total);
  }

  /** How many events a push delivers, or undefined for a push never made. */
  pushTotal(pushId: string): number | undefined {
    const row = this.db.prepare('SELECT total FROM site_pushes WHERE push_id = ?').get(pushId) as { total: number } | undefined;
    return row?.total;
  }

  /** Queued events of one push still waiting or running. */
  pendingOfPush(pushId: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM site_jobs WHERE push_id = ?').get(pushId) as { n: number }).n;
  }

  /** Forgets the queued events of one push that have not run; true when the push had any. */
  cancelPush(pushId: string, running: ReadonlySet<number>): boolean {
    const ids = (this.db.prepare('SELECT id FROM site_jobs WHERE push_id = ?').all(pushId) as { id: number }[]).map((row) => row.id);
    for (const id of ids) if (!running.has(id)) this.remove(id);
    return ids.length > 0;
  }
}

function toJob(row: Row): PlatformJob {
  return {
    id: row.id,
    kind: row.kind,
    moduleKey: row.module_key,
    functionKey: row.function_key,
    payload: JSON.parse(row.payload) as unknown,
    ...(row.account_id === null ? {} : { accountId: row.account_id }),
    dueMs: row.due_ms,
    ...(row.retry === null ? {} : { retry: JSON.parse(row.retry) as RetryContext }),
    duplicates: row.duplicates,
    ...(row.push_id === null ? {} : { pushId: row.push_id }),
  };
}
