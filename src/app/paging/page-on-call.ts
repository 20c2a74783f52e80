import { levelOf } from '../../domain/on-call/escalation-policy';
import { shouldPage, type SeverityLevel } from '../../domain/severity';
import { rosterById, type Configuration } from '../configuration';
import { CONFIGURATION_KEY, configurationFrom } from '../configuration-store';
import { AppError } from '../errors';
import { isIncident, readIncident, type IncidentSnapshot } from '../incident-fields';
import { deliveryFailureComment, messageFacts, nobodyToPageComment, pageMessage } from './page-message';
import {
  BOOKKEEPING_TTL_SECONDS,
  claimedEpisode,
  episodeKey,
  iso,
  levelClaimKey,
  parseEpisode,
  saveEpisode,
  type Delivery,
  type Episode,
  type PagingIntent,
} from './paging-episodes';
import { planForImoc, planForPerson, planForRoster, planForService, recipientsForLevel, type PagingPlan, type Recipient } from './paging-plan';
import type { AdfDocument, AppStore, Clock, IssueData, IssueTracker, Pager } from '../ports';
import { withRetry } from '../retry';
import { owningTeam, routeSev3 } from '../route-sev3';

/** What paging needs: storage, the pager, Jira as the app (for comments), time, and the invocation's deadline. */
export interface PagingDeps {
  readonly store: AppStore;
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
  const claim = claimedEpisode({
    issueId: event.id,
    issueKey: event.key,
    episodeId: 'created',
    intent: { kind: 'declared' },
    reason: 'Incident declared',
    now: deps.clock.now(),
    leaseUntil: deps.deadline,
  });
  const [stored, claimed, fetched] = await Promise.all([
    deps.store.get(CONFIGURATION_KEY),
    deps.store.setIfAbsent(episodeKey(event.id, claim.id), claim),
    deps.tracker.getIssue(event.id, ['*all']),
    deps.pager.prepare(),
  ]);
  const config = configurationFrom(stored);
  const issue = fetched === undefined ? undefined : { ...fetched, fields: { ...event.fields, ...fetched.fields } };
  const owned = claimed ? claim : await takeOverStaleClaim(deps, claim);
  if (owned === undefined) return { outcome: { kind: 'duplicate' }, config, issue };
  if (issue === undefined) {
    await deps.store.delete(episodeKey(event.id, claim.id));
    return { outcome: { kind: 'ignored', reason: `${event.key} no longer exists` }, config, issue };
  }
  return { outcome: await runClaimedEpisode(deps, config, owned, readIncident(issue, config)), config, issue };
}

/** Pages for a newly created issue; see pageCreatedIssue. */
export async function pageOnIssueCreated(deps: PagingDeps, event: IssueData): Promise<PagingOutcome> {
  return (await pageCreatedIssue(deps, event)).outcome;
}

/** A claim older than its lease by this much belongs to an invocation that died (Forge stops them at their limit). */
export const LEASE_GRACE_MS = 15_000;

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
  const existing = parseEpisode(await deps.store.get(episodeKey(claim.issueId, claim.id)));
  const now = deps.clock.now();
  if (existing === undefined || !isStaleClaim(existing, now)) return undefined;
  return (await claimLevel(deps.store, existing, 0, 0, now)) ? existing : undefined;
}

/**
 * Runs an episode this invocation has claimed: decides whom to page from the intent, the incident
 * and the configuration, then pages the first level, routes a Sev 3, or records why nobody is paged.
 */
export async function runClaimedEpisode(deps: PagingDeps, config: Configuration, claimed: Episode, incident: IncidentSnapshot): Promise<PagingOutcome> {
  const decision = decide(claimed.intent, incident, config, claimed.reason);
  const now = deps.clock.now();
  const { leaseUntil: _lease, claimId: _claim, ...base } = claimed;
  switch (decision.kind) {
    case 'skip':
      if (decision.forget) {
        // Not an incident at all: nothing to remember, and nothing a duplicate could repeat.
        await deps.store.delete(episodeKey(claimed.issueId, claimed.id));
        return { kind: 'ignored', reason: decision.reason };
      }
      await saveEpisode(deps.store, { ...base, state: 'not-paged', reason: `${claimed.reason}: ${decision.reason}`, closedAt: iso(now) });
      return { kind: 'not-paged', reason: decision.reason };
    case 'route': {
      const label = messageFacts(config, incident).severityLabel;
      const [team] = await Promise.all([
        routeSev3(deps.tracker, config, { ...incident, severity: decision.severity }),
        saveEpisode(deps.store, { ...base, state: 'not-paged', reason: `${label}: routed to ${decision.team}`, closedAt: iso(now) }),
      ]);
      return { kind: 'routed', team };
    }
    case 'nobody':
      await Promise.all([
        saveEpisode(deps.store, { ...base, state: 'not-paged', reason: `${decision.reason}: nobody to page`, closedAt: iso(now) }),
        commentQuietly(deps.tracker, incident.key, nobodyToPageComment(decision.reason)),
      ]);
      return { kind: 'not-paged', reason: 'nobody to page' };
    case 'page': {
      const episode: Episode = {
        ...base,
        state: 'paging',
        reason: decision.reason,
        policy: decision.plan.policy,
        message: messageFacts(config, incident),
      };
      return { kind: 'paged', episode: await pageLevel(deps, config, episode, 0, 0) };
    }
  }
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
 * Sends one level of an episode to everyone it resolves to now, each delivery retried within the
 * invocation's budget, then records the level and every delivery. Failures are recorded (and
 * commented on the issue) for the next scheduled run to retry, never dropped.
 */
