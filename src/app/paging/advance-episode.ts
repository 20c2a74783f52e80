import { nextEscalationStep } from '../../domain/on-call/escalation-step';
import { rosterById, type Configuration } from '../configuration';
import { CONFIGURATION_KEY, configurationFrom } from '../configuration-store';
import { AppError } from '../errors';
import { readIncident, snapshotFieldIds } from '../incident-fields';
import { exhaustedComment, keepPagingComment } from './page-message';
import {
  commentQuietly,
  fallbackRosterId,
  isStaleClaim,
  MAX_DELIVERY_ATTEMPTS,
  pageLevel,
  pagesForSeverity,
  persist,
  runClaimedEpisode,
  sendPlanned,
  sendToRecipients,
  type PagingDeps,
} from './page-on-call';
import { iso, LEASE_GRACE_MS, RETRY_AFTER_MS, type Acknowledgement, type Delivery, type Episode, type EscalationJob } from './paging-episodes';
import { recipientsForLevel, type Recipient } from './paging-plan';

export type EpisodeProgress = 'acknowledged' | 'escalated' | 'exhausted' | 'kept-paging' | 'recovered' | 'resent' | 'retried' | 'waiting' | 'busy' | 'gone';

/** A level claimed this long ago whose pages were never recorded belongs to an invocation that died before sending. */
const LEVEL_CLAIM_STALE_MS = 60_000;
/** How many times a dead invocation's level claim may be taken over. */
const LEVEL_CLAIM_TAKEOVERS = 3;

/**
 * The precise path: one episode's job arrives when it needs attention (its level's timeout, a
 * retry, a lease running out). Everything it decides comes from storage and every page is claimed
 * first, so a repeated job sends nothing twice and a job that dies is finished by the next one.
 */
export async function runEscalationJob(deps: PagingDeps, job: EscalationJob): Promise<EpisodeProgress> {
  const [stored, [found]] = await Promise.all([deps.store.get(CONFIGURATION_KEY), deps.repo.episodesByRef([job]), deps.pager.prepare()]);
  if (found === undefined) {
    await deps.repo.unwatch(job);
    return 'gone';
  }
  return advanceEpisode(deps, configurationFrom(stored), found.episode, found.ack);
}

/** Moves one episode on as far as its time allows: close it, recover it, resend, retry, escalate or keep paging. */
export async function advanceEpisode(deps: PagingDeps, config: Configuration, episode: Episode, ack: Acknowledgement | undefined): Promise<EpisodeProgress> {
  if (episode.state === 'acknowledged' || episode.state === 'exhausted' || episode.state === 'not-paged') {
    await deps.repo.unwatch({ issueId: episode.issueId, episodeId: episode.id });
    return 'gone';
  }
  if (ack !== undefined) {
    await closeAcknowledged(deps, episode, ack);
    return 'acknowledged';
  }
  const now = deps.clock.now();
  if (episode.state === 'claimed') return recoverClaim(deps, config, episode, now);
  const policy = episode.policy;
  if (policy === undefined) throw new AppError(`Episode ${episode.id} of ${episode.issueKey} is paging without a policy`);
  const leaseOver = episode.leaseUntil === undefined || now >= Date.parse(episode.leaseUntil) + LEASE_GRACE_MS;
  if (!leaseOver) return 'busy';
  const { episode: afterRetries, progress } = await retryDeliveries(deps, episode, now);
  if (afterRetries.keepPaging !== undefined) {
    const next = Date.parse(afterRetries.keepPaging.lastAt) + afterRetries.keepPaging.everyMinutes * 60_000;
    return now >= next ? keepPaging(deps, config, afterRetries, now) : progress;
  }
  const step = nextEscalationStep(policy, { pages: afterRetries.pages }, iso(now));
  if (step.kind === 'page') {
    if (!(await claimLevelOrTakeOver(deps, afterRetries, step.level, step.round, now))) return 'busy';
    // An acknowledgement may have arrived since the episode was read; paging on would wake someone for nothing.
    const late = await deps.repo.acknowledgement(afterRetries);
    if (late !== undefined) {
      await closeAcknowledged(deps, afterRetries, late);
      return 'acknowledged';
    }
    await pageLevel(deps, config, afterRetries, step.level, step.round);
    return 'escalated';
  }
  if (step.kind === 'exhausted') {
    if (pagesForSeverity(config, afterRetries.message?.severity)) return keepPaging(deps, config, afterRetries, now);
    const closed: Episode = { ...afterRetries, state: 'exhausted', closedAt: iso(now) };
    await Promise.all([persist(deps, closed), commentQuietly(deps.tracker, episode.issueKey, exhaustedComment(closed))]);
    return 'exhausted';
  }
  return progress;
}

async function closeAcknowledged(deps: PagingDeps, episode: Episode, ack: Acknowledgement): Promise<void> {
  const { leaseUntil: _lease, ...rest } = episode;
  await persist(deps, { ...rest, state: 'acknowledged', acknowledgedAt: ack.at, acknowledgedBy: ack.by, closedAt: iso(deps.clock.now()) });
}

