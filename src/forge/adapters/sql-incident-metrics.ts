/**
 * The incident metrics projection in Forge SQL (`@forge/sql`, MySQL-compatible): one row per
 * incident, upserted idempotently (the facts Jira last updated win, so a late or duplicate delivery
 * changes nothing), and aggregated in one statement: counts, groups, histograms, the rows at the
 * median and p90 ranks (window functions) and the incomplete incidents. SQL kept to what MySQL 8
 * and TiDB run as written.
 */
import { migrationRunner, sql } from '@forge/sql';
import { z } from 'zod';
import { bucketOf, occurredAt, periodKey, type IncidentMetricsFacts } from '../../domain/incident-metrics';
import { RemoteCallError } from '../../app/errors';
import type { DurationMetric, IncidentMetricsStore, MetricsAggregates, MetricsQuery } from '../../app/metrics/metrics-ports';

const TABLE = 'incident_metrics';

/** The projection's migrations, in order; a name once run is never changed. */
export const METRICS_MIGRATIONS: readonly { name: string; ddl: string }[] = [
  {
    name: 'v001_create_incident_metrics',
    ddl: `CREATE TABLE IF NOT EXISTS ${TABLE} (
      issue_id VARCHAR(32) NOT NULL PRIMARY KEY,
      issue_key VARCHAR(64) NOT NULL,
      severity INT NULL,
      service VARCHAR(255) NULL,
      products VARCHAR(4000) NOT NULL,
      created_at BIGINT NOT NULL,
      occurred_at BIGINT NOT NULL,
      impact_start BIGINT NULL,
      detected BIGINT NULL,
      impact_end BIGINT NULL,
      first_paged BIGINT NULL,
      first_ack BIGINT NULL,
      ttd_ms BIGINT NULL,
      ttr_ms BIGINT NULL,
      tta_ms BIGINT NULL,
      ttd_bucket INT NULL,
      ttr_bucket INT NULL,
      tta_bucket INT NULL,
      status VARCHAR(255) NOT NULL,
      resolved TINYINT NOT NULL,
      cancelled TINYINT NOT NULL,
      drill TINYINT NOT NULL,
      period_week VARCHAR(10) NOT NULL,
      period_month VARCHAR(7) NOT NULL,
      jira_updated BIGINT NOT NULL,
      INDEX incident_metrics_occurred (cancelled, drill, occurred_at),
      INDEX incident_metrics_key (issue_key)
    )`,
  },
  { name: 'v002_create_incident_metrics_meta', ddl: 'CREATE TABLE IF NOT EXISTS incident_metrics_meta (name VARCHAR(64) NOT NULL PRIMARY KEY, value BIGINT NOT NULL)' },
];

const COLUMNS = [
  'issue_id',
  'issue_key',
  'severity',
  'service',
  'products',
  'created_at',
  'occurred_at',
  'impact_start',
  'detected',
  'impact_end',
  'first_paged',
  'first_ack',
  'ttd_ms',
  'ttr_ms',
  'tta_ms',
  'ttd_bucket',
  'ttr_bucket',
  'tta_bucket',
  'status',
  'resolved',
  'cancelled',
  'drill',
  'period_week',
  'period_month',
  'jira_updated',
] as const;

// Rows per INSERT: well under the engines' placeholder limits and Forge SQL's request size.
const UPSERT_BATCH = 200;

const row = (columns: number): string => `(${new Array<string>(columns).fill('?').join(', ')})`;

// Columns other than the key take the incoming value only when Jira updated the issue at or after the stored facts.
// `jira_updated` comes last: MySQL evaluates the assignments in order.
const UPDATES = COLUMNS.filter((column) => column !== 'issue_id' && column !== 'jira_updated')
  .map((column) => `${column} = CASE WHEN VALUES(jira_updated) >= jira_updated THEN VALUES(${column}) ELSE ${column} END`)
  .concat('jira_updated = CASE WHEN VALUES(jira_updated) >= jira_updated THEN VALUES(jira_updated) ELSE jira_updated END')
  .join(', ');

