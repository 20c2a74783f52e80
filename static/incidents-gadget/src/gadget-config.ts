/** The "Incidents in progress" gadget's configuration: which incidents it lists and how often it refreshes. */
import * as z from 'zod/mini';

export interface GadgetConfig {
  /** The project the default query lists; kept so the edit view can offer it again. */
  readonly projectKey: string;
  readonly jql: string;
  /** 0 turns automatic refresh off. */
  readonly refreshMinutes: number;
}

export const DEFAULT_PROJECT_KEY = 'HOT';
export const REFRESH_CHOICES: readonly number[] = [0, 1, 5, 15, 30];
export const JQL_MAX_LENGTH = 2000;

const projectKeyPattern = /^[A-Z][A-Z0-9_]{1,9}$/;

/** The handbook's dashboard of current incidents: everything in the project that is not done, newest first; drills are rehearsals, so left out. */
export function jqlForProject(projectKey: string): string {
  // Project keys are letters, digits and underscores only, so they need no quoting in JQL. Jira's
  // `labels not in` also drops issues without labels, hence the EMPTY alternative.
  return `project = ${projectKey} AND statusCategory != Done AND (labels is EMPTY OR labels not in (drill)) ORDER BY created DESC`;
}

export const DEFAULT_GADGET_CONFIG: GadgetConfig = { projectKey: DEFAULT_PROJECT_KEY, jql: jqlForProject(DEFAULT_PROJECT_KEY), refreshMinutes: 5 };

const storedSchema = z.object({
  projectKey: z.optional(z.string()),
  jql: z.optional(z.string()),
  refreshMinutes: z.optional(z.number()),
});

/** The configuration Jira hands the gadget (`extension.gadgetConfiguration`), with defaults for what is missing or unusable. */
export function readGadgetConfig(raw: unknown): GadgetConfig {
  const parsed = storedSchema.safeParse(raw);
  if (!parsed.success) return DEFAULT_GADGET_CONFIG;
  const { projectKey, jql, refreshMinutes } = parsed.data;
  const key = projectKey !== undefined && projectKeyPattern.test(projectKey) ? projectKey : DEFAULT_PROJECT_KEY;
  return {
    projectKey: key,
    jql: jql !== undefined && jql.trim() !== '' ? jql.trim() : jqlForProject(key),
    refreshMinutes: refreshMinutes !== undefined && REFRESH_CHOICES.includes(refreshMinutes) ? refreshMinutes : DEFAULT_GADGET_CONFIG.refreshMinutes,
  };
}

export interface GadgetConfigDraft {
  readonly projectKey: string;
  readonly jql: string;
  readonly refreshMinutes: number;
}

export type GadgetConfigErrors = Partial<Record<keyof GadgetConfigDraft, string>>;

export type GadgetConfigCheck = { readonly ok: true; readonly config: GadgetConfig } | { readonly ok: false; readonly errors: GadgetConfigErrors };

/** Checks the edit view's draft; whether Jira understands the JQL is asked of Jira itself before saving. */
export function checkGadgetConfig(draft: GadgetConfigDraft): GadgetConfigCheck {
  const errors: GadgetConfigErrors = {};
  const projectKey = draft.projectKey.trim().toUpperCase();
  const jql = draft.jql.trim();
  if (!projectKeyPattern.test(projectKey)) errors.projectKey = 'Enter a project key such as HOT: a capital letter, then 1–9 capital letters, digits or underscores.';
  if (jql === '') errors.jql = 'Enter the JQL that finds the incidents to list.';
  else if (jql.length > JQL_MAX_LENGTH) errors.jql = `Keep the JQL to ${JQL_MAX_LENGTH} characters or fewer.`;
  if (!REFRESH_CHOICES.includes(draft.refreshMinutes)) errors.refreshMinutes = 'Choose one of the offered intervals.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, config: { projectKey, jql, refreshMinutes: draft.refreshMinutes } };
}

/** The JQL box follows the project until someone writes their own query. */
export function followProject(draft: GadgetConfigDraft, projectKey: string): GadgetConfigDraft {
  const follows = draft.jql.trim() === '' || draft.jql.trim() === jqlForProject(draft.projectKey.trim().toUpperCase());
  return { ...draft, projectKey, jql: follows ? jqlForProject(projectKey.trim().toUpperCase()) : draft.jql };
}

export function describeRefresh(minutes: number): string {
  if (minutes === 0) return 'Off';
  return minutes === 1 ? 'Every minute' : `Every ${minutes} minutes`;
}
