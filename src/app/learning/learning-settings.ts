import { z } from 'zod';
import type { LearningSettingsView } from '../../contracts/resolution';
import { parseWith } from '../../domain/parse-input';
import type { SeverityLevel } from '../../domain/severity';
import type { AppStore } from '../ports';

/**
 * Where cleanup tasks and postmortems go, when a postmortem falls due by severity, and whether a
 * Sev 3 incident may close without one: an administrator's choice, stored as one KVS document.
 */
export const LEARNING_SETTINGS_KEY = 'learning-settings';

const projectKey = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9_]{0,9}$/, 'must be a Jira project key, e.g. PM')
  .exactOptional();
const issueType = z.string().trim().min(1, 'must name an issue type').max(60, 'must be at most 60 characters');
const days = z.number({ error: 'must be a number of business days' }).int('must be a whole number of business days').min(0, 'must not be negative').max(365, 'must be at most 365');

export const learningSettingsSchema = z.strictObject({
  cleanup: z.strictObject({ projectKey, issueType }),
  postmortem: z.strictObject({
    projectKey,
    issueType,
    dueBusinessDays: z.strictObject({ '1': days, '2': days, '3': days }),
    sev3Exempt: z.boolean(),
  }),
});

export type LearningSettings = z.output<typeof learningSettingsSchema>;

/** Until an administrator chooses projects, nothing is created; the due days follow the handbook's urgency. */
export const DEFAULT_LEARNING_SETTINGS: LearningSettings = {
  cleanup: { issueType: 'Task' },
  postmortem: { issueType: 'Postmortem', dueBusinessDays: { '1': 5, '2': 10, '3': 20 }, sev3Exempt: false },
};

/** The stored settings, or the defaults when absent or damaged. */
export function learningSettingsFrom(stored: unknown): LearningSettings {
  const parsed = learningSettingsSchema.safeParse(stored ?? DEFAULT_LEARNING_SETTINGS);
  return parsed.success ? parsed.data : DEFAULT_LEARNING_SETTINGS;
}

export async function loadLearningSettings(store: AppStore): Promise<LearningSettings> {
  return learningSettingsFrom(await store.get(LEARNING_SETTINGS_KEY));
}

/**
 * Validates and stores an administrator's settings in one write; a refused save changes nothing.
 *
 * @throws ValidationError naming the field, e.g. `postmortem.dueBusinessDays.1`.
 */
export async function saveLearningSettings(store: AppStore, input: unknown): Promise<LearningSettings> {
  const settings = parseWith(learningSettingsSchema, input);
  await store.set(LEARNING_SETTINGS_KEY, settings);
  return settings;
}

export function learningSettingsView(settings: LearningSettings): LearningSettingsView {
  return settings;
}

/** Business days from resolution to the postmortem's due date for an incident of `severity` (the most severe when unknown). */
export function dueDaysFor(settings: LearningSettings, severity: SeverityLevel | undefined): number {
  return settings.postmortem.dueBusinessDays[String(severity ?? 1) as '1' | '2' | '3'];
}

/** The issue link types the app provisions: one ties cleanup tasks to their incident, one its postmortem. */
export const LINK_TYPES = {
  cleanup: { name: 'Incident cleanup', outward: 'has cleanup task', inward: 'is cleanup task of' },
  postmortem: { name: 'Incident postmortem', outward: 'is reviewed in', inward: 'is postmortem of' },
} as const;
