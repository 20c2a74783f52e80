import { assessmentProgress, externalCustomersAffected } from './assessment';
import { DEFAULT_UPDATE_INTERVAL_MS, nextUpdateDue } from './comms/cadence';
import { formatDuration, type DurationMs } from './duration';
import type { IncidentFacts, SentCommunication } from './incident';
import { currentHolders, type Role, type RoleAssignment } from './roles';
import { DEFAULT_SEVERITY_SCALE, labelOf, shouldPage, type SeverityScale } from './severity';
import { formatUtcMinute, type EpochMs } from './time';
import { isActive } from './workflow';

/** The IM's steps, in the handbook's order. */
export const CHECKLIST_STEPS = [
  'detect',
  'raise',
  'open-comms',
  'assess',
  'initial-comms',
  'escalate',
  'delegate',
  'follow-up-comms',
  'review',
  'resolve',
] as const;

/** One of the IM's steps. */
export type ChecklistStep = (typeof CHECKLIST_STEPS)[number];

/** The step names the handbook uses. */
export const CHECKLIST_STEP_NAMES: Readonly<Record<ChecklistStep, string>> = {
  detect: 'Detect',
  raise: 'Raise',
  'open-comms': 'Open comms',
  assess: 'Assess',
  'initial-comms': 'Initial comms',
  escalate: 'Escalate',
  delegate: 'Delegate',
  'follow-up-comms': 'Follow-up comms',
  review: 'Review',
  resolve: 'Resolve',
};

/** Where a step stands. */
export type ChecklistState = 'done' | 'pending' | 'not-applicable';

/** A step's state, derived from the facts, with a one-line reason. */
export interface ChecklistItem {
  readonly step: ChecklistStep;
  readonly name: string;
  readonly state: ChecklistState;
  readonly reason: string;
}

/** Settings the checklist is judged by. */
export interface ChecklistOptions {
  readonly scale?: SeverityScale;
  readonly updateIntervalMs?: DurationMs;
}

type Verdict = Pick<ChecklistItem, 'state' | 'reason'>;
type Context = { facts: IncidentFacts; now: EpochMs; scale: SeverityScale; intervalMs: DurationMs; externalApplies: boolean };

const done = (reason: string): Verdict => ({ state: 'done', reason });
const pending = (reason: string): Verdict => ({ state: 'pending', reason });
const notApplicable = (reason: string): Verdict => ({ state: 'not-applicable', reason });

const sent = (facts: IncidentFacts, kind: SentCommunication['kind'], phase: SentCommunication['phase']): SentCommunication | undefined =>
  facts.communications.find((c) => c.kind === kind && c.phase === phase);

// While the incident runs, only who holds a role now counts; afterwards roles are ended, so anyone who held it counts.
function holders({ facts, now }: Context, role: Role): RoleAssignment[] {
  return isActive(facts.status) ? currentHolders(facts.roles, role, now) : facts.roles.filter((a) => a.role === role);
}

function detect({ facts }: Context): Verdict {
  const { detected } = facts.impactTimes;
  if (detected === undefined) return pending('detection time not recorded');
  if (facts.affectedProducts.length === 0) return pending('no affected products selected');
  return done(`detected at ${formatUtcMinute(detected)}; affects ${facts.affectedProducts.join(', ')}`);
}

function raise({ facts, scale }: Context): Verdict {
  if (!shouldPage(scale, facts.severity)) {
    return notApplicable(`${labelOf(scale, facts.severity)} goes to the owning team in business hours; nobody is paged`);
  }
  if (facts.assignee !== undefined) return done(`incident manager ${facts.assignee} has taken command`);
  const pages = facts.pages.filter((page) => page.purpose === 'incident-manager');
  const acknowledged = pages.find((page) => page.acknowledgedAt !== undefined);
  if (acknowledged?.acknowledgedAt !== undefined) {
    return done(`page to ${acknowledged.target} acknowledged at ${formatUtcMinute(acknowledged.acknowledgedAt)}`);
  }
  const last = pages.at(-1);
  if (last !== undefined) return pending(`paged ${last.target} at ${formatUtcMinute(last.sentAt)}; waiting for acknowledgement`);
  return pending('no incident manager paged yet');
}

