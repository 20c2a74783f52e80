/** The site's SQLite database: one file, WAL mode, with the tables the platform side of the site owns. */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

export type SiteDatabase = Database.Database;

const schema = `
CREATE TABLE IF NOT EXISTS site_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS site_outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  channel TEXT NOT NULL,
  recipient TEXT NOT NULL,
  subject TEXT,
  body TEXT NOT NULL,
  request TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS site_outbox_recipient ON site_outbox (recipient);
CREATE TABLE IF NOT EXISTS site_invocations (seq INTEGER PRIMARY KEY AUTOINCREMENT, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS site_schedule (trigger_key TEXT PRIMARY KEY, next_due_ms INTEGER NOT NULL);
`;

/** Opens (or with `fresh`, recreates) the database file and applies the platform tables. */
export function openSiteDatabase(path: string, fresh: boolean): SiteDatabase {
  if (path !== ':memory:') {
    if (fresh) {
      for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    }
    const folder = dirname(path);
    if (!existsSync(folder)) mkdirSync(folder, { recursive: true });
  }
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.exec(schema);
  return db;
}

/** Small typed key/value store for site-level facts (clock offset, install state). */
export class SiteMeta {
  constructor(private readonly db: SiteDatabase) {}

  get(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM site_meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  set(key: string, value: string): void {
    this.db.prepare('INSERT INTO site_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}