export async function pageLevel(deps: PagingDeps, config: Configuration, episode: Episode, level: number, round: number): Promise<Episode> {
  const { policy, message: facts } = episode;
  if (policy === undefined || facts === undefined) throw new AppError(`Episode ${episode.id} of ${episode.issueKey} has no policy to page from`);
  const now = deps.clock.now();
  const { recipients, unresolved } = recipientsForLevel(config, levelOf(policy, level, 'level').targets, now);
  const message = pageMessage(episode, facts, level, round);
  const bugs: unknown[] = [];
  const deliveries = await Promise.all(
    recipients.map((recipient) => deliver(deps, recipient, message, { level, round, attempts: 0 }, bugs)),
  );
  const updated: Episode = {
    ...episode,
    pages: [...episode.pages, { level, round, pagedAt: iso(now) }],
    deliveries: [...episode.deliveries, ...deliveries],
  };
  await recordAndReport(deps, updated, deliveries.filter((delivery) => delivery.status === 'failed'), unresolved);
  if (bugs.length > 0) throw bugs[0];
  return updated;
}

/** Sends one delivery (a first attempt or a retry) and describes the outcome; unexpected errors are kept for rethrowing. */
export async function deliver(
  deps: PagingDeps,
  recipient: Pick<Recipient, 'key' | 'label' | 'destination'>,
  message: ReturnType<typeof pageMessage>,
  previous: { level: number; round: number; attempts: number },
  bugs: unknown[],
): Promise<Delivery> {
  const base = {
    level: previous.level,
    round: previous.round,
    recipientKey: recipient.key,
    recipientLabel: recipient.label,
    destination: recipient.destination,
    attempts: previous.attempts + 1,
  };
  try {
    await withRetry(() => deps.pager.send(recipient.destination, message), { clock: deps.clock, deadline: deps.deadline });
    return { ...base, status: 'sent', lastAttemptAt: iso(deps.clock.now()) };
  } catch (error) {
    if (!(error instanceof AppError)) bugs.push(error);
    return { ...base, status: 'failed', lastAttemptAt: iso(deps.clock.now()), error: error instanceof Error ? error.message : String(error) };
  }
}

/** Saves the episode and, when something failed, tells the IM on the issue. Only the save may fail the invocation. */
export async function recordAndReport(deps: PagingDeps, episode: Episode, failed: readonly Delivery[], unresolved: readonly string[]): Promise<void> {
  const comment =
    failed.length > 0 || unresolved.length > 0
      ? commentQuietly(deps.tracker, episode.issueKey, deliveryFailureComment(failed, unresolved, failed.some((delivery) => delivery.attempts < MAX_DELIVERY_ATTEMPTS)))
      : Promise.resolve();
  await Promise.all([saveEpisode(deps.store, episode), comment]);
}

/** Claims one level of an episode for this invocation; concurrent or repeated runs find it taken. */
export async function claimLevel(store: AppStore, episode: Episode, level: number, round: number, now: number): Promise<boolean> {
  return store.setIfAbsent(levelClaimKey(episode, level, round), { claimedAt: iso(now) }, { ttlSeconds: BOOKKEEPING_TTL_SECONDS });
}

// The state is already saved; a comment that cannot be added must not undo that or hide the failure it reports.
async function commentQuietly(tracker: IssueTracker, issueKey: string, body: AdfDocument): Promise<void> {
  try {
    await tracker.addComment(issueKey, body);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.warn(`Could not comment on ${issueKey}: ${error.message}`);
  }
}
