/**
 * The incident cockpit (the issue's "Incident response" panel): Open comms, Assess, Delegate and
 * Review. The issue always comes from the panel's context, never from the payload. Instants are
 * ISO-8601 UTC strings. Every mutation answers with the cockpit as it now stands, so the panel
 * needs no second round-trip, plus notices about side effects that could not be completed.
 */
import type { SeverityLevel } from './configuration';

export const COCKPIT_RESOLVER_KEYS = {
  getCockpit: 'getCockpit',
  takeCommand: 'takeCommand',
  openComms: 'openComms',
  setChannelLinks: 'setChannelLinks',
  answerAssessment: 'answerAssessment',
  changeSeverity: 'changeSeverity',
  getRecentChanges: 'getRecentChanges',
  searchPeople: 'searchPeople',
  delegateRole: 'delegateRole',
  endRole: 'endRole',
  handOverCommand: 'handOverCommand',
  recordTimelineEntry: 'recordTimelineEntry',
  concludeExperiment: 'concludeExperiment',
  setChatStatus: 'setChatStatus',
} as const;

export interface PersonView {
  readonly accountId: string;
  readonly displayName: string;
}

export type IncidentStatusView = 'new' | 'fixing' | 'resolved' | 'closed' | 'cancelled';

export interface IssueSummaryView {
  readonly id: string;
  readonly key: string;
  readonly summary: string;
  readonly url: string;
  readonly status: IncidentStatusView;
  /** Jira's own name for the status, e.g. "Fixing". */
  readonly statusName: string;
  readonly severity?: { readonly level: SeverityLevel; readonly label: string };
  readonly faultyService?: string;
  readonly affectedProducts: readonly string[];
  readonly assignee?: PersonView;
  readonly impactStart?: string;
  readonly detected?: string;
  readonly impactEnd?: string;
  readonly supportCases?: number;
}

export interface ViewerView {
  readonly accountId: string;
  /** May change the incident (Jira's Edit issues permission on this issue). */
  readonly canEdit: boolean;
  /** May move it through the workflow (Jira's Transition issues permission). */
  readonly canTransition: boolean;
  readonly isIncidentManager: boolean;
  /** Why the panel is read-only for this person; absent when they may act. */
  readonly readOnlyReason?: string;
}

export type ChecklistStateView = 'done' | 'pending' | 'not-applicable';

export interface ChecklistItemView {
  readonly step: string;
  readonly name: string;
  readonly state: ChecklistStateView;
  readonly reason: string;
}

export interface CommandView {
  readonly incidentManager?: PersonView & { readonly since?: string };
  readonly backup?: PersonView & { readonly since: string };
  /** The viewer may take command now (the incident is New and they may transition it). */
  readonly canTakeCommand: boolean;
  /** The workflow transition that moves this issue to Fixing, when the viewer may use it. */
  readonly takeCommandTransitionId?: string;
  /** Detection time is not recorded yet: taking command records it. */
  readonly detectedMissing: boolean;
}

export interface ChannelsView {
  /** A chat integration is set up (an administrator stored a Slack token). */
  readonly chatConfigured: boolean;
  readonly chatRoom?: string;
  readonly chatRoomName?: string;
  readonly videoCall?: string;
  readonly stateDocument?: string;
  /** The room topic as the app keeps it, or as it would be set. */
  readonly topic: string;
  /** Whose chat status currently shows this incident's key. */
  readonly chatStatusOf?: PersonView;
}

export type AssessmentQuestionId =
  | 'customer-impact'
  | 'customer-experience'
  | 'customers-affected'
  | 'impact-started'
  | 'support-cases'
  | 'other-factors';

export type OtherFactor = 'social-media' | 'security' | 'data-loss' | 'other';

/** An answer as the panel sends it; the shape depends on the question. */
export type AssessmentAnswerInput =
  | { readonly questionId: 'customer-impact'; readonly answer: { readonly audience: 'internal' | 'external' | 'both'; readonly summary: string } }
  | { readonly questionId: 'customer-experience'; readonly answer: string }
  | { readonly questionId: 'customers-affected'; readonly answer: { readonly reach: 'some' | 'all'; readonly count?: number } }
  | { readonly questionId: 'impact-started'; readonly answer: string }
  | { readonly questionId: 'support-cases'; readonly answer: number }
  | { readonly questionId: 'other-factors'; readonly answer: { readonly factors: readonly OtherFactor[]; readonly notes?: string } };