type SqlValue = string | number | null;

const duration = (from: number | undefined, to: number | undefined): number | null => (from === undefined || to === undefined || to < from ? null : to - from);

/** `|Jira|Bitbucket|`: a product filter is then one LIKE that MySQL and any engine run alike. */
const productsColumn = (products: readonly string[]): string => `|${products.join('|')}|`;

function rowValues(facts: IncidentMetricsFacts): SqlValue[] {
  const ttd = duration(facts.impactStart, facts.detected);
  const ttr = duration(facts.impactStart, facts.impactEnd);
  const tta = duration(facts.firstPaged, facts.firstAcknowledged);
  const at = occurredAt(facts);
  const values: Record<(typeof COLUMNS)[number], SqlValue> = {
    issue_id: facts.issueId,
    issue_key: facts.issueKey,
    severity: facts.severity ?? null,
    service: facts.service ?? null,
    products: productsColumn(facts.products),
    created_at: facts.created,
    occurred_at: at,
    impact_start: facts.impactStart ?? null,
    detected: facts.detected ?? null,
    impact_end: facts.impactEnd ?? null,
    first_paged: facts.firstPaged ?? null,
    first_ack: facts.firstAcknowledged ?? null,
    ttd_ms: ttd,
    ttr_ms: ttr,
    tta_ms: tta,
    ttd_bucket: ttd === null ? null : bucketOf(ttd),
    ttr_bucket: ttr === null ? null : bucketOf(ttr),
    tta_bucket: tta === null ? null : bucketOf(tta),
    status: facts.status,
    resolved: facts.resolved ? 1 : 0,
    cancelled: facts.cancelled ? 1 : 0,
    drill: facts.drill ? 1 : 0,
    period_week: periodKey(at, 'week'),
    period_month: periodKey(at, 'month'),
    jira_updated: facts.jiraUpdated,
  };
  return COLUMNS.map((column) => values[column]);
}

const aggregateRow = z.object({
  kind: z.string(),
  label: z.string().nullable(),
  num: z.coerce.number().nullable(),
  n: z.coerce.number().nullable(),
  v: z.coerce.number().nullable(),
});

const METRIC_COLUMNS: Record<DurationMetric, { value: string; bucket: string }> = {
  ttd: { value: 'ttd_ms', bucket: 'ttd_bucket' },
  ttr: { value: 'ttr_ms', bucket: 'ttr_bucket' },
  tta: { value: 'tta_ms', bucket: 'tta_bucket' },
};

/** The WHERE of one query and its parameters; cancelled incidents and drills never count. */
function whereOf(query: MetricsQuery): { where: string; params: SqlValue[] } {
  const clauses = ['cancelled = 0', 'drill = 0', 'occurred_at < ?'];
  const params: SqlValue[] = [query.to];
  if (query.from !== undefined) {
    clauses.push('occurred_at >= ?');
    params.push(query.from);
  }
  if (query.severities.length > 0) {
    clauses.push(`severity IN (${query.severities.map(() => '?').join(', ')})`);
    params.push(...query.severities);
  }
  if (query.service !== undefined) {
    clauses.push('service = ?');
    params.push(query.service);
  }
  if (query.product !== undefined) {
    clauses.push("products LIKE ? ESCAPE '!'");
    params.push(`%|${query.product.replace(/[!%_]/g, (char) => `!${char}`)}|%`);
  }
  return { where: clauses.join(' AND '), params };
}

