import type { PagingEpisodeView, PagingStatusResult, PagingViewerRights } from '../../contracts/issue-panel';
import { AppError, NotFoundError } from '../errors';
import { episodeView, isClosed, type Acknowledgement, type Episode } from './paging-episodes';
import type { PagingRepository } from './paging-repository';
import type { Clock, IssueAccess, IssueTracker } from '../ports';

// Acknowledged in the app or by taking the issue: `by` is the person's account id. A provider's
// report names its responder in its own words ("Ann via PagerDuty"), which Jira cannot look up.
const BY_ACCOUNT_ID: ReadonlySet<Acknowledgement['via']> = new Set(['app', 'assigned']);

/** Who may do what with paging on an incident, from Jira's permissions for the viewer and whether they were paged. */
export function viewerRights(
  access: IssueAccess,
  accountId: string | undefined,
  assigneeAccountId: unknown,
  episodes: readonly { episode: Episode }[],
): PagingViewerRights {
  const paged = accountId !== undefined && episodes.some(({ episode }) => episode.deliveries.some((delivery) => delivery.destination.accountId === accountId));
  const leads = accountId !== undefined && assigneeAccountId === accountId;
  const mayAcknowledge = access.edit || leads || paged;
  const mayEscalate = access.edit;
  if (mayAcknowledge && mayEscalate) return { mayAcknowledge, mayEscalate };
  const explanation = mayAcknowledge
    ? 'You can acknowledge your own page. Paging someone else needs permission to edit this issue, which Jira does not give you.'
    : 'You can follow paging here, but only the people paged, the incident manager and those who may edit this issue can acknowledge or escalate, and Jira does not give you permission to edit it.';
  return { mayAcknowledge, mayEscalate, explanation };
}

/**
 * Every paging episode of one incident as the issue panel shows it, oldest first, with what the
 * viewer may do. The people paged and those who acknowledged are named as Jira names them to the
 * viewer; the reads run side by side, two round trips at most.
 *
 * @throws NotFoundError when the viewer may not see the issue.
 */
export async function getPagingStatus(
  deps: { repo: PagingRepository; clock: Clock; userTracker?: Pick<IssueTracker, 'displayNames' | 'issuePermissions'> },
  issue: { id: string; key: string },
  viewerAccountId?: string,
): Promise<PagingStatusResult> {
  const userTracker = deps.userTracker;
  const [episodes, access] = await Promise.all([deps.repo.episodesOf(issue.id), userTracker === undefined ? Promise.resolve(undefined) : userTracker.issuePermissions(issue.key)]);
  if (access !== undefined && !access.browse) throw new NotFoundError('Issue', issue.key);
  const viewer = access === undefined ? undefined : viewerRights(access, viewerAccountId, undefined, episodes);
  return pagingStatusOf({ clock: deps.clock, ...(userTracker === undefined ? {} : { userTracker }) }, issue, episodes, viewer, { tolerateNameFailure: false, viewerAccountId });
}

/** The panel's view of episodes already read; names come from one request (left as ids if it fails and `tolerateNameFailure`). */
export async function pagingStatusOf(
  deps: { clock: Clock; userTracker?: Pick<IssueTracker, 'displayNames'> },
  issue: { id: string; key: string },
  episodes: readonly { episode: Episode; ack: Acknowledgement | undefined }[],
  viewer: PagingViewerRights | undefined,
  options: { tolerateNameFailure: boolean; viewerAccountId?: string | undefined },
): Promise<PagingStatusResult> {
  const now = deps.clock.now();
  const views = [...episodes]
    .sort((a, b) => a.episode.startedAt.localeCompare(b.episode.startedAt))
    .map(({ episode, ack }) => {
      const view = episodeView(episode, ack, now);
      const acknowledgerId = ack !== undefined && BY_ACCOUNT_ID.has(ack.via) && view.acknowledgedBy === ack.by ? ack.by : undefined;
      const own = options.viewerAccountId !== undefined && episode.deliveries.some((delivery) => delivery.destination.accountId === options.viewerAccountId);
      const waiting = !isClosed(episode) && ack === undefined;
      const extra: Partial<PagingEpisodeView> = {
        ...(episode.keepPaging === undefined ? {} : { unanswered: { since: episode.keepPaging.since, repeats: episode.keepPaging.count + 1, everyMinutes: episode.keepPaging.everyMinutes } }),
        ...(episode.late === true ? { late: true } : {}),
        ...(viewer === undefined ? {} : { viewerMayAcknowledge: waiting && (own || (viewer.mayAcknowledge && viewer.mayEscalate)) }),
      };
      return { view: { ...view, ...extra }, acknowledgerId };
    });
  const accountIds = [
    ...new Set(
      views.flatMap(({ view, acknowledgerId }) => [
        ...view.deliveries.flatMap((delivery) => (delivery.accountId === undefined ? [] : [delivery.accountId])),
        ...(acknowledgerId === undefined ? [] : [acknowledgerId]),
      ]),
    ),
  ];
  let names: ReadonlyMap<string, string> = new Map();
  if (deps.userTracker !== undefined && accountIds.length > 0) {
    try {
      names = await deps.userTracker.displayNames(accountIds);
    } catch (error) {
      if (!options.tolerateNameFailure || !(error instanceof AppError)) throw error;
    }
  }
  return {
    issueKey: issue.key,
    episodes: views.map(({ view, acknowledgerId }) => {
      const acknowledgedByName = acknowledgerId === undefined ? undefined : names.get(acknowledgerId);
      return {
        ...view,
        deliveries: view.deliveries.map((delivery) => {
          const displayName = delivery.accountId === undefined ? undefined : names.get(delivery.accountId);
          return displayName === undefined ? delivery : { ...delivery, displayName };
        }),
        ...(acknowledgedByName === undefined ? {} : { acknowledgedByName }),
      };
    }),
    ...(viewer === undefined ? {} : { viewer }),
  };
}
