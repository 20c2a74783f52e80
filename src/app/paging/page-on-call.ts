import { levelOf } from '../../domain/on-call/escalation-policy';
import { shouldPage, type SeverityLevel } from '../../domain/severity';
import { rosterById, type Configuration } from '../configuration';
import { CONFIGURATION_KEY, configurationFrom } from '../configuration-store';
import { AppError } from '../errors';
import { isIncident, readIncident, type IncidentSnapshot } from '../incident-fields';
import { deliveryFailureComment, messageFacts, nobodyToPageComment, pageMessage } from './page-message';
import {
  claimedEpisode,
  episodeNeedsAttentionAt,
  iso,
  LEASE_GRACE_MS,
  type Delivery,
  type Episode,
  type EscalationJob,
  type PagingIntent,
} from './paging-episodes';
import { planForImoc, planForPeople, planForPerson, planForRoster, planForService, recipientsForLevel, type PagingPlan, type Recipient } from './paging-plan';
import { drillAudience, isDrill, onlyDrillAudience, type DrillAudience } from './drill-audience';
import type { PagingRepository } from './paging-repository';
import type { AdfDocument, AppStore, Clock, IssueData, IssueTracker, JobQueue, Pager } from '../ports';
import { withRetry } from '../retry';
import { owningTeam, routeSev3 } from '../route-sev3';

/** What paging needs: configuration storage, paging state, the pager, Jira as the app, the job queue, time and the deadline. */
export interface PagingDeps {
  /** Where the configuration is read from. */
  readonly store: AppStore;
  readonly repo: PagingRepository;
  /** Precise follow-ups: each episode's next timeout, retry or lease expiry arrives as a job at its time. */
  readonly queue: JobQueue<EscalationJob>;
  readonly pager: Pager;
  readonly tracker: IssueTracker;
  readonly clock: Clock;
  /** Epoch ms by which the invocation must have recorded what it did; retries stop short of it. */
  readonly deadline: number;
}

export type PagingOutcome =
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'ignored'; readonly reason: string }
  | { readonly kind: 'not-paged'; readonly reason: string }
  | { readonly kind: 'routed'; readonly team: string }
  | { readonly kind: 'paged'; readonly episode: Episode };

/** After this many attempts a failed delivery is left to people (the issue says so). */
export const MAX_DELIVERY_ATTEMPTS = 12;

type Decision =
  | { readonly kind: 'page'; readonly plan: PagingPlan; readonly reason: string }
  | { readonly kind: 'route'; readonly team: string; readonly severity: SeverityLevel }
  | { readonly kind: 'skip'; readonly reason: string; readonly forget: boolean }
  | { readonly kind: 'nobody'; readonly reason: string };

/** What the first round-trip of a created-issue event learned, for the rest of the reaction to use. */
export interface CreatedIssueReading {
  readonly outcome: PagingOutcome;
  readonly config: Configuration;
  /** The issue with all its fields as Jira has them now, or undefined when it is gone. */
  readonly issue: IssueData | undefined;
}

/**
 * Pages for a newly created issue. Forge's event carries only system fields, so the issue is read
 * with all its fields while the configuration is read and the episode claimed (a conditional
 * write, so duplicate event deliveries page nobody twice) and the pager's credentials load: the
 * critical path is two sequential remote calls, those four together and then the page itself.
 * Recording what was sent comes after.
 */
export async function pageCreatedIssue(deps: PagingDeps, event: IssueData): Promise<CreatedIssueReading> {
  const claim = createdClaim(deps, event);
  const [stored, claimed, fetched] = await Promise.all([
    deps.store.get(CONFIGURATION_KEY),
    claimAndWatch(deps, claim),
    deps.tracker.getIssue(event.id, ['*all']),
    deps.pager.prepare(),
  ]);
  const config = configurationFrom(stored);
  const issue = fetched === undefined ? undefined : { ...fetched, fields: { ...event.fields, ...fetched.fields } };
  const owned = claimed ? claim : await takeOverStaleClaim(deps, claim);
  if (owned === undefined) return { outcome: { kind: 'duplicate' }, config, issue };
  if (issue === undefined) {
    await deps.repo.forget(claim);
    return { outcome: { kind: 'ignored', reason: `${event.key} no longer exists` }, config, issue };
  }
  return { outcome: await runClaimedEpisode(deps, config, owned, readIncident(issue, config)), config, issue };
}

