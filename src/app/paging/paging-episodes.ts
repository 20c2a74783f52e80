import { z } from 'zod';
import type { PagingEpisodeView } from '../../contracts/issue-panel';
import { escalationPolicySchema, type EscalationPolicy } from '../../domain/on-call/escalation-policy';
import { nextEscalationStep } from '../../domain/on-call/escalation-step';
import { severityLevelSchema } from '../../domain/severity';
import type { AppStore, PageDestination } from '../ports';

/**
 * An episode is one reason to page people about an incident (declared, severity raised, faulty
 * service changed, a workflow transition, a manual escalation), followed through its escalation
 * policy until someone acknowledges or the policy runs out. Its stored record is also the
 * de-duplication claim: it is created with a conditional write, so duplicate deliveries of the
 * same event find it taken.
 */

/** Whom an episode pages, decided once configuration and the issue are known. */
export const pagingIntentSchema = z.discriminatedUnion('kind', [
  /** A new incident: Sev 1/2 pages the faulty service's roster, Sev 3 is routed to the owning team. */
  z.strictObject({ kind: z.literal('declared') }),
  z.strictObject({ kind: z.literal('faulty-service'), severities: z.array(severityLevelSchema).exactOptional() }),
  z.strictObject({ kind: z.literal('imoc'), severities: z.array(severityLevelSchema).exactOptional() }),
  z.strictObject({ kind: z.literal('roster'), rosterId: z.string(), severities: z.array(severityLevelSchema).exactOptional() }),
  z.strictObject({ kind: z.literal('person'), accountId: z.string() }),
]);
export type PagingIntent = z.output<typeof pagingIntentSchema>;

const destinationSchema: z.ZodType<PageDestination> = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('jira'), accountId: z.string() }),
  z.strictObject({ kind: z.literal('slack'), accountId: z.string(), slackUserId: z.string() }),
  z.strictObject({ kind: z.literal('pagerduty'), rosterId: z.string(), accountId: z.string().exactOptional() }),
  z.strictObject({ kind: z.literal('webhook'), url: z.string(), accountId: z.string().exactOptional(), rosterId: z.string().exactOptional() }),
]);

const deliverySchema = z.strictObject({
  level: z.number().int(),
  round: z.number().int(),
  recipientKey: z.string(),
  recipientLabel: z.string(),
  destination: destinationSchema,
  status: z.enum(['sent', 'failed']),
  attempts: z.number().int(),
  lastAttemptAt: z.string(),
  error: z.string().exactOptional(),
});
export type Delivery = z.output<typeof deliverySchema>;

// Typed as the domain's (readonly) policy so episodes hand it to domain functions unchanged.
const storedPolicySchema: z.ZodType<EscalationPolicy> = escalationPolicySchema;

const messageFactsSchema = z.strictObject({
  severity: severityLevelSchema.exactOptional(),
  severityLabel: z.string(),
  summary: z.string(),
  faultyService: z.string().exactOptional(),
  issueUrl: z.string(),
});
export type MessageFacts = z.output<typeof messageFactsSchema>;

export const EPISODE_STATES = ['claimed', 'paging', 'acknowledged', 'exhausted', 'not-paged'] as const;

const episodeSchema = z.strictObject({
  issueId: z.string(),
  issueKey: z.string(),
  id: z.string(),
  intent: pagingIntentSchema,
  reason: z.string(),
  startedAt: z.string(),
  state: z.enum(EPISODE_STATES),
  /** While `claimed`: until when the claiming invocation may still be working on it. */
  leaseUntil: z.string().exactOptional(),
  /** Unique per claiming invocation, so a claim retried after a lost answer recognises its own write. */
  claimId: z.string().exactOptional(),
  requestedBy: z.string().exactOptional(),
  policy: storedPolicySchema.exactOptional(),
  message: messageFactsSchema.exactOptional(),
  pages: z.array(z.strictObject({ level: z.number().int(), round: z.number().int(), pagedAt: z.string() })),
  deliveries: z.array(deliverySchema),
  acknowledgedAt: z.string().exactOptional(),
  acknowledgedBy: z.string().exactOptional(),
  closedAt: z.string().exactOptional(),
});
export type Episode = z.output<typeof episodeSchema>;

