/**
 * Intake: turns a source's accepted notifications into incidents, one source at a time (a lease),
 * so two notifications of one group, or a storm of them, never open two incidents. Each alert group
 * maps to one open incident; new alerts, repeats and resolutions of the group are recorded on it in
 * one compact comment per batch; past the storm limit, new groups join the source's latest incident.
 */
import { z } from 'zod';
import type { Alert, AlertNotification } from '../../domain/alerts/alert';
import { mayOpenIncident, minuteOf, type AlertSource } from '../../domain/alerts/alert-source';
import { routeAlert, type RouteDecision } from '../../domain/alerts/routing';
import { loadConfiguration } from '../configuration-store';
import type { Configuration } from '../configuration';
import { RemoteCallError } from '../errors';
import { issueUrl } from '../incident-fields';
import { and, clause, inList, jqlText } from '../jql';
import type { AppStore, Clock, IssueRef, IssueTracker, JobQueue, SecretStore } from '../ports';
import {
  digest,
  loadAlertSources,
  loadGroupState,
  loadOpening,
  loadSourceStats,
  pendingInbox,
  releaseLease,
  removeFromInbox,
  removeOpening,
  saveGroupState,
  saveOpening,
  saveSourceStats,
  takeLease,
  type GroupState,
  type InboxEntry,
  type Opening,
} from './alert-source-store';
import { groupNewsComment, incidentDescription, incidentFields, incidentLinks, incidentSummary, resolvedNotice, type GroupNews } from './alert-incident-content';
import type { AlertJob, RemoteLinks } from './ports';

export interface IntakeDeps {
  readonly store: AppStore & SecretStore;
  /** Jira as the app: the app reports the incidents it opens. */
  readonly tracker: IssueTracker;
  /**
   * Jira as the app, asked once per creation request (no retry of its own): a creation whose answer
   * was lost may have happened, so it is never repeated blindly. Defaults to `tracker`.
   */
  readonly creator?: Pick<IssueTracker, 'createIssue'>;
  readonly links: RemoteLinks;
  readonly queue: JobQueue<AlertJob>;
  readonly clock: Clock;
  readonly newId: () => string;
  readonly deadline: number;
}

export interface IntakeReport {
  readonly outcome: 'taken-in' | 'busy' | 'unknown-source';
  notifications: number;
  incidentsOpened: string[];
  alertsAttached: number;
  repeats: number;
  resolved: number;
  ignored: number;
  stormAttached: number;
}

/** When another run holds the source, look again this much later. */
const BUSY_RETRY_MS = 2_000;
/** Notifications taken in per batch: bounded so a batch's work fits well inside the invocation. */
const MAX_BATCH = 500;
/** Repeats alone are noted on the incident at most this often. */
const REPEAT_NOTE_INTERVAL_MS = 15 * 60_000;
const MAX_FINGERPRINTS = 500;
/** Time kept back from the deadline for saving what a batch did. */
const BATCH_RESERVE_MS = 20_000;
/** A throttled creation (Jira did nothing) is tried again at most this often within a run. */
const MAX_THROTTLED_ATTEMPTS = 4;

const issueStatusSchema = z.looseObject({
  fields: z.looseObject({
    status: z.looseObject({ statusCategory: z.looseObject({ key: z.string() }).optional() }).optional(),
    assignee: z.looseObject({ accountId: z.string() }).nullish(),
  }),
});

/** Takes in everything pending for a source; a run already holding it will (or a retry soon will). */
export async function takeInAlerts(deps: IntakeDeps, sourceId: string): Promise<IntakeReport> {
  const report: IntakeReport = { outcome: 'taken-in', notifications: 0, incidentsOpened: [], alertsAttached: 0, repeats: 0, resolved: 0, ignored: 0, stormAttached: 0 };
  if (!(await takeLease(deps.store, sourceId, deps.newId(), deps.clock.now()))) {
    await deps.queue.schedule([{ job: { kind: 'intake', sourceId }, at: deps.clock.now() + BUSY_RETRY_MS }]);
    return { ...report, outcome: 'busy' };
  }
  try {
    for (;;) {
      const pending = await pendingInbox(deps.store, sourceId);
      if (pending.length === 0) break;
      if (deps.clock.now() > deps.deadline - BATCH_RESERVE_MS) {
        // Out of time: the next run carries on where this one stopped.
        await deps.queue.schedule([{ job: { kind: 'intake', sourceId }, at: deps.clock.now() }]);
        break;
      }
      const batch = pending.slice(0, MAX_BATCH);
      const known = await takeInBatch(deps, sourceId, batch.map(({ entry }) => entry), report);
      await removeFromInbox(deps.store, batch.map(({ key }) => key));
      if (!known) return { ...report, outcome: 'unknown-source' };
    }
  } finally {
    await releaseLease(deps.store, sourceId);
  }
  return report;
}

