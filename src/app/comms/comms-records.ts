import { z } from 'zod';
import type { SentCommunication } from '../../domain/incident';
import { STATUSPAGE_STATUSES } from '../../domain/comms/statuspage-status';
import { instantSchema } from '../../domain/time';
import { keyPart } from '../paging/paging-repository';
import type { StoredEntry } from '../ports';

/**
 * Sent updates, their per-channel delivery, the Statuspage incidents and review requests of one incident,
 * each under its own key below one prefix, so one query reads an incident's whole communications history.
 */
export const commsPrefix = (issueId: string): string => `comms:${keyPart(issueId)}:`;
/** The index the safety-net schedule reads: one entry per incident with an update owed. */
export const DUE_PREFIX = 'comms-due:';

export const commsKeys = {
  update: (issueId: string, updateId: string): string => `${commsPrefix(issueId)}u:${keyPart(updateId)}`,
  statuspage: (issueId: string, page: 'internal' | 'external'): string => `${commsPrefix(issueId)}sp:${page}`,
  review: (issueId: string): string => `${commsPrefix(issueId)}review`,
  reminded: (issueId: string, updateId: string): string => `${commsPrefix(issueId)}reminded:${keyPart(updateId)}`,
  due: (issueId: string): string => `${DUE_PREFIX}${keyPart(issueId)}`,
};

export const CHANNEL_IDS = ['status-internal', 'status-external', 'email-jira', 'email-list', 'chat'] as const;
export type ChannelId = (typeof CHANNEL_IDS)[number];

export const CHANNEL_LABELS: Readonly<Record<ChannelId, string>> = {
  'status-internal': 'Internal status page',
  'status-external': 'External status page',
  'email-jira': 'Email to Jira users and groups',
  'email-list': 'Email to the distribution list',
  chat: 'Chat room',
};

export const EXTERNAL_CHANNELS: ReadonlySet<ChannelId> = new Set(['status-external']);

const deliverySchema = z.strictObject({
  state: z.enum(['sending', 'sent', 'failed']),
  attempts: z.number().int().nonnegative(),
  at: instantSchema,
  error: z.string().max(500).exactOptional(),
});
export type Delivery = z.output<typeof deliverySchema>;

const statusSchema = z.enum(STATUSPAGE_STATUSES);

/** A sent update: what it said, who sent and approved it, and how each channel fared. */
export const sentUpdateSchema = z.strictObject({
  id: z.string().min(1).max(64),
  kind: z.enum(['initial', 'follow-up', 'final']),
  at: instantSchema,
  by: z.string().min(1),
  approvedBy: z.string().exactOptional(),
  title: z.string(),
  internal: z.string(),
  externalTitle: z.string(),
  external: z.string().exactOptional(),
  status: statusSchema,
  nextUpdateAt: instantSchema.exactOptional(),
  overrideReason: z.string().max(500).exactOptional(),
  channels: z.partialRecord(z.enum(CHANNEL_IDS), deliverySchema),
});
export type SentUpdate = z.output<typeof sentUpdateSchema>;

/** Written before anything is sent, so a second request with the same update id knows it is a repeat. */
const claimSchema = z.strictObject({ id: z.string(), claimedAt: instantSchema, by: z.string() });

const statuspageRefSchema = z.strictObject({ incidentId: z.string().min(1), status: statusSchema });
export type StatuspageRef = z.output<typeof statuspageRefSchema>;

const reviewSchema = z.strictObject({
  id: z.string().min(1),
  kind: z.enum(['initial', 'follow-up', 'final']),
  requestedBy: z.string().min(1),
  reviewer: z.string().exactOptional(),
  state: z.enum(['requested', 'approved', 'commented']),
  decidedBy: z.string().exactOptional(),
  comment: z.string().max(2000).exactOptional(),
  internal: z.string(),
  external: z.string().exactOptional(),
  at: instantSchema,
});
export type ReviewRecord = z.output<typeof reviewSchema>;

export const dueSchema = z.strictObject({ issueId: z.string(), issueKey: z.string(), updateId: z.string(), dueAt: instantSchema });
export type DueRecord = z.output<typeof dueSchema>;

/** One incident's communications, as stored. */
export interface CommsState {
  /** Sent updates, oldest first. */
  readonly updates: readonly SentUpdate[];
  /** Update ids claimed but not recorded yet: being sent now, or cut off mid-send. */
  readonly inFlight: ReadonlySet<string>;
  readonly statuspage: Partial<Record<'internal' | 'external', StatuspageRef>>;
  readonly review?: ReviewRecord;
}

export function commsStateFrom(issueId: string, entries: readonly StoredEntry[]): CommsState {
  const prefix = commsPrefix(issueId);
  const updates: SentUpdate[] = [];
  const inFlight = new Set<string>();
  const statuspage: Partial<Record<'internal' | 'external', StatuspageRef>> = {};
  let review: ReviewRecord | undefined;
  for (const entry of entries) {
    if (!entry.key.startsWith(prefix)) continue;
    const name = entry.key.slice(prefix.length);
    if (name.startsWith('u:')) {
      const update = sentUpdateSchema.safeParse(entry.value);
      if (update.success) updates.push(update.data);
      else {
        const claim = claimSchema.safeParse(entry.value);
        if (claim.success) inFlight.add(claim.data.id);
      }
    } else if (name === 'sp:internal' || name === 'sp:external') {
      const ref = statuspageRefSchema.safeParse(entry.value);
      if (ref.success) statuspage[name === 'sp:internal' ? 'internal' : 'external'] = ref.data;
    } else if (name === 'review') {
      review = reviewSchema.safeParse(entry.value).data;
    }
  }
  updates.sort((a, b) => a.at - b.at);
  return { updates, inFlight, statuspage, ...(review === undefined ? {} : { review }) };
}

export const encodeComms = {
  update: (update: SentUpdate): unknown => z.encode(sentUpdateSchema, update),
  claim: (id: string, at: number, by: string): unknown => z.encode(claimSchema, { id, claimedAt: at, by }),
  statuspage: (ref: StatuspageRef): unknown => ref,
  review: (review: ReviewRecord): unknown => z.encode(reviewSchema, review),
  due: (due: DueRecord): unknown => z.encode(dueSchema, due),
};

/** The communications the checklist judges: an audience counts as reached when one of its channels delivered. */
export function sentCommunications(state: Pick<CommsState, 'updates'>): SentCommunication[] {
  return state.updates.flatMap((update) => {
    const delivered = (Object.entries(update.channels) as [ChannelId, Delivery][]).filter(([, delivery]) => delivery.state === 'sent');
    const base = { phase: update.kind, at: update.at, by: update.by, ...(update.nextUpdateAt === undefined ? {} : { nextUpdateAt: update.nextUpdateAt }) };
    return [
      ...(delivered.some(([channel]) => !EXTERNAL_CHANNELS.has(channel)) ? [{ kind: 'internal' as const, ...base }] : []),
      ...(delivered.some(([channel]) => EXTERNAL_CHANNELS.has(channel)) ? [{ kind: 'external' as const, ...base }] : []),
    ];
  });
}
