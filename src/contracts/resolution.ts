/**
 * Resolve and learn, in the issue panel's Resolve tab and the admin page's "Resolve and learn" tab:
 * resolving in one Jira request, cancelling a false alarm, cleanup tasks and the postmortem. The
 * issue always comes from the panel's context. Instants are ISO-8601 UTC strings; dates YYYY-MM-DD.
 */

export const RESOLUTION_RESOLVER_KEYS = {
  getResolution: 'getResolution',
  resolveIncident: 'resolveIncident',
  recordImpactEnd: 'recordImpactEnd',
  cancelIncident: 'cancelIncident',
  createCleanupTask: 'createCleanupTask',
  createPostmortem: 'createPostmortem',
} as const;

export const LEARNING_ADMIN_RESOLVER_KEYS = {
  getLearningSettings: 'getLearningSettings',
  saveLearningSettings: 'saveLearningSettings',
} as const;

export interface LinkedTaskView {
  readonly key: string;
  readonly summary: string;
  readonly statusName: string;
  readonly done: boolean;
  readonly url: string;
}

export interface ResolutionView {
  readonly issueKey: string;
  readonly status: 'new' | 'fixing' | 'resolved' | 'closed' | 'cancelled';
  readonly statusName: string;
  readonly impactStart?: string;
  readonly detected?: string;
  readonly impactEnd?: string;
  /** The viewer may resolve now: the incident is being fixed and Jira offers them the transition. */
  readonly canResolve: boolean;
  /** The viewer may cancel it as a false alarm. */
  readonly canCancel: boolean;
  /** Resolved (in the panel or in Jira) without an impact end: the panel asks for it. */
  readonly impactEndMissing: boolean;
  /** The app's suggestion for the impact end: now. */
  readonly suggestedImpactEnd: string;
  readonly cleanupTasks: readonly LinkedTaskView[];
  readonly postmortem?: LinkedTaskView & { readonly dueDate?: string; readonly assignee?: string };
  /** Why the incident cannot be closed yet, or absent when it can. */
  readonly closeBlockedReason?: string;
  readonly cleanupConfigured: boolean;
  readonly postmortemConfigured: boolean;
  /** The postmortem's due date if it were created now (by severity), YYYY-MM-DD. */
  readonly postmortemDueDate?: string;
  /** What to do next after resolving, e.g. send the final update. */
  readonly nextSteps: readonly string[];
  readonly canEdit: boolean;
}

export interface ResolutionUpdate {
  readonly view: ResolutionView;
  readonly notices: readonly string[];
}

export interface ResolveIncidentPayload {
  /** When customers stopped being affected; absent means now. */
  readonly impactEnd?: string;
}

export interface RecordImpactEndPayload {
  readonly impactEnd: string;
}

export interface CancelIncidentPayload {
  readonly reason: string;
}

export interface CreateCleanupTaskPayload {
  readonly summary: string;
  readonly assigneeAccountId?: string;
  readonly dueDate?: string;
}

export interface CreatePostmortemPayload {
  /** Who owns the postmortem; absent means the incident manager (the incident's assignee). */
  readonly assigneeAccountId?: string;
}

export interface LearningSettingsView {
  readonly cleanup: { readonly projectKey?: string; readonly issueType: string };
  readonly postmortem: {
    readonly projectKey?: string;
    readonly issueType: string;
    /** Business days from resolution to the postmortem's due date, per severity level. */
    readonly dueBusinessDays: { readonly '1': number; readonly '2': number; readonly '3': number };
    /** Sev 3 incidents may be closed without a postmortem. */
    readonly sev3Exempt: boolean;
  };
}

export type SaveLearningSettingsPayload = LearningSettingsView;
