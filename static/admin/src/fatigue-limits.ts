/** Handover limits as the administrator edits them: minutes per role typed as text, checked before they are sent. */
import type { CockpitSettingsView, FatigueRole } from '../../../src/contracts/admin-page';
import type { ResolverError } from '../../../src/contracts/resolver-result';

export const FATIGUE_MINUTES = { min: 30, max: 1440 } as const;

export const FATIGUE_ROLES: readonly { readonly role: FatigueRole; readonly label: string; readonly required: boolean }[] = [
  { role: 'incident-manager', label: 'Incident manager', required: true },
  { role: 'backup-incident-manager', label: 'Backup incident manager', required: false },
  { role: 'tech-lead', label: 'Tech lead', required: false },
  { role: 'communications-manager', label: 'Communications manager', required: false },
];

export type FatigueDraft = Readonly<Record<FatigueRole, string>>;
export type FatigueErrors = Partial<Record<FatigueRole, string>>;

/** The field id of a role's limit: the path the backend names when it refuses one. */
export const fatigueFieldId = (role: FatigueRole): string => `fatigueLimitMinutes.${role}`;

/** The form's text for the limits in effect; an empty box for a role without one. */
export function fatigueDraftFrom(view: CockpitSettingsView): FatigueDraft {
  const text = (role: FatigueRole) => {
    const minutes = view.fatigueLimitMinutes[role];
    return minutes === undefined ? '' : String(minutes);
  };
  return {
    'incident-manager': text('incident-manager'),
    'backup-incident-manager': text('backup-incident-manager'),
    'tech-lead': text('tech-lead'),
    'communications-manager': text('communications-manager'),
  };
}

export type FatigueCheck = { readonly ok: true; readonly payload: CockpitSettingsView } | { readonly ok: false; readonly errors: FatigueErrors };

/** Checks every limit at once, with the sentence an administrator needs to fix each; the backend checks again. */
export function checkFatigueDraft(draft: FatigueDraft, defaults: CockpitSettingsView): FatigueCheck {
  const errors: FatigueErrors = {};
  const limits: Partial<Record<FatigueRole, number>> = {};
  for (const { role, required } of FATIGUE_ROLES) {
    const text = draft[role].trim();
    if (text === '') {
      if (required) errors[role] = `Enter the minutes before an incident manager is prompted to hand over (the default is ${defaults.fatigueLimitMinutes[role] ?? 240}).`;
      continue;
    }
    const minutes = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (Number.isNaN(minutes)) errors[role] = 'Enter whole minutes, e.g. 240 for four hours.';
    else if (minutes < FATIGUE_MINUTES.min || minutes > FATIGUE_MINUTES.max) errors[role] = `Enter between ${FATIGUE_MINUTES.min} and ${FATIGUE_MINUTES.max} minutes (24 hours).`;
    else limits[role] = minutes;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, payload: { fatigueLimitMinutes: limits } };
}

/** The role whose limit the backend refused, or undefined when the refusal is not about one. */
export function fatigueRoleOf(error: ResolverError): FatigueRole | undefined {
  if (error.code !== 'invalid-input' || error.field === undefined) return undefined;
  return FATIGUE_ROLES.find(({ role }) => fatigueFieldId(role) === error.field)?.role;
}
