/**
 * The one place that knows how paging state is stored: episode records, acknowledgements, the
 * claims that keep two invocations from sending the same page, the index of episodes by the time
 * they next need attention, and the safety net's own bookmark. Use cases speak of episodes and
 * acknowledgements; when the layout changes, only this file does.
 */
import { AppError } from '../errors';
import type { AppStore, DueIndex } from '../ports';
import {
  acknowledgementSchemaParse,
  episodeNeedsAttentionAt,
  isClosed,
  iso,
  parseEpisode,
  type Acknowledgement,
  type Delivery,
  type Episode,
} from './paging-episodes';

/** Finished episodes, acknowledgements and claims are kept this long: far beyond any redelivery, then forgotten. */
export const BOOKKEEPING_TTL_SECONDS = 30 * 24 * 60 * 60;

/** Storage keys allow letters, digits and `:._-#`; anything else in an id is spelled out. */
export function keyPart(value: string): string {
  return value.replace(/[^a-zA-Z0-9.-]/g, (char) => `_${(char.codePointAt(0) ?? 0).toString(16)}_`);
}

const EPISODE_PREFIX = 'esc:';
const ACK_PREFIX = 'ack:';
const episodeKey = (issueId: string, episodeId: string): string => `${EPISODE_PREFIX}${keyPart(issueId)}:${keyPart(episodeId)}`;
const ackKey = (issueId: string, episodeId: string): string => `${ACK_PREFIX}${keyPart(issueId)}:${keyPart(episodeId)}`;
const indexKey = (issueId: string, episodeId: string): string => `${keyPart(issueId)}:${keyPart(episodeId)}`;
const levelClaimKey = (episode: Episode, level: number, round: number, attempt: number): string =>
  `page:${keyPart(episode.issueId)}:${keyPart(episode.id)}:${level}:${round}${attempt === 0 ? '' : `:${attempt}`}`;
const retryClaimKey = (episode: Episode, delivery: Delivery): string =>
  `retry:${keyPart(episode.issueId)}:${keyPart(episode.id)}:${delivery.level}:${delivery.round}:${keyPart(delivery.recipientKey)}:${delivery.attempts}`;

/** The safety net's bookmark lives in the due index at time 0, so the run's first read returns it with the due work. */
const BOOKMARK_KEY = 'safety-net';
const BOOKMARK_REF = 'bookmark:';

/** What an episode reference in the index names. */
export interface EpisodeRef {
  readonly issueId: string;
  readonly episodeId: string;
}

/** One episode with its acknowledgement, as one read gives them. */
export interface EpisodeWithAck {
  readonly episode: Episode;
  readonly ack: Acknowledgement | undefined;
}

export class PagingRepository {
  /** Without an index it reads and acknowledges (the cockpit's use); saving episodes needs the index. */
  constructor(
    private readonly store: AppStore,
    private readonly dueIndex?: DueIndex,
  ) {}

  private get index(): DueIndex {
    if (this.dueIndex === undefined) throw new AppError('Paging state was opened without its due index, so episodes cannot be saved');
    return this.dueIndex;
  }

  /** Claims a new episode (a conditional write); false when another delivery of the same event got there first. */
  async claim(episode: Episode): Promise<boolean> {
    const [claimed] = await Promise.all([this.store.setIfAbsent(episodeKey(episode.issueId, episode.id), episode), this.scheduleAttention(episode)]);
    return claimed;
  }

  /** Writes an episode and where it stands in the due index; finished ones expire and leave the index. */
  async save(episode: Episode): Promise<void> {
    const closed = isClosed(episode);
    await Promise.all([
      this.store.set(episodeKey(episode.issueId, episode.id), episode, closed ? { ttlSeconds: BOOKKEEPING_TTL_SECONDS } : {}),
      closed ? this.index.remove([indexKey(episode.issueId, episode.id)]) : this.scheduleAttention(episode),
    ]);
  }

  /** Forgets an episode that turned out not to concern an incident. */
  async forget(episode: Episode): Promise<void> {
    await Promise.all([this.store.delete(episodeKey(episode.issueId, episode.id)), this.index.remove([indexKey(episode.issueId, episode.id)])]);
  }

  async episode(issueId: string, episodeId: string): Promise<Episode | undefined> {
    return parseEpisode(await this.store.get(episodeKey(issueId, episodeId)));
  }

  /** Several episodes with their acknowledgements, in batched reads (one round trip). */
  async episodesByRef(refs: readonly EpisodeRef[]): Promise<EpisodeWithAck[]> {
    const keys = refs.flatMap((ref) => [episodeKey(ref.issueId, ref.episodeId), ackKey(ref.issueId, ref.episodeId)]);
    const values = keys.length === 0 ? new Map<string, unknown>() : await this.store.getMany(keys);
    return refs.flatMap((ref) => {
      const episode = parseEpisode(values.get(episodeKey(ref.issueId, ref.episodeId)));
      return episode === undefined ? [] : [{ episode, ack: acknowledgementSchemaParse(values.get(ackKey(ref.issueId, ref.episodeId))) }];
    });
  }

  /** Every episode of one incident with its acknowledgement, oldest first. */
  async episodesOf(issueId: string): Promise<EpisodeWithAck[]> {
    const [episodeEntries, ackEntries] = await Promise.all([
      this.store.listByPrefix(`${EPISODE_PREFIX}${keyPart(issueId)}:`),
      this.store.listByPrefix(`${ACK_PREFIX}${keyPart(issueId)}:`),
    ]);
    return episodesWithAcks(episodeEntries, ackEntries);
  }

