/** The "Incident metrics" dashboard gadget: its resolver keys, filters (saved as the gadget's configuration) and view. */

export const METRICS_GADGET_RESOLVER_KEYS = {
  getIncidentMetrics: 'getIncidentMetrics',
  getFilterOptions: 'getFilterOptions',
  rebuildIncidentMetrics: 'rebuildIncidentMetrics',
} as const;

export type MetricsPeriod = 'last-30-days' | 'last-90-days' | 'last-365-days' | 'all-time';
export const METRICS_PERIODS: readonly MetricsPeriod[] = ['last-30-days', 'last-90-days', 'last-365-days', 'all-time'];

/** The gadget's configuration: what an editor chose, kept by Jira with the gadget. */
export interface MetricsFilterDocument {
  readonly period: MetricsPeriod;
  /** Severity levels to include; empty means all. */
  readonly severities: readonly (1 | 2 | 3)[];
  /** Faulty service; absent means all. */
  readonly service?: string;
  /** Affected product; absent means all. */
  readonly product?: string;
  readonly trend: 'week' | 'month';
}

export const DEFAULT_METRICS_FILTER: MetricsFilterDocument = { period: 'last-90-days', severities: [], trend: 'week' };

/** One bar of a chart, with the JQL that finds the incidents behind it. */
export interface MetricsBar {
  readonly label: string;
  readonly count: number;
  readonly jql: string;
}

export interface DistributionView {
  /** How many incidents have this duration. */
  readonly count: number;
  /** Milliseconds; absent when no incident has the duration. */
  readonly medianMs?: number;
  readonly p90Ms?: number;
  readonly histogram: readonly MetricsBar[];
}

export interface IncompleteIncident {
  readonly key: string;
  /** The impact times it lacks: `impactStart`, `detected`, `impactEnd`. */
  readonly missing: readonly string[];
}

export interface IncidentMetricsView {
  readonly filter: MetricsFilterDocument;
  /** ISO-8601 bounds of the period (from absent for all time). */
  readonly from?: string;
  readonly to: string;
  /** Incidents counted: neither cancelled nor drills, in the period and filters. */
  readonly total: number;
  readonly resolved: number;
  readonly timeToDetect: DistributionView;
  readonly timeToRecover: DistributionView;
  /** From the first page to its first acknowledgement. */
  readonly timeToAcknowledge: DistributionView;
  readonly bySeverity: readonly MetricsBar[];
  readonly byService: readonly MetricsBar[];
  readonly trend: readonly MetricsBar[];
  /** Resolved incidents missing an impact time: counted here, never silently dropped. */
  readonly incomplete: { readonly count: number; readonly incidents: readonly IncompleteIncident[]; readonly jql: string };
  /** JQL of every incident counted. */
  readonly jql: string;
}

export interface MetricsFilterOptions {
  readonly severities: readonly { readonly level: 1 | 2 | 3; readonly label: string }[];
  readonly services: readonly string[];
  readonly products: readonly string[];
}
