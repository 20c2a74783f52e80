/**
 * The gadget's figures: one aggregate query on the projection and the configuration read side by
 * side, then whether the viewer may browse the incident project (Jira's permission decides who
 * sees incident figures). Medians and p90 come from the rows at their ranks, picked in SQL.
 */
import { z } from 'zod';
import {
  DEFAULT_METRICS_FILTER,
  METRICS_PERIODS,
  type DistributionView,
  type IncidentMetricsView,
  type MetricsBar,
  type MetricsFilterDocument,
} from '../../contracts/metrics-gadget';
import { CANCELLED_LABEL, DRILL_LABEL, DURATION_BUCKETS, medianRanks, percentileRank, periodEnd, periodStart } from '../../domain/incident-metrics';
import { labelOf, SEVERITY_LEVELS } from '../../domain/severity';
import { parseWith } from '../../domain/parse-input';
import type { Configuration } from '../configuration';
import { CONFIGURATION_KEY, configurationFrom } from '../configuration-store';
import { ForbiddenError } from '../errors';
import { SELECT_FIELDS } from '../incident-fields';
import { and, clause, inList, isEmpty, jqlText, or, type JqlClause } from '../jql';
import type { AppStore, Clock } from '../ports';
import type { DurationMetric, IncidentMetricsStore, MetricsAggregates, MetricsQuery } from './metrics-ports';

/** How many incomplete incidents the gadget lists by key (all are counted). */
export const INCOMPLETE_LISTED = 20;

const DAY = 24 * 60 * 60 * 1000;
const PERIOD_DAYS: Record<MetricsFilterDocument['period'], number | undefined> = {
  'last-30-days': 30,
  'last-90-days': 90,
  'last-365-days': 365,
  'all-time': undefined,
};

const optionalText = z.string().trim().max(255).optional().transform((value) => (value === '' ? undefined : value));

/** The gadget configuration as saved by Jira: unknown fields are refused, missing ones take defaults. */
export const metricsFilterSchema = z
  .strictObject({
    period: z.enum(METRICS_PERIODS as [MetricsFilterDocument['period'], ...MetricsFilterDocument['period'][]]).default(DEFAULT_METRICS_FILTER.period),
    severities: z.array(z.union([z.literal(1), z.literal(2), z.literal(3)])).max(3).default([]),
    service: optionalText,
    product: optionalText,
    trend: z.enum(['week', 'month']).default(DEFAULT_METRICS_FILTER.trend),
  })
  .transform(
    (filter): MetricsFilterDocument => ({
      period: filter.period,
      severities: [...new Set(filter.severities)].sort(),
      trend: filter.trend,
      ...(filter.service === undefined ? {} : { service: filter.service }),
      ...(filter.product === undefined ? {} : { product: filter.product }),
    }),
  );

export function parseMetricsFilter(input: unknown): MetricsFilterDocument {
  return parseWith(metricsFilterSchema, input ?? {}, 'filter');
}

export interface GetMetricsDeps {
  readonly metrics: IncidentMetricsStore;
  readonly store: AppStore;
  readonly clock: Clock;
  /** Whether the viewer may browse the project (asked of Jira as the viewer). */
  readonly canBrowseProject: (projectKey: string) => Promise<boolean>;
}

/** The query a filter means at `now`. */
export function metricsQuery(filter: MetricsFilterDocument, now: number): MetricsQuery {
  const days = PERIOD_DAYS[filter.period];
  return {
    ...(days === undefined ? {} : { from: now - days * DAY }),
    to: now,
    severities: filter.severities,
    trend: filter.trend,
    ...(filter.service === undefined ? {} : { service: filter.service }),
    ...(filter.product === undefined ? {} : { product: filter.product }),
  };
}

/** Median and p90 from the values at their ranks. */
export function percentilesOf(ranked: { count: number; valuesByRank: ReadonlyMap<number, number> }): { medianMs?: number; p90Ms?: number } {
  if (ranked.count === 0) return {};
  const [low, high] = medianRanks(ranked.count);
  const lowValue = ranked.valuesByRank.get(low);
  const highValue = ranked.valuesByRank.get(high);
  const p90 = ranked.valuesByRank.get(percentileRank(ranked.count, 90));
  return {
    ...(lowValue === undefined || highValue === undefined ? {} : { medianMs: (lowValue + highValue) / 2 }),
    ...(p90 === undefined ? {} : { p90Ms: p90 }),
  };
}

const jqlMinute = (at: number): string => new Date(at).toISOString().slice(0, 16).replace('T', ' ');

/**
 * The incidents counted, in JQL: the project and type, the filters, the period by impact start, and
 * neither cancelled nor drills (the rule of the domain's exclusionOf, in JQL).
 */