const acknowledgementSchema = z.strictObject({
  at: z.string(),
  by: z.string(),
  via: z.enum(['assigned', 'app', 'provider']),
});
export type Acknowledgement = z.output<typeof acknowledgementSchema>;

/** Finished episodes, acknowledgements and claims are kept this long: far beyond any redelivery, then forgotten. */
export const BOOKKEEPING_TTL_SECONDS = 30 * 24 * 60 * 60;

/** Storage keys allow letters, digits and `:._-#`; anything else in an id is spelled out. */
export function keyPart(value: string): string {
  return value.replace(/[^a-zA-Z0-9.-]/g, (char) => `_${(char.codePointAt(0) ?? 0).toString(16)}_`);
}

export const EPISODE_PREFIX = 'esc:';
export const ACK_PREFIX = 'ack:';
export const episodeKey = (issueId: string, episodeId: string): string => `${EPISODE_PREFIX}${keyPart(issueId)}:${keyPart(episodeId)}`;
export const issueEpisodesPrefix = (issueId: string): string => `${EPISODE_PREFIX}${keyPart(issueId)}:`;
export const ackKey = (issueId: string, episodeId: string): string => `${ACK_PREFIX}${keyPart(issueId)}:${keyPart(episodeId)}`;
export const levelClaimKey = (episode: Episode, level: number, round: number): string =>
  `page:${keyPart(episode.issueId)}:${keyPart(episode.id)}:${level}:${round}`;
export const retryClaimKey = (episode: Episode, delivery: Delivery): string =>
  `retry:${keyPart(episode.issueId)}:${keyPart(episode.id)}:${delivery.level}:${delivery.round}:${keyPart(delivery.recipientKey)}:${delivery.attempts}`;

/** PagerDuty's dedup_key and the handle a provider reports back: one per incident, episode and level. */
export function dedupKey(issueKey: string, issueId: string, episodeId: string, level: number): string {
  return `${issueKey}/${keyPart(issueId)}/${keyPart(episodeId)}/${level}`;
}