// A level whose claim is taken but whose pages were never recorded: its invocation died before
// sending (pages are recorded before they go out), so taking the claim over cannot double a page.
async function claimLevelOrTakeOver(deps: PagingDeps, episode: Episode, level: number, round: number, now: number): Promise<boolean> {
  for (let attempt = 0; attempt <= LEVEL_CLAIM_TAKEOVERS; attempt += 1) {
    if (await deps.repo.claimLevel(episode, level, round, now, attempt)) return true;
    const claimedAt = await deps.repo.levelClaimedAt(episode, level, round, attempt);
    if (claimedAt === undefined || now < claimedAt + LEVEL_CLAIM_STALE_MS) return false;
  }
  return false;
}

// The claiming invocation ran out of time or died before it paged: do what it would have done.
async function recoverClaim(deps: PagingDeps, config: Configuration, episode: Episode, now: number): Promise<EpisodeProgress> {
  if (!isStaleClaim(episode, now)) return 'busy';
  if (!(await claimLevelOrTakeOver(deps, episode, 0, 0, now))) return 'busy';
  const issue = await deps.tracker.getIssue(episode.issueId, snapshotFieldIds(config));
  if (issue === undefined) {
    await persist(deps, { ...episode, state: 'not-paged', reason: `${episode.reason}: the issue no longer exists`, closedAt: iso(now) });
    return 'recovered';
  }
  await runClaimedEpisode(deps, { ...config }, episode, readIncident(issue, config));
  return 'recovered';
}

/**
 * Deliveries still `sending` after their invocation's lease belong to an invocation that died
 * mid-send: they may have gone out, so they are resent with the same idempotency key (PagerDuty's
 * dedup_key, the webhook's request id) or marked as re-sent on channels without one. Failed
 * deliveries are retried a minute after their last attempt. A claim per attempt keeps concurrent
 * runs from sending the same retry twice.
 */
async function retryDeliveries(deps: PagingDeps, episode: Episode, now: number): Promise<{ episode: Episode; progress: EpisodeProgress }> {
  const maybeSent = episode.deliveries.filter((delivery) => delivery.status === 'sending');
  const failed = episode.deliveries.filter(
    (delivery) => delivery.status === 'failed' && delivery.attempts < MAX_DELIVERY_ATTEMPTS && now >= Date.parse(delivery.lastAttemptAt) + RETRY_AFTER_MS,
  );
  const due = [...maybeSent, ...failed];
  if (due.length === 0) return { episode, progress: 'waiting' };
  const claims = await Promise.all(due.map((delivery) => deps.repo.claimRetry(episode, delivery, now)));
  const mine = due.filter((_delivery, index) => claims[index] === true);
  if (mine.length === 0) return { episode, progress: 'busy' };
  const next = new Map<Delivery, Delivery>(
    mine.map((delivery) => [
      delivery,
      { ...delivery, status: 'sending', attempts: delivery.attempts + 1, lastAttemptAt: iso(now), ...(delivery.status === 'sending' ? { resent: true } : {}) },
    ]),
  );
  const ahead: Episode = { ...episode, leaseUntil: iso(deps.deadline), deliveries: episode.deliveries.map((delivery) => next.get(delivery) ?? delivery) };
  await persist(deps, ahead);
  const updated = await sendPlanned(deps, ahead, [...next.values()], new Map(), []);
  return { episode: updated, progress: maybeSent.length > 0 ? 'resent' : 'retried' };
}

/**
 * A Sev 1/2 nobody answered never goes quiet: the last level is paged again at its interval, and
 * the fallback roster's whole team is alerted, until someone acknowledges.
 */
async function keepPaging(deps: PagingDeps, config: Configuration, episode: Episode, now: number): Promise<EpisodeProgress> {
  const policy = episode.policy;
  if (policy === undefined) return 'waiting';
  const lastLevel = policy.levels.length - 1;
  const everyMinutes = policy.levels[lastLevel]?.ackTimeoutMinutes ?? config.imoc.ackTimeoutMinutes;
  const count = episode.keepPaging === undefined ? 0 : episode.keepPaging.count + 1;
  const round = policy.repeat + 1 + count;
  if (!(await claimLevelOrTakeOver(deps, episode, lastLevel, round, now))) return 'busy';
  const late = await deps.repo.acknowledgement(episode);
  if (late !== undefined) {
    await closeAcknowledged(deps, episode, late);
    return 'acknowledged';
  }
  const level = recipientsForLevel(config, policy.levels[lastLevel]?.targets ?? [], now);
  const fallbackId = fallbackRosterId(config);
  const fallback = fallbackId === undefined ? undefined : rosterById(config, fallbackId);
  const members = [...new Set((fallback?.layers ?? []).flatMap((layer) => layer.participants))];
  const team: Recipient[] = members.map((accountId) => ({
    key: `fallback:${accountId}`,
    label: accountId,
    destination: { kind: 'jira', accountId },
  }));
  const seen = new Set(level.recipients.flatMap((recipient) => (recipient.destination.accountId === undefined ? [] : [recipient.destination.accountId])));
  const recipients = [...level.recipients, ...team.filter((recipient) => !seen.has(recipient.destination.accountId ?? ''))];
  const marked: Episode = { ...episode, keepPaging: { since: episode.keepPaging?.since ?? iso(now), count, lastAt: iso(now), everyMinutes } };
  await Promise.all([
    episode.keepPaging === undefined ? commentQuietly(deps.tracker, episode.issueKey, keepPagingComment(episode, fallback?.name, everyMinutes)) : Promise.resolve(),
    sendToRecipients(deps, marked, recipients, level.unresolved, lastLevel, round),
  ]);
  return 'kept-paging';
}
