import type { PagingStatusResult } from '../contracts/issue-panel';
import { acknowledgementOf, episodeView, loadEpisodes } from './paging-episodes';
import type { AppStore, Clock, IssueTracker } from './ports';

/**
 * Every paging episode of one incident as the issue panel shows it, oldest first. With the user's
 * Jira at hand, the people paged are named as Jira names them to that user, all in one request.
 */
export async function getPagingStatus(
  deps: { store: AppStore; clock: Clock; userTracker?: Pick<IssueTracker, 'displayNames'> },
  issue: { id: string; key: string },
): Promise<PagingStatusResult> {
  const { episodes, acks } = await loadEpisodes(deps.store, issue.id);
  const now = deps.clock.now();
  const views = episodes
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
    .map((episode) => episodeView(episode, acknowledgementOf(acks, episode), now));
  const accountIds = [...new Set(views.flatMap((view) => view.deliveries.flatMap((delivery) => (delivery.accountId === undefined ? [] : [delivery.accountId]))))];
  const names = deps.userTracker === undefined || accountIds.length === 0 ? new Map<string, string>() : await deps.userTracker.displayNames(accountIds);
  return {
    issueKey: issue.key,
    episodes: views.map((view) => ({
      ...view,
      deliveries: view.deliveries.map((delivery) => {
        const displayName = delivery.accountId === undefined ? undefined : names.get(delivery.accountId);
        return displayName === undefined ? delivery : { ...delivery, displayName };
      }),
    })),
  };
}