/** The issue id and episode id inside a dedup key, or undefined when it is not one of ours. */
export function parseDedupKey(value: string): { issueKey: string; issueId: string; episodeId: string; level: number } | undefined {
  const match = /^([A-Z][A-Z0-9_]+-\d+)\/([0-9]+)\/([a-zA-Z0-9._-]+)\/(\d+)$/.exec(value);
  if (match === null) return undefined;
  const [, issueKey = '', issueId = '', episodePart = '', level = '0'] = match;
  const episodeId = episodePart.replace(/_([0-9a-f]+)_/g, (_all, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
  return { issueKey, issueId, episodeId, level: Number(level) };
}

/** A fresh claim: what the claiming invocation writes before it knows whom to page. */
export function claimedEpisode(input: {
  issueId: string;
  issueKey: string;
  episodeId: string;
  intent: PagingIntent;
  reason: string;
  now: number;
  leaseUntil: number;
  requestedBy?: string;
}): Episode {
  return {
    issueId: input.issueId,
    issueKey: input.issueKey,
    id: input.episodeId,
    intent: input.intent,
    reason: input.reason,
    startedAt: iso(input.now),
    state: 'claimed',
    leaseUntil: iso(input.leaseUntil),
    claimId: globalThis.crypto.randomUUID(),
    ...(input.requestedBy === undefined ? {} : { requestedBy: input.requestedBy }),
    pages: [],
    deliveries: [],
  };
}

export function parseEpisode(value: unknown): Episode | undefined {
  const parsed = episodeSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function parseAcknowledgement(value: unknown): Acknowledgement | undefined {
  const parsed = acknowledgementSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function isClosed(episode: Episode): boolean {
  return episode.state === 'acknowledged' || episode.state === 'exhausted' || episode.state === 'not-paged';
}

/** Claims a new episode; false when another delivery of the same event got there first. */
export async function claimEpisode(store: AppStore, episode: Episode): Promise<boolean> {
  return store.setIfAbsent(episodeKey(episode.issueId, episode.id), episode);
}

/** Writes an episode; finished ones expire so storage stays bounded. */
export async function saveEpisode(store: AppStore, episode: Episode): Promise<void> {
  await store.set(episodeKey(episode.issueId, episode.id), episode, isClosed(episode) ? { ttlSeconds: BOOKKEEPING_TTL_SECONDS } : {});
}

/** Every stored episode of one issue (or of all issues), with the acknowledgements recorded for them. */
export async function loadEpisodes(store: AppStore, issueId?: string): Promise<{ episodes: Episode[]; acks: Map<string, Acknowledgement> }> {
  const episodePrefix = issueId === undefined ? EPISODE_PREFIX : issueEpisodesPrefix(issueId);
  const ackPrefix = issueId === undefined ? ACK_PREFIX : `${ACK_PREFIX}${keyPart(issueId)}:`;
  const [episodeEntries, ackEntries] = await Promise.all([store.listByPrefix(episodePrefix), store.listByPrefix(ackPrefix)]);
  return { episodes: episodesFrom(episodeEntries), acks: acknowledgementsFrom(ackEntries) };
}

export function episodesFrom(entries: readonly { key: string; value: unknown }[]): Episode[] {
  return entries.flatMap((entry) => {
    const episode = parseEpisode(entry.value);
    return episode === undefined ? [] : [episode];
  });
}

/** Acknowledgements by episode storage key suffix (`<issueId>:<episodeId>`). */
export function acknowledgementsFrom(entries: readonly { key: string; value: unknown }[]): Map<string, Acknowledgement> {
  const acks = new Map<string, Acknowledgement>();
  for (const entry of entries) {
    const ack = parseAcknowledgement(entry.value);
    if (ack !== undefined) acks.set(entry.key.slice(ACK_PREFIX.length), ack);
  }
  return acks;
}

export function acknowledgementOf(acks: ReadonlyMap<string, Acknowledgement>, episode: Episode): Acknowledgement | undefined {
  return acks.get(ackKey(episode.issueId, episode.id).slice(ACK_PREFIX.length));
}

/** Records an acknowledgement; the first one for an episode stands. */
export async function acknowledgeEpisode(store: AppStore, episode: Episode, ack: Acknowledgement): Promise<void> {
  await store.setIfAbsent(ackKey(episode.issueId, episode.id), ack, { ttlSeconds: BOOKKEEPING_TTL_SECONDS });
}

/** How the issue panel shows an episode. */
export function episodeView(episode: Episode, ack: Acknowledgement | undefined, now: number): PagingEpisodeView {
  const acknowledgedAt = episode.acknowledgedAt ?? ack?.at;
  const acknowledgedBy = episode.acknowledgedBy ?? ack?.by;
  const state = ack !== undefined && !isClosed(episode) ? 'acknowledged' : episode.state === 'claimed' ? 'paging' : episode.state;
  let nextEscalationAt: string | undefined;
  if (state === 'paging' && episode.policy !== undefined) {
    const step = nextEscalationStep(episode.policy, { pages: episode.pages }, iso(now));
    if (step.kind === 'wait') nextEscalationAt = step.until;
  }
  return {
    id: episode.id,
    reason: episode.reason,
    state,
    startedAt: episode.startedAt,
    deliveries: episode.deliveries.map((delivery) => ({
      level: delivery.level,
      round: delivery.round,
      recipient: delivery.recipientLabel,
      ...(delivery.destination.accountId === undefined ? {} : { accountId: delivery.destination.accountId }),
      channel: delivery.destination.kind,
      status: delivery.status,
      at: delivery.lastAttemptAt,
      attempts: delivery.attempts,
      ...(delivery.error === undefined ? {} : { error: delivery.error }),
    })),
    ...(nextEscalationAt === undefined ? {} : { nextEscalationAt }),
    ...(acknowledgedAt === undefined ? {} : { acknowledgedAt }),
    ...(acknowledgedBy === undefined ? {} : { acknowledgedBy }),
  };
}

export function iso(at: number): string {
  return new Date(at).toISOString();
}