/** Pages for a newly created issue; see pageCreatedIssue. */
export async function pageOnIssueCreated(deps: PagingDeps, event: IssueData): Promise<PagingOutcome> {
  return (await pageCreatedIssue(deps, event)).outcome;
}

/** The claim of the episode a created incident starts: the same for every delivery of the event and for the safety net. */
export function createdClaim(deps: Pick<PagingDeps, 'clock' | 'deadline'>, issue: { id: string; key: string }, late = false): Episode {
  const claim = claimedEpisode({
    issueId: issue.id,
    issueKey: issue.key,
    episodeId: 'created',
    intent: { kind: 'declared' },
    reason: 'Incident declared',
    now: deps.clock.now(),
    leaseUntil: deps.deadline,
  });
  return late ? { ...claim, late: true } : claim;
}

/**
 * Claims an episode, indexes it and queues a check for when the claim's lease runs out, all at
 * once: if this invocation dies before paging, that check (or the safety net) finishes the job.
 */
export async function claimAndWatch(deps: PagingDeps, claim: Episode): Promise<boolean> {
  const [claimed] = await Promise.all([deps.repo.claim(claim), scheduleCheck(deps, claim)]);
  return claimed;
}

/** Saves an episode and queues its next check at the time it next needs attention. */
export async function persist(deps: PagingDeps, episode: Episode): Promise<void> {
  await Promise.all([deps.repo.save(episode), scheduleCheck(deps, episode)]);
}

async function scheduleCheck(deps: PagingDeps, episode: Episode): Promise<void> {
  const at = episodeNeedsAttentionAt(episode);
  if (at === undefined) return;
  try {
    await deps.queue.schedule([{ job: { issueId: episode.issueId, episodeId: episode.id }, at: Math.max(at, deps.clock.now()) }]);
  } catch (error) {
    // The due index holds the same time: the safety net picks the episode up if the queue lost it.
    if (!(error instanceof AppError)) throw error;
    console.warn(`Could not queue the next check of ${episode.issueKey}: ${error.message}`);
  }
}

/** Whether a claimed episode's invocation has run out of time without finishing it. */
export function isStaleClaim(episode: Episode, now: number): boolean {
  if (episode.state !== 'claimed') return false;
  const leaseUntil = episode.leaseUntil === undefined ? 0 : Date.parse(episode.leaseUntil);
  return now >= leaseUntil + LEASE_GRACE_MS;
}

/**
 * When a claim we lost belongs to an invocation that died, takes it over: a redelivered event
 * then finishes the job at once instead of waiting for the scheduled run. Claiming its first
 * level keeps two rescuers from both paging.
 */
export async function takeOverStaleClaim(deps: PagingDeps, claim: Episode): Promise<Episode | undefined> {
  const existing = await deps.repo.episode(claim.issueId, claim.id);
  const now = deps.clock.now();
  if (existing === undefined) return undefined;
  if (!isStaleClaim(existing, now)) {
    // Whoever holds it may have died before indexing it: make sure a check comes when its lease ends.
    if (existing.state === 'claimed') await Promise.all([deps.repo.watch(existing), scheduleCheck(deps, existing)]);
    return undefined;
  }
  return (await deps.repo.claimLevel(existing, 0, 0, now)) ? existing : undefined;
}

/**
 * Runs an episode this invocation has claimed: decides whom to page from the intent, the incident
 * and the configuration, then pages the first level, routes a Sev 3, or records why nobody is paged.
 */
