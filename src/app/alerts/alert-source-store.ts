/**
 * The one repository of alert intake's stored state, owning its keys: the sources (one document),
 * their tokens (one secret), the inbox of accepted notifications not yet taken in, each alert
 * group's incident, each source's counts, refusals and heartbeat, and the per-source lease that
 * serialises intake.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { AlertNotification } from '../../domain/alerts/alert';
import { alertSourceDocument, alertSourceSchema, type AlertSource } from '../../domain/alerts/alert-source';
import type { AppStore, SecretStore } from '../ports';

export const ALERT_SOURCES_KEY = 'alert-sources';
export const ALERT_TOKENS_SECRET = 'alert-source-tokens';
const INBOX_PREFIX = 'alert-inbox:';
const GROUP_PREFIX = 'alert-group:';
const STATS_PREFIX = 'alert-stats:';
const REFUSAL_PREFIX = 'alert-refusal:';
const HEARTBEAT_PREFIX = 'alert-heartbeat:';
const LEASE_PREFIX = 'alert-lease:';
const OPENING_PREFIX = 'alert-opening:';

/** Refusals are kept this long: long enough for an administrator to notice, bounded for a flood. */
const REFUSAL_TTL_SECONDS = 7 * 24 * 3600;
/** A lease outlives any intake run (the consumer's 900 s limit) so a crashed run frees its source. */
export const LEASE_TTL_SECONDS = 960;

const sourcesSchema = z.array(z.unknown());

