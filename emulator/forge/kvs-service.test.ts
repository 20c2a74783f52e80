import { openSiteDatabase, type SiteDatabase } from '../db';
import { KvsService } from './kvs-service';
import { KvsStore } from './kvs-store';
import type { StorageEntity } from './manifest';

const incident: StorageEntity = {
  name: 'incident',
  attributes: { status: { type: 'string' }, severity: { type: 'integer' } },
  indexes: [
    { name: 'status', range: ['status'], partition: [] },
    { name: 'by-status-severity', range: ['severity'], partition: ['status'] },
  ],
};

describe('KvsService', () => {
  let db: SiteDatabase;
  let now: number;
  let kvs: KvsService;

  beforeEach(() => {
    db = openSiteDatabase(':memory:', false);
    now = Date.UTC(2026, 0, 1);
    kvs = new KvsService(new KvsStore(db, () => now), new Map([['incident', incident]]));
  });

  afterEach(() => db.close());

  it('stores a value and reads it back, and answers KEY_NOT_FOUND for a missing key', () => {
    expect(kvs.handle('/api/v1/set', { key: 'config', value: { sev: 1 } }).status).toBe(204);
    expect(kvs.handle('/api/v1/get', { key: 'config' }).body).toMatchObject({ key: 'config', value: { sev: 1 } });
    expect(kvs.handle('/api/v1/get', { key: 'nope' })).toEqual({ status: 404, body: { code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' } });
  });

  it('rejects keys with characters Forge does not allow', () => {
    const answer = kvs.handle('/api/v1/set', { key: 'a/b', value: 1 });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('forgets a value once its time to live has passed on the emulated clock', () => {
    kvs.handle('/api/v1/set', { key: 'lock', value: true, options: { ttl: { value: 5, unit: 'MINUTES' } } });
    now += 4 * 60_000;
    expect(kvs.handle('/api/v1/get', { key: 'lock' }).status).toBe(200);
    now += 2 * 60_000;
    expect(kvs.handle('/api/v1/get', { key: 'lock' }).status).toBe(404);
  });

  it('refuses to overwrite with FAIL_IF_EXISTS', () => {
    kvs.handle('/api/v1/set', { key: 'once', value: 1 });
    expect(kvs.handle('/api/v1/set', { key: 'once', value: 2, options: { keyPolicy: 'FAIL_IF_EXISTS' } }).status).toBe(409);
    expect(kvs.handle('/api/v1/get', { key: 'once' }).body).toMatchObject({ value: 1 });
  });

  it('pages through keys with a prefix using the returned cursor', () => {
    for (const key of ['inc:1', 'inc:2', 'inc:3', 'other']) kvs.handle('/api/v1/set', { key, value: key });
    const first = kvs.handle('/api/v1/query', { limit: 2, where: [{ property: 'key', condition: 'BEGINS_WITH', values: ['inc:'] }] }).body as {
      data: { key: string }[];
      cursor?: string;
    };
    expect(first.data.map((item) => item.key)).toEqual(['inc:1', 'inc:2']);
    const second = kvs.handle('/api/v1/query', { limit: 2, after: first.cursor, where: [{ property: 'key', condition: 'BEGINS_WITH', values: ['inc:'] }] })
      .body as { data: { key: string }[]; cursor?: string };
    expect(second.data.map((item) => item.key)).toEqual(['inc:3']);
    expect(second.cursor).toBeUndefined();
  });

  it('answers a prefix query with exactly the keys that begin with it, including keys next to the range edges', () => {
    const keys = ['inc', 'inc:', 'inc:a', 'inc:zz', 'inc:Z#9', 'inc.', 'inc;', 'inb:', 'inc9', 'paging:inc:1'];
    for (const key of keys) kvs.handle('/api/v1/set', { key, value: key });
    kvs.handle('/api/v1/set', { key: 'inc:gone', value: 1, options: { ttl: { value: 1, unit: 'SECONDS' } } });
    now += 2000;
    const answer = kvs.handle('/api/v1/query', { where: [{ property: 'key', condition: 'BEGINS_WITH', values: ['inc:'] }] }).body as { data: { key: string }[] };
    expect(answer.data.map((item) => item.key)).toEqual(['inc:', 'inc:Z#9', 'inc:a', 'inc:zz']);
  });

  it('reads a prefix query through the primary key index rather than every stored key', () => {
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT * FROM kvs_values WHERE entity_name = ? AND key >= ? AND key > ? AND key < ? ORDER BY key LIMIT ?")
      .all('', 'inc:', '', 'inc;', 10) as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toMatch(/USING (PRIMARY KEY|INDEX sqlite_autoindex_kvs_values_1) \(entity_name=\? AND key>\? AND key<\?\)/);
  });

  it('queries custom entities by partition and range, sorted', () => {
    kvs.handle('/api/v1/entity/set', { entityName: 'incident', key: 'a', value: { status: 'open', severity: 3 } });
    kvs.handle('/api/v1/entity/set', { entityName: 'incident', key: 'b', value: { status: 'open', severity: 1 } });
    kvs.handle('/api/v1/entity/set', { entityName: 'incident', key: 'c', value: { status: 'closed', severity: 2 } });
    const answer = kvs.handle('/api/v1/entity/query', {
      entityName: 'incident',
      indexName: 'by-status-severity',
      partition: ['open'],
      range: { condition: 'LESS_THAN_EQUAL_TO', values: [3] },
      sort: 'DESC',
    });
    expect((answer.body as { data: { key: string }[] }).data.map((item) => item.key)).toEqual(['a', 'b']);
  });

  it('rejects an entity value whose attribute has the wrong type', () => {
    const answer = kvs.handle('/api/v1/entity/set', { entityName: 'incident', key: 'a', value: { severity: 'high' } });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('severity');
  });

  it('applies a transaction only when its conditions hold', () => {
    kvs.handle('/api/v1/entity/set', { entityName: 'incident', key: 'a', value: { status: 'open', severity: 1 } });
    const failed = kvs.handle('/api/v1/transaction', {
      set: [{ key: 'a', entityName: 'incident', value: { status: 'closed', severity: 1 }, conditions: { and: [{ property: 'status', condition: 'EQUAL_TO', values: ['closed'] }] } }],
    });
    expect(failed.status).toBe(409);
    const applied = kvs.handle('/api/v1/transaction', {
      set: [{ key: 'a', entityName: 'incident', value: { status: 'closed', severity: 1 }, conditions: { and: [{ property: 'status', condition: 'EQUAL_TO', values: ['open'] }] } }],
      delete: [{ key: 'gone' }],
    });
    expect(applied.status).toBe(204);
    expect(kvs.handle('/api/v1/entity/get', { entityName: 'incident', key: 'a' }).body).toMatchObject({ value: { status: 'closed' } });
  });

  it('keeps secrets apart from plain values', () => {
    kvs.handle('/api/v1/secret/set', { key: 'token', value: 'xoxb-1' });
    expect(kvs.handle('/api/v1/get', { key: 'token' }).status).toBe(404);
    expect(kvs.handle('/api/v1/secret/get', { key: 'token' }).body).toMatchObject({ value: 'xoxb-1' });
  });
});
