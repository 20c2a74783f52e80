import { z } from 'zod';
import type {
  AssessmentAnswerInput,
  AssessmentQuestionView,
  AssessView,
  ChecklistItemView,
  CockpitView,
  RoleAssignmentView,
  RoleId,
  TimelineEntryView,
} from '../../contracts/cockpit';
import { ASSESSMENT_QUESTIONS, assessmentAnswerSchema, latestAnswers, type AssessmentAnswer } from '../../domain/assessment';
import { buildChecklist, nextStep, type ChecklistItem } from '../../domain/checklist';
import { nextUpdateDue } from '../../domain/comms/cadence';
import { disciplinePrompts } from '../../domain/discipline';
import { fatigue } from '../../domain/fatigue';
import { handoverBrief } from '../../domain/handover-brief';
import { BUILT_IN_ROLES, currentHolders, currentIncidentManager, roleLabel, timeOnIncident, type Role, type RoleAssignment } from '../../domain/roles';
import { labelOf, severityDefinitions } from '../../domain/severity';
import { formatInstant, formatUtcMinute } from '../../domain/time';
import { chronological, openStreams, type TimelineEntry } from '../../domain/timeline';
import { isActive } from '../../domain/workflow';
import { issueUrl } from '../incident-fields';
import { definedOnly } from './defined';
import { incidentFacts, readOnlyReason, type IncidentContext } from './incident-context';
import { transitionToFixing } from './incident-record';
import { peopleDirectory, type PeopleDirectory } from './people';
import { roomTopic, type Topic, type TopicRole } from './room-topic';

const SHORT_ROLE_LABELS: Readonly<Record<string, string>> = {
  'incident-manager': 'IM',
  'backup-incident-manager': 'Backup IM',
  'tech-lead': 'TL',
  'communications-manager': 'CM',
};

/** The people directory for a context: every name the issue and the cockpit's records know. */
export function directoryOf(context: IncidentContext): PeopleDirectory {
  return peopleDirectory(context.record, context.state.people, context.callerPerson === undefined ? [] : [context.callerPerson]);
}

function assignments(context: IncidentContext): RoleAssignment[] {
  return context.state.roles.map((stored) => stored.assignment);
}

/** Who holds which role now, the IM first, as the room topic lists them; the Jira assignee stands in while no IM was recorded. */
export function currentRoleHolders(context: IncidentContext): Array<{ role: Role; holders: RoleAssignment[] }> {
  const all = assignments(context);
  const custom = [...new Set(all.map((assignment) => assignment.role).filter((role) => !(BUILT_IN_ROLES as readonly string[]).includes(role)))];
  return [...BUILT_IN_ROLES, ...custom].map((role) => ({ role, holders: currentHolders(all, role, context.now) }));
}

/** The topic the room should have now. */
export function topicFor(context: IncidentContext, directory: PeopleDirectory = directoryOf(context)): Topic {
  const { record, config } = context;
  const roles: TopicRole[] = currentRoleHolders(context).map(({ role, holders }) => {
    const names = holders.map((holder) => directory.name(holder.accountId));
    if (role === 'incident-manager' && names.length === 0 && record.assignee !== undefined) names.push(record.assignee.displayName);
    return { label: SHORT_ROLE_LABELS[role] ?? roleLabel(role), names };
  });
  return roomTopic({
    key: record.key,
    summary: record.summary,
    ...(record.severity === undefined ? {} : { severityLabel: labelOf(config.severityScale, record.severity) }),
    roles,
    issueUrl: issueUrl(config, record.key),
    ...definedOnly({ videoCall: record.videoCall, stateDocument: record.stateDocument }),
  });
}

const AUDIENCE: Readonly<Record<'internal' | 'external' | 'both', string>> = {
  internal: 'Internal customers',
  external: 'External customers',
  both: 'Internal and external customers',
};

const FACTOR_NAMES: Readonly<Record<string, string>> = { 'social-media': 'Twitter', security: 'security', 'data-loss': 'data loss', other: 'other' };

/** An answer written out for people, e.g. "Some customers (about 120)". */
export function answerText(answer: AssessmentAnswer): string {
  switch (answer.questionId) {
    case 'customer-impact':
      return `${AUDIENCE[answer.answer.audience]}: ${answer.answer.summary}`;
    case 'customer-experience':
      return answer.answer;
    case 'customers-affected':
      return `${answer.answer.reach === 'all' ? 'All customers' : 'Some customers'}${answer.answer.count === undefined ? '' : ` (about ${answer.answer.count})`}`;
    case 'impact-started':
      return formatUtcMinute(answer.answer);
    case 'support-cases':
      return `${answer.answer} support case${answer.answer === 1 ? '' : 's'}`;
    case 'other-factors': {
      const factors = answer.answer.factors.map((factor) => FACTOR_NAMES[factor] ?? factor);
      const list = factors.length === 0 ? 'None' : `${factors.join(', ').replace(/^./, (first) => first.toUpperCase())}`;
      return answer.answer.notes === undefined ? list : `${list}: ${answer.answer.notes}`;
    }
  }
}