function openComms({ facts, scale }: Context): Verdict {
  if (facts.assignee === undefined) return pending('no incident manager assigned');
  if (facts.status === 'new') return pending('still New: move the incident to Fixing');
  if (facts.channels.chatRoom === undefined) return pending('no chat room linked');
  // Minor incidents are worked by the owning team in business hours; a chat room is enough to keep the record.
  if (!shouldPage(scale, facts.severity)) return done('chat room linked');
  if (facts.channels.videoCall === undefined) return pending('no video call linked');
  if (facts.channels.stateDocument === undefined) return pending('no incident state document linked');
  return done('chat room, video call and incident state document linked');
}

function assess({ facts }: Context): Verdict {
  const known = {
    ...(facts.impactTimes.impactStart === undefined ? {} : { impactStart: facts.impactTimes.impactStart }),
    ...(facts.supportCaseCount === undefined ? {} : { supportCaseCount: facts.supportCaseCount }),
  };
  const progress = assessmentProgress(facts.assessment, known);
  if (progress.next !== undefined) {
    return pending(`${progress.answered} of ${progress.total} questions answered; next: ${progress.next.question}`);
  }
  return done(`all ${progress.total} questions answered`);
}

function initialComms({ facts, externalApplies }: Context): Verdict {
  if (sent(facts, 'internal', 'initial') === undefined) return pending('no internal initial update sent');
  if (!externalApplies) return done('internal initial update sent; no external customers affected');
  if (sent(facts, 'external', 'initial') === undefined) return pending('no external initial update sent');
  return done('internal and external initial updates sent');
}

function escalate(context: Context): Verdict {
  const { facts, scale } = context;
  if (!shouldPage(scale, facts.severity)) {
    return notApplicable(`${labelOf(scale, facts.severity)} is handled by the owning team; no teams are paged`);
  }
  const pages = facts.pages.filter((page) => page.purpose === 'escalation');
  const waiting = pages.find((page) => page.acknowledgedAt === undefined);
  if (waiting !== undefined) return pending(`paged ${waiting.target} at ${formatUtcMinute(waiting.sentAt)}; waiting for acknowledgement`);
  if (pages.length > 0) return done(`${pages.map((page) => page.target).join(', ')} acknowledged`);
  const [techLead] = holders(context, 'tech-lead');
  if (techLead !== undefined) return done(`responders on the incident without paging more teams (tech lead ${techLead.accountId})`);
  return pending('no team paged and no tech lead on the incident');
}

function delegate(context: Context): Verdict {
  const { facts, scale, externalApplies } = context;
  const techLeads = holders(context, 'tech-lead');
  if (techLeads.length === 0) return pending('no tech lead delegated');
  // A minor incident stays with the owning team; the IM can write its few updates.
  if (!shouldPage(scale, facts.severity)) return done(`tech lead ${techLeads.map((a) => a.accountId).join(', ')}`);
  const scopes = new Set(holders(context, 'communications-manager').map((a) => a.scope));
  if (scopes.size === 0) return pending('no communications manager delegated');
  const covers = (scope: 'internal' | 'external'): boolean => scopes.has('both') || scopes.has(scope);
  const uncovered = [...(covers('internal') ? [] : ['internal']), ...(externalApplies && !covers('external') ? ['external'] : [])];
  if (uncovered.length > 0) return pending(`no communications manager for ${uncovered.join(' or ')} communications`);
  return done('tech lead and communications manager delegated');
}

function followUpComms({ facts, now, intervalMs }: Context): Verdict {
  const firstInternal = sent(facts, 'internal', 'initial');
  const followUps = facts.communications.filter((c) => c.phase === 'follow-up');
  if (isActive(facts.status)) {
    if (firstInternal === undefined) return pending('initial comms not sent yet');
    const due = nextUpdateDue(facts, now, intervalMs);
    if (due !== undefined && due.overdueByMs > 0) {
      return pending(`${due.kind} update was due at ${formatUtcMinute(due.at)} (overdue by ${formatDuration(due.overdueByMs)})`);
    }
    const next = due === undefined ? '' : `; next ${due.kind} update due at ${formatUtcMinute(due.at)}`;
    if (followUps.length === 0) return pending(`first follow-up due at ${formatUtcMinute(due?.at ?? now)}`);
    return done(`${followUps.length} follow-up update${followUps.length === 1 ? '' : 's'} sent${next}`);
  }
  if (followUps.length > 0) return done(`${followUps.length} follow-up update${followUps.length === 1 ? '' : 's'} sent`);
  const { impactEnd } = facts.impactTimes;
  if (firstInternal !== undefined && impactEnd !== undefined && impactEnd <= (firstInternal.nextUpdateAt ?? firstInternal.at + intervalMs)) {
    return notApplicable('impact ended before a follow-up was due');
  }
  return notApplicable('the incident is over; no follow-up was sent while it ran (worth raising in the postmortem)');
}

