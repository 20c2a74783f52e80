import { z } from 'zod';
import { RuleViolation, ValidationError } from './errors';
import type { AccountId } from './identifiers';
import type { ImpactTimes } from './impact-times';
import type { EpochMs } from './time';

/** The statuses of the incident workflow; New is the initial status. */
export const INCIDENT_STATUSES = ['new', 'fixing', 'resolved', 'closed', 'cancelled'] as const;

/** Where an incident is in its workflow. Cancelled means a false alarm. */
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** Zod schema for an incident status. */
export const incidentStatusSchema = z.enum(INCIDENT_STATUSES, { error: 'must be new, fixing, resolved, closed or cancelled' });

const JIRA_STATUS_NAMES: Readonly<Record<IncidentStatus, string>> = {
  new: 'New',
  fixing: 'Fixing',
  resolved: 'Resolved',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

/** Which statuses each status may move to. Resolved → Fixing is a reopen. */
export const ALLOWED_TRANSITIONS: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  new: ['fixing', 'cancelled'],
  fixing: ['resolved', 'cancelled'],
  resolved: ['fixing', 'closed'],
  closed: [],
  cancelled: [],
};

/** The facts a transition is judged on; an IncidentFacts record satisfies it. */
export interface TransitionFacts {
  readonly status: IncidentStatus;
  readonly assignee?: AccountId;
  readonly impactTimes: Pick<ImpactTimes, 'impactEnd'>;
}

/** What a permitted transition records: a reopen is kept apart because postmortems ask about it. */
export interface TransitionRecord {
  readonly kind: 'reopened' | 'status-changed';
  readonly from: IncidentStatus;
  readonly to: IncidentStatus;
  readonly at: EpochMs;
  readonly by: AccountId;
}

/** The outcome of checking a transition: either the record to keep, or the rule it breaks. */
export type TransitionCheck =
  | { readonly ok: true; readonly record: TransitionRecord }
  | { readonly ok: false; readonly violation: RuleViolation };

/** The name Jira shows for a status, e.g. "Fixing". */
export function toJiraStatusName(status: IncidentStatus): string {
  return JIRA_STATUS_NAMES[status];
}

/** The status for a Jira status name (ignoring case and surrounding spaces); throws ValidationError for others. */
export function fromJiraStatusName(name: string, field = 'status'): IncidentStatus {
  const wanted = name.trim().toLowerCase();
  const match = INCIDENT_STATUSES.find((status) => JIRA_STATUS_NAMES[status].toLowerCase() === wanted);
  if (match === undefined) {
    throw new ValidationError(field, `"${name}" is not an incident status (${INCIDENT_STATUSES.map(toJiraStatusName).join(', ')})`);
  }
  return match;
}

/** The statuses an incident may move to from `from`. */
export function allowedTransitions(from: IncidentStatus): readonly IncidentStatus[] {
  return ALLOWED_TRANSITIONS[from];
}

function describeAllowed(from: IncidentStatus): string {
  const allowed = ALLOWED_TRANSITIONS[from];
  if (allowed.length === 0) return `${toJiraStatusName(from)} is final: no further moves are allowed.`;
  return `From ${toJiraStatusName(from)} it can move to ${allowed.map(toJiraStatusName).join(' or ')}.`;
}

/** Checks whether the incident may move to `to` now, by `by`; never throws for a refused move. */
export function checkTransition(facts: TransitionFacts, to: IncidentStatus, now: EpochMs, by: AccountId): TransitionCheck {
  const from = facts.status;
  const refuse = (rule: string, reason: string): TransitionCheck => ({ ok: false, violation: new RuleViolation(rule, reason) });
  if (from === to) {
    return refuse('already-in-status', `The incident is already ${toJiraStatusName(to)}. ${describeAllowed(from)}`);
  }
  if (!ALLOWED_TRANSITIONS[from].includes(to)) {
    return refuse(
      'transition-not-allowed',
      `An incident cannot move from ${toJiraStatusName(from)} to ${toJiraStatusName(to)}. ${describeAllowed(from)}`,
    );
  }
  if (to === 'fixing' && facts.assignee === undefined) {
    return refuse(
      'fixing-requires-incident-manager',
      'Assign an incident manager before moving to Fixing: the assignee shows who is in charge.',
    );
  }
  if (to === 'resolved' && facts.impactTimes.impactEnd === undefined) {
    return refuse('resolved-requires-impact-end', 'Record when the impact ended before moving to Resolved.');
  }
  const kind = from === 'resolved' && to === 'fixing' ? 'reopened' : 'status-changed';
  return { ok: true, record: { kind, from, to, at: now, by } };
}

/** Like checkTransition, but throws the RuleViolation for a refused move. */
export function assertTransition(facts: TransitionFacts, to: IncidentStatus, now: EpochMs, by: AccountId): TransitionRecord {
  const check = checkTransition(facts, to, now, by);
  if (!check.ok) throw check.violation;
  return check.record;
}

/** Whether the emergency response is still under way (New or Fixing). */
export function isActive(status: IncidentStatus): boolean {
  return status === 'new' || status === 'fixing';
}