function assessView(context: IncidentContext, directory: PeopleDirectory): AssessView {
  const { record, state, config } = context;
  const latest = latestAnswers(state.assessment);
  const questions = ASSESSMENT_QUESTIONS.map((question): AssessmentQuestionView => {
    const answer = latest[question.id];
    if (answer !== undefined) {
      const { questionId, answer: given } = z.encode(assessmentAnswerSchema, answer);
      return {
        id: question.id,
        question: question.question,
        answerText: answerText(answer),
        answer: { questionId, answer: given } as AssessmentAnswerInput,
        answeredAt: formatInstant(answer.answeredAt),
        answeredBy: directory.view(answer.by),
      };
    }
    if (question.id === 'impact-started' && record.impactStart !== undefined) {
      return { id: question.id, question: question.question, answerText: formatUtcMinute(record.impactStart), fromField: 'Impact start' };
    }
    if (question.id === 'support-cases' && record.supportCases !== undefined) {
      return { id: question.id, question: question.question, answerText: `${record.supportCases} support case${record.supportCases === 1 ? '' : 's'}`, fromField: 'Support cases' };
    }
    return { id: question.id, question: question.question };
  });
  const confirmation = state.severityConfirmation;
  return {
    questions,
    answered: questions.filter((question) => question.answerText !== undefined).length,
    total: questions.length,
    scale: severityDefinitions(config.severityScale).map((level) => ({
      level: level.level,
      label: level.label,
      description: level.description,
      examples: level.examples,
      pages: level.policy.pages,
    })),
    ...(config.severityScaleUrl === undefined ? {} : { severityScaleUrl: config.severityScaleUrl }),
    ...(confirmation === undefined ? {} : { severityConfirmed: { level: confirmation.level, at: formatInstant(confirmation.at), by: directory.view(confirmation.by) } }),
  };
}

function assignmentView(assignment: RoleAssignment, directory: PeopleDirectory): RoleAssignmentView {
  return {
    role: assignment.role as RoleId,
    roleLabel: roleLabel(assignment.role, assignment.scope),
    person: directory.view(assignment.accountId),
    ...(assignment.scope === undefined ? {} : { scope: assignment.scope }),
    startedAt: formatInstant(assignment.startedAt),
    ...(assignment.endedAt === undefined ? {} : { endedAt: formatInstant(assignment.endedAt) }),
  };
}

function timelineView(entry: TimelineEntry, directory: PeopleDirectory): TimelineEntryView {
  const base = { id: entry.id, kind: entry.kind, at: formatInstant(entry.at), by: directory.view(entry.by) };
  switch (entry.kind) {
    case 'change':
      return { ...base, text: entry.what, who: directory.view(entry.who), ...(entry.revert === undefined ? {} : { revert: entry.revert }) };
    case 'experiment':
      return {
        ...base,
        text: entry.text,
        outcome: entry.outcome,
        ...(entry.theoryId === undefined ? {} : { theoryId: entry.theoryId }),
        ...(entry.concludedAt === undefined ? {} : { concludedAt: formatInstant(entry.concludedAt) }),
      };
    default:
      return { ...base, text: entry.text };
  }
}

function checklistView(item: ChecklistItem): ChecklistItemView {
  return { step: item.step, name: item.name, state: item.state, reason: item.reason };
}

/** Replaces account ids in the domain's sentences with the names people know. */
function withNames(sentence: string, directory: PeopleDirectory, accountIds: Iterable<string>): string {
  let result = sentence;
  for (const accountId of accountIds) {
    const name = directory.name(accountId);
    if (name !== accountId) result = result.split(accountId).join(name);
  }
  return result;
}

