/**
 * A history of past incidents for the demo organisation (and, larger, for the benchmarks): generated
 * deterministically from a seed with realistic spreads — time to detect and to recover are
 * log-normal, longer for lower severities — across the demo's services and products, with a few
 * false alarms (Cancelled), drills and incidents whose detection time was never recorded.
 */
import { defaultPriorityId } from './jira-defaults';
import { demoIssueTypeIds, demoProjectIds, demoStatusIds } from './seed-demo';
import type { JiraStore } from './store/jira-store';
import { accountIdFor } from './store/stable-ids';
import { seededRandom } from '../seeded-random';

export interface HistoricIncident {
  summary: string;
  severity: 'Sev 1' | 'Sev 2' | 'Sev 3';
  service: 'Bitbucket' | 'Jira Cloud' | 'Confluence';
  products: string[];
  impactStart: number;
  /** Absent for the few incidents whose detection was never recorded. */
  detected?: number;
  impactEnd: number;
  outcome: 'resolved' | 'closed' | 'cancelled';
  labels: string[];
  reporterEmail: string;
}

/** The custom field ids the app provisioned (from its configuration). */
export interface HistoryFieldIds {
  severity: string;
  faultyService: string;
  affectedProducts: string;
  impactStart: string;
  detected: string;
  impactEnd: string;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;


function logNormal(next: () => number, median: number, sigma: number): number {
  // Box–Muller from two uniforms.
  const u = Math.max(next(), 1e-12);
  const v = next();
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return median * Math.exp(sigma * normal);
}

function pick<T>(next: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = next() * total;
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return value;
  }
  const last = weighted[weighted.length - 1];
  if (last === undefined) throw new Error('Nothing to pick from');
  return last[0];
}

const SERVICES = [
  ['Bitbucket', 4],
  ['Jira Cloud', 4],
  ['Confluence', 3],
] as const;
const SEVERITIES = [
  ['Sev 1', 15],
  ['Sev 2', 35],
  ['Sev 3', 50],
] as const;
const PRODUCT_OF: Record<HistoricIncident['service'], string> = { Bitbucket: 'Bitbucket', 'Jira Cloud': 'Jira', Confluence: 'Confluence' };
const REPORTER_OF: Record<HistoricIncident['service'], string> = {
  Bitbucket: 'bea.bitbucket@example.com',
  'Jira Cloud': 'jay.jira@example.com',
  Confluence: 'cal.confluence@example.com',
};
// Median minutes to detect and to recover by severity: the worst incidents are noticed fastest and fixed first.
const MEDIAN_TTD: Record<HistoricIncident['severity'], number> = { 'Sev 1': 4, 'Sev 2': 9, 'Sev 3': 25 };
const MEDIAN_TTR: Record<HistoricIncident['severity'], number> = { 'Sev 1': 50, 'Sev 2': 120, 'Sev 3': 360 };
const SYMPTOMS: Record<HistoricIncident['service'], readonly string[]> = {
  Bitbucket: ['Git pushes fail', 'Pull request diffs time out', 'Pipelines stuck in queue', 'Clone over SSH refused'],
  'Jira Cloud': ['Boards load slowly', 'Issue create answers 500', 'JQL search times out', 'Notifications delayed'],
  Confluence: ['Pages fail to render', 'Editor loses changes', 'Search returns nothing', 'Attachments fail to upload'],
};

