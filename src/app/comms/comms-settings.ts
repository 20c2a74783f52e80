import { z } from 'zod';
import { DEFAULT_IMPACT_BY_SEVERITY, STATUSPAGE_IMPACTS } from '../../domain/comms/statuspage-status';
import { parseWith } from '../../domain/parse-input';
import type { SeverityLevel } from '../../domain/severity';
import type { AppStore } from '../ports';

/** Where the administrator's communications settings are stored. */
export const COMMS_SETTINGS_KEY = 'comms-settings';

const pageSchema = z.strictObject({
  pageId: z.string().trim().regex(/^[a-z0-9]{1,64}$/i, 'must be the Statuspage page id (letters and digits)'),
  /** Affected product → the page's component id. */
  components: z.record(z.string().min(1).max(255), z.string().trim().min(1).max(64)).default({}),
});

const email = z.string().trim().email('must be an email address').max(254);
const severities = z.array(z.union([z.literal(1), z.literal(2), z.literal(3)])).default([1, 2, 3]);

const listSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be blank').max(100),
  /** Which severities this list hears about. */
  severities,
  /** Jira groups and people, mailed through Jira's notify API (no setup). */
  jiraGroups: z.array(z.string().trim().min(1).max(255)).max(20).default([]),
  accountIds: z.array(z.string().trim().min(1).max(128)).max(100).default([]),
  /** Addresses outside Jira, mailed through SendGrid. */
  addresses: z.array(email).max(200).default([]),
});

const minutes = z.number().int('must be whole minutes').min(5, 'must be at least 5 minutes').max(24 * 60, 'must be at most a day');

/** Zod schema of the communications settings; every part has a working default. */
export const commsSettingsSchema = z.strictObject({
  statusPages: z.strictObject({ internal: pageSchema.exactOptional(), external: pageSchema.exactOptional() }).default({}),
  impactBySeverity: z
    .strictObject({ 1: z.enum(STATUSPAGE_IMPACTS), 2: z.enum(STATUSPAGE_IMPACTS), 3: z.enum(STATUSPAGE_IMPACTS) })
    .default({ ...DEFAULT_IMPACT_BY_SEVERITY }),
  cadenceMinutes: z.strictObject({ 1: minutes, 2: minutes, 3: minutes }).default({ 1: 30, 2: 60, 3: 240 }),
  reminderLeadMinutes: z.number().int().min(0).max(60).default(5),
  email: z
    .strictObject({
      from: email.default('incidents@example.com'),
      replyTo: email.exactOptional(),
      lists: z.array(listSchema).max(20).default([]),
    })
    .default({ from: 'incidents@example.com', lists: [] }),
  /** Severities whose external updates need a second person's approval. */
  approvalSeverities: z.array(z.union([z.literal(1), z.literal(2), z.literal(3)])).default([]),
});

export type CommsSettings = z.output<typeof commsSettingsSchema>;
export type CommsSettingsInput = z.input<typeof commsSettingsSchema>;
export type StatusPageRole = 'internal' | 'external';
export type MailingList = CommsSettings['email']['lists'][number];

/** Stored settings, or the defaults when none (or damaged ones) are stored: nothing fails for lack of setup. */
export function commsSettingsFrom(stored: unknown): CommsSettings {
  return commsSettingsSchema.safeParse(stored ?? {}).data ?? commsSettingsSchema.parse({});
}

/** Validates settings from the admin page, naming the field it refuses. */
export function parseCommsSettings(input: unknown): CommsSettings {
  return parseWith(commsSettingsSchema, input, 'settings');
}

export async function loadCommsSettings(store: AppStore): Promise<CommsSettings> {
  return commsSettingsFrom(await store.get(COMMS_SETTINGS_KEY));
}

/** The lists that hear about an incident of this severity. */
export function listsFor(settings: CommsSettings, severity: SeverityLevel): MailingList[] {
  return settings.email.lists.filter((list) => list.severities.includes(severity));
}