/** The single aggregate statement; its ranks follow the domain's medianRanks and percentileRank(90). */
export function aggregateStatement(query: MetricsQuery, incompleteLimit: number): { text: string; params: SqlValue[] } {
  const { where, params } = whereOf(query);
  const period = query.trend === 'month' ? 'period_month' : 'period_week';
  const parts = [
    "SELECT 'total' AS kind, NULL AS label, NULL AS num, COUNT(*) AS n, SUM(resolved) AS v FROM f",
    "SELECT 'severity', NULL, severity, COUNT(*), NULL FROM f GROUP BY severity",
    "SELECT 'service', service, NULL, COUNT(*), NULL FROM f GROUP BY service",
    `SELECT 'trend', ${period}, NULL, COUNT(*), NULL FROM f GROUP BY ${period}`,
    ...Object.entries(METRIC_COLUMNS).flatMap(([metric, columns]) => [
      `SELECT 'hist_${metric}', NULL, ${columns.bucket}, COUNT(*), NULL FROM f WHERE ${columns.value} IS NOT NULL GROUP BY ${columns.bucket}`,
      // Median ranks floor((n+1)/2) and floor((n+2)/2); p90 rank ceil(9n/10) = floor((9n+9)/10): integer arithmetic both engines agree on.
      `SELECT 'rank_${metric}', NULL, rn, cnt, v FROM (SELECT ${columns.value} AS v, ROW_NUMBER() OVER (ORDER BY ${columns.value}) AS rn, COUNT(*) OVER () AS cnt FROM f WHERE ${columns.value} IS NOT NULL) ranked_${metric} WHERE rn = FLOOR((cnt + 1) / 2) OR rn = FLOOR((cnt + 2) / 2) OR rn = FLOOR((9 * cnt + 9) / 10)`,
    ]),
    "SELECT 'incomplete_count', NULL, NULL, COUNT(*), NULL FROM f WHERE resolved = 1 AND (impact_start IS NULL OR detected IS NULL OR impact_end IS NULL)",
    `SELECT * FROM (SELECT 'incomplete' AS kind, issue_key AS label, (CASE WHEN impact_start IS NULL THEN 1 ELSE 0 END) + (CASE WHEN detected IS NULL THEN 2 ELSE 0 END) + (CASE WHEN impact_end IS NULL THEN 4 ELSE 0 END) AS num, NULL AS n, NULL AS v FROM f WHERE resolved = 1 AND (impact_start IS NULL OR detected IS NULL OR impact_end IS NULL) ORDER BY occurred_at DESC LIMIT ${Math.max(0, Math.floor(incompleteLimit))}) incomplete_rows`,
  ];
  const text = `WITH f AS (SELECT issue_key, severity, service, occurred_at, ${period}, resolved, impact_start, detected, impact_end, ttd_ms, ttr_ms, tta_ms, ttd_bucket, ttr_bucket, tta_bucket FROM ${TABLE} WHERE ${where}) ${parts.join(' UNION ALL ')}`;
  return { text, params };
}

/** Turns the aggregate statement's rows into the port's answer. */
export function readAggregates(rows: readonly unknown[]): MetricsAggregates {
  const parsed = rows.map((entry) => {
    const result = aggregateRow.safeParse(entry);
    if (!result.success) throw new RemoteCallError('sql', 'aggregate incident metrics', 200, `unexpected row: ${result.error.issues[0]?.message ?? 'invalid'}`);
    return result.data;
  });
  const of = (kind: string) => parsed.filter((entry) => entry.kind === kind);
  const severityOf = (value: number | null): 1 | 2 | 3 | null => (value === 1 || value === 2 || value === 3 ? value : null);
  const total = of('total')[0];
  const metric = (name: DurationMetric) => {
    const ranked = of(`rank_${name}`);
    return { count: ranked[0]?.n ?? 0, valuesByRank: new Map(ranked.map((entry) => [entry.num ?? 0, entry.v ?? 0])) };
  };
  const histogram = (name: DurationMetric) => of(`hist_${name}`).map((entry) => ({ bucket: entry.num ?? 0, count: entry.n ?? 0 }));
  return {
    total: total?.n ?? 0,
    resolved: total?.v ?? 0,
    bySeverity: of('severity').map((entry) => ({ severity: severityOf(entry.num), count: entry.n ?? 0 })),
    byService: of('service').map((entry) => ({ service: entry.label, count: entry.n ?? 0 })),
    trend: of('trend').map((entry) => ({ period: entry.label ?? '', count: entry.n ?? 0 })),
    histograms: { ttd: histogram('ttd'), ttr: histogram('ttr'), tta: histogram('tta') },
    ranked: { ttd: metric('ttd'), ttr: metric('ttr'), tta: metric('tta') },
    incomplete: {
      count: of('incomplete_count')[0]?.n ?? 0,
      rows: of('incomplete').map((entry) => {
        const missing = entry.num ?? 0;
        // The row says which times are missing; present ones only need to be marked present.
        return {
          issueKey: entry.label ?? '',
          ...((missing & 1) === 0 ? { impactStart: 0 } : {}),
          ...((missing & 2) === 0 ? { detected: 0 } : {}),
          ...((missing & 4) === 0 ? { impactEnd: 0 } : {}),
        };
      }),
    },
  };
}

