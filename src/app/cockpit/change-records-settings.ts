import { z } from 'zod';
import type { ChangeRecordsSettingsView } from '../../contracts/admin-page';
import { parseWith } from '../../domain/parse-input';
import type { Configuration } from '../configuration';
import { parseJqlFilter } from '../jql';
import type { AppStore } from '../ports';

/**
 * Where the site records its changes (deployments, configuration changes, feature flags), so the
 * cockpit can show the ones near an incident's impact start as rollback candidates: Jira issues an
 * administrator's JQL finds (for example the change or deployment tickets of a Changes project),
 * each labelled with the service it changed, dated by when it was made.
 */
export const CHANGE_RECORDS_SETTINGS_KEY = 'change-records-settings';

const settingsSchema = z.strictObject({
  /** Absent until an administrator says where change records live. */
  jql: z.string().trim().min(1, 'must say which issues record changes, e.g. project = CHG').max(2000, 'must be at most 2000 characters').exactOptional(),
  /** Whether each change carries the label of the service it changed (see serviceLabel). */
  serviceLabels: z.boolean(),
  /** Which of the dates says when the change was made. */
  changeTime: z.enum(['created', 'resolutiondate'], { error: 'must be created or resolutiondate' }),
});

export type ChangeRecordsSettings = z.output<typeof settingsSchema>;

export const DEFAULT_CHANGE_RECORDS_SETTINGS: ChangeRecordsSettings = { serviceLabels: true, changeTime: 'resolutiondate' };

/** The label a change of `service` carries: Jira labels hold no spaces, so "Jira Cloud" is `jira-cloud`. */
export function serviceLabel(service: string): string {
  return service
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/[^a-z0-9_.-]/g, '');
}

/** The stored settings, or the defaults (no change records) when absent or damaged. */
export function changeRecordsSettingsFrom(stored: unknown): ChangeRecordsSettings {
  const parsed = settingsSchema.safeParse(stored ?? DEFAULT_CHANGE_RECORDS_SETTINGS);
  return parsed.success ? parsed.data : DEFAULT_CHANGE_RECORDS_SETTINGS;
}

/** The settings as the admin page shows them, with the label each configured service's changes carry. */
export function changeRecordsSettingsView(settings: ChangeRecordsSettings, config: Configuration): ChangeRecordsSettingsView {
  return {
    ...(settings.jql === undefined ? {} : { jql: settings.jql }),
    serviceLabels: settings.serviceLabels,
    changeTime: settings.changeTime,
    labels: config.services.map((service) => ({ service: service.name, label: serviceLabel(service.name) })),
  };
}

export async function loadChangeRecordsSettings(store: AppStore): Promise<ChangeRecordsSettings> {
  return changeRecordsSettingsFrom(await store.get(CHANGE_RECORDS_SETTINGS_KEY));
}

/**
 * Validates an administrator's settings (the JQL with Jira's own JQL parser) and stores them in one
 * write; a refused save changes nothing.
 *
 * @throws ValidationError naming the field, e.g. `jql`, and the reason.
 */
export async function saveChangeRecordsSettings(store: AppStore, input: unknown): Promise<ChangeRecordsSettings> {
  const settings = parseWith(settingsSchema, input);
  if (settings.jql !== undefined) parseJqlFilter(settings.jql, 'jql');
  await store.set(CHANGE_RECORDS_SETTINGS_KEY, settings);
  return settings;
}
