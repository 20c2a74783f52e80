import { z } from 'zod';
import type { PagingEpisodeView } from '../../contracts/issue-panel';
import { escalationPolicySchema, type EscalationPolicy } from '../../domain/on-call/escalation-policy';
import { nextEscalationStep } from '../../domain/on-call/escalation-step';
import { severityLevelSchema } from '../../domain/severity';
import type { PageDestination } from '../ports';

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

/** The job that looks at one episode when it next needs attention (a timeout, a retry, a lease running out). */
export const escalationJobSchema = z.strictObject({ issueId: z.string().min(1).max(64), episodeId: z.string().min(1).max(200) });
export type EscalationJob = z.output<typeof escalationJobSchema>;

/** Whether an episode pages the incident manager (taking command acknowledges it) rather than another team or person. */
export function pagesIncidentManager(intent: PagingIntent): boolean {
  return intent.kind === 'declared' || intent.kind === 'faulty-service' || intent.kind === 'imoc';
}

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
  /** `sending`: recorded before the send, so a crash in between reads as "maybe sent", never as "never sent". */
  status: z.enum(['sending', 'sent', 'failed']),
  attempts: z.number().int(),
  lastAttemptAt: z.string(),
  error: z.string().exactOptional(),
  /** Sent again after a crash may have interrupted an earlier attempt. */
  resent: z.boolean().exactOptional(),
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
  /**
   * A Sev 1/2 policy that ran out without an acknowledgement keeps paging: the last level again and
   * the fallback, every `everyMinutes`, until someone acknowledges.
   */
  keepPaging: z.strictObject({ since: z.string(), count: z.number().int(), lastAt: z.string(), everyMinutes: z.number().int().positive() }).exactOptional(),
  /** Paged by the safety net because the event that should have paged it never ran. */
  late: z.boolean().exactOptional(),
  /** A drill's episode pages these account ids and nobody else (its participants), on internal channels only. */
  drillAudience: z.array(z.string()).exactOptional(),
});
export type Episode = z.output<typeof episodeSchema>;

const acknowledgementSchema = z.strictObject({
  at: z.string(),
  by: z.string(),
  via: z.enum(['assigned', 'app', 'provider']),
});
export type Acknowledgement = z.output<typeof acknowledgementSchema>;

import { keyPart } from './paging-repository';

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

/** An acknowledgement as stored, or undefined when the value is not one. */
export function acknowledgementSchemaParse(value: unknown): Acknowledgement | undefined {
  return parseAcknowledgement(value);
}

/** How long a claiming or sending invocation may still be working (Forge stops them at their limit), plus a grace. */
export const LEASE_GRACE_MS = 15_000;
/** A failed delivery is tried again this long after its last attempt. */
export const RETRY_AFTER_MS = 60_000;

/** When an open episode next needs attention (a level's timeout, a retry, a lease running out), or undefined once closed. */
export function episodeNeedsAttentionAt(episode: Episode): number | undefined {
  if (isClosed(episode)) return undefined;
  const lease = episode.leaseUntil === undefined ? undefined : Date.parse(episode.leaseUntil) + LEASE_GRACE_MS;
  if (episode.state === 'claimed') return lease ?? 0;
  const candidates: number[] = [];
  if (episode.deliveries.some((delivery) => delivery.status === 'sending')) candidates.push(lease ?? 0);
  for (const delivery of episode.deliveries) if (delivery.status === 'failed') candidates.push(Date.parse(delivery.lastAttemptAt) + RETRY_AFTER_MS);
  if (episode.keepPaging !== undefined) candidates.push(Date.parse(episode.keepPaging.lastAt) + episode.keepPaging.everyMinutes * 60_000);
  else if (episode.policy !== undefined && episode.pages.length > 0) {
    const step = nextEscalationStep(episode.policy, { pages: episode.pages }, iso(Math.max(...episode.pages.map((page) => Date.parse(page.pagedAt)))));
    if (step.kind === 'wait') candidates.push(Date.parse(step.until));
    else candidates.push(0);
  }
  return candidates.length === 0 ? undefined : Math.min(...candidates);
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
      ...(delivery.resent === true ? { resent: true } : {}),
    })),
    ...(nextEscalationAt === undefined ? {} : { nextEscalationAt }),
    ...(acknowledgedAt === undefined ? {} : { acknowledgedAt }),
    ...(acknowledgedBy === undefined ? {} : { acknowledgedBy }),
  };
}

export function iso(at: number): string {
  return new Date(at).toISOString();
}
