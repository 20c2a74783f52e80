import { z } from 'zod';
import type { CockpitSettingsView, GetCockpitSettingsResult } from '../../contracts/admin-page';
import { DEFAULT_FATIGUE_LIMITS, type FatigueLimits } from '../../domain/fatigue';
import { parseWith } from '../../domain/parse-input';
import { BUILT_IN_ROLES, type BuiltInRole } from '../../domain/roles';
import type { AppStore } from '../ports';

/** The storage key of the cockpit's site-wide settings. */
export const COCKPIT_SETTINGS_KEY = 'cockpit-settings';

const MINUTE = 60_000;

// Shorter than half an hour leaves no time to line up a successor; longer than a day is no limit.
const minutes = z
  .number({ error: 'must be a number of minutes' })
  .int('must be whole minutes')
  .min(30, 'must be at least 30 minutes')
  .max(24 * 60, 'must be at most 1440 minutes (24 hours)');

/** Minutes on the incident after which a role holder is prompted to hand over, per role. */
const fatigueLimitMinutesSchema = z.strictObject({
  'incident-manager': minutes.exactOptional(),
  'backup-incident-manager': minutes.exactOptional(),
  'tech-lead': minutes.exactOptional(),
  'communications-manager': minutes.exactOptional(),
});

export const cockpitSettingsSchema = z.strictObject({
  fatigueLimitMinutes: fatigueLimitMinutesSchema.exactOptional(),
});

/** What the admin page saves: every limit at once, so the stored settings are always one consistent piece. */
const savedSettingsSchema = z.strictObject({
  fatigueLimitMinutes: fatigueLimitMinutesSchema,
});

export type CockpitSettingsDocument = z.input<typeof cockpitSettingsSchema>;

export interface CockpitSettings {
  readonly fatigueLimits: FatigueLimits;
}

/** The settings as stored, or the defaults (an IM hands over after four hours) when absent or damaged. */
export function cockpitSettingsFrom(stored: unknown): CockpitSettings {
  const parsed = cockpitSettingsSchema.safeParse(stored ?? {});
  const configured = parsed.success ? (parsed.data.fatigueLimitMinutes ?? {}) : {};
  const entries = Object.entries(configured).flatMap(([role, value]) => (value === undefined ? [] : [[role as BuiltInRole, value * MINUTE] as const]));
  return { fatigueLimits: entries.length === 0 ? DEFAULT_FATIGUE_LIMITS : { ...DEFAULT_FATIGUE_LIMITS, ...Object.fromEntries(entries) } };
}

function inMinutes(limits: FatigueLimits): CockpitSettingsView {
  const fatigueLimitMinutes: Partial<Record<BuiltInRole, number>> = {};
  for (const role of BUILT_IN_ROLES) {
    const limit = limits[role];
    if (limit !== undefined) fatigueLimitMinutes[role] = Math.round(limit / MINUTE);
  }
  return { fatigueLimitMinutes };
}

/** The limits in effect and the defaults, in minutes, as the admin page shows them. */
export function cockpitSettingsView(settings: CockpitSettings): GetCockpitSettingsResult {
  return { settings: inMinutes(settings.fatigueLimits), defaults: inMinutes(DEFAULT_FATIGUE_LIMITS) };
}

/** The stored settings, or the defaults. */
export async function loadCockpitSettings(store: AppStore): Promise<CockpitSettings> {
  return cockpitSettingsFrom(await store.get(COCKPIT_SETTINGS_KEY));
}

/**
 * Validates an administrator's settings and stores them in one write: a refused save changes nothing.
 *
 * @throws ValidationError naming the field, e.g. `fatigueLimitMinutes.tech-lead`, and the reason.
 */
export async function saveCockpitSettings(store: AppStore, input: unknown): Promise<GetCockpitSettingsResult> {
  const settings = parseWith(savedSettingsSchema, input);
  await store.set(COCKPIT_SETTINGS_KEY, settings);
  return cockpitSettingsView(cockpitSettingsFrom(settings));
}
