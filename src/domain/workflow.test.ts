import { RuleViolation, ValidationError } from './errors';
import { thrownBy } from './testing/thrown-by';
import {
  INCIDENT_STATUSES,
  allowedTransitions,
  assertTransition,
  checkTransition,
  fromJiraStatusName,
  isActive,
  toJiraStatusName,
  type IncidentStatus,
  type TransitionFacts,
} from './workflow';

const NOW = Date.parse('2024-05-01T11:00:00Z');
const facts = (status: IncidentStatus, extra: Partial<TransitionFacts> = {}): TransitionFacts => ({
  status,
  assignee: 'im-1',
  impactTimes: {},
  ...extra,
});

function refusal(check: ReturnType<typeof checkTransition>): RuleViolation {
  if (check.ok) throw new Error('expected the transition to be refused');
  return check.violation;
}

describe('the incident workflow', () => {
  it('moves New → Fixing → Resolved → Closed and records each move', () => {
    const check = checkTransition(facts('new'), 'fixing', NOW, 'im-1');
    expect(check).toEqual({ ok: true, record: { kind: 'status-changed', from: 'new', to: 'fixing', at: NOW, by: 'im-1' } });
    expect(checkTransition(facts('fixing', { impactTimes: { impactEnd: NOW } }), 'resolved', NOW, 'im-1').ok).toBe(true);
    expect(checkTransition(facts('resolved'), 'closed', NOW, 'im-1').ok).toBe(true);
  });

  it('cancels a false alarm from New or Fixing', () => {
    expect(checkTransition({ status: 'new', impactTimes: {} }, 'cancelled', NOW, 'rep-1').ok).toBe(true);
    expect(checkTransition(facts('fixing'), 'cancelled', NOW, 'im-1').ok).toBe(true);
  });

  it('refuses Fixing without an incident manager, because the assignee shows who is in charge', () => {
    const violation = refusal(checkTransition({ status: 'new', impactTimes: {} }, 'fixing', NOW, 'someone'));
    expect(violation.rule).toBe('fixing-requires-incident-manager');
    expect(violation.reason).toBe('Assign an incident manager before moving to Fixing: the assignee shows who is in charge.');
  });

  it('refuses Resolved until the impact end time is recorded', () => {
    const violation = refusal(checkTransition(facts('fixing'), 'resolved', NOW, 'im-1'));
    expect(violation.rule).toBe('resolved-requires-impact-end');
    expect(violation.reason).toBe('Record when the impact ended before moving to Resolved.');
  });

  it('allows reopening a resolved incident and records it as a reopen', () => {
    const check = checkTransition(facts('resolved', { impactTimes: { impactEnd: NOW - 60_000 } }), 'fixing', NOW, 'im-2');
    expect(check).toEqual({ ok: true, record: { kind: 'reopened', from: 'resolved', to: 'fixing', at: NOW, by: 'im-2' } });
  });

  it('explains which moves are allowed when a move is illegal', () => {
    const violation = refusal(checkTransition(facts('new'), 'resolved', NOW, 'im-1'));
    expect(violation.rule).toBe('transition-not-allowed');
    expect(violation.reason).toBe('An incident cannot move from New to Resolved. From New it can move to Fixing or Cancelled.');
  });

  it('explains that Closed and Cancelled are final', () => {
    expect(refusal(checkTransition(facts('closed'), 'fixing', NOW, 'im-1')).reason).toBe(
      'An incident cannot move from Closed to Fixing. Closed is final: no further moves are allowed.',
    );
    expect(refusal(checkTransition(facts('cancelled'), 'new', NOW, 'im-1')).reason).toContain('Cancelled is final');
  });

  it('refuses a move to the status the incident already has', () => {
    const violation = refusal(checkTransition(facts('fixing'), 'fixing', NOW, 'im-1'));
    expect(violation.rule).toBe('already-in-status');
    expect(violation.reason).toBe('The incident is already Fixing. From Fixing it can move to Resolved or Cancelled.');
  });

  it('throws the violation from assertTransition and returns the record otherwise', () => {
    expect(thrownBy(() => assertTransition(facts('fixing'), 'resolved', NOW, 'im-1'))).toBeInstanceOf(RuleViolation);
    expect(assertTransition(facts('new'), 'fixing', NOW, 'im-1').kind).toBe('status-changed');
  });

  it('lists the allowed moves per status and treats New and Fixing as active', () => {
    expect(allowedTransitions('resolved')).toEqual(['fixing', 'closed']);
    expect(INCIDENT_STATUSES.filter(isActive)).toEqual(['new', 'fixing']);
  });
});

describe('Jira status names', () => {
  it('maps every status to its Jira name and back', () => {
    expect(INCIDENT_STATUSES.map(toJiraStatusName)).toEqual(['New', 'Fixing', 'Resolved', 'Closed', 'Cancelled']);
    for (const status of INCIDENT_STATUSES) expect(fromJiraStatusName(toJiraStatusName(status))).toBe(status);
  });

  it('reads Jira names regardless of case and surrounding spaces', () => {
    expect(fromJiraStatusName(' fixing ')).toBe('fixing');
  });

  it('refuses a status the workflow does not have', () => {
    const error = thrownBy(() => fromJiraStatusName('In Progress', 'fields.status'));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      field: 'fields.status',
      reason: '"In Progress" is not an incident status (New, Fixing, Resolved, Closed, Cancelled)',
    });
  });
});
