import { z } from 'zod';
import { assessmentAnswerSchema } from './assessment';
import { ValidationError } from './errors';
import { accountIdSchema, issueKeySchema, webUrlSchema } from './identifiers';
import { impactTimesSchema, validateImpactTimes, type ClockOptions } from './impact-times';
import { parseWith, requiredText } from './parse-input';
import { roleAssignmentSchema, validateRoleAssignments } from './roles';
import { severityLevelSchema } from './severity';
import { DEFAULT_CLOCK_SKEW_MS, formatUtcMinute, instantSchema, type EpochMs } from './time';
import { timelineEntrySchema, validateTimeline } from './timeline';
import { incidentStatusSchema } from './workflow';

/** The Faulty service value for "no idea yet", as the handbook asks reporters to choose. */
export const UNKNOWN_SERVICE = 'Unknown';

/** The handbook's help text for the fields filled in for every incident. */
export const INCIDENT_FIELD_HELP = {
  summary: "What's the emergency?",
  description: "What's the impact on customers? Include your contact details so responders can reach you",
  faultyService: `The service that has the fault that's causing the incident. Take your best guess if unsure. Select "${UNKNOWN_SERVICE}" if you have no idea.`,
  affectedProducts: 'Which products are affected by the incident? Select any that apply',
  impactStart: 'When did customers start to be affected? Leave empty if unknown.',
} as const;

/** Zod schema for the incident team's channels, each a Jira field holding a link. */
export const channelsSchema = z
  .object({
    chatRoom: webUrlSchema.exactOptional(),
    videoCall: webUrlSchema.exactOptional(),
    stateDocument: webUrlSchema.exactOptional(),
  })
  .strict();

/** Zod schema for a communication that was sent. `nextUpdateAt` is the time the message promised. */
export const sentCommunicationSchema = z
  .object({
    kind: z.enum(['internal', 'external']),
    phase: z.enum(['initial', 'follow-up', 'final']),
    at: instantSchema,
    by: accountIdSchema.exactOptional(),
    nextUpdateAt: instantSchema.exactOptional(),
  })
  .strict();

/** Zod schema for a page: to the on-call IM when the incident is raised, or to a team when escalating. */
export const pageSchema = z
  .object({
    purpose: z.enum(['incident-manager', 'escalation']),
    target: requiredText(255),
    sentAt: instantSchema,
    acknowledgedAt: instantSchema.exactOptional(),
    acknowledgedBy: accountIdSchema.exactOptional(),
  })
  .strict();

/** Zod schema for the incident facts, instants as ISO-8601 strings with offset at the boundary. */
export const incidentFactsSchema = z
  .object({
    key: issueKeySchema,
    summary: requiredText(255),
    description: requiredText(32_000).exactOptional(),
    severity: severityLevelSchema,
    faultyService: requiredText(255),
    affectedProducts: z.array(requiredText(255)).default([]),
    status: incidentStatusSchema,
    assignee: accountIdSchema.exactOptional(),
    roles: z.array(roleAssignmentSchema).default([]),
    impactTimes: impactTimesSchema.default({}),
    channels: channelsSchema.default({}),
    supportCaseCount: z.number().int('must be a whole number').nonnegative('must not be negative').exactOptional(),
    assessment: z.array(assessmentAnswerSchema).default([]),
    communications: z.array(sentCommunicationSchema).default([]),
    pages: z.array(pageSchema).default([]),
    timeline: z.array(timelineEntrySchema).default([]),
    cleanupIssues: z.array(issueKeySchema).default([]),
  })
  .strict();

/** Everything the app knows about one incident; checklists, briefs and comms derive from it. */
export type IncidentFacts = z.output<typeof incidentFactsSchema>;

/** The boundary form of the facts (ISO-8601 instants; lists may be omitted when empty). */
export type IncidentFactsInput = z.input<typeof incidentFactsSchema>;

/** A communication that was sent. */
export type SentCommunication = IncidentFacts['communications'][number];

/** A page that was sent. */
export type Page = IncidentFacts['pages'][number];

/** The incident team's channel links. */
export type IncidentChannels = IncidentFacts['channels'];

/** Checks the rules that span fields: times in order and not in the future, consistent roles and timeline. */
export function validateIncidentFacts(facts: IncidentFacts, now: EpochMs, options: ClockOptions = {}): IncidentFacts {
  const skew = options.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS;
  const notFuture = (at: EpochMs | undefined, field: string): void => {
    if (at !== undefined && at > now + skew) {
      throw new ValidationError(field, `must not be in the future (${formatUtcMinute(at)} is after ${formatUtcMinute(now)})`);
    }
  };
  validateImpactTimes(facts.impactTimes, now, options);
  validateRoleAssignments(facts.roles);
  facts.roles.forEach((assignment, index) => notFuture(assignment.startedAt, `roles[${index}].startedAt`));
  validateTimeline(facts.timeline, now, options);
  facts.assessment.forEach((answer, index) => notFuture(answer.answeredAt, `assessment[${index}].answeredAt`));
  facts.communications.forEach((sent, index) => notFuture(sent.at, `communications[${index}].at`));
  facts.pages.forEach((page, index) => {
    notFuture(page.sentAt, `pages[${index}].sentAt`);
    if (page.acknowledgedAt !== undefined && page.acknowledgedAt < page.sentAt) {
      throw new ValidationError(`pages[${index}].acknowledgedAt`, 'must not be before the page was sent');
    }
    notFuture(page.acknowledgedAt, `pages[${index}].acknowledgedAt`);
  });
  return facts;
}

/** Parses incident facts from their boundary form and validates them against `now`; throws ValidationError. */
export function parseIncidentFacts(input: unknown, now: EpochMs, options: ClockOptions = {}): IncidentFacts {
  return validateIncidentFacts(parseWith(incidentFactsSchema, input), now, options);
}

/** The boundary form of the facts (ISO-8601 instants), which parseIncidentFacts reads back. */
export function encodeIncidentFacts(facts: IncidentFacts): IncidentFactsInput {
  return z.encode(incidentFactsSchema, facts);
}
