import type { PagingStatusResult } from '../../contracts/issue-panel';
import { acknowledgementOf, episodeView, loadEpisodes, type Acknowledgement } from './paging-episodes';
import type { AppStore, Clock, IssueTracker } from '../ports';

// Acknowledged in the app or by taking the issue: `by` is the person's account id. A provider's
// report names its responder in its own words ("Ann via PagerDuty"), which Jira cannot look up.
const BY_ACCOUNT_ID: ReadonlySet<Acknowledgement['via']> = new Set(['app', 'assigned']);

/**
 * Every paging episode of one incident as the issue panel shows it, oldest first. With the user's
 * Jira at hand, the people paged and those who acknowledged are named as Jira names them to that
 * user, all in one request.
 */
export async function getPagingStatus(
  deps: { store: AppStore; clock: Clock; userTracker?: Pick<IssueTracker, 'displayNames'> },
  issue: { id: string; key: string },
): Promise<PagingStatusResult> {
  const { episodes, acks } = await loadEpisodes(deps.store, issue.id);
  const now = deps.clock.now();
  const views = episodes
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
    .map((episode) => {
      const ack = acknowledgementOf(acks, episode);
      const view = episodeView(episode, ack, now);
      const acknowledgerId = ack !== undefined && BY_ACCOUNT_ID.has(ack.via) && view.acknowledgedBy === ack.by ? ack.by : undefined;
      return { view, acknowledgerId };
    });
  const accountIds = [
    ...new Set(
      views.flatMap(({ view, acknowledgerId }) => [
        ...view.deliveries.flatMap((delivery) => (delivery.accountId === undefined ? [] : [delivery.accountId])),
        ...(acknowledgerId === undefined ? [] : [acknowledgerId]),
      ]),
    ),
  ];
  const names = deps.userTracker === undefined || accountIds.length === 0 ? new Map<string, string>() : await deps.userTracker.displayNames(accountIds);
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
  };
}