function baseClauses(config: Configuration, query: MetricsQuery): JqlClause[] {
  const clauses: JqlClause[] = [
    clause('project', '=', config.incidentProject.projectKey),
    clause('issuetype', '=', config.incidentProject.issueTypeName),
    clause('status', '!=', 'Cancelled'),
    // Jira's `not in` skips issues without a value, hence the `is EMPTY` alternatives.
    or(isEmpty('labels'), inList('labels', [CANCELLED_LABEL, DRILL_LABEL], true)),
    or(isEmpty('resolution'), inList('resolution', ["Won't Do", 'Cancelled', 'Duplicate'], true)),
  ];
  if (query.severities.length > 0) clauses.push(inList(SELECT_FIELDS.severity.name, query.severities.map((level) => labelOf(config.severityScale, level))));
  if (query.service !== undefined) clauses.push(clause(SELECT_FIELDS.faultyService.name, '=', query.service));
  if (query.product !== undefined) clauses.push(clause(SELECT_FIELDS.affectedProducts.name, '=', query.product));
  if (query.from !== undefined) clauses.push(clause('Impact start', '>=', jqlMinute(query.from)));
  return clauses;
}

function distribution(aggregates: MetricsAggregates, metric: DurationMetric, jqlOf: (extra: JqlClause[]) => string): DistributionView {
  const counts = new Map(aggregates.histograms[metric].map((entry) => [entry.bucket, entry.count]));
  const field = metric === 'ttd' ? 'Detected' : metric === 'ttr' ? 'Impact end' : undefined;
  return {
    count: aggregates.ranked[metric].count,
    ...percentilesOf(aggregates.ranked[metric]),
    histogram: DURATION_BUCKETS.map((bucket, index) => ({
      label: bucket.label,
      count: counts.get(index) ?? 0,
      // JQL cannot subtract two dates, so a bucket opens every incident with the duration.
      jql: jqlOf(field === undefined ? [] : [isEmpty(field, true)]),
    })),
  };
}

/** The figures of the gadget for one filter, as `viewer` may see them. */
export async function getIncidentMetrics(deps: GetMetricsDeps, rawFilter: unknown): Promise<IncidentMetricsView> {
  const filter = parseMetricsFilter(rawFilter);
  const now = deps.clock.now();
  const query = metricsQuery(filter, now);
  const permitted = deps.store.get(CONFIGURATION_KEY).then(async (stored) => {
    const config = configurationFrom(stored);
    if (!(await deps.canBrowseProject(config.incidentProject.projectKey))) throw new ForbiddenError('see the incident metrics of this project');
    return config;
  });
  const [config, aggregates] = await Promise.all([permitted, deps.metrics.aggregate(query, INCOMPLETE_LISTED)]);
  const base = baseClauses(config, query);
  const jqlOf = (extra: JqlClause[]): string => jqlText(and(...base, ...extra), { field: 'created', direction: 'desc' });
  const bar = (label: string, count: number, extra: JqlClause[]): MetricsBar => ({ label, count, jql: jqlOf(extra) });
  const severityCounts = new Map(aggregates.bySeverity.map((entry) => [entry.severity, entry.count]));
  const noSeverity = severityCounts.get(null) ?? 0;
  const bySeverity = [
    ...SEVERITY_LEVELS.filter((level) => (severityCounts.get(level) ?? 0) > 0 || filter.severities.length === 0 || filter.severities.includes(level)).map((level) => {
      const label = labelOf(config.severityScale, level);
      return bar(label, severityCounts.get(level) ?? 0, [clause(SELECT_FIELDS.severity.name, '=', label)]);
    }),
    ...(noSeverity > 0 ? [bar('No severity', noSeverity, [isEmpty(SELECT_FIELDS.severity.name)])] : []),
  ];
  const byService = [...aggregates.byService]
    .sort((a, b) => b.count - a.count || (a.service ?? '').localeCompare(b.service ?? ''))
    .map((entry) =>
      entry.service === null
        ? bar('No service', entry.count, [isEmpty(SELECT_FIELDS.faultyService.name)])
        : bar(entry.service, entry.count, [clause(SELECT_FIELDS.faultyService.name, '=', entry.service)]),
    );
  const trend = [...aggregates.trend]
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((entry) =>
      bar(entry.period, entry.count, [
        clause('Impact start', '>=', jqlMinute(periodStart(entry.period, filter.trend))),
        clause('Impact start', '<', jqlMinute(periodEnd(entry.period, filter.trend))),
      ]),
    );
  const incompleteJql = jqlOf([clause('statusCategory', '=', 'Done')]);
  return {
    filter,
    ...(query.from === undefined ? {} : { from: new Date(query.from).toISOString() }),
    to: new Date(now).toISOString(),
    total: aggregates.total,
    resolved: aggregates.resolved,
    timeToDetect: distribution(aggregates, 'ttd', jqlOf),
    timeToRecover: distribution(aggregates, 'ttr', jqlOf),
    timeToAcknowledge: distribution(aggregates, 'tta', jqlOf),
    bySeverity,
    byService,
    trend,
    incomplete: {
      count: aggregates.incomplete.count,
      incidents: aggregates.incomplete.rows.map((row) => ({
        key: row.issueKey,
        missing: (['impactStart', 'detected', 'impactEnd'] as const).filter((name) => row[name] === undefined),
      })),
      jql: incompleteJql,
    },
    jql: jqlOf([]),
  };
}
