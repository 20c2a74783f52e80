/** Ports of the incident metrics: the projection (Forge SQL) and the Jira search that rebuilds it. */
import type { IncidentMetricsFacts, TrendGranularity } from '../../domain/incident-metrics';
import type { EpochMs } from '../../domain/time';
import type { IssueData } from '../ports';

/** Which incidents a query counts; cancelled incidents and drills never are. */
export interface MetricsQuery {
  /** Incidents that happened at or after this instant (impact start, else creation); absent for all time. */
  readonly from?: EpochMs;
  readonly to: EpochMs;
  readonly severities: readonly (1 | 2 | 3)[];
  readonly service?: string;
  readonly product?: string;
  readonly trend: TrendGranularity;
}

export type DurationMetric = 'ttd' | 'ttr' | 'tta';

/** What the projection aggregates for one query. */
export interface MetricsAggregates {
  readonly total: number;
  readonly resolved: number;
  readonly bySeverity: readonly { readonly severity: 1 | 2 | 3 | null; readonly count: number }[];
  readonly byService: readonly { readonly service: string | null; readonly count: number }[];
  readonly trend: readonly { readonly period: string; readonly count: number }[];
  /** Count per histogram bucket index (domain DURATION_BUCKETS). */
  readonly histograms: Readonly<Record<DurationMetric, readonly { readonly bucket: number; readonly count: number }[]>>;
  /** Values at the ranks asked for (median and p90), per metric, with how many incidents have the metric. */
  readonly ranked: Readonly<Record<DurationMetric, { readonly count: number; readonly valuesByRank: ReadonlyMap<number, number> }>>;
  /** Resolved incidents missing an impact time (first ones by key) and how many there are. */
  readonly incomplete: { readonly count: number; readonly rows: readonly Pick<IncidentMetricsFacts, 'issueKey' | 'impactStart' | 'detected' | 'impactEnd'>[] };
}

/** The incident metrics projection. Upserts are idempotent: the facts read later from Jira win. */
export interface IncidentMetricsStore {
  /** Creates or upgrades the tables (through the migration runner); safe to run on every start. */
  migrate(): Promise<void>;
  upsert(facts: readonly IncidentMetricsFacts[]): Promise<void>;
  aggregate(query: MetricsQuery, incompleteLimit: number): Promise<MetricsAggregates>;
  /** How many incidents the projection holds. */
  count(): Promise<number>;
  /** When the last reconcile read Jira up to (epoch ms), if one ran. */
  reconciledUntil(): Promise<EpochMs | undefined>;
  setReconciledUntil(at: EpochMs): Promise<void>;
}

/** One page of Jira issues found with JQL. */
export interface IssuePage {
  readonly issues: readonly IssueData[];
  readonly nextPageToken?: string;
}

/** Jira's enhanced JQL search, page by page. */
export interface IssueSearch {
  searchPage(jql: string, fieldIds: readonly string[], nextPageToken: string | undefined): Promise<IssuePage>;
}
