import { z } from 'zod';
import type { PagingStatusResult } from '../../contracts/issue-panel';
import { parseWith } from '../../domain/parse-input';
import { ForbiddenError, NotFoundError } from '../errors';
import { pagingStatusOf, viewerRights } from './get-paging-status';
import { isClosed, iso, pagesIncidentManager, parseDedupKey, type Acknowledgement, type Episode } from './paging-episodes';
import type { EpisodeWithAck, PagingRepository } from './paging-repository';
import type { Clock, IssueTracker } from '../ports';

/** Which waiting pages an acknowledgement covers. */
export type AcknowledgementScope =
  | { readonly kind: 'episode'; readonly episodeId: string }
  /** The pages that called for an incident manager: taking command (or being assigned) answers them, not other teams' pages. */
  | { readonly kind: 'incident-manager' }
  | { readonly kind: 'every-page' };

function inScope(episode: Episode, scope: AcknowledgementScope): boolean {
  switch (scope.kind) {
    case 'episode':
      return episode.id === scope.episodeId;
    case 'incident-manager':
      return pagesIncidentManager(episode.intent);
    case 'every-page':
      return true;
  }
}

/**
 * Acknowledges the pages of an incident in `scope` that are still waiting: their escalation then
 * stops. The first acknowledgement of an episode stands. Returns the episodes it acknowledged.
 */
export async function acknowledgeIncident(
  deps: { repo: PagingRepository; clock: Clock },
  input: { issueId: string; by: string; via: Acknowledgement['via']; scope: AcknowledgementScope },
): Promise<number> {
  const episodes = await deps.repo.episodesOf(input.issueId);
  return (await acknowledgeWaiting(deps, episodes, input)).length;
}

async function acknowledgeWaiting(
  deps: { repo: PagingRepository; clock: Clock },
  episodes: readonly EpisodeWithAck[],
  input: { by: string; via: Acknowledgement['via']; scope: AcknowledgementScope },
): Promise<{ episode: Episode; ack: Acknowledgement }[]> {
  const waiting = episodes.filter(({ episode, ack }) => !isClosed(episode) && ack === undefined && inScope(episode, input.scope));
  const ack: Acknowledgement = { at: iso(deps.clock.now()), by: input.by, via: input.via };
  const recorded = await Promise.all(waiting.map(({ episode }) => deps.repo.acknowledge(episode, ack)));
  return waiting.filter((_entry, index) => recorded[index] === true).map(({ episode }) => ({ episode, ack }));
}

/** Whether this person was paged in this episode (on any channel that names them). */
export function wasPaged(episode: Episode, accountId: string): boolean {
  return episode.deliveries.some((delivery) => delivery.destination.accountId === accountId);
}

const acknowledgeSchema = z.strictObject({ episodeId: z.string().min(1).max(200).exactOptional() });

/**
 * The Acknowledge button, as the signed-in user. Each person acknowledges their own pages; the
 * incident's assignee and anyone Jira lets edit the issue may also acknowledge a page (by its id)
 * or, without one, the pages that called for an incident manager. Everyone else is refused and
 * nothing changes. The answer is built from what was read and written, so a failed read after the
 * write cannot report a saved acknowledgement as an error.
 *
 * @throws NotFoundError when the issue does not exist or the user may not see it; ForbiddenError when they may not acknowledge.
 */