export async function runClaimedEpisode(deps: PagingDeps, config: Configuration, claimed: Episode, incident: IncidentSnapshot): Promise<PagingOutcome> {
  // A drill pages only its participants: read who they are (only for drills, so real incidents pay nothing).
  const audience = isDrill(incident.labels) ? await drillAudience(deps.store, incident.labels) : undefined;
  const decision = audience === undefined ? decide(claimed.intent, incident, config, claimed.reason) : decideForDrill(claimed, incident, config, audience);
  const now = deps.clock.now();
  const { leaseUntil: _lease, claimId: _claim, ...claimedBase } = claimed;
  const base = audience === undefined ? claimedBase : { ...claimedBase, drillAudience: [...audience.everyone] };
  switch (decision.kind) {
    case 'skip':
      if (decision.forget) {
        // Not an incident at all: nothing to remember, and nothing a duplicate could repeat.
        await deps.repo.forget(claimed);
        return { kind: 'ignored', reason: decision.reason };
      }
      await deps.repo.save({ ...base, state: 'not-paged', reason: `${claimed.reason}: ${decision.reason}`, closedAt: iso(now) });
      return { kind: 'not-paged', reason: decision.reason };
    case 'route': {
      const label = messageFacts(config, incident).severityLabel;
      const [team] = await Promise.all([
        routeSev3(deps.tracker, config, { ...incident, severity: decision.severity }),
        deps.repo.save({ ...base, state: 'not-paged', reason: `${label}: routed to ${decision.team}`, closedAt: iso(now) }),
      ]);
      return { kind: 'routed', team };
    }
    case 'nobody':
      await Promise.all([
        deps.repo.save({ ...base, state: 'not-paged', reason: `${decision.reason}: nobody to page`, closedAt: iso(now) }),
        commentQuietly(deps.tracker, incident.key, nobodyToPageComment(decision.reason)),
      ]);
      return { kind: 'not-paged', reason: 'nobody to page' };
    case 'page': {
      const episode: Episode = {
        ...base,
        state: 'paging',
        reason: claimed.late === true ? `${decision.reason} (paged late: the app missed the event that should have paged)` : decision.reason,
        policy: decision.plan.policy,
        message: messageFacts(config, incident),
      };
      return { kind: 'paged', episode: await pageLevel(deps, config, episode, 0, 0) };
    }
  }
}

/**
 * A drill's decision: its declaration pages whoever plays the incident manager, whatever the
 * severity or the service's roster; any other page (escalation, a roster, a person) is planned as
 * usual and then narrowed to the participants when sent. A drill without its run pages nobody.
 */
function decideForDrill(claimed: Episode, incident: IncidentSnapshot, config: Configuration, audience: DrillAudience): Decision {
  if (config.fields === undefined) return { kind: 'skip', reason: "the app's fields are not provisioned yet", forget: true };
  if (claimed.intent.kind !== 'declared') {
    const decision = decide(claimed.intent, incident, config, claimed.reason);
    return decision.kind === 'route' ? { kind: 'skip', reason: 'a drill is not routed to a team', forget: false } : decision;
  }
  if (audience.incidentManagers.length === 0) return { kind: 'nobody', reason: 'Drill: nobody plays the incident manager' };
  return { kind: 'page', plan: planForPeople(config, audience.incidentManagers), reason: 'Drill declared: paging the participant playing the incident manager' };
}