/** The cockpit as the panel shows it, computed from a context without further remote calls. */
export function cockpitView(context: IncidentContext): CockpitView {
  const { record, config, state, now, caller, permissions } = context;
  const directory = directoryOf(context);
  const facts = incidentFacts(context);
  const scale = config.severityScale;
  const all = assignments(context);
  const named = (sentence: string): string => withNames(sentence, directory, directory.known());

  const checklist = buildChecklist(facts, now, { scale }).map((item) => ({ ...checklistView(item), reason: named(item.reason) }));
  const next = nextStep(buildChecklist(facts, now, { scale }));
  const imAccountId = currentIncidentManager(all, now);
  const imAssignment = currentHolders(all, 'incident-manager', now)[0];
  const backup = currentHolders(all, 'backup-incident-manager', now)[0];
  const toFixing = transitionToFixing(record);
  const reason = readOnlyReason(permissions);
  const canTakeCommand = reason === undefined && permissions.transition && record.status === 'new' && toFixing !== undefined;
  const topic = topicFor(context, directory);
  const warnings = [
    ...(config.fields === undefined ? ["The app's incident fields are not set up yet: an administrator can create them in the app's settings."] : []),
    ...(config.fields !== undefined && record.severity === undefined ? ['Severity is not set: the checklist assumes the most severe level until it is.'] : []),
  ];
  const due = nextUpdateDue(facts, now);
  const incidentManager = record.assignee ?? (imAccountId === undefined ? undefined : { accountId: imAccountId, displayName: directory.name(imAccountId) });

  return {
    ...(due === undefined ? {} : { nextUpdate: { kind: due.kind, at: formatInstant(due.at), overdue: due.overdueByMs > 0 } }),
    at: formatInstant(now),
    issue: {
      id: record.id,
      key: record.key,
      summary: record.summary,
      url: issueUrl(config, record.key),
      status: record.status,
      statusName: record.statusName,
      ...(record.severity === undefined ? {} : { severity: { level: record.severity, label: labelOf(scale, record.severity) } }),
      ...definedOnly({
        faultyService: record.faultyService,
        impactStart: record.impactStart === undefined ? undefined : formatInstant(record.impactStart),
        detected: record.detected === undefined ? undefined : formatInstant(record.detected),
        impactEnd: record.impactEnd === undefined ? undefined : formatInstant(record.impactEnd),
        supportCases: record.supportCases,
      }),
      affectedProducts: record.affectedProducts,
      ...(record.assignee === undefined ? {} : { assignee: { accountId: record.assignee.accountId, displayName: record.assignee.displayName } }),
    },
    viewer: {
      accountId: caller.accountId,
      canEdit: permissions.edit,
      canTransition: permissions.transition,
      isIncidentManager: (imAccountId ?? record.assignee?.accountId) === caller.accountId,
      ...(reason === undefined ? {} : { readOnlyReason: reason }),
    },
    fieldsProvisioned: config.fields !== undefined,
    checklist,
    ...(next === undefined ? {} : { nextStep: { ...checklistView(next), reason: named(next.reason) } }),
    command: {
      ...(incidentManager === undefined
        ? {}
        : {
            incidentManager: {
              accountId: incidentManager.accountId,
              displayName: incidentManager.displayName,
              ...(imAssignment?.accountId === incidentManager.accountId ? { since: formatInstant(imAssignment.startedAt) } : {}),
            },
          }),
      ...(backup === undefined ? {} : { backup: { ...directory.view(backup.accountId), since: formatInstant(backup.startedAt) } }),
      canTakeCommand,
      ...(canTakeCommand && toFixing !== undefined ? { takeCommandTransitionId: toFixing.id } : {}),
      detectedMissing: record.detected === undefined,
    },
    channels: {
      chatConfigured: context.chatConfigured,
      ...definedOnly({ chatRoom: record.chatRoom, chatRoomName: state.room?.name, videoCall: record.videoCall, stateDocument: record.stateDocument }),
      topic: topic.text,
      ...(state.chatStatus === undefined ? {} : { chatStatusOf: directory.view(state.chatStatus.accountId) }),
    },
    assess: assessView(context, directory),
    roles: {
      current: all.filter((assignment) => currentHolders(all, assignment.role, now).includes(assignment)).map((assignment) => assignmentView(assignment, directory)),
      history: all.map((assignment) => assignmentView(assignment, directory)),
    },
    timeline: chronological(state.timeline).map((entry) => timelineView(entry, directory)),
    review: {
      prompts: disciplinePrompts(facts, now, { scale, fatigueLimits: context.settings.fatigueLimits }).map((prompt) => ({ ...prompt, prompt: named(prompt.prompt) })),
      openStreams: openStreams(facts.timeline).map((stream) => stream.description),
      timeOnIncident: timeOnIncident(all, now).map((entry) => ({ person: directory.view(entry.accountId), ms: entry.ms, active: entry.active })),
      // Once the incident is over nobody is asked to hand over.
      fatigue: (isActive(record.status) ? fatigue(all, now, context.settings.fatigueLimits) : []).map((warning) => ({
        person: directory.view(warning.accountId),
        role: warning.role,
        workedMs: warning.workedMs,
        limitMs: warning.limitMs,
        urgency: warning.urgency,
        message: named(warning.message),
      })),
      handoverBrief: handoverBrief(facts, now, { scale, displayName: directory.name }),
    },
    warnings,
  };
}