/** The stored sources; a damaged one is left out rather than stopping every other source. */
export async function loadAlertSources(store: AppStore): Promise<AlertSource[]> {
  const stored = sourcesSchema.safeParse((await store.get(ALERT_SOURCES_KEY)) ?? []);
  if (!stored.success) return [];
  return stored.data.flatMap((entry) => {
    const parsed = alertSourceSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function saveAlertSources(store: AppStore, sources: readonly AlertSource[]): Promise<void> {
  await store.set(ALERT_SOURCES_KEY, sources.map(alertSourceDocument));
}

const tokenEntrySchema = z.object({ current: z.string(), previous: z.string().optional(), previousUntil: z.number().optional() });
const tokensSchema = z.record(z.string(), tokenEntrySchema);
export type SourceTokens = z.output<typeof tokenEntrySchema>;

export async function loadSourceTokens(secrets: SecretStore): Promise<Record<string, SourceTokens>> {
  const stored = await secrets.getSecret(ALERT_TOKENS_SECRET);
  if (stored === undefined) return {};
  try {
    const parsed = tokensSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export async function saveSourceTokens(secrets: SecretStore, tokens: Record<string, SourceTokens>): Promise<void> {
  await secrets.setSecret(ALERT_TOKENS_SECRET, JSON.stringify(tokens));
}

/** A short stable digest, so arbitrary group keys make valid, bounded storage keys. */
export function digest(text: string, length = 32): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

// ---- Inbox: accepted notifications waiting to be taken in, in arrival order. ----

export const inboxEntrySchema = z.object({
  receivedAt: z.number(),
  deliveryId: z.string(),
  // Validated when written; read back as the app wrote it.
  notification: z.custom<AlertNotification>((value) => typeof value === 'object' && value !== null),
});
export type InboxEntry = z.output<typeof inboxEntrySchema>;

/** KVS holds at most 240 KiB a value; a larger notification is stored in parts of fewer alerts. */
const MAX_ENTRY_CHARS = 200_000;

function parts(notification: AlertNotification): AlertNotification[] {
  if (notification.alerts.length <= 1 || JSON.stringify(notification).length <= MAX_ENTRY_CHARS) return [notification];
  const middle = Math.ceil(notification.alerts.length / 2);
  return [
    ...parts({ ...notification, alerts: notification.alerts.slice(0, middle) }),
    ...parts({ ...notification, alerts: notification.alerts.slice(middle), truncatedAlerts: 0 }),
  ];
}

/** Stores an accepted notification for intake; keyed by arrival so intake takes them in order. */
export async function addToInbox(store: AppStore, sourceId: string, entry: InboxEntry): Promise<void> {
  const at = String(entry.receivedAt).padStart(15, '0');
  await Promise.all(
    parts(entry.notification).map((notification, index) =>
      store.set(`${INBOX_PREFIX}${sourceId}:${at}:${entry.deliveryId}:${index}`, { ...entry, notification } satisfies InboxEntry),
    ),
  );
}

export async function pendingInbox(store: AppStore, sourceId: string): Promise<{ key: string; entry: InboxEntry }[]> {
  const entries = await store.listByPrefix(`${INBOX_PREFIX}${sourceId}:`);
  return entries
    .flatMap(({ key, value }) => {
      const parsed = inboxEntrySchema.safeParse(value);
      return parsed.success ? [{ key, entry: parsed.data }] : [];
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Sources with notifications waiting (for the safety-net sweep). */
export async function sourcesWithPendingInbox(store: AppStore): Promise<string[]> {
  const entries = await store.listByPrefix(INBOX_PREFIX);
  return [...new Set(entries.map(({ key }) => key.slice(INBOX_PREFIX.length).split(':')[0] ?? ''))].filter((id) => id !== '');
}

export async function removeFromInbox(store: AppStore, keys: readonly string[]): Promise<void> {
  await Promise.all(keys.map((key) => store.delete(key)));
}

// ---- Alert groups: which incident each group of a source maps to. ----

export const groupStateSchema = z.object({
  groupKey: z.string(),
  issueId: z.string(),
  issueKey: z.string(),
  openedAt: z.number(),
  /** Fingerprints of the alerts seen in this group (bounded), to tell a new alert from a repeat. */
  fingerprints: z.array(z.string()),
  alerts: z.number().int(),
  repeats: z.number().int(),
  /** Repeats not yet mentioned in a comment. */
  unreportedRepeats: z.number().int().default(0),
  lastCommentAt: z.number(),
  resolvedAt: z.number().optional(),
  /** Attached to the source's latest incident because the storm limit was reached. */
  viaStorm: z.boolean().default(false),
});
export type GroupState = z.output<typeof groupStateSchema>;

export function groupStoreKey(sourceId: string, groupKey: string): string {
  return `${GROUP_PREFIX}${sourceId}:${digest(groupKey)}`;
}

export async function loadGroupState(store: AppStore, sourceId: string, groupKey: string): Promise<GroupState | undefined> {
  const parsed = groupStateSchema.safeParse(await store.get(groupStoreKey(sourceId, groupKey)));
  return parsed.success ? parsed.data : undefined;
}

export async function saveGroupState(store: AppStore, sourceId: string, state: GroupState): Promise<void> {
  await store.set(groupStoreKey(sourceId, state.groupKey), state);
}

// ---- Openings: an incident being created for a group, written before Jira is asked. ----

/**
 * Jira's issue creation is not idempotent: when its answer is lost (or the run dies) the app cannot
 * tell whether the incident exists. The opening names the label the incident is created with, so
 * the next run finds it by that label instead of opening a second one.
 */
const openingSchema = z.object({ marker: z.string().regex(/^alert-[0-9a-f]{8,32}$/), at: z.number() });
export type Opening = z.output<typeof openingSchema>;

/** Kept long enough for Forge's redeliveries and the safety net to find the incident. */
const OPENING_TTL_SECONDS = 7 * 24 * 3600;

function openingKey(sourceId: string, groupKey: string): string {
  return `${OPENING_PREFIX}${sourceId}:${digest(groupKey)}`;
}

export async function loadOpening(store: AppStore, sourceId: string, groupKey: string): Promise<Opening | undefined> {
  const parsed = openingSchema.safeParse(await store.get(openingKey(sourceId, groupKey)));
  return parsed.success ? parsed.data : undefined;
}

export async function saveOpening(store: AppStore, sourceId: string, groupKey: string, opening: Opening): Promise<void> {
  await store.set(openingKey(sourceId, groupKey), opening, { ttlSeconds: OPENING_TTL_SECONDS });
}

export async function removeOpening(store: AppStore, sourceId: string, groupKey: string): Promise<void> {
  await store.delete(openingKey(sourceId, groupKey));
}

// ---- Counts per source, written by intake only (under the source's lease). ----

export const sourceStatsSchema = z.object({
  notifications: z.number().int().default(0),
  alerts: z.number().int().default(0),
  incidentsOpened: z.number().int().default(0),
  /** New alerts recorded on an incident already open for their group. */
  alertsAttached: z.number().int().default(0),
  /** Groups attached to the latest incident because the storm limit was reached. */
  stormAttached: z.number().int().default(0),
  repeats: z.number().int().default(0),
  resolved: z.number().int().default(0),
  ignored: z.number().int().default(0),
  lastReceivedAt: z.number().optional(),
  lastIncident: z.object({ issueId: z.string(), issueKey: z.string(), at: z.number() }).optional(),
  /** Incidents opened in the current minute, for the storm limit. */
  openedInMinute: z.object({ minute: z.number(), count: z.number().int() }).optional(),
});
export type SourceStats = z.output<typeof sourceStatsSchema>;

export async function loadSourceStats(store: AppStore, sourceId: string): Promise<SourceStats> {
  return sourceStatsSchema.catch(sourceStatsSchema.parse({})).parse((await store.get(`${STATS_PREFIX}${sourceId}`)) ?? {});
}

export async function saveSourceStats(store: AppStore, sourceId: string, stats: SourceStats): Promise<void> {
  await store.set(`${STATS_PREFIX}${sourceId}`, stats);
}

// ---- Refusals: one entry each (concurrent requests never lose a count), kept a week. ----

export const REFUSAL_REASONS = ['unknown-source', 'unauthenticated', 'forbidden', 'method', 'too-large', 'malformed'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];
const refusalSchema = z.object({ reason: z.enum(REFUSAL_REASONS), at: z.number() });

export async function recordRefusal(store: AppStore, sourceId: string, reason: RefusalReason, at: number, id: string): Promise<void> {
  await store.set(`${REFUSAL_PREFIX}${sourceId}:${String(at).padStart(15, '0')}:${id}`, { reason, at }, { ttlSeconds: REFUSAL_TTL_SECONDS });
}

/** Refusals of the last week, by source (the id the request named, or "unknown") and reason. */
export async function refusalCounts(store: AppStore): Promise<Record<string, Partial<Record<RefusalReason, number>>>> {
  const counts: Record<string, Partial<Record<RefusalReason, number>>> = {};
  for (const { key, value } of await store.listByPrefix(REFUSAL_PREFIX)) {
    const parsed = refusalSchema.safeParse(value);
    if (!parsed.success) continue;
    const sourceId = key.slice(REFUSAL_PREFIX.length).split(':')[0] ?? 'unknown';
    const bySource = (counts[sourceId] ??= {});
    bySource[parsed.data.reason] = (bySource[parsed.data.reason] ?? 0) + 1;
  }
  return counts;
}

// ---- Heartbeats ----

const heartbeatSchema = z.object({ lastAt: z.number(), missedAt: z.number().optional() });
export type Heartbeat = z.output<typeof heartbeatSchema>;

export async function loadHeartbeat(store: AppStore, sourceId: string): Promise<Heartbeat | undefined> {
  const parsed = heartbeatSchema.safeParse(await store.get(`${HEARTBEAT_PREFIX}${sourceId}`));
  return parsed.success ? parsed.data : undefined;
}

export async function saveHeartbeat(store: AppStore, sourceId: string, heartbeat: Heartbeat): Promise<void> {
  await store.set(`${HEARTBEAT_PREFIX}${sourceId}`, heartbeat);
}

/**
 * A raised missed-heartbeat alert, kept apart from the beats (which the web trigger writes on every
 * notification) so neither write can undo the other; it names the alert to resolve when beats resume.
 */
const missedHeartbeatSchema = z.object({ fingerprint: z.string(), lastAt: z.number(), raisedAt: z.number() });
export type MissedHeartbeat = z.output<typeof missedHeartbeatSchema>;
const MISSED_HEARTBEAT_PREFIX = 'alert-heartbeat-missed:';

export async function loadMissedHeartbeat(store: AppStore, sourceId: string): Promise<MissedHeartbeat | undefined> {
  const parsed = missedHeartbeatSchema.safeParse(await store.get(`${MISSED_HEARTBEAT_PREFIX}${sourceId}`));
  return parsed.success ? parsed.data : undefined;
}

export async function saveMissedHeartbeat(store: AppStore, sourceId: string, missed: MissedHeartbeat): Promise<void> {
  await store.set(`${MISSED_HEARTBEAT_PREFIX}${sourceId}`, missed);
}

export async function removeMissedHeartbeat(store: AppStore, sourceId: string): Promise<void> {
  await store.delete(`${MISSED_HEARTBEAT_PREFIX}${sourceId}`);
}

// ---- The lease that lets one intake run at a time per source. ----

export async function takeLease(store: AppStore, sourceId: string, holder: string, at: number): Promise<boolean> {
  return store.setIfAbsent(`${LEASE_PREFIX}${sourceId}`, { holder, at }, { ttlSeconds: LEASE_TTL_SECONDS });
}

export async function releaseLease(store: AppStore, sourceId: string): Promise<void> {
  await store.delete(`${LEASE_PREFIX}${sourceId}`);
}