function decide(intent: PagingIntent, incident: IncidentSnapshot, config: Configuration, reason: string): Decision {
  if (intent.kind !== 'person' && intent.kind !== 'roster' && !isIncident(incident, config)) {
    return { kind: 'skip', reason: `${incident.key} is not an incident`, forget: true };
  }
  if (config.fields === undefined) return { kind: 'skip', reason: "the app's fields are not provisioned yet", forget: true };
  const severity = incident.severity;
  if (intent.kind === 'person') return { kind: 'page', plan: planForPerson(config, intent.accountId), reason };
  if (intent.kind === 'roster' && intent.severities === undefined) return checkedRosterPlan(config, intent.rosterId, reason);
  if (severity === undefined) return { kind: 'skip', reason: 'the incident has no severity', forget: false };
  if ('severities' in intent && intent.severities !== undefined && !intent.severities.includes(severity)) {
    return { kind: 'skip', reason: `severity ${severity} is not one this page is for`, forget: false };
  }
  const serviceReason = (prefix: string): string =>
    `${prefix}${incident.faultyService === undefined ? '' : ` (faulty service: ${incident.faultyService})`}`;
  switch (intent.kind) {
    case 'declared': {
      if (!shouldPage(config.severityScale, severity)) return { kind: 'route', team: owningTeam(config, incident.faultyService), severity };
      return withPlan(planForService(config, incident.faultyService), serviceReason(`${config.severityScale.levels[severity].label} incident declared`));
    }
    case 'faulty-service':
      return withPlan(planForService(config, incident.faultyService), reason);
    case 'imoc':
      return withPlan(planForImoc(config), reason);
    case 'roster':
      return checkedRosterPlan(config, intent.rosterId, reason);
  }
}

function checkedRosterPlan(config: Configuration, rosterId: string, reason: string): Decision {
  if (rosterById(config, rosterId) === undefined) return { kind: 'skip', reason: `roster "${rosterId}" no longer exists`, forget: false };
  return withPlan(planForRoster(config, rosterId), reason);
}

function withPlan(plan: PagingPlan, reason: string): Decision {
  return plan.policy.levels.length === 0 ? { kind: 'nobody', reason } : { kind: 'page', plan, reason };
}

/**
 * Sends one level of an episode to everyone it resolves to now. Each delivery is recorded as
 * `sending` before it goes out and as sent or failed after, so a crash in between is read as
 * "maybe sent" (resent with the same idempotency key, or marked as re-sent) and never as "never
 * sent". Failures are recorded (and commented on the issue) for a retry, never dropped.
 */
export async function pageLevel(deps: PagingDeps, config: Configuration, episode: Episode, level: number, round: number): Promise<Episode> {
  const { policy } = episode;
  if (policy === undefined || episode.message === undefined) throw new AppError(`Episode ${episode.id} of ${episode.issueKey} has no policy to page from`);
  const now = deps.clock.now();
  const { recipients, unresolved } = recipientsForLevel(config, levelOf(policy, level, 'level').targets, now);
  return sendToRecipients(deps, { ...episode, pages: [...episode.pages, { level, round, pagedAt: iso(now) }] }, recipients, unresolved, level, round);
}

/** Records the deliveries ahead, sends them all at once, then records how each went. */
export async function sendToRecipients(
  deps: PagingDeps,
  episode: Episode,
  recipients: readonly Recipient[],
  unresolved: readonly string[],
  level: number,
  round: number,
): Promise<Episode> {
  const now = deps.clock.now();
  const planned: Delivery[] = onlyDrillAudience(episode, recipients).map((recipient) => ({
    level,
    round,
    recipientKey: recipient.key,
    recipientLabel: recipient.label,
    destination: recipient.destination,
    status: 'sending',
    attempts: 1,
    lastAttemptAt: iso(now),
  }));
  const ahead: Episode = { ...episode, state: 'paging', leaseUntil: iso(deps.deadline), deliveries: [...episode.deliveries, ...planned] };
  const accountIds = recipients.flatMap((recipient) => (recipient.destination.accountId === undefined ? [] : [recipient.destination.accountId]));
  const [names] = await Promise.all([namesOf(deps.tracker, accountIds), persist(deps, ahead)]);
  return sendPlanned(deps, ahead, planned, names, unresolved);
}

