import { nextEscalationStep } from '../../domain/on-call/escalation-step';
import type { Configuration } from '../configuration';
import { CONFIGURATION_KEY, configurationFrom } from '../configuration-store';
import { AppError } from '../errors';
import { readIncident, snapshotFieldIds } from '../incident-fields';
import { exhaustedComment, pageMessage } from './page-message';
import { claimLevel, deliver, isStaleClaim, MAX_DELIVERY_ATTEMPTS, pageLevel, recordAndReport, runClaimedEpisode, type PagingDeps } from './page-on-call';
import {
  ACK_PREFIX,
  BOOKKEEPING_TTL_SECONDS,
  EPISODE_PREFIX,
  ackKey,
  acknowledgementOf,
  acknowledgementsFrom,
  episodesFrom,
  isClosed,
  iso,
  parseAcknowledgement,
  retryClaimKey,
  saveEpisode,
  type Acknowledgement,
  type Delivery,
  type Episode,
} from './paging-episodes';

/** How many episodes one run works on at once: enough to finish quickly, few enough to stay under Jira's rate limits. */
const CONCURRENCY = 4;

export type EpisodeProgress = 'acknowledged' | 'escalated' | 'exhausted' | 'recovered' | 'retried' | 'waiting' | 'busy';

export interface EscalationRunReport {
  readonly episodes: number;
  readonly progress: Readonly<Partial<Record<EpisodeProgress, number>>>;
}

/**
 * The scheduled run: for every open episode, closes it when acknowledged, retries failed
 * deliveries, pages the next level once the current level's acknowledgement timeout has passed,
 * and takes over episodes whose claiming invocation died. Everything it decides comes from
 * storage and every page is claimed first, so a run that dies mid-way loses nothing and a
 * repeated or concurrent run sends nothing twice. Unexpected errors are rethrown after every
 * episode has had its turn.
 */
export async function escalateUnacknowledged(deps: PagingDeps): Promise<EscalationRunReport> {
  const [stored, episodeEntries, ackEntries] = await Promise.all([
    deps.store.get(CONFIGURATION_KEY),
    deps.store.listByPrefix(EPISODE_PREFIX),
    deps.store.listByPrefix(ACK_PREFIX),
    deps.pager.prepare(),
  ]);
  const config = configurationFrom(stored);
  const acks = acknowledgementsFrom(ackEntries);
  const open = episodesFrom(episodeEntries).filter((episode) => !isClosed(episode));
  const progress: Partial<Record<EpisodeProgress, number>> = {};
  const failures: unknown[] = [];
  await forEachLimited(open, CONCURRENCY, async (episode) => {
    try {
      const result = await advanceEpisode(deps, config, episode, acknowledgementOf(acks, episode));
      progress[result] = (progress[result] ?? 0) + 1;
    } catch (error) {
      failures.push(error);
    }
  });
  const [unexpected] = failures.filter((error) => !(error instanceof AppError));
  if (unexpected !== undefined) throw unexpected;
  for (const failure of failures) console.warn(`Escalation step failed: ${failure instanceof Error ? failure.message : String(failure)}`);
  return { episodes: open.length, progress };
}