function review({ facts }: Context): Verdict {
  const observations = facts.timeline.filter((entry) => entry.kind === 'observation').length;
  if (observations === 0) return pending('no observations recorded on the timeline');
  const unrevertable = facts.timeline.find((entry) => entry.kind === 'change' && entry.revert === undefined);
  if (unrevertable?.kind === 'change') return pending(`change "${unrevertable.what}" has no revert plan`);
  const theories = facts.timeline.filter((entry) => entry.kind === 'theory').length;
  const changes = facts.timeline.filter((entry) => entry.kind === 'change').length;
  return done(`${observations} observation${observations === 1 ? '' : 's'}, ${theories} theor${theories === 1 ? 'y' : 'ies'}, ${changes} change${changes === 1 ? '' : 's'} recorded`);
}

function resolve({ facts, externalApplies }: Context): Verdict {
  const { impactEnd } = facts.impactTimes;
  if (isActive(facts.status)) {
    if (impactEnd === undefined) return pending('impact is ongoing; record when it ends');
    return pending(`impact ended at ${formatUtcMinute(impactEnd)}; move the incident to Resolved`);
  }
  if (sent(facts, 'internal', 'final') === undefined) return pending('final internal update not sent');
  if (externalApplies && sent(facts, 'external', 'final') === undefined) return pending('final external update not sent');
  const cleanup = facts.cleanupIssues.length;
  return done(`resolved and final comms sent; ${cleanup} cleanup issue${cleanup === 1 ? '' : 's'} linked`);
}

const STEP_RULES: Readonly<Record<ChecklistStep, (context: Context) => Verdict>> = {
  detect,
  raise,
  'open-comms': openComms,
  assess,
  'initial-comms': initialComms,
  escalate,
  delegate,
  'follow-up-comms': followUpComms,
  review,
  resolve,
};

/**
 * The IM checklist derived from the facts alone: every step done, pending or not applicable, with a
 * reason. A cancelled incident (false alarm) leaves nothing pending.
 */
export function buildChecklist(facts: IncidentFacts, now: EpochMs, options: ChecklistOptions = {}): ChecklistItem[] {
  const context: Context = {
    facts,
    now,
    scale: options.scale ?? DEFAULT_SEVERITY_SCALE,
    intervalMs: options.updateIntervalMs ?? DEFAULT_UPDATE_INTERVAL_MS,
    externalApplies: externalCustomersAffected(facts.assessment) !== false,
  };
  return CHECKLIST_STEPS.map((step) => {
    const verdict = STEP_RULES[step](context);
    return { step, name: CHECKLIST_STEP_NAMES[step], ...afterTheResponse(facts.status, step, verdict) };
  });
}

// Once the response is over, a step that never happened is history for the postmortem, not a next
// step: a resolved incident only has its final comms left to do, a closed or cancelled one nothing.
function afterTheResponse(status: IncidentFacts['status'], step: ChecklistStep, verdict: Verdict): Verdict {
  if (status === 'cancelled' && verdict.state !== 'done') return notApplicable('incident cancelled as a false alarm');
  if (verdict.state !== 'pending' || isActive(status)) return verdict;
  if (status === 'resolved' && step === 'resolve') return verdict;
  if (status === 'closed' && step === 'resolve') return notApplicable(`closed with this left undone: ${verdict.reason}`);
  return notApplicable(`not done while the incident ran (${verdict.reason}); worth raising in the postmortem`);
}

/** The first pending step: what the IM should do next. */
export function nextStep(checklist: readonly ChecklistItem[]): ChecklistItem | undefined {
  return checklist.find((item) => item.state === 'pending');
}

/** One line for people, e.g. "Open comms: pending — no chat room linked". */
export function describeChecklistItem(item: ChecklistItem): string {
  return `${item.name}: ${item.state} — ${item.reason}`;
}
