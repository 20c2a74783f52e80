/**
 * Incident metrics: the facts one incident contributes (severity, service, products, impact times,
 * first page and acknowledgement), which incidents count at all, and the distributions over many
 * (median, p90, histogram buckets, weekly or monthly trend). Pure: time is passed in.
 */
import type { DurationMs } from './duration';
import type { EpochMs } from './time';

/** One incident as the metrics see it; the projection holds one row of this per incident. */
export interface IncidentMetricsFacts {
  readonly issueId: string;
  readonly issueKey: string;
  readonly severity?: 1 | 2 | 3;
  readonly service?: string;
  readonly products: readonly string[];
  readonly created: EpochMs;
  readonly impactStart?: EpochMs;
  readonly detected?: EpochMs;
  readonly impactEnd?: EpochMs;
  readonly firstPaged?: EpochMs;
  readonly firstAcknowledged?: EpochMs;
  readonly status: string;
  /** Jira's status category is Done and the incident was not cancelled. */
  readonly resolved: boolean;
  readonly cancelled: boolean;
  readonly drill: boolean;
  /** Jira's `updated` time of the issue when these facts were read: later facts win. */
  readonly jiraUpdated: EpochMs;
}

/** What decides whether an incident was a false alarm or a rehearsal. */
export interface ExclusionFacts {
  readonly statusName: string;
  readonly resolutionName?: string;
  readonly labels: readonly string[];
}

const CANCELLED_STATUSES = new Set(['cancelled', 'canceled']);
// Resolutions Jira sites use for "this was not a real incident".
const CANCELLED_RESOLUTIONS = /cancel|won'?t do|false alarm|not an incident|duplicate/i;
export const CANCELLED_LABEL = 'cancelled';
export const DRILL_LABEL = 'drill';

/** The one rule for leaving incidents out of metrics: cancelled (false alarm) and drills never count. */
export function exclusionOf(facts: ExclusionFacts): { cancelled: boolean; drill: boolean } {
  const labels = facts.labels.map((label) => label.toLowerCase());
  const cancelled =
    CANCELLED_STATUSES.has(facts.statusName.toLowerCase()) ||
    (facts.resolutionName !== undefined && CANCELLED_RESOLUTIONS.test(facts.resolutionName)) ||
    labels.includes(CANCELLED_LABEL);
  return { cancelled, drill: labels.includes(DRILL_LABEL) };
}

/** When the incident happened for period filters and trends: its impact start, else its creation. */
export function occurredAt(facts: Pick<IncidentMetricsFacts, 'impactStart' | 'created'>): EpochMs {
  return facts.impactStart ?? facts.created;
}

/** The impact times a resolved incident must have for TTD and TTR; missing ones make it incomplete. */
export function missingTimes(facts: Pick<IncidentMetricsFacts, 'impactStart' | 'detected' | 'impactEnd'>): ('impactStart' | 'detected' | 'impactEnd')[] {
  return (['impactStart', 'detected', 'impactEnd'] as const).filter((name) => facts[name] === undefined);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Histogram buckets for durations, by their lower bound; the last is open-ended. */
export const DURATION_BUCKETS: readonly { readonly label: string; readonly fromMs: DurationMs }[] = [
  { label: '< 5m', fromMs: 0 },
  { label: '5–15m', fromMs: 5 * MINUTE },
  { label: '15–30m', fromMs: 15 * MINUTE },
  { label: '30m–1h', fromMs: 30 * MINUTE },
  { label: '1–2h', fromMs: HOUR },
  { label: '2–4h', fromMs: 2 * HOUR },
  { label: '4–8h', fromMs: 4 * HOUR },
  { label: '8–24h', fromMs: 8 * HOUR },
  { label: '≥ 24h', fromMs: 24 * HOUR },
];

/** Index of the histogram bucket a duration falls in. */
export function bucketOf(duration: DurationMs): number {
  let index = 0;
  DURATION_BUCKETS.forEach((bucket, i) => {
    if (duration >= bucket.fromMs) index = i;
  });
  return index;
}

/** 1-based ranks whose values make the median: the middle one, or the two middle ones averaged. */
export function medianRanks(count: number): [number, number] {
  return [Math.floor((count + 1) / 2), Math.floor((count + 2) / 2)];
}

/** 1-based rank of the p-th percentile by the nearest-rank method (p in 0–100). */
export function percentileRank(count: number, p: number): number {
  return Math.max(1, Math.ceil((p * count) / 100));
}

/** Median and p90 of the given durations (any order); undefined when there are none. */
export function summarize(values: readonly DurationMs[]): { count: number; median: DurationMs; p90: DurationMs } | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (rank: number): number => sorted[rank - 1] ?? Number.NaN;
  const [low, high] = medianRanks(sorted.length);
  return { count: sorted.length, median: (at(low) + at(high)) / 2, p90: at(percentileRank(sorted.length, 90)) };
}

export type TrendGranularity = 'week' | 'month';

/** The trend bucket of an instant in UTC: the Monday of its ISO week (`2026-05-04`) or its month (`2026-05`). */
export function periodKey(at: EpochMs, granularity: TrendGranularity): string {
  const date = new Date(at);
  if (granularity === 'month') return date.toISOString().slice(0, 7);
  const daysSinceMonday = (date.getUTCDay() + 6) % 7;
  const monday = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - daysSinceMonday);
  return new Date(monday).toISOString().slice(0, 10);
}

/** The first instant after a trend bucket (for drill-down ranges). */
export function periodEnd(key: string, granularity: TrendGranularity): EpochMs {
  if (granularity === 'month') {
    const [year, month] = key.split('-').map(Number);
    return Date.UTC(year ?? 1970, month ?? 1, 1);
  }
  return Date.parse(`${key}T00:00:00Z`) + 7 * 24 * HOUR;
}

/** The first instant of a trend bucket. */
export function periodStart(key: string, granularity: TrendGranularity): EpochMs {
  return Date.parse(granularity === 'month' ? `${key}-01T00:00:00Z` : `${key}T00:00:00Z`);
}
