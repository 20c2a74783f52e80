/**
 * Forge KVS over SQLite: plain values (`kvs_values`), secrets (`kvs_secrets`) and custom entities
 * (`kvs_entities`). Expiry (TTL) follows the emulated clock.
 */
import type { SiteDatabase } from '../db';

export type KvsSpace = { kind: 'values' } | { kind: 'secrets' } | { kind: 'entity'; entityName: string };

export interface KvsItem {
  key: string;
  value: unknown;
  createdAt: number;
  updatedAt: number;
  expireTime?: string;
}

interface Row {
  key: string;
  value: string;
  created_at: number;
  updated_at: number;
  expire_at: number | null;
}

const schema = ['kvs_values', 'kvs_secrets', 'kvs_entities']
  .map(
    (table) => `CREATE TABLE IF NOT EXISTS ${table} (
  entity_name TEXT NOT NULL DEFAULT '',
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  expire_at INTEGER,
  PRIMARY KEY (entity_name, key)
);`,
  )
  .join('\n');

function tableOf(space: KvsSpace): { table: string; entityName: string } {
  if (space.kind === 'entity') return { table: 'kvs_entities', entityName: space.entityName };
  return { table: space.kind === 'values' ? 'kvs_values' : 'kvs_secrets', entityName: '' };
}

export class KvsStore {
  constructor(
    private readonly db: SiteDatabase,
    private readonly now: () => number,
  ) {
    db.exec(schema);
  }

  get(space: KvsSpace, key: string): KvsItem | undefined {
    const { table, entityName } = tableOf(space);
    const row = this.db.prepare(`SELECT * FROM ${table} WHERE entity_name = ? AND key = ?`).get(entityName, key) as Row | undefined;
    return row && this.live(row) ? toItem(row) : undefined;
  }

  /** Writes a value and returns the item as it was before (if any). */
  put(space: KvsSpace, key: string, value: unknown, ttlMs: number | undefined): { previous: KvsItem | undefined; latest: KvsItem } {
    const { table, entityName } = tableOf(space);
    const previous = this.get(space, key);
    const now = this.now();
    const createdAt = previous?.createdAt ?? now;
    const expireAt = ttlMs === undefined ? null : now + ttlMs;
    this.db
      .prepare(
        `INSERT INTO ${table} (entity_name, key, value, created_at, updated_at, expire_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(entity_name, key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at, updated_at = excluded.updated_at, expire_at = excluded.expire_at`,
      )
      .run(entityName, key, JSON.stringify(value), createdAt, now, expireAt);
    const latest: KvsItem = { key, value, createdAt, updatedAt: now, ...(expireAt === null ? {} : { expireTime: new Date(expireAt).toISOString() }) };
    return { previous, latest };
  }

  /** Deletes a key; false when there was nothing live to delete. */
  remove(space: KvsSpace, key: string): boolean {
    const { table, entityName } = tableOf(space);
    const existed = this.get(space, key) !== undefined;
    this.db.prepare(`DELETE FROM ${table} WHERE entity_name = ? AND key = ?`).run(entityName, key);
    return existed;
  }

  /**
   * Live items of a space in key order, after `afterKey`, whose key starts with `prefix`. The prefix
   * becomes a key range on the primary key, so a query reads only the keys it returns.
   */
  scan(space: KvsSpace, options: { prefix?: string; afterKey?: string; limit?: number } = {}): KvsItem[] {
    const { table, entityName } = tableOf(space);
    const prefix = options.prefix ?? '';
    const upper = prefixUpperBound(prefix);
    const rows = this.db
      .prepare(
        `SELECT * FROM ${table} WHERE entity_name = ? AND key >= ? AND key > ? ${upper === undefined ? '' : 'AND key < ?'}
         AND (expire_at IS NULL OR expire_at > ?) ORDER BY key ${options.limit === undefined ? '' : 'LIMIT ?'}`,
      )
      .all(entityName, prefix, options.afterKey ?? '', ...(upper === undefined ? [] : [upper]), this.now(), ...(options.limit === undefined ? [] : [options.limit])) as Row[];
    return rows.map(toItem);
  }

  /** Runs `work` atomically. */
  atomically<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  private live(row: Row): boolean {
    return row.expire_at === null || row.expire_at > this.now();
  }
}

/**
 * The smallest string greater than every string starting with `prefix` (SQLite compares TEXT by its
 * UTF-8 bytes, which orders like code points): the prefix with its last code point incremented.
 * Undefined when no such bound exists (empty prefix, or only maximal code points).
 */
function prefixUpperBound(prefix: string): string | undefined {
  const points = Array.from(prefix);
  while (points.length > 0) {
    const last = points.pop()?.codePointAt(0) ?? 0x10ffff;
    let next = last + 1;
    if (next >= 0xd800 && next <= 0xdfff) next = 0xe000;
    if (next <= 0x10ffff) return points.join('') + String.fromCodePoint(next);
  }
  return undefined;
}

function toItem(row: Row): KvsItem {
  return {
    key: row.key,
    value: JSON.parse(row.value) as unknown,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.expire_at === null ? {} : { expireTime: new Date(row.expire_at).toISOString() }),
  };
}
