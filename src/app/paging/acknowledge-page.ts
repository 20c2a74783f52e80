import { z } from 'zod';
import type { PagingStatusResult } from '../../contracts/issue-panel';
import { parseWith } from '../../domain/parse-input';
import { NotFoundError } from '../errors';
import { getPagingStatus } from './get-paging-status';
import { acknowledgeEpisode, acknowledgementOf, isClosed, iso, loadEpisodes, parseDedupKey, type Acknowledgement } from './paging-episodes';
import type { AppStore, Clock, IssueTracker } from '../ports';

/**
 * Acknowledges every page of the incident that is still waiting: the scheduled run then stops
 * escalating it. The first acknowledgement of an episode stands. Returns how many were acknowledged.
 */
export async function acknowledgeIncident(
  deps: { store: AppStore; clock: Clock },
  input: { issueId: string; by: string; via: Acknowledgement['via']; episodeId?: string },
): Promise<number> {
  const { episodes, acks } = await loadEpisodes(deps.store, input.issueId);
  const waiting = episodes.filter(
    (episode) => !isClosed(episode) && acknowledgementOf(acks, episode) === undefined && (input.episodeId === undefined || episode.id === input.episodeId),
  );
  const ack: Acknowledgement = { at: iso(deps.clock.now()), by: input.by, via: input.via };
  await Promise.all(waiting.map((episode) => acknowledgeEpisode(deps.store, episode, ack)));
  return waiting.length;
}

/**
 * The Acknowledge button in the issue panel, as the signed-in user: Jira decides whether they may see the issue.
 *
 * @throws NotFoundError when the issue does not exist or the user may not see it.
 */
export async function acknowledgeAsUser(
  deps: { userTracker: IssueTracker; store: AppStore; clock: Clock },
  input: { issueKey: string; accountId: string },
): Promise<PagingStatusResult> {
  const issue = await deps.userTracker.getIssue(input.issueKey, []);
  if (issue === undefined) throw new NotFoundError('Issue', input.issueKey);
  await acknowledgeIncident(deps, { issueId: issue.id, by: input.accountId, via: 'app' });
  return getPagingStatus(deps, issue);
}

const providerReportSchema = z.union(
  [
    z.object({ dedupKey: z.string().min(1).max(255), acknowledgedBy: z.string().max(255).exactOptional() }),
    z.object({ issueKey: z.string().regex(/^[A-Z][A-Z0-9_]+-[1-9][0-9]*$/, 'must be an issue key such as HOT-12'), acknowledgedBy: z.string().max(255).exactOptional() }),
  ],
  { error: 'must be {"dedupKey": "<the dedup_key of the page>"} or {"issueKey": "HOT-12"}' },
);

/**
 * A paging provider reports that someone acknowledged: by the page's dedup key (that one
 * episode) or by the issue key (every waiting page of the incident).
 *
 * @throws ValidationError for a body that is neither; NotFoundError for an incident that does not exist.
 */
export async function acknowledgeFromProvider(
  deps: { store: AppStore; tracker: IssueTracker; clock: Clock },
  body: unknown,
): Promise<{ issueKey: string; acknowledged: number }> {
  const report = parseWith(providerReportSchema, body, 'body');
  const by = report.acknowledgedBy ?? 'paging provider';
  if ('dedupKey' in report) {
    const result = await acknowledgeByDedupKey(deps, report.dedupKey, by);
    if (result === undefined) throw new NotFoundError('Page', report.dedupKey);
    return result;
  }
  const issue = await deps.tracker.getIssue(report.issueKey, []);
  if (issue === undefined) throw new NotFoundError('Issue', report.issueKey);
  return { issueKey: issue.key, acknowledged: await acknowledgeIncident(deps, { issueId: issue.id, by, via: 'provider' }) };
}

/**
 * Acknowledges the episode a page's dedup key names, as reported by a paging provider. Returns
 * undefined when the key is not one the app handed out; `acknowledged: 0` when it was already acknowledged.
 */
export async function acknowledgeByDedupKey(
  deps: { store: AppStore; clock: Clock },
  dedupKey: string,
  by: string,
): Promise<{ issueKey: string; acknowledged: number } | undefined> {
  const parsed = parseDedupKey(dedupKey);
  if (parsed === undefined) return undefined;
  const acknowledged = await acknowledgeIncident(deps, { issueId: parsed.issueId, by, via: 'provider', episodeId: parsed.episodeId });
  return { issueKey: parsed.issueKey, acknowledged };
}
