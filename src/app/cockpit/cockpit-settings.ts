import { z } from 'zod';
import { DEFAULT_FATIGUE_LIMITS, type FatigueLimits } from '../../domain/fatigue';
import type { BuiltInRole } from '../../domain/roles';

/** The storage key of the cockpit's site-wide settings. */
export const COCKPIT_SETTINGS_KEY = 'cockpit-settings';

const minutes = z.number().int().min(15, 'must be at least 15 minutes').max(48 * 60, 'must be at most 48 hours');

export const cockpitSettingsSchema = z.strictObject({
  /** Minutes on the incident after which a role holder is prompted to hand over, per role. */
  fatigueLimitMinutes: z
    .strictObject({
      'incident-manager': minutes.exactOptional(),
      'backup-incident-manager': minutes.exactOptional(),
      'tech-lead': minutes.exactOptional(),
      'communications-manager': minutes.exactOptional(),
    })
    .exactOptional(),
});

export type CockpitSettingsDocument = z.input<typeof cockpitSettingsSchema>;

export interface CockpitSettings {
  readonly fatigueLimits: FatigueLimits;
}

/** The settings as stored, or the defaults (an IM hands over after four hours) when absent or damaged. */
export function cockpitSettingsFrom(stored: unknown): CockpitSettings {
  const parsed = cockpitSettingsSchema.safeParse(stored ?? {});
  const configured = parsed.success ? (parsed.data.fatigueLimitMinutes ?? {}) : {};
  const entries = Object.entries(configured).flatMap(([role, value]) => (value === undefined ? [] : [[role as BuiltInRole, value * 60_000] as const]));
  return { fatigueLimits: entries.length === 0 ? DEFAULT_FATIGUE_LIMITS : { ...DEFAULT_FATIGUE_LIMITS, ...Object.fromEntries(entries) } };
}