export async function acknowledgeAsUser(
  deps: { userTracker: IssueTracker; repo: PagingRepository; clock: Clock },
  input: { issue: { id: string; key: string }; accountId: string; payload: unknown },
): Promise<PagingStatusResult> {
  const request = parseWith(acknowledgeSchema, input.payload);
  const [access, episodes, assignee] = await Promise.all([
    deps.userTracker.issuePermissions(input.issue.key),
    deps.repo.episodesOf(input.issue.id),
    deps.userTracker.getIssue(input.issue.key, ['assignee']).then((issue) => (issue?.fields.assignee as { accountId?: unknown } | null | undefined)?.accountId),
  ]);
  if (!access.browse) throw new NotFoundError('Issue', input.issue.key);
  const responsible = access.edit || assignee === input.accountId;
  const own = episodes.filter(({ episode }) => wasPaged(episode, input.accountId));
  let scope: AcknowledgementScope;
  if (request.episodeId !== undefined) {
    const target = episodes.find(({ episode }) => episode.id === request.episodeId);
    if (target === undefined) throw new NotFoundError('Page', request.episodeId.slice(0, 40));
    if (!responsible && !wasPaged(target.episode, input.accountId)) throw new ForbiddenError('acknowledge a page sent to someone else');
    scope = { kind: 'episode', episodeId: request.episodeId };
  } else if (own.some(({ episode, ack }) => !isClosed(episode) && ack === undefined)) {
    const [first] = own.filter(({ episode, ack }) => !isClosed(episode) && ack === undefined);
    scope = own.length === 1 && first !== undefined ? { kind: 'episode', episodeId: first.episode.id } : { kind: 'every-page' };
  } else if (responsible) {
    scope = { kind: 'incident-manager' };
  } else {
    throw new ForbiddenError('acknowledge pages of this incident: only the people paged, its assignee and those who may edit it can');
  }
  // Without an episode id, a person paged in several episodes acknowledges only their own pages.
  const candidates = scope.kind === 'every-page' ? own : episodes;
  const done = await acknowledgeWaiting(deps, candidates, { by: input.accountId, via: 'app', scope });
  const acknowledged = new Map(done.map(({ episode, ack }) => [episode.id, ack]));
  const after = episodes.map((entry) => ({ episode: entry.episode, ack: entry.ack ?? acknowledged.get(entry.episode.id) }));
  return pagingStatusOf({ clock: deps.clock, userTracker: deps.userTracker }, input.issue, after, viewerRights(access, input.accountId, assignee, after), { tolerateNameFailure: true });
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
  deps: { repo: PagingRepository; tracker: IssueTracker; clock: Clock },
  body: unknown,
): Promise<{ issueKey: string; acknowledged: number }> {
  const report = parseWith(providerReportSchema, body, 'body');
  const by = report.acknowledgedBy ?? 'paging provider';
  if ('dedupKey' in report) {
    const parsed = parseDedupKey(report.dedupKey);
    if (parsed === undefined) throw new NotFoundError('Page', report.dedupKey.slice(0, 40));
    // The dedup key names the incident twice (key and id): both must be the same issue, or the report is refused.
    const named = await deps.tracker.getIssue(parsed.issueKey, []);
    if (named === undefined || named.id !== parsed.issueId) throw new NotFoundError('Page', report.dedupKey.slice(0, 40));
    const result = await acknowledgeByDedupKey(deps, report.dedupKey, by);
    if (result === undefined) throw new NotFoundError('Page', report.dedupKey.slice(0, 40));
    return result;
  }
  const issue = await deps.tracker.getIssue(report.issueKey, []);
  if (issue === undefined) throw new NotFoundError('Issue', report.issueKey);
  return { issueKey: issue.key, acknowledged: await acknowledgeIncident(deps, { issueId: issue.id, by, via: 'provider', scope: { kind: 'every-page' } }) };
}

/**
 * Acknowledges the episode a page's dedup key names, as reported by a paging provider. Returns
 * undefined when the key is not one the app handed out; `acknowledged: 0` when it was already acknowledged.
 */
export async function acknowledgeByDedupKey(
  deps: { repo: PagingRepository; clock: Clock },
  dedupKey: string,
  by: string,
): Promise<{ issueKey: string; acknowledged: number } | undefined> {
  const parsed = parseDedupKey(dedupKey);
  if (parsed === undefined) return undefined;
  const acknowledged = await acknowledgeIncident(deps, { issueId: parsed.issueId, by, via: 'provider', scope: { kind: 'episode', episodeId: parsed.episodeId } });
  return { issueKey: parsed.issueKey, acknowledged };
}