function sqlError(operation: string, error: unknown): RemoteCallError {
  const code = z.object({ code: z.string() }).loose().safeParse(error).data?.code;
  const message = error instanceof Error ? error.message : String(error);
  const status = z.object({ responseDetails: z.object({ status: z.number() }).loose() }).loose().safeParse(error).data?.responseDetails.status;
  return new RemoteCallError('sql', operation, status, code === undefined ? message : `${code}: ${message}`, undefined, { cause: error });
}

const isMissingTable = (error: unknown): boolean => error instanceof Error && /doesn't exist/i.test(error.message);

export class SqlIncidentMetrics implements IncidentMetricsStore {
  async migrate(): Promise<void> {
    try {
      for (const migration of METRICS_MIGRATIONS) migrationRunner.enqueue(migration.name, migration.ddl);
      await migrationRunner.run();
    } catch (error) {
      throw sqlError('migrate the incident metrics tables', error);
    }
  }

  async upsert(facts: readonly IncidentMetricsFacts[]): Promise<void> {
    for (let start = 0; start < facts.length; start += UPSERT_BATCH) {
      const batch = facts.slice(start, start + UPSERT_BATCH);
      const text = `INSERT INTO ${TABLE} (${COLUMNS.join(', ')}) VALUES ${batch.map(() => row(COLUMNS.length)).join(', ')} ON DUPLICATE KEY UPDATE ${UPDATES}`;
      const params = batch.flatMap(rowValues);
      await this.withTables('upsert incident metrics', () => sql.prepare(text).bindParams(...params).execute());
    }
  }

  async aggregate(query: MetricsQuery, incompleteLimit: number): Promise<MetricsAggregates> {
    const { text, params } = aggregateStatement(query, incompleteLimit);
    const result = await this.withTables('aggregate incident metrics', () => sql.prepare<unknown>(text).bindParams(...params).execute());
    return readAggregates(Array.isArray(result.rows) ? result.rows : []);
  }

  async count(): Promise<number> {
    const result = await this.withTables('count incident metrics', () => sql.prepare<{ n: number }>(`SELECT COUNT(*) AS n FROM ${TABLE}`).execute());
    return Number(result.rows[0]?.n ?? 0);
  }

  async reconciledUntil(): Promise<number | undefined> {
    const result = await this.withTables('read the reconcile mark', () => sql.prepare<{ value: number }>("SELECT value FROM incident_metrics_meta WHERE name = 'reconciled_until'").execute());
    const value = result.rows[0]?.value;
    return value === undefined ? undefined : Number(value);
  }

  async setReconciledUntil(at: number): Promise<void> {
    await this.withTables('save the reconcile mark', () =>
      sql.prepare("INSERT INTO incident_metrics_meta (name, value) VALUES ('reconciled_until', ?) ON DUPLICATE KEY UPDATE value = VALUES(value)").bindParams(at).execute(),
    );
  }

  /** Runs a statement; when the tables are missing (an event before the install migration ran), migrates once and retries. */
  private async withTables<T>(operation: string, statement: () => Promise<T>): Promise<T> {
    try {
      return await statement();
    } catch (error) {
      if (!isMissingTable(error)) throw sqlError(operation, error);
    }
    await this.migrate();
    try {
      return await statement();
    } catch (error) {
      throw sqlError(operation, error);
    }
  }
}
