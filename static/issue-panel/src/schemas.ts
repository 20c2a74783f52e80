/** What the panel accepts from the cockpit's resolvers, checked before it is shown (src/contracts/cockpit.ts). */
import * as z from 'zod/mini';
import type {
  AssessmentAnswerInput,
  CockpitUpdate,
  CockpitView,
  GetRecentChangesResult,
  RoleId,
  SearchPeopleResult,
  TakeCommandResult,
} from '../../../src/contracts/cockpit';
import type { SeverityLevel } from '../../../src/contracts/configuration';
import type { EscalationTargetsResult, PagingStatusResult } from '../../../src/contracts/issue-panel';

const opt = z.exactOptional;
const str = z.string();
const level: z.ZodMiniType<SeverityLevel> = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const person = z.object({ accountId: str, displayName: str });
const roleId: z.ZodMiniType<RoleId> = z.union([
  z.enum(['incident-manager', 'backup-incident-manager', 'tech-lead', 'communications-manager']),
  z.templateLiteral(['custom:', z.string()]),
]);
const scope = z.enum(['internal', 'external', 'both']);
const checklistItem = z.object({ step: str, name: str, state: z.enum(['done', 'pending', 'not-applicable']), reason: str });
const assignment = z.object({ role: roleId, roleLabel: str, person, scope: opt(scope), startedAt: str, endedAt: opt(str) });

// The answer's shape is the backend's own (it checked it when it was given); the panel only reads it back into its form.
const answer = z.custom<AssessmentAnswerInput>((value) => typeof value === 'object' && value !== null && 'questionId' in value && 'answer' in value);

export const cockpitViewSchema: z.ZodMiniType<CockpitView> = z.object({
  at: str,
  issue: z.object({
    id: str,
    key: str,
    summary: str,
    url: str,
    status: z.enum(['new', 'fixing', 'resolved', 'closed', 'cancelled']),
    statusName: str,
    severity: opt(z.object({ level, label: str })),
    faultyService: opt(str),
    affectedProducts: z.array(str),
    assignee: opt(person),
    impactStart: opt(str),
    detected: opt(str),
    impactEnd: opt(str),
    supportCases: opt(z.number()),
  }),
  viewer: z.object({ accountId: str, canEdit: z.boolean(), canTransition: z.boolean(), isIncidentManager: z.boolean(), readOnlyReason: opt(str) }),
  fieldsProvisioned: z.boolean(),
  checklist: z.array(checklistItem),
  nextStep: opt(checklistItem),
  command: z.object({
    incidentManager: opt(z.object({ accountId: str, displayName: str, since: opt(str) })),
    backup: opt(z.object({ accountId: str, displayName: str, since: str })),
    canTakeCommand: z.boolean(),
    takeCommandTransitionId: opt(str),
    detectedMissing: z.boolean(),
  }),
  channels: z.object({
    chatConfigured: z.boolean(),
    chatRoom: opt(str),
    chatRoomName: opt(str),
    videoCall: opt(str),
    stateDocument: opt(str),
    topic: str,
    chatStatusOf: opt(person),
  }),
  assess: z.object({
    questions: z.array(
      z.object({
        id: z.enum(['customer-impact', 'customer-experience', 'customers-affected', 'impact-started', 'support-cases', 'other-factors']),
        question: str,
        answerText: opt(str),
        answer: opt(answer),
        answeredAt: opt(str),
        answeredBy: opt(person),
        fromField: opt(str),
      }),
    ),
    answered: z.number(),
    total: z.number(),
    scale: z.array(z.object({ level, label: str, description: str, examples: z.array(str), pages: z.boolean() })),
    severityScaleUrl: opt(str),
    severityConfirmed: opt(z.object({ level, at: str, by: person })),
  }),
  roles: z.object({ current: z.array(assignment), history: z.array(assignment) }),
  timeline: z.array(
    z.object({
      id: str,
      kind: z.enum(['observation', 'theory', 'experiment', 'decision', 'change', 'note']),
      at: str,
      by: person,
      text: str,
      theoryId: opt(str),
      outcome: opt(z.enum(['pending', 'confirmed', 'disproved', 'inconclusive'])),
      concludedAt: opt(str),
      who: opt(person),
      revert: opt(str),
    }),
  ),
  review: z.object({
    prompts: z.array(z.object({ topic: str, question: str, prompt: str })),
    openStreams: z.array(str),
    timeOnIncident: z.array(z.object({ person, ms: z.number(), active: z.boolean() })),
    fatigue: z.array(
      z.object({
        person,
        role: z.enum(['incident-manager', 'backup-incident-manager', 'tech-lead', 'communications-manager']),
        workedMs: z.number(),
        limitMs: z.number(),
        urgency: z.enum(['hand-over-now', 'plan-handover']),
        message: str,
      }),
    ),
    handoverBrief: str,
  }),
  warnings: z.array(str),
  nextUpdate: z.exactOptional(z.object({ kind: z.enum(['internal', 'external']), at: str, overdue: z.boolean() })),
});

export const cockpitUpdateSchema: z.ZodMiniType<CockpitUpdate> = z.object({ view: cockpitViewSchema, notices: z.array(str) });

export const takeCommandSchema: z.ZodMiniType<TakeCommandResult> = z.union([
  z.object({ outcome: z.literal('in-command'), notices: z.array(str) }),
  z.object({ outcome: z.literal('already-taken'), by: opt(person), status: str, message: str }),
]);

export const recentChangesSchema: z.ZodMiniType<GetRecentChangesResult> = z.union([
  z.object({
    available: z.literal(true),
    service: str,
    around: str,
    windowMinutes: z.number(),
    changes: z.array(
      z.object({
        id: str,
        service: str,
        summary: str,
        by: str,
        at: str,
        url: opt(str),
        kind: z.string(),
        minutesFromImpactStart: z.number(),
      }),
    ),
  }),
  z.object({ available: z.literal(false), reason: str }),
]);

export const peopleSchema: z.ZodMiniType<SearchPeopleResult> = z.object({ people: z.array(person) });

export const pagingStatusSchema: z.ZodMiniType<PagingStatusResult> = z.object({
  issueKey: str,
  episodes: z.array(
    z.object({
      id: str,
      reason: str,
      state: z.enum(['paging', 'acknowledged', 'exhausted', 'not-paged']),
      startedAt: str,
      deliveries: z.array(
        z.object({
          level: z.number(),
          round: z.number(),
          recipient: str,
          accountId: opt(str),
          displayName: opt(str),
          channel: z.enum(['jira', 'slack', 'pagerduty', 'webhook']),
          status: z.enum(['sending', 'sent', 'failed']),
          at: str,
          attempts: z.number(),
          error: opt(str),
          resent: opt(z.boolean()),
        }),
      ),
      nextEscalationAt: opt(str),
      acknowledgedAt: opt(str),
      acknowledgedBy: opt(str),
      acknowledgedByName: opt(str),
      unanswered: opt(z.object({ since: str, repeats: z.number(), everyMinutes: z.number() })),
      late: opt(z.boolean()),
      viewerMayAcknowledge: opt(z.boolean()),
    }),
  ),
  viewer: opt(z.object({ mayAcknowledge: z.boolean(), mayEscalate: z.boolean(), explanation: opt(str) })),
});

export const escalationTargetsSchema: z.ZodMiniType<EscalationTargetsResult> = z.object({ rosters: z.array(z.object({ id: str, name: str })) });