export interface AssessmentQuestionView {
  readonly id: AssessmentQuestionId;
  readonly question: string;
  /** The latest answer, written out for people. */
  readonly answerText?: string;
  /** The latest answer as it was given, so the panel can prefill its form. */
  readonly answer?: AssessmentAnswerInput;
  readonly answeredAt?: string;
  readonly answeredBy?: PersonView;
  /** Answered by a Jira field rather than in the panel (Impact start, Support cases). */
  readonly fromField?: string;
}

export interface SeverityChoiceView {
  readonly level: SeverityLevel;
  readonly label: string;
  readonly description: string;
  readonly examples: readonly string[];
  readonly pages: boolean;
}

export interface AssessView {
  readonly questions: readonly AssessmentQuestionView[];
  readonly answered: number;
  readonly total: number;
  readonly scale: readonly SeverityChoiceView[];
  readonly severityScaleUrl?: string;
  readonly severityConfirmed?: { readonly level: SeverityLevel; readonly at: string; readonly by: PersonView };
}

export type BuiltInRoleId = 'incident-manager' | 'backup-incident-manager' | 'tech-lead' | 'communications-manager';
/** A built-in role id or `custom:<name>` for a role the IM devised. */
export type RoleId = BuiltInRoleId | `custom:${string}`;
export type CommsScopeView = 'internal' | 'external' | 'both';

export interface RoleAssignmentView {
  readonly role: RoleId;
  readonly roleLabel: string;
  readonly person: PersonView;
  readonly scope?: CommsScopeView;
  readonly startedAt: string;
  readonly endedAt?: string;
}

export interface RolesView {
  readonly current: readonly RoleAssignmentView[];
  /** Every assignment ever made, oldest first (ended ones included). */
  readonly history: readonly RoleAssignmentView[];
}

export type TimelineKind = 'observation' | 'theory' | 'experiment' | 'decision' | 'change' | 'note';
export type ExperimentOutcomeView = 'pending' | 'confirmed' | 'disproved' | 'inconclusive';

export interface TimelineEntryView {
  readonly id: string;
  readonly kind: TimelineKind;
  readonly at: string;
  readonly by: PersonView;
  /** What was observed, theorised, tried, decided or noted; for a change, what changed. */
  readonly text: string;
  readonly theoryId?: string;
  readonly outcome?: ExperimentOutcomeView;
  readonly concludedAt?: string;
  /** For a change: who made it and how to revert it. */
  readonly who?: PersonView;
  readonly revert?: string;
}

export interface DisciplinePromptView {
  readonly topic: string;
  readonly question: string;
  readonly prompt: string;
}

export interface FatigueView {
  readonly person: PersonView;
  readonly role: BuiltInRoleId;
  readonly workedMs: number;
  readonly limitMs: number;
  readonly urgency: 'hand-over-now' | 'plan-handover';
  readonly message: string;
}

export interface TimeOnIncidentView {
  readonly person: PersonView;
  readonly ms: number;
  readonly active: boolean;
}

export interface ReviewView {
  readonly prompts: readonly DisciplinePromptView[];
  readonly openStreams: readonly string[];
  readonly timeOnIncident: readonly TimeOnIncidentView[];
  readonly fatigue: readonly FatigueView[];
  /** A brief for whoever takes over: state, open streams of work, roles, next update due. */
  readonly handoverBrief: string;
}

export interface CockpitView {
  /** When this view was computed. */
  readonly at: string;
  readonly issue: IssueSummaryView;
  readonly viewer: ViewerView;
  /** False until the app's fields exist in Jira; the panel then shows only what it can. */
  readonly fieldsProvisioned: boolean;
  readonly checklist: readonly ChecklistItemView[];
  readonly nextStep?: ChecklistItemView;
  readonly command: CommandView;
  readonly channels: ChannelsView;
  readonly assess: AssessView;
  readonly roles: RolesView;
  readonly timeline: readonly TimelineEntryView[];
  readonly review: ReviewView;
  /** Things the viewer should know about the incident's data (e.g. severity not set). */
  readonly warnings: readonly string[];
  /** The next stakeholder update owed while the incident runs; absent before the first and after the final one. */
  readonly nextUpdate?: { readonly kind: 'internal' | 'external'; readonly at: string; readonly overdue: boolean };
}