async function advanceEpisode(deps: PagingDeps, config: Configuration, episode: Episode, ack: Acknowledgement | undefined): Promise<EpisodeProgress> {
  if (ack !== undefined) {
    await closeAcknowledged(deps, episode, ack);
    return 'acknowledged';
  }
  const now = deps.clock.now();
  if (episode.state === 'claimed') return recoverClaim(deps, config, episode, now);
  const policy = episode.policy;
  if (policy === undefined) throw new AppError(`Episode ${episode.id} of ${episode.issueKey} is paging without a policy`);
  const { episode: afterRetries, retried } = await retryFailedDeliveries(deps, episode);
  const step = nextEscalationStep(policy, { pages: afterRetries.pages }, iso(now));
  if (step.kind === 'page') {
    if (!(await claimLevel(deps.store, afterRetries, step.level, step.round, now))) return 'busy';
    // An acknowledgement may have arrived since the run listed them; paging on would wake someone for nothing.
    const late = parseAcknowledgement(await deps.store.get(ackKey(episode.issueId, episode.id)));
    if (late !== undefined) {
      await closeAcknowledged(deps, afterRetries, late);
      return 'acknowledged';
    }
    await pageLevel(deps, config, afterRetries, step.level, step.round);
    return 'escalated';
  }
  if (step.kind === 'exhausted') {
    const closed: Episode = { ...afterRetries, state: 'exhausted', closedAt: iso(now) };
    await Promise.all([saveEpisode(deps.store, closed), deps.tracker.addComment(episode.issueKey, exhaustedComment(closed))]);
    return 'exhausted';
  }
  return retried ? 'retried' : 'waiting';
}

async function closeAcknowledged(deps: PagingDeps, episode: Episode, ack: Acknowledgement): Promise<void> {
  await saveEpisode(deps.store, { ...episode, state: 'acknowledged', acknowledgedAt: ack.at, acknowledgedBy: ack.by, closedAt: iso(deps.clock.now()) });
}

// The claiming invocation ran out of time or died before it paged: do what it would have done.
async function recoverClaim(deps: PagingDeps, config: Configuration, episode: Episode, now: number): Promise<EpisodeProgress> {
  if (!isStaleClaim(episode, now)) return 'busy';
  if (!(await claimLevel(deps.store, episode, 0, 0, now))) return 'busy';
  const issue = await deps.tracker.getIssue(episode.issueId, snapshotFieldIds(config));
  if (issue === undefined) {
    await saveEpisode(deps.store, { ...episode, state: 'not-paged', reason: `${episode.reason}: the issue no longer exists`, closedAt: iso(now) });
    return 'recovered';
  }
  await runClaimedEpisode(deps, config, episode, readIncident(issue, config));
  return 'recovered';
}

// Each failed delivery is retried once per run until it gets through or runs out of attempts;
// a claim per attempt keeps concurrent runs from sending the same retry twice.
async function retryFailedDeliveries(deps: PagingDeps, episode: Episode): Promise<{ episode: Episode; retried: boolean }> {
  const facts = episode.message;
  const due = episode.deliveries.filter((delivery) => delivery.status === 'failed' && delivery.attempts < MAX_DELIVERY_ATTEMPTS);
  if (due.length === 0 || facts === undefined) return { episode, retried: false };
  const bugs: unknown[] = [];
  const results = await Promise.all(
    due.map(async (delivery): Promise<Delivery | undefined> => {
      const claimed = await deps.store.setIfAbsent(retryClaimKey(episode, delivery), { claimedAt: iso(deps.clock.now()) }, { ttlSeconds: BOOKKEEPING_TTL_SECONDS });
      if (!claimed) return undefined;
      const message = pageMessage(episode, facts, delivery.level, delivery.round);
      return deliver(deps, { key: delivery.recipientKey, label: delivery.recipientLabel, destination: delivery.destination }, message, delivery, bugs);
    }),
  );
  const updates = new Map<Delivery, Delivery>();
  due.forEach((delivery, index) => {
    const result = results[index];
    if (result !== undefined) updates.set(delivery, result);
  });
  if (updates.size === 0) return { episode, retried: false };
  const updated: Episode = { ...episode, deliveries: episode.deliveries.map((delivery) => updates.get(delivery) ?? delivery) };
  const stillFailing = [...updates.values()].filter((delivery) => delivery.status === 'failed');
  await recordAndReport(deps, updated, stillFailing, []);
  if (bugs.length > 0) throw bugs[0];
  return { episode: updated, retried: true };
}

async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      if (item !== undefined) await work(item);
    }
  });
  await Promise.all(lanes);
}
