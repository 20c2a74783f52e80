/**
 * Keeps the incident metrics projection in step with Jira, which stays the source of truth: each
 * incident event upserts its row (idempotent, so duplicate deliveries are harmless); a backfill
 * reads every incident with paged JQL (incidents that predate the app); a scheduled reconcile
 * re-reads the incidents Jira changed since the last one, repairing rows an event never reached.
 */
import type { Configuration } from '../configuration';
import { and, clause, jqlText } from '../jql';
import { PagingRepository, type EpisodeWithAck } from '../paging/paging-repository';
import { isIncident, readIncident } from '../incident-fields';
import type { AppStore, Clock, IssueData, IssueTracker } from '../ports';
import { metricsFacts, metricsFieldIds, pagingTimes } from './metrics-facts';
import type { IncidentMetricsStore, IssueSearch } from './metrics-ports';

export interface MaintainMetricsDeps {
  readonly metrics: IncidentMetricsStore;
  readonly store: AppStore;
  /** Jira as the app: the projection holds every incident, whoever changed it. */
  readonly tracker: IssueTracker;
}

/**
 * Upserts the row of the incident an event names, read afresh from Jira (events may arrive late,
 * twice or out of order; the issue as Jira has it now is always right). Other issues are ignored.
 * True when a row was written.
 */
export async function projectIncident(deps: MaintainMetricsDeps, config: Configuration, event: IssueData): Promise<boolean> {
  const snapshot = readIncident(event, config);
  if (config.fields === undefined || !isIncident(snapshot, config)) return false;
  const [issue, episodes] = await Promise.all([deps.tracker.getIssue(event.id, metricsFieldIds(config)), new PagingRepository(deps.store).episodesOf(event.id)]);
  if (issue === undefined) return false;
  const facts = metricsFacts(issue, config, pagingTimes(episodes));
  if (facts === undefined) return false;
  await deps.metrics.upsert([facts]);
  return true;
}

/** Jira's JQL date-time format, in UTC ("2026-05-01 10:00"); Jira reads it in the user's zone, so callers leave a margin. */
function jqlMinute(at: number): string {
  return new Date(at).toISOString().slice(0, 16).replace('T', ' ');
}

/** The incidents of the configured project and issue type, optionally only those updated since `since`. */
export function incidentsJql(config: Configuration, since?: number): string {
  const scope = [clause('project', '=', config.incidentProject.projectKey), clause('issuetype', '=', config.incidentProject.issueTypeName)];
  if (since !== undefined) scope.push(clause('updated', '>=', jqlMinute(since)));
  return jqlText(and(...scope), { field: 'key', direction: 'asc' });
}

export interface BackfillDeps extends MaintainMetricsDeps {
  readonly search: IssueSearch;
  readonly clock: Clock;
}

/**
 * Reads every incident Jira finds with `jql`, page by page, and upserts its row; the next page is
 * requested while the previous one is written. Returns how many rows were written.
 */
async function projectSearch(deps: BackfillDeps, config: Configuration, jql: string): Promise<number> {
  const fieldIds = metricsFieldIds(config);
  // Paging records live in storage for a bounded time; one read gives them for every incident.
  const episodesByIssue = new Map<string, EpisodeWithAck[]>();
  for (const paged of await new PagingRepository(deps.store).allEpisodes()) episodesByIssue.set(paged.episode.issueId, [...(episodesByIssue.get(paged.episode.issueId) ?? []), paged]);
  let written = 0;
  let page = await deps.search.searchPage(jql, fieldIds, undefined);
  for (;;) {
    const next = page.nextPageToken === undefined ? undefined : deps.search.searchPage(jql, fieldIds, page.nextPageToken);
    const facts = page.issues.flatMap((issue) => metricsFacts(issue, config, pagingTimes(episodesByIssue.get(issue.id) ?? [])) ?? []);
    await deps.metrics.upsert(facts);
    written += facts.length;
    if (next === undefined) return written;
    page = await next;
  }
}

/** Migrates and projects every incident in Jira (on demand and when no reconcile has run yet). */
export async function backfillIncidentMetrics(deps: BackfillDeps, config: Configuration): Promise<{ incidents: number }> {
  if (config.fields === undefined) return { incidents: 0 };
  const startedAt = deps.clock.now();
  await deps.metrics.migrate();
  const incidents = await projectSearch(deps, config, incidentsJql(config));
  await deps.metrics.setReconciledUntil(startedAt);
  return { incidents };
}

/** A margin for clocks and for JQL minutes read in the user's time zone (at most ±14 h from UTC). */
const RECONCILE_OVERLAP_MS = 15 * 60 * 60 * 1000;

/** Re-reads the incidents Jira changed since the last reconcile (all of them the first time) and upserts their rows. */
export async function reconcileIncidentMetrics(deps: BackfillDeps, config: Configuration): Promise<{ incidents: number; full: boolean }> {
  if (config.fields === undefined) return { incidents: 0, full: false };
  const since = await deps.metrics.reconciledUntil();
  if (since === undefined) return { ...(await backfillIncidentMetrics(deps, config)), full: true };
  const startedAt = deps.clock.now();
  const incidents = await projectSearch(deps, config, incidentsJql(config, since - RECONCILE_OVERLAP_MS));
  await deps.metrics.setReconciledUntil(startedAt);
  return { incidents, full: false };
}