/** What a mutation answers: the cockpit now, plus side effects that did not happen (chat, comments). */
export interface CockpitUpdate {
  readonly view: CockpitView;
  readonly notices: readonly string[];
}

export type GetCockpitPayload = Record<string, never>;
export type GetCockpitResult = CockpitView;

export interface TakeCommandPayload {
  /** The transition to Fixing the panel was offered (`command.takeCommandTransitionId`). */
  readonly transitionId: string;
}

export type TakeCommandResult =
  | { readonly outcome: 'in-command'; readonly notices: readonly string[] }
  | {
      readonly outcome: 'already-taken';
      /** Who holds command, when Jira says so. */
      readonly by?: PersonView;
      readonly status: string;
      readonly message: string;
    };

export type OpenCommsPayload = Record<string, never>;
export type OpenCommsResult = CockpitUpdate;

/** A link to set; `null` clears it; an absent key leaves it as it is. */
export interface SetChannelLinksPayload {
  readonly chatRoom?: string | null;
  readonly videoCall?: string | null;
  readonly stateDocument?: string | null;
}
export type SetChannelLinksResult = CockpitUpdate;

export type AnswerAssessmentPayload = AssessmentAnswerInput;
export type AnswerAssessmentResult = CockpitUpdate;

export interface ChangeSeverityPayload {
  /** The same level as now confirms it; another level changes it. */
  readonly level: SeverityLevel;
  /** Why, for the timeline and the chat room. */
  readonly reason?: string;
}
export type ChangeSeverityResult = CockpitUpdate;

export interface RecentChangeView {
  /** The key of the issue that records the change. */
  readonly id: string;
  readonly service: string;
  readonly summary: string;
  readonly by: string;
  readonly at: string;
  readonly url?: string;
  /** What kind of change: the type of the issue that records it, e.g. "Deployment". */
  readonly kind: string;
  /** Minutes from the impact start (negative: before it). */
  readonly minutesFromImpactStart: number;
}

export type GetRecentChangesPayload = Record<string, never>;

export type GetRecentChangesResult =
  | { readonly available: true; readonly service: string; readonly around: string; readonly windowMinutes: number; readonly changes: readonly RecentChangeView[] }
  | { readonly available: false; readonly reason: string };

export interface SearchPeoplePayload {
  readonly query: string;
}

export interface SearchPeopleResult {
  readonly people: readonly PersonView[];
}

export interface DelegateRolePayload {
  readonly role: RoleId;
  readonly accountId: string;
  /** Communications managers only: which audience they write for (default both). */
  readonly scope?: CommsScopeView;
}
export type DelegateRoleResult = CockpitUpdate;

export interface EndRolePayload {
  readonly role: RoleId;
  readonly accountId: string;
}
export type EndRoleResult = CockpitUpdate;

export interface HandOverCommandPayload {
  readonly toAccountId: string;
}
export type HandOverCommandResult = CockpitUpdate;

export type TimelineEntryInput =
  | { readonly kind: 'observation' | 'theory' | 'decision' | 'note'; readonly text: string }
  | { readonly kind: 'experiment'; readonly text: string; readonly theoryId?: string; readonly outcome?: ExperimentOutcomeView }
  | { readonly kind: 'change'; readonly what: string; readonly who: string; readonly at?: string; readonly revert?: string };

export interface RecordTimelineEntryPayload {
  readonly entry: TimelineEntryInput;
}
export type RecordTimelineEntryResult = CockpitUpdate;

export interface ConcludeExperimentPayload {
  readonly experimentId: string;
  readonly outcome: Exclude<ExperimentOutcomeView, 'pending'>;
}
export type ConcludeExperimentResult = CockpitUpdate;

export interface SetChatStatusPayload {
  /** True shows the issue key as the viewer's chat status; false clears it. */
  readonly managing: boolean;
}
export type SetChatStatusResult = CockpitUpdate;