  /** Every stored episode of every incident with its acknowledgement (metrics backfill: one read for all). */
  async allEpisodes(): Promise<EpisodeWithAck[]> {
    const [episodeEntries, ackEntries] = await Promise.all([this.store.listByPrefix(EPISODE_PREFIX), this.store.listByPrefix(ACK_PREFIX)]);
    return episodesWithAcks(episodeEntries, ackEntries);
  }

  /** The latest acknowledgement of one episode (read again just before paging on). */
  async acknowledgement(episode: Episode): Promise<Acknowledgement | undefined> {
    return acknowledgementSchemaParse(await this.store.get(ackKey(episode.issueId, episode.id)));
  }

  /** Records an acknowledgement; the first one for an episode stands. True when this one did. */
  async acknowledge(episode: Episode, ack: Acknowledgement): Promise<boolean> {
    return this.store.setIfAbsent(ackKey(episode.issueId, episode.id), ack, { ttlSeconds: BOOKKEEPING_TTL_SECONDS });
  }

  /**
   * Claims one level (and round) of an episode for this invocation; concurrent or repeated runs
   * find it taken. `attempt` > 0 takes over a claim whose invocation died before recording anything.
   */
  async claimLevel(episode: Episode, level: number, round: number, now: number, attempt = 0): Promise<boolean> {
    return this.store.setIfAbsent(levelClaimKey(episode, level, round, attempt), { claimedAt: iso(now) }, { ttlSeconds: BOOKKEEPING_TTL_SECONDS });
  }

  /** When the claim of a level was taken, or undefined when nobody claimed it. */
  async levelClaimedAt(episode: Episode, level: number, round: number, attempt: number): Promise<number | undefined> {
    const value = (await this.store.get(levelClaimKey(episode, level, round, attempt))) as { claimedAt?: unknown } | undefined;
    return typeof value?.claimedAt === 'string' ? Date.parse(value.claimedAt) : undefined;
  }

  /** Claims one retry of one failed delivery. */
  async claimRetry(episode: Episode, delivery: Delivery, now: number): Promise<boolean> {
    return this.store.setIfAbsent(retryClaimKey(episode, delivery), { claimedAt: iso(now) }, { ttlSeconds: BOOKKEEPING_TTL_SECONDS });
  }

  /** Episodes needing attention at or before `upTo`, earliest first, one page per call; the bookmark comes first. */
  async due(upTo: number, page: { limit: number; cursor?: string }): Promise<{ refs: EpisodeRef[]; bookmark?: unknown; cursor?: string }> {
    const answer = await this.index.due(upTo, page);
    const bookmarkEntry = answer.entries.find((entry) => entry.key === BOOKMARK_KEY);
    const refs = answer.entries.flatMap((entry) => (entry.key === BOOKMARK_KEY ? [] : refOf(entry.ref)));
    return {
      refs,
      ...(bookmarkEntry === undefined ? {} : { bookmark: parseJson(bookmarkEntry.ref.slice(BOOKMARK_REF.length)) }),
      ...(answer.cursor === undefined ? {} : { cursor: answer.cursor }),
    };
  }

  async saveBookmark(value: unknown): Promise<void> {
    await this.index.put([{ key: BOOKMARK_KEY, dueAt: 0, ref: `${BOOKMARK_REF}${JSON.stringify(value)}` }]);
  }

  /** Drops an index entry whose episode is gone (forgotten, or expired after closing). */
  async unwatch(ref: EpisodeRef): Promise<void> {
    await this.index.remove([indexKey(ref.issueId, ref.episodeId)]);
  }

  /** Makes sure the index holds the episode's next time, without rewriting the episode. */
  async watch(episode: Episode): Promise<void> {
    await this.scheduleAttention(episode);
  }

  private async scheduleAttention(episode: Episode): Promise<void> {
    const at = episodeNeedsAttentionAt(episode);
    if (at === undefined) return;
    await this.index.put([{ key: indexKey(episode.issueId, episode.id), dueAt: at, ref: JSON.stringify({ issueId: episode.issueId, episodeId: episode.id }) }]);
  }
}

function refOf(ref: string): EpisodeRef[] {
  const value = parseJson(ref) as { issueId?: unknown; episodeId?: unknown } | undefined;
  return typeof value?.issueId === 'string' && typeof value.episodeId === 'string' ? [{ issueId: value.issueId, episodeId: value.episodeId }] : [];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Pairs listed episode and acknowledgement entries, oldest episode first. */
export function episodesWithAcks(episodeEntries: readonly { key: string; value: unknown }[], ackEntries: readonly { key: string; value: unknown }[]): EpisodeWithAck[] {
  const acks = new Map<string, Acknowledgement>();
  for (const entry of ackEntries) {
    const ack = acknowledgementSchemaParse(entry.value);
    if (ack !== undefined) acks.set(entry.key.slice(ACK_PREFIX.length), ack);
  }
  return episodeEntries
    .flatMap((entry) => {
      const episode = parseEpisode(entry.value);
      return episode === undefined ? [] : [{ episode, ack: acks.get(indexKey(episode.issueId, episode.id)) }];
    })
    .sort((a, b) => a.episode.startedAt.localeCompare(b.episode.startedAt));
}
