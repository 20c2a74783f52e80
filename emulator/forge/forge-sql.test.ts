// The site must load before @forge/api: the package captures the global fetch when it loads.
import { startTestSite, type TestSite } from '../test-fixtures/test-site';
import { ForgeSQLAPIError, migrationRunner, sql } from '@forge/sql';
import { ForgeSqlService, translateUpsert } from './forge-sql';

interface Row {
  issue_key: string;
  service: string;
  ttr_ms: number | null;
}

describe('Forge SQL on the local site, through @forge/sql', () => {
  let test: TestSite;
  const run = <T>(body: () => Promise<T>): Promise<T> => test.site.forge.runInInvocation({ moduleKey: 'probe-panel' }, body);

  beforeAll(async () => {
    test = await startTestSite();
    await run(() =>
      migrationRunner
        .enqueue('v001_create_incidents', 'CREATE TABLE IF NOT EXISTS incidents (issue_key VARCHAR(32) PRIMARY KEY, service VARCHAR(255) NOT NULL, ttr_ms BIGINT NULL, INDEX incidents_service (service))')
        .run(),
    );
  });

  afterAll(() => test.stop());

  it('runs the migration runner once: a second run finds every migration done', async () => {
    const again = await run(() => migrationRunner.run());
    expect(again).toEqual([]);
    const listed = await run(() => migrationRunner.list());
    expect(listed.map((migration) => migration.name)).toEqual(['v001_create_incidents']);
    expect(listed[0]?.id).toBe(1);
  });

  it('upserts with MySQL ON DUPLICATE KEY UPDATE, so a duplicate delivery leaves one row with the latest values', async () => {
    const upsert = 'INSERT INTO incidents (issue_key, service, ttr_ms) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE service = VALUES(service), ttr_ms = VALUES(ttr_ms)';
    await run(() => sql.prepare(upsert).bindParams('HOT-1', 'Bitbucket', 1000).execute());
    const second = await run(() => sql.prepare(upsert).bindParams('HOT-1', 'Bitbucket', 2000).execute());
    expect(second.rows).toMatchObject({ affectedRows: 1 });
    const { rows } = await run(() => sql.prepare<Row>('SELECT issue_key, service, ttr_ms FROM incidents WHERE issue_key = ?').bindParams('HOT-1').execute());
    expect(rows).toEqual([{ issue_key: 'HOT-1', service: 'Bitbucket', ttr_ms: 2000 }]);
  });

  it('compares text case-insensitively, as MySQL does under its default collation', async () => {
    const { rows } = await run(() => sql.prepare<Row>('SELECT issue_key FROM incidents WHERE service = ?').bindParams('BITBUCKET').execute());
    expect(rows).toEqual([{ issue_key: 'HOT-1' }]);
  });

  it('aggregates with window functions MySQL 8 has', async () => {
    await run(() => sql.prepare('INSERT INTO incidents (issue_key, service, ttr_ms) VALUES (?, ?, ?), (?, ?, ?)').bindParams('HOT-2', 'Jira', 10, 'HOT-3', 'Jira', 30).execute());
    const { rows } = await run(() =>
      sql.prepare('SELECT issue_key, ROW_NUMBER() OVER (PARTITION BY service ORDER BY ttr_ms) AS rn FROM incidents WHERE service = ? ORDER BY rn').bindParams('Jira').execute(),
    );
    expect(rows).toEqual([
      { issue_key: 'HOT-2', rn: 1 },
      { issue_key: 'HOT-3', rn: 2 },
    ]);
  });

  it('refuses SQL the MySQL engine would reject with INVALID_SQL_QUERY, changing nothing', async () => {
    const error = await run(() => sql.prepare('SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY ttr_ms) FROM incidents').execute()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ForgeSQLAPIError);
    expect(error).toMatchObject({ code: 'INVALID_SQL_QUERY', responseDetails: { status: 400 } });
    const twoStatements = await run(() => sql.executeRaw('DELETE FROM incidents; SELECT 1')).catch((caught: unknown) => caught);
    expect(twoStatements).toMatchObject({ code: 'INVALID_SQL_QUERY' });
    const { rows } = await run(() => sql.executeRaw('SELECT COUNT(*) AS n FROM incidents'));
    expect(rows).toEqual([{ n: 3 }]);
  });

  it('answers execution errors with SQL_EXECUTION_ERROR and a MySQL-like message', async () => {
    const missing = await run(() => sql.executeRaw('SELECT * FROM nowhere')).catch((caught: unknown) => caught);
    expect(missing).toMatchObject({ code: 'SQL_EXECUTION_ERROR', message: "Table 'nowhere' doesn't exist" });
    const duplicate = await run(() => sql.prepare('INSERT INTO incidents (issue_key, service) VALUES (?, ?)').bindParams('HOT-1', 'Jira').execute()).catch((caught: unknown) => caught);
    expect(duplicate).toMatchObject({ code: 'SQL_EXECUTION_ERROR' });
  });

  it('takes schema changes only through executeDDL', async () => {
    const refused = await run(() => sql.executeRaw('DROP TABLE incidents')).catch((caught: unknown) => caught);
    expect(refused).toMatchObject({ code: 'INVALID_SQL_QUERY' });
  });

  it('records each statement as a remote call of the invocation', async () => {
    await run(() => sql.executeRaw('SELECT 1 AS one'));
    const records = test.site.forge.invocations.list();
    const last = records[records.length - 1];
    expect(last?.remoteCalls.map((call) => `${call.kind} ${call.method} ${call.path}`)).toEqual(['sql POST /api/v1/execute']);
  });
});

describe('translating MySQL for the embedded engine', () => {
  it('turns ON DUPLICATE KEY UPDATE into ON CONFLICT DO UPDATE, leaving quoted text alone', () => {
    expect(translateUpsert("INSERT INTO t (a, b) VALUES (?, 'ON DUPLICATE KEY UPDATE') ON DUPLICATE KEY UPDATE b = VALUES(`b`)")).toBe(
      "INSERT INTO t (a, b) VALUES (?, 'ON DUPLICATE KEY UPDATE') ON CONFLICT DO UPDATE SET b = excluded.\"b\"",
    );
  });

  it('numbers rows of an AUTO_INCREMENT key and keeps inline indexes as indexes', () => {
    const service = ForgeSqlService.open(':memory:', false);
    service.handle('/api/v1/execute/ddl', { query: 'CREATE TABLE log (id BIGINT PRIMARY KEY AUTO_INCREMENT, k VARCHAR(10), INDEX log_k (k)) ENGINE=InnoDB', params: [] });
    service.handle('/api/v1/execute', { query: 'INSERT INTO log (k) VALUES (?), (?)', params: ['a', 'b'] });
    expect(service.handle('/api/v1/execute', { query: 'SELECT id, k FROM log ORDER BY id', params: [] }).body).toEqual({ rows: [{ id: 1, k: 'a' }, { id: 2, k: 'b' }] });
    service.close();
  });
});