interface GroupBatch {
  readonly groupKey: string;
  readonly entries: { receivedAt: number; notification: AlertNotification }[];
}

type Plan =
  | { readonly kind: 'open'; readonly group: GroupBatch; readonly route: Extract<RouteDecision, { kind: 'incident' }>; readonly firing: Alert[]; readonly news: GroupNews; readonly state?: undefined }
  | { readonly kind: 'attach'; readonly group: GroupBatch; readonly target: { issueId: string; issueKey: string } | 'latest'; readonly news: GroupNews; readonly state: GroupState | undefined; readonly assignee?: string };

function byGroup(entries: readonly InboxEntry[]): GroupBatch[] {
  const groups = new Map<string, GroupBatch>();
  for (const entry of entries) {
    const key = entry.notification.groupKey;
    const group = groups.get(key) ?? { groupKey: key, entries: [] };
    group.entries.push({ receivedAt: entry.receivedAt, notification: entry.notification });
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** What a batch of one group's notifications adds to what the incident already knows. */
function newsOf(group: GroupBatch, known: ReadonlySet<string>): { news: GroupNews; firing: Map<string, Alert>; resolved: Map<string, Alert> } {
  const newAlerts = new Map<string, Alert>();
  const firing = new Map<string, Alert>();
  const resolved = new Map<string, Alert>();
  let repeats = 0;
  for (const { notification } of group.entries) {
    for (const alert of notification.alerts) {
      if (alert.status === 'firing') {
        if (known.has(alert.fingerprint) || newAlerts.has(alert.fingerprint)) repeats += 1;
        else newAlerts.set(alert.fingerprint, alert);
        firing.set(alert.fingerprint, alert);
        resolved.delete(alert.fingerprint);
      } else {
        resolved.set(alert.fingerprint, alert);
        firing.delete(alert.fingerprint);
      }
    }
  }
  return { news: { newAlerts: [...newAlerts.values()], resolvedAlerts: [...resolved.values()], repeats }, firing, resolved };
}

async function openIssueFacts(tracker: IssueTracker, state: GroupState | undefined): Promise<{ open: boolean; assignee?: string }> {
  if (state === undefined) return { open: false };
  const issue = await tracker.getIssue(state.issueKey, ['status', 'assignee']);
  const parsed = issueStatusSchema.safeParse(issue);
  if (issue === undefined || !parsed.success) return { open: false };
  const assignee = parsed.data.fields.assignee?.accountId;
  return { open: parsed.data.fields.status?.statusCategory?.key !== 'done', ...(assignee === undefined ? {} : { assignee }) };
}

/** Takes in one batch; false when the source no longer exists (its notifications are then dropped). */
async function takeInBatch(deps: IntakeDeps, sourceId: string, entries: readonly InboxEntry[], report: IntakeReport): Promise<boolean> {
  const groups = byGroup(entries);
  // Everything the batch needs is read at once: the source, the configuration, the counts and each group's incident.
  const [sources, config, stats, states, openings] = await Promise.all([
    loadAlertSources(deps.store),
    loadConfiguration(deps.store),
    loadSourceStats(deps.store, sourceId),
    Promise.all(groups.map((group) => loadGroupState(deps.store, sourceId, group.groupKey))),
    Promise.all(groups.map((group) => loadOpening(deps.store, sourceId, group.groupKey))),
  ]);
  const source = sources.find((candidate) => candidate.id === sourceId);
  if (source === undefined || config.fields === undefined) return false;
  const groupFacts = new Map(groups.map((group, index) => [group.groupKey, { state: states[index], opening: openings[index] }]));
  const now = deps.clock.now();
  const facts = await Promise.all(states.map((state) => openIssueFacts(deps.tracker, state)));

  const minute = minuteOf(now);
  let openedThisMinute = stats.openedInMinute?.minute === minute ? stats.openedInMinute.count : 0;
  const plans: Plan[] = [];
  groups.forEach((group, index) => {
    const state = states[index];
    const fact = facts[index] ?? { open: false };
    report.notifications += group.entries.length;
    stats.notifications += group.entries.length;
    stats.alerts += group.entries.reduce((sum, entry) => sum + entry.notification.alerts.length, 0);
    if (state !== undefined && fact.open) {
      const { news } = newsOf(group, new Set(state.fingerprints));
      plans.push({ kind: 'attach', group, target: { issueId: state.issueId, issueKey: state.issueKey }, news, state, ...(fact.assignee === undefined ? {} : { assignee: fact.assignee }) });
      return;
    }
    const { news, firing } = newsOf(group, new Set());
    const firstFiring = [...firing.values()][0];
    if (firstFiring === undefined) {
      // Resolved alerts of a group with no open incident: nothing to record them on.
      report.resolved += news.resolvedAlerts.length;
      stats.resolved += news.resolvedAlerts.length;
      return;
    }
    const route = routeAlert(source.rules, source.defaultRoute, firstFiring.labels);
    if (route.kind === 'ignore') {
      report.ignored += firing.size;
      stats.ignored += firing.size;
      return;
    }
    const hasLatest = stats.lastIncident !== undefined || plans.some((plan) => plan.kind === 'open');
    if (mayOpenIncident(source, openedThisMinute) || !hasLatest) {
      openedThisMinute += 1;
      plans.push({ kind: 'open', group, route, firing: [...firing.values()], news: { ...news, newAlerts: [], repeats: 0 } });
    } else {
      plans.push({ kind: 'attach', group, target: 'latest', news: { ...news, stormGroup: group.groupKey }, state: undefined });
    }
  });

  // Open the new incidents together, then record everything else on its incident, one comment each.
  // Settled one by one: an incident Jira created is recorded even when another group's creation failed.
  const prepared = await prepareOpenings(deps, config, sourceId, plans, groupFacts);
  const settled = await Promise.allSettled(
    plans.map((plan) => {
      if (plan.kind !== 'open') return Promise.resolve(undefined);
      const opening = prepared.get(plan.group.groupKey);
      return opening?.found !== undefined ? adoptIncident(deps, source, plan, opening.found) : openIncident(deps, config, source, plan, now, opening?.marker);
    }),
  );
  const failure = settled.find((result) => result.status === 'rejected');
  const opened = settled.map((result) => (result.status === 'fulfilled' ? result.value : undefined));
  let latest = stats.lastIncident;
  opened.forEach((issue) => {
    if (issue !== undefined) latest = { issueId: issue.id, issueKey: issue.key, at: now };
  });
  const newStates: GroupState[] = [];
  const comments = new Map<string, { news: GroupNews[]; allResolved: boolean; assignee?: string }>();
  plans.forEach((plan, index) => {
    const created = opened[index];
    if (plan.kind === 'open' && created !== undefined) {
      report.incidentsOpened.push(created.key);
      stats.incidentsOpened += 1;
      newStates.push({
        groupKey: plan.group.groupKey,
        issueId: created.id,
        issueKey: created.key,
        openedAt: now,
        fingerprints: plan.firing.map((alert) => alert.fingerprint).slice(0, MAX_FINGERPRINTS),
        alerts: plan.firing.length,
        repeats: 0,
        unreportedRepeats: 0,
        lastCommentAt: now,
        viaStorm: false,
      });
      return;
    }
    if (plan.kind !== 'attach') return;
    const target = plan.target === 'latest' ? latest : plan.target;
    if (target === undefined) return;
    const previous = plan.state;
    const fingerprints = [...new Set([...(previous?.fingerprints ?? []), ...plan.news.newAlerts.map((alert) => alert.fingerprint)])].slice(-MAX_FINGERPRINTS);
    const stillFiring = newsOf(plan.group, new Set()).firing.size > 0;
    const unreported = (previous?.unreportedRepeats ?? 0) + plan.news.repeats;
    const hasNews = plan.news.newAlerts.length > 0 || plan.news.resolvedAlerts.length > 0 || plan.news.stormGroup !== undefined;
    const noteRepeats = hasNews || (unreported > 0 && now - (previous?.lastCommentAt ?? 0) >= REPEAT_NOTE_INTERVAL_MS);
    if (plan.news.stormGroup !== undefined) {
      report.stormAttached += 1;
      stats.stormAttached += 1;
    }
    report.alertsAttached += plan.news.newAlerts.length;
    stats.alertsAttached += plan.news.newAlerts.length;
    report.repeats += plan.news.repeats;
    stats.repeats += plan.news.repeats;
    report.resolved += plan.news.resolvedAlerts.length;
    stats.resolved += plan.news.resolvedAlerts.length;
    newStates.push({
      groupKey: plan.group.groupKey,
      issueId: target.issueId,
      issueKey: target.issueKey,
      openedAt: previous?.openedAt ?? now,
      fingerprints,
      alerts: (previous?.alerts ?? 0) + plan.news.newAlerts.length,
      repeats: (previous?.repeats ?? 0) + plan.news.repeats,
      unreportedRepeats: noteRepeats ? 0 : unreported,
      lastCommentAt: noteRepeats ? now : (previous?.lastCommentAt ?? now),
      ...(stillFiring || plan.news.resolvedAlerts.length === 0 ? {} : { resolvedAt: now }),
      viaStorm: previous?.viaStorm ?? plan.target === 'latest',
    });
    if (!noteRepeats) return;
    const entry = comments.get(target.issueKey) ?? { news: [], allResolved: true, ...(plan.assignee === undefined ? {} : { assignee: plan.assignee }) };
    entry.news.push({ ...plan.news, repeats: unreported });
    entry.allResolved = entry.allResolved && !stillFiring && plan.news.resolvedAlerts.length > 0;
    comments.set(target.issueKey, entry);
  });
  if (latest !== undefined) stats.lastIncident = latest;
  stats.openedInMinute = { minute, count: openedThisMinute };
  stats.lastReceivedAt = Math.max(stats.lastReceivedAt ?? 0, ...entries.map((entry) => entry.receivedAt));

  await Promise.all(
    [...comments.entries()].map(async ([issueKey, entry]) => {
      const merged: GroupNews = {
        newAlerts: entry.news.flatMap((news) => news.newAlerts),
        resolvedAlerts: entry.news.flatMap((news) => news.resolvedAlerts),
        repeats: entry.news.reduce((sum, news) => sum + news.repeats, 0),
        ...(entry.news.some((news) => news.stormGroup !== undefined)
          ? { stormGroup: entry.news.flatMap((news) => (news.stormGroup === undefined ? [] : [news.stormGroup])).join(', ').slice(0, 500) }
          : {}),
      };
      await deps.tracker.addComment(issueKey, groupNewsComment(source.name, merged, now));
      // The IM hears that the alerts are over; resolving stays their call.
      if (entry.allResolved && entry.assignee !== undefined) {
        await deps.tracker.notify(issueKey, { ...resolvedNotice(source.name, issueKey, issueUrl(config, issueKey)), accountIds: [entry.assignee] });
      }
    }),
  );
  await Promise.all([...newStates.map((state) => saveGroupState(deps.store, sourceId, state)), saveSourceStats(deps.store, sourceId, stats)]);
  // The group now names its incident; the opening has done its work.
  await Promise.all(plans.flatMap((plan, index) => (plan.kind === 'open' && opened[index] !== undefined ? [removeOpening(deps.store, sourceId, plan.group.groupKey)] : [])));
  // The batch stays in the inbox and is taken in again: groups recorded above now attach instead of opening twice.
  if (failure !== undefined) throw failure.reason;
  return true;
}

interface PreparedOpening {
  readonly marker: string;
  /** The incident an earlier run created for this opening, found by its label. */
  readonly found?: IssueRef;
}

/**
 * Before any incident is created, each opening group gets a marker label, stored first; a group
 * whose earlier opening may have reached Jira is looked up by its label (one search for all of
 * them), so a redelivered or retried intake adopts that incident instead of opening a second one.
 */
async function prepareOpenings(
  deps: IntakeDeps,
  config: Configuration,
  sourceId: string,
  plans: readonly Plan[],
  groupFacts: ReadonlyMap<string, { state: GroupState | undefined; opening: Opening | undefined }>,
): Promise<Map<string, PreparedOpening>> {
  const opening = plans.flatMap((plan) => (plan.kind === 'open' ? [plan.group.groupKey] : []));
  const earlier = opening.flatMap((groupKey) => {
    const facts = groupFacts.get(groupKey);
    return facts?.opening === undefined ? [] : [{ groupKey, marker: facts.opening.marker, previousIssueId: facts.state?.issueId }];
  });
  const byMarker = new Map<string, IssueRef>();
  if (earlier.length > 0) {
    const jql = jqlText(and(clause('project', '=', config.incidentProject.projectKey), inList('labels', earlier.map((entry) => entry.marker))));
    for (const issue of await deps.tracker.searchIssues(jql, ['labels'], earlier.length * 2)) {
      const labels = Array.isArray(issue.fields['labels']) ? issue.fields['labels'].filter((label): label is string => typeof label === 'string') : [];
      for (const label of labels) if (!byMarker.has(label)) byMarker.set(label, { id: issue.id, key: issue.key });
    }
  }
  const prepared = new Map<string, PreparedOpening>();
  for (const groupKey of opening) {
    const previous = earlier.find((entry) => entry.groupKey === groupKey);
    const found = previous === undefined ? undefined : byMarker.get(previous.marker);
    // The group's last incident (closed since) may still carry the label if a run died before forgetting the opening.
    if (previous !== undefined && found !== undefined && found.id !== previous.previousIssueId) prepared.set(groupKey, { marker: previous.marker, found });
    else prepared.set(groupKey, { marker: `alert-${digest(`${sourceId}\n${groupKey}\n${deps.newId()}`, 16)}` });
  }
  await Promise.all(
    [...prepared.entries()].flatMap(([groupKey, entry]) => (entry.found === undefined ? [saveOpening(deps.store, sourceId, groupKey, { marker: entry.marker, at: deps.clock.now() })] : [])),
  );
  return prepared;
}

/** An incident an earlier run created but could not record: its links are added again (by global id, so at most once). */
async function adoptIncident(deps: IntakeDeps, source: AlertSource, plan: Extract<Plan, { kind: 'open' }>, issue: IssueRef): Promise<IssueRef> {
  await Promise.all(incidentLinks(source.id, plan.firing).map((link) => deps.links.addRemoteLink(issue.key, link)));
  return issue;
}

/**
 * Asks Jira once to create the incident; only a throttled request (Jira did nothing) is asked again.
 * Any other failure may have created it: the run fails, the batch stays, and the next run finds the
 * incident by its marker label.
 */
async function createOnce(deps: IntakeDeps, request: Parameters<IssueTracker['createIssue']>[0]): Promise<IssueRef> {
  const creator = deps.creator ?? deps.tracker;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await creator.createIssue(request);
    } catch (error) {
      if (!(error instanceof RemoteCallError) || error.outcome !== 'throttled' || attempt >= MAX_THROTTLED_ATTEMPTS) throw error;
      const delay = error.retryAfterMs ?? 1_000 * attempt;
      if (deps.clock.now() + delay > deps.deadline - BATCH_RESERVE_MS) throw error;
      await deps.clock.sleep(delay);
    }
  }
}

async function openIncident(deps: IntakeDeps, config: Configuration, source: AlertSource, plan: Extract<Plan, { kind: 'open' }>, now: number, marker: string | undefined) {
  const first = plan.group.entries[0];
  const notification: AlertNotification = { ...(first?.notification ?? { groupKey: plan.group.groupKey, status: 'firing', truncatedAlerts: 0 }), alerts: plan.firing };
  const receivedAt = first?.receivedAt ?? now;
  const created = await createOnce(deps, {
    projectKey: config.incidentProject.projectKey,
    issueTypeName: config.incidentProject.issueTypeName,
    fields: {
      summary: incidentSummary(notification, source.name),
      description: incidentDescription(notification, source.name, receivedAt, plan.route),
      ...incidentFields(config, notification, plan.route, receivedAt),
      ...(marker === undefined ? {} : { labels: [marker] }),
    },
  });
  await Promise.all(incidentLinks(source.id, plan.firing).map((link) => deps.links.addRemoteLink(created.key, link)));
  return created;
}
