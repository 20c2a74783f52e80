import type { PagingStatusResult } from '../contracts/issue-panel';
import { acknowledgementOf, episodeView, loadEpisodes } from './paging-episodes';
import type { AppStore, Clock } from './ports';

/** Every paging episode of one incident as the issue panel shows it, oldest first. */
export async function getPagingStatus(deps: { store: AppStore; clock: Clock }, issue: { id: string; key: string }): Promise<PagingStatusResult> {
  const { episodes, acks } = await loadEpisodes(deps.store, issue.id);
  const now = deps.clock.now();
  return {
    issueKey: issue.key,
    episodes: episodes
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
      .map((episode) => episodeView(episode, acknowledgementOf(acks, episode), now)),
  };
}
