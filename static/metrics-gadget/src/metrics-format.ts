/** The gadget's pure parts: reading its saved configuration, formatting durations, chart rows and links. */
import { DEFAULT_METRICS_FILTER, METRICS_PERIODS, type MetricsBar, type MetricsFilterDocument, type MetricsPeriod } from '../../../src/contracts/metrics-gadget';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const PERIOD_LABELS: Record<MetricsPeriod, string> = {
  'last-30-days': 'Last 30 days',
  'last-90-days': 'Last 90 days',
  'last-365-days': 'Last 12 months',
  'all-time': 'All time',
};

function recordOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The filter saved in the gadget's configuration; anything unreadable falls back to the default. */
export function readMetricsFilter(stored: unknown): MetricsFilterDocument {
  const raw = recordOf(stored);
  const period = METRICS_PERIODS.find((candidate) => candidate === raw['period']) ?? DEFAULT_METRICS_FILTER.period;
  const severities = Array.isArray(raw['severities']) ? raw['severities'].filter((level): level is 1 | 2 | 3 => level === 1 || level === 2 || level === 3) : [];
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
  const service = text(raw['service']);
  const product = text(raw['product']);
  return {
    period,
    severities,
    trend: raw['trend'] === 'month' ? 'month' : 'week',
    ...(service === undefined ? {} : { service }),
    ...(product === undefined ? {} : { product }),
  };
}

/** "4m", "1h 05m", "2d 03h": minutes are enough for incident durations. */
export function formatMinutes(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < MINUTE) return `${Math.round(ms / 1000)}s`;
  if (ms < HOUR) return `${Math.round(ms / MINUTE)}m`;
  const minutes = String(Math.round((ms % HOUR) / MINUTE)).padStart(2, '0');
  if (ms < DAY) return `${Math.floor(ms / HOUR)}h ${minutes}m`;
  return `${Math.floor(ms / DAY)}d ${String(Math.floor((ms % DAY) / HOUR)).padStart(2, '0')}h`;
}

/** Rows a UI Kit chart takes: `[label, count]`. */
export function chartRows(bars: readonly MetricsBar[]): [string, number][] {
  return bars.map((bar) => [bar.label, bar.count]);
}

/** Jira's issue search for a drill-down. */
export function searchUrl(jql: string): string {
  return `/issues/?jql=${encodeURIComponent(jql)}`;
}

/** What the filter shows in the gadget's subtitle. */
export function describeFilter(filter: MetricsFilterDocument, severityLabel: (level: 1 | 2 | 3) => string): string {
  const parts = [PERIOD_LABELS[filter.period]];
  if (filter.severities.length > 0) parts.push(filter.severities.map(severityLabel).join(', '));
  if (filter.service !== undefined) parts.push(filter.service);
  if (filter.product !== undefined) parts.push(`affecting ${filter.product}`);
  parts.push(filter.trend === 'month' ? 'monthly trend' : 'weekly trend');
  return parts.join(' · ');
}