/** Sends deliveries already recorded as `sending` (first attempts, or resends after a crash) and records the outcome. */
export async function sendPlanned(
  deps: PagingDeps,
  episode: Episode,
  planned: readonly Delivery[],
  names: ReadonlyMap<string, string>,
  unresolved: readonly string[],
): Promise<Episode> {
  const bugs: unknown[] = [];
  const results = await Promise.all(planned.map((delivery) => deliver(deps, episode, delivery, bugs)));
  const outcome = new Map(planned.map((delivery, index) => [delivery, results[index] ?? delivery]));
  const named = (delivery: Delivery): Delivery => {
    const name = delivery.destination.accountId === undefined ? undefined : names.get(delivery.destination.accountId);
    return name === undefined || delivery.destination.kind === 'pagerduty' ? delivery : { ...delivery, recipientLabel: name };
  };
  const { leaseUntil: _lease, ...rest } = episode;
  const updated: Episode = { ...rest, deliveries: episode.deliveries.map((delivery) => named(outcome.get(delivery) ?? delivery)) };
  await recordAndReport(deps, updated, [...outcome.values()].filter((delivery) => delivery.status === 'failed').map(named), unresolved);
  if (bugs.length > 0) throw bugs[0];
  return updated;
}

/** Display names of the people paged, in one request; a failure leaves them as account ids rather than failing the page. */
export async function namesOf(tracker: IssueTracker, accountIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
  if (accountIds.length === 0) return new Map();
  try {
    return await tracker.displayNames(accountIds);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return new Map();
  }
}

/** Sends one delivery (a first attempt, a retry or a resend) and describes the outcome; unexpected errors are kept for rethrowing. */
export async function deliver(deps: PagingDeps, episode: Episode, delivery: Delivery, bugs: unknown[]): Promise<Delivery> {
  const facts = episode.message;
  if (facts === undefined) throw new AppError(`Episode ${episode.id} of ${episode.issueKey} has no message to page with`);
  const message = pageMessage(episode, facts, delivery.level, delivery.round, { channel: delivery.destination.kind, resent: delivery.resent === true, fallback: delivery.recipientKey.startsWith('fallback:') });
  const { error: _previous, ...base } = delivery;
  try {
    await withRetry(() => deps.pager.send(delivery.destination, message), { clock: deps.clock, deadline: deps.deadline });
    return { ...base, status: 'sent', lastAttemptAt: iso(deps.clock.now()) };
  } catch (error) {
    if (!(error instanceof AppError)) bugs.push(error);
    return { ...base, status: 'failed', lastAttemptAt: iso(deps.clock.now()), error: error instanceof Error ? error.message.slice(0, 300) : String(error).slice(0, 300) };
  }
}

/** Saves the episode and, when something failed, tells the IM on the issue. Only the save may fail the invocation. */
export async function recordAndReport(deps: PagingDeps, episode: Episode, failed: readonly Delivery[], unresolved: readonly string[]): Promise<void> {
  const comment =
    failed.length > 0 || unresolved.length > 0
      ? commentQuietly(deps.tracker, episode.issueKey, deliveryFailureComment(failed, unresolved, failed.some((delivery) => delivery.attempts < MAX_DELIVERY_ATTEMPTS)))
      : Promise.resolve();
  await Promise.all([persist(deps, episode), comment]);
}

/** Whether an incident's severity pages people (Sev 1/2 on the default scale). */
export function pagesForSeverity(config: Configuration, severity: SeverityLevel | undefined): boolean {
  return severity !== undefined && shouldPage(config.severityScale, severity);
}

/** The roster whose whole team is alerted when a Sev 1/2 policy runs out: the admin's choice, else the IMOC roster. */
export function fallbackRosterId(config: Configuration): string | undefined {
  const chosen = config.paging.fallbackRosterId;
  return chosen !== undefined && rosterById(config, chosen) !== undefined ? chosen : config.imoc.rosterId;
}

// The state is already saved; a comment that cannot be added must not undo that or hide the failure it reports.
export async function commentQuietly(tracker: IssueTracker, issueKey: string, body: AdfDocument): Promise<void> {
  try {
    await tracker.addComment(issueKey, body);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.warn(`Could not comment on ${issueKey}: ${error.message}`);
  }
}
