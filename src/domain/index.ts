// The domain's public door. Instants are epoch milliseconds inside the domain (`EpochMs`) and
// ISO-8601 strings with an explicit offset at every boundary: the parse*/encode* functions convert.
export { DomainError, RuleViolation, ValidationError } from './errors';

export type { EpochMs } from './time';
export { DEFAULT_CLOCK_SKEW_MS, formatInstant, formatUtcMinute, instantSchema, parseInstant } from './time';
export type { DurationMs } from './duration';
export { formatDuration } from './duration';
export type { AccountId, IssueKey } from './identifiers';
export { accountIdSchema, issueKeySchema, parseAccountId, parseIssueKey, webUrlSchema } from './identifiers';

export type { SeverityDefinition, SeverityLevel, SeverityPolicy, SeverityRouting, SeverityScale, SeverityScaleConfig } from './severity';
export {
  DEFAULT_SEVERITY_SCALE,
  SEVERITY_FIELD_HELP_TEXT,
  SEVERITY_LEVELS,
  labelOf,
  parseSeverityLevel,
  parseSeverityScale,
  severityDefinitions,
  severityFromLabel,
  severityHelpText,
  severityLevelSchema,
  severityScaleConfig,
  shouldPage,
} from './severity';

export type { IncidentStatus, TransitionCheck, TransitionFacts, TransitionRecord } from './workflow';
export {
  ALLOWED_TRANSITIONS,
  INCIDENT_STATUSES,
  allowedTransitions,
  assertTransition,
  checkTransition,
  fromJiraStatusName,
  incidentStatusSchema,
  isActive,
  toJiraStatusName,
} from './workflow';

export type { AssignmentRequest, BuiltInRole, CommsScope, CustomRole, Handover, Role, RoleAssignment, TimeOnIncident } from './roles';
export {
  BUILT_IN_ROLES,
  assignRole,
  currentHolders,
  currentIncidentManager,
  customRole,
  endAllRoles,
  endRole,
  handOverIncidentManager,
  handovers,
  parseRole,
  parseRoleAssignments,
  roleAssignmentSchema,
  roleLabel,
  roleSchema,
  timeOnIncident,
  validateRoleAssignments,
} from './roles';
export type { FatigueLimits, FatigueWarning } from './fatigue';
export { DEFAULT_FATIGUE_LIMITS, DEFAULT_HANDOVER_PLANNING_MS, fatigue } from './fatigue';

export type { ClockOptions, ImpactTimes, ImpactTimesInput } from './impact-times';
export {
  encodeImpactTimes,
  impactDuration,
  impactTimesSchema,
  parseImpactTimes,
  timeToAcknowledge,
  timeToDetect,
  timeToRecover,
  validateImpactTimes,
} from './impact-times';

export type { IncidentChannels, IncidentFacts, IncidentFactsInput, Page, SentCommunication } from './incident';
export {
  INCIDENT_FIELD_HELP,
  UNKNOWN_SERVICE,
  channelsSchema,
  encodeIncidentFacts,
  incidentFactsSchema,
  pageSchema,
  parseIncidentFacts,
  sentCommunicationSchema,
  validateIncidentFacts,
} from './incident';

export type { AssessmentAnswer, AssessmentProgress, AssessmentQuestion, AssessmentQuestionId, KnownAssessmentFacts } from './assessment';
export {
  ASSESSMENT_QUESTIONS,
  OTHER_FACTORS,
  assessmentAnswerSchema,
  assessmentProgress,
  externalCustomersAffected,
  latestAnswers,
  parseAssessmentAnswer,
} from './assessment';

export type { Experiment, ExperimentOutcome, OpenStream, Theory, TimelineEntry, TimelineEntryKind, TimelineEntryOf } from './timeline';
export {
  EXPERIMENT_OUTCOMES,
  chronological,
  concludeExperiment,
  confirmedTheories,
  openStreams,
  parseTimeline,
  parseTimelineEntry,
  timelineEntrySchema,
  validateTimeline,
} from './timeline';
export type { DisciplineOptions, DisciplinePrompt, DisciplineTopic } from './discipline';
export { DISCIPLINE_QUESTIONS, disciplinePrompts } from './discipline';
export type { HandoverBriefOptions } from './handover-brief';
export { handoverBrief } from './handover-brief';

export type { ChecklistItem, ChecklistOptions, ChecklistState, ChecklistStep } from './checklist';
export { CHECKLIST_STEPS, CHECKLIST_STEP_NAMES, buildChecklist, describeChecklistItem, nextStep } from './checklist';

export type { UpdateDue } from './comms/cadence';
export { DEFAULT_UPDATE_INTERVAL_MS, nextUpdateDue } from './comms/cadence';
export { externalAffected, externalIncidentName, internalAffected, internalIncidentName, joinNames } from './comms/incident-names';
export type { CommsMessage, ExternalFollowUp } from './comms/templates';
export {
  finalExternalMessage,
  finalInternalMessage,
  followUpExternalMessage,
  followUpInternalMessage,
  initialExternalMessage,
  initialInternalMessage,
} from './comms/templates';
export type { UpdateDraft } from './comms/update-draft';
export { emptyUpdateDraft, parseUpdateDraft, updateDraftSchema } from './comms/update-draft';
export type { UpdateCheck, UpdateField, UpdateGap } from './comms/check-update';
export { checkUpdate, countSentences } from './comms/check-update';
export { parseUpdateText, splitNextUpdate } from './comms/parse-update-text';
export { describeNextUpdate, renderUpdate } from './comms/render-update';

export * from './on-call';