/** `count` past incidents ending before `now`, spread over the preceding `spanDays` days; the same seed gives the same history. */
export function generateIncidentHistory(count: number, now: number, options: { seed?: number; spanDays?: number } = {}): HistoricIncident[] {
  const next = seededRandom(options.seed ?? 20260501);
  const span = (options.spanDays ?? 180) * DAY;
  const incidents: HistoricIncident[] = [];
  for (let i = 0; i < count; i++) {
    const service = pick(next, SERVICES);
    const severity = pick(next, SEVERITIES);
    const ttd = Math.max(1, Math.round(logNormal(next, MEDIAN_TTD[severity], 0.8))) * MINUTE;
    const ttr = Math.max(ttd + 5 * MINUTE, Math.round(logNormal(next, MEDIAN_TTR[severity], 0.9)) * MINUTE);
    const impactStart = Math.floor((now - DAY - next() * span) / MINUTE) * MINUTE;
    const impactEnd = Math.min(impactStart + ttr, now - 30 * MINUTE);
    const roll = next();
    const outcome: HistoricIncident['outcome'] = roll < 0.04 ? 'cancelled' : now - impactEnd > 14 * DAY ? 'closed' : 'resolved';
    const drill = outcome !== 'cancelled' && next() < 0.03;
    const undetected = outcome !== 'cancelled' && !drill && next() < 0.03;
    const products = [PRODUCT_OF[service], ...(next() < 0.2 ? [PRODUCT_OF[service === 'Bitbucket' ? 'Jira Cloud' : 'Bitbucket']] : [])];
    const symptoms = SYMPTOMS[service];
    const symptom = symptoms[Math.floor(next() * symptoms.length)] ?? symptoms[0] ?? 'Service degraded';
    incidents.push({
      summary: `${drill ? 'Drill: ' : ''}${symptom}`,
      severity,
      service,
      products,
      impactStart,
      ...(undetected ? {} : { detected: impactStart + ttd }),
      impactEnd,
      outcome,
      labels: drill ? ['drill'] : [],
      reporterEmail: REPORTER_OF[service],
    });
  }
  return incidents.sort((a, b) => a.impactStart - b.impactStart);
}

const resolutionDone = '10000';
const resolutionWontDo = '10001';

/**
 * Inserts the incidents into the HOT project as Jira holds them (no events: they predate the app,
 * so only a backfill from Jira finds them). Option values are looked up in the fields' contexts.
 */
export function insertIncidentHistory(store: JiraStore, incidents: readonly HistoricIncident[], fields: HistoryFieldIds): string[] {
  const optionIds = (fieldId: string): Map<string, string> =>
    new Map(store.fields.contexts(fieldId).flatMap((context) => store.fields.options(context.id).map((option) => [option.value, option.id] as const)));
  const severityOptions = optionIds(fields.severity);
  const serviceOptions = optionIds(fields.faultyService);
  const productOptions = optionIds(fields.affectedProducts);
  const optionId = (options: Map<string, string>, value: string, field: string): string => {
    const id = options.get(value);
    if (id === undefined) throw new Error(`The ${field} field has no option "${value}"`);
    return id;
  };
  const keys: string[] = [];
  store.transaction(() => {
    for (const incident of incidents) {
      const num = store.projects.nextIssueNumber(demoProjectIds.incidents);
      const key = `HOT-${num}`;
      const reporter = accountIdFor(incident.reporterEmail);
      const created = incident.detected ?? incident.impactStart + 10 * MINUTE;
      const updated = incident.impactEnd + 5 * MINUTE;
      const status = incident.outcome === 'cancelled' ? demoStatusIds.cancelled : incident.outcome === 'closed' ? demoStatusIds.closed : demoStatusIds.resolved;
      store.issues.insert({
        id: store.issues.nextIssueId(),
        projectId: demoProjectIds.incidents,
        num,
        key,
        fields: {
          issuetype: demoIssueTypeIds.incident,
          summary: incident.summary,
          status,
          statuscategorychangedate: updated,
          priority: defaultPriorityId,
          resolution: incident.outcome === 'cancelled' ? resolutionWontDo : resolutionDone,
          resolutiondate: updated,
          reporter,
          creator: reporter,
          assignee: reporter,
          labels: incident.labels,
          [fields.severity]: optionId(severityOptions, incident.severity, 'Severity'),
          [fields.faultyService]: optionId(serviceOptions, incident.service, 'Faulty service'),
          [fields.affectedProducts]: incident.products.map((product) => optionId(productOptions, product, 'Affected products')),
          [fields.impactStart]: incident.impactStart,
          ...(incident.detected === undefined ? {} : { [fields.detected]: incident.detected }),
          ...(incident.outcome === 'cancelled' ? {} : { [fields.impactEnd]: incident.impactEnd }),
        },
        created,
        updated,
      });
      keys.push(key);
    }
  });
  return keys;
}
