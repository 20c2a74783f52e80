import { CHECKLIST_STEPS, buildChecklist, describeChecklistItem, nextStep, type ChecklistStep } from './checklist';
import type { IncidentFacts } from './incident';
import type { RoleAssignment } from './roles';
import { at, generateIncident } from './testing/generate-incident';
import type { TimelineEntry } from './timeline';

const NOW = at(30);

function step(facts: IncidentFacts, id: ChecklistStep, now = NOW): { state: string; reason: string } {
  const item = buildChecklist(facts, now).find((candidate) => candidate.step === id);
  if (item === undefined) throw new Error(`no ${id} step`);
  return { state: item.state, reason: item.reason };
}

const im: RoleAssignment = { role: 'incident-manager', accountId: 'alice', startedAt: at(5) };
const techLead: RoleAssignment = { role: 'tech-lead', accountId: 'bob', startedAt: at(10) };
const comms = (scope: 'internal' | 'external' | 'both'): RoleAssignment => ({ role: 'communications-manager', accountId: `cm-${scope}`, scope, startedAt: at(11) });
const internalOnly = [{ questionId: 'customer-impact' as const, answer: { audience: 'internal' as const, summary: 'Staff wiki down' }, answeredAt: at(8), by: 'alice' }];
const fixing = (overrides: Partial<IncidentFacts> = {}): IncidentFacts =>
  generateIncident({ status: 'fixing', assignee: 'alice', roles: [im], ...overrides });

describe('the IM checklist', () => {
  it("lists the handbook's ten steps in order", () => {
    expect(buildChecklist(generateIncident(), NOW).map((item) => item.name)).toEqual([
      'Detect',
      'Raise',
      'Open comms',
      'Assess',
      'Initial comms',
      'Escalate',
      'Delegate',
      'Follow-up comms',
      'Review',
      'Resolve',
    ]);
  });

  it('points a freshly raised incident at the first step still pending and describes it in one line', () => {
    const checklist = buildChecklist(generateIncident({ impactTimes: { detected: at(0) } }), NOW);
    const next = nextStep(checklist);
    expect(next?.step).toBe('raise');
    expect(next && describeChecklistItem(next)).toBe('Raise: pending — no incident manager paged yet');
  });

  it('has no next step when nothing is pending', () => {
    expect(nextStep(buildChecklist(generateIncident({ status: 'cancelled' }), NOW))).toBeUndefined();
  });

  it('leaves nothing pending on a cancelled incident but keeps what was done', () => {
    const checklist = buildChecklist(generateIncident({ status: 'cancelled', impactTimes: { detected: at(0) } }), NOW);
    expect(checklist.find((item) => item.step === 'detect')?.state).toBe('done');
    for (const item of checklist.filter((candidate) => candidate.step !== 'detect')) {
      expect([item.step, item.state, item.reason]).toEqual([item.step, 'not-applicable', 'incident cancelled as a false alarm']);
    }
    expect(checklist).toHaveLength(CHECKLIST_STEPS.length);
  });

  it('points a resolved incident at its final comms, not at steps missed while it ran', () => {
    const checklist = buildChecklist(fixing({ status: 'resolved', impactTimes: { impactEnd: at(20) } }), NOW);
    expect(nextStep(checklist)?.step).toBe('resolve');
    expect(checklist.find((item) => item.step === 'initial-comms')).toMatchObject({ state: 'not-applicable', reason: expect.stringContaining('worth raising in the postmortem') });
  });

  it('has nothing left to do on a closed incident', () => {
    const checklist = buildChecklist(fixing({ status: 'closed', impactTimes: { impactEnd: at(20) } }), NOW);
    expect(nextStep(checklist)).toBeUndefined();
  });
});

describe('Detect', () => {
  it('is pending until the detection time is recorded', () => {
    expect(step(generateIncident(), 'detect')).toEqual({ state: 'pending', reason: 'detection time not recorded' });
  });

  it('is pending until an affected product is selected', () => {
    expect(step(generateIncident({ impactTimes: { detected: at(0) }, affectedProducts: [] }), 'detect')).toEqual({
      state: 'pending',
      reason: 'no affected products selected',
    });
  });

  it('is done once detection time and affected products are known', () => {
    expect(step(generateIncident({ impactTimes: { detected: at(0) }, affectedProducts: ['Jira', 'Bitbucket'] }), 'detect')).toEqual({
      state: 'done',
      reason: 'detected at 2024-05-01 10:00 UTC; affects Jira, Bitbucket',
    });
  });
});

describe('Raise', () => {
  it('does not apply to Sev 3, which goes to the owning team without a page', () => {
    expect(step(generateIncident({ severity: 3 }), 'raise')).toEqual({
      state: 'not-applicable',
      reason: 'Sev 3 goes to the owning team in business hours; nobody is paged',
    });
  });

  it('is pending until the on-call incident manager is paged', () => {
    expect(step(generateIncident(), 'raise')).toEqual({ state: 'pending', reason: 'no incident manager paged yet' });
  });

  it('is pending while the page waits for acknowledgement', () => {
    const pages = [{ purpose: 'incident-manager' as const, target: 'Payments IMOC', sentAt: at(1) }];
    expect(step(generateIncident({ pages }), 'raise')).toEqual({
      state: 'pending',
      reason: 'paged Payments IMOC at 2024-05-01 10:01 UTC; waiting for acknowledgement',
    });
  });

  it('is done when the page is acknowledged', () => {
    const pages = [{ purpose: 'incident-manager' as const, target: 'IMOC', sentAt: at(1), acknowledgedAt: at(4) }];
    expect(step(generateIncident({ pages }), 'raise')).toEqual({ state: 'done', reason: 'page to IMOC acknowledged at 2024-05-01 10:04 UTC' });
  });

  it('is done when an incident manager has taken command, page or not', () => {
    expect(step(generateIncident({ assignee: 'alice' }), 'raise')).toEqual({ state: 'done', reason: 'incident manager alice has taken command' });
  });
});

describe('Open comms', () => {
  const channels = { chatRoom: 'https://chat.example.com/HOT-12', videoCall: 'https://meet.example.com/x', stateDocument: 'https://wiki.example.com/x' };

  it('is pending until an incident manager is assigned', () => {
    expect(step(generateIncident(), 'open-comms')).toEqual({ state: 'pending', reason: 'no incident manager assigned' });
  });

  it('is pending while the incident is still New', () => {
    expect(step(generateIncident({ assignee: 'alice' }), 'open-comms')).toEqual({ state: 'pending', reason: 'still New: move the incident to Fixing' });
  });

  it('is pending until a chat room is linked', () => {
    expect(step(fixing(), 'open-comms')).toEqual({ state: 'pending', reason: 'no chat room linked' });
  });

  it('is pending until a video call is linked', () => {
    expect(step(fixing({ channels: { chatRoom: channels.chatRoom } }), 'open-comms')).toEqual({ state: 'pending', reason: 'no video call linked' });
  });

  it('is pending until the incident state document is linked', () => {
    const partial = { chatRoom: channels.chatRoom, videoCall: channels.videoCall };
    expect(step(fixing({ channels: partial }), 'open-comms')).toEqual({ state: 'pending', reason: 'no incident state document linked' });
  });

  it('is done with all three channels linked', () => {
    expect(step(fixing({ channels }), 'open-comms')).toEqual({ state: 'done', reason: 'chat room, video call and incident state document linked' });
  });

  it('needs only a chat room for Sev 3', () => {
    expect(step(fixing({ severity: 3, channels: { chatRoom: channels.chatRoom } }), 'open-comms')).toEqual({ state: 'done', reason: 'chat room linked' });
  });
});

describe('Assess', () => {
  it('is pending with the next question to ask', () => {
    expect(step(fixing({ assessment: internalOnly }), 'assess')).toEqual({
      state: 'pending',
      reason: '1 of 6 questions answered; next: What are customers seeing?',
    });
  });

  it('is done once every question is answered, counting recorded start time and support cases', () => {
    const assessment = [
      ...internalOnly,
      { questionId: 'customer-experience' as const, answer: 'Errors', answeredAt: at(9), by: 'alice' },
      { questionId: 'customers-affected' as const, answer: { reach: 'all' as const }, answeredAt: at(9), by: 'alice' },
      { questionId: 'other-factors' as const, answer: { factors: [] }, answeredAt: at(9), by: 'alice' },
    ];
    expect(step(fixing({ assessment, impactTimes: { impactStart: at(-5) }, supportCaseCount: 2 }), 'assess')).toEqual({
      state: 'done',
      reason: 'all 6 questions answered',
    });
  });
});

describe('Initial comms', () => {
  const internal = { kind: 'internal' as const, phase: 'initial' as const, at: at(12) };
  const external = { kind: 'external' as const, phase: 'initial' as const, at: at(13) };

  it('is pending until the internal initial update is sent', () => {
    expect(step(fixing(), 'initial-comms')).toEqual({ state: 'pending', reason: 'no internal initial update sent' });
  });

  it('is pending until the external initial update is sent', () => {
    expect(step(fixing({ communications: [internal] }), 'initial-comms')).toEqual({ state: 'pending', reason: 'no external initial update sent' });
  });

  it('is done when both are sent', () => {
    expect(step(fixing({ communications: [internal, external] }), 'initial-comms')).toEqual({
      state: 'done',
      reason: 'internal and external initial updates sent',
    });
  });

  it('needs no external update when only internal customers are affected', () => {
    expect(step(fixing({ communications: [internal], assessment: internalOnly }), 'initial-comms')).toEqual({
      state: 'done',
      reason: 'internal initial update sent; no external customers affected',
    });
  });
});

describe('Escalate', () => {
  it('does not apply to Sev 3', () => {
    expect(step(fixing({ severity: 3 }), 'escalate')).toEqual({
      state: 'not-applicable',
      reason: 'Sev 3 is handled by the owning team; no teams are paged',
    });
  });

  it('is pending while nobody beyond the IM is on the incident', () => {
    expect(step(fixing(), 'escalate')).toEqual({ state: 'pending', reason: 'no team paged and no tech lead on the incident' });
  });

  it('is pending while an escalation page waits for acknowledgement', () => {
    const pages = [
      { purpose: 'escalation' as const, target: 'Database on-call', sentAt: at(14), acknowledgedAt: at(16) },
      { purpose: 'escalation' as const, target: 'Network on-call', sentAt: at(15) },
    ];
    expect(step(fixing({ pages }), 'escalate')).toEqual({
      state: 'pending',
      reason: 'paged Network on-call at 2024-05-01 10:15 UTC; waiting for acknowledgement',
    });
  });

  it('is done when every paged team has acknowledged', () => {
    const pages = [{ purpose: 'escalation' as const, target: 'Database on-call', sentAt: at(14), acknowledgedAt: at(16) }];
    expect(step(fixing({ pages }), 'escalate')).toEqual({ state: 'done', reason: 'Database on-call acknowledged' });
  });

  it('is done without a page when the first responders already include a tech lead', () => {
    expect(step(fixing({ roles: [im, techLead] }), 'escalate')).toEqual({
      state: 'done',
      reason: 'responders on the incident without paging more teams (tech lead bob)',
    });
  });
});

describe('Delegate', () => {
  it('is pending until a tech lead is delegated', () => {
    expect(step(fixing(), 'delegate')).toEqual({ state: 'pending', reason: 'no tech lead delegated' });
  });

  it('is pending until a communications manager is delegated', () => {
    expect(step(fixing({ roles: [im, techLead] }), 'delegate')).toEqual({ state: 'pending', reason: 'no communications manager delegated' });
  });

  it('is pending while internal communications have no manager', () => {
    expect(step(fixing({ roles: [im, techLead, comms('external')] }), 'delegate')).toEqual({
      state: 'pending',
      reason: 'no communications manager for internal communications',
    });
  });

  it('is pending while external communications have no manager', () => {
    expect(step(fixing({ roles: [im, techLead, comms('internal')] }), 'delegate')).toEqual({
      state: 'pending',
      reason: 'no communications manager for external communications',
    });
  });

  it('is done with a tech lead and communications covered, by one manager or two', () => {
    const done = { state: 'done', reason: 'tech lead and communications manager delegated' };
    expect(step(fixing({ roles: [im, techLead, comms('both')] }), 'delegate')).toEqual(done);
    expect(step(fixing({ roles: [im, techLead, comms('internal'), comms('external')] }), 'delegate')).toEqual(done);
    expect(step(fixing({ roles: [im, techLead, comms('internal')], assessment: internalOnly }), 'delegate')).toEqual(done);
  });

  it('needs only a tech lead for Sev 3', () => {
    expect(step(fixing({ severity: 3, roles: [im, techLead] }), 'delegate')).toEqual({ state: 'done', reason: 'tech lead bob' });
  });

  it('counts only current holders while active, and anyone who held the role once the incident is over', () => {
    const ended = { ...techLead, endedAt: at(20) };
    expect(step(fixing({ roles: [im, ended, comms('both')] }), 'delegate').state).toBe('pending');
    expect(step(fixing({ status: 'resolved', roles: [im, ended, comms('both')] }), 'delegate').state).toBe('done');
  });
});

describe('Follow-up comms', () => {
  const initial = { kind: 'internal' as const, phase: 'initial' as const, at: at(12) };
  const followUp = { kind: 'internal' as const, phase: 'follow-up' as const, at: at(40), nextUpdateAt: at(70) };

  it('is pending until initial comms are sent', () => {
    expect(step(fixing(), 'follow-up-comms')).toEqual({ state: 'pending', reason: 'initial comms not sent yet' });
  });

  it('is pending with the time the first follow-up is due', () => {
    expect(step(fixing({ communications: [initial] }), 'follow-up-comms')).toEqual({
      state: 'pending',
      reason: 'first follow-up due at 2024-05-01 10:42 UTC',
    });
  });

  it('is pending when an update is overdue', () => {
    expect(step(fixing({ communications: [initial] }), 'follow-up-comms', at(50))).toEqual({
      state: 'pending',
      reason: 'internal update was due at 2024-05-01 10:42 UTC (overdue by 8m)',
    });
  });

  it('is done while follow-ups keep to their cadence', () => {
    expect(step(fixing({ communications: [initial, followUp] }), 'follow-up-comms', at(45))).toEqual({
      state: 'done',
      reason: '1 follow-up update sent; next internal update due at 2024-05-01 11:10 UTC',
    });
  });

  it('is done after resolution when follow-ups were sent', () => {
    const resolved = fixing({ status: 'resolved', communications: [initial, followUp, { ...followUp, at: at(70) }] });
    expect(step(resolved, 'follow-up-comms', at(90))).toEqual({ state: 'done', reason: '2 follow-up updates sent' });
  });

  it('does not apply when the impact ended before a follow-up was due', () => {
    const quick = fixing({ status: 'resolved', communications: [initial], impactTimes: { impactEnd: at(30) } });
    expect(step(quick, 'follow-up-comms', at(60))).toEqual({ state: 'not-applicable', reason: 'impact ended before a follow-up was due' });
  });

  it('cannot be made up once the incident is over, and says so for the postmortem', () => {
    const missed = fixing({ status: 'resolved', communications: [initial], impactTimes: { impactEnd: at(120) } });
    expect(step(missed, 'follow-up-comms', at(130))).toEqual({
      state: 'not-applicable',
      reason: 'the incident is over; no follow-up was sent while it ran (worth raising in the postmortem)',
    });
  });
});

describe('Review', () => {
  const observation: TimelineEntry = { kind: 'observation', id: 'o1', at: at(10), by: 'alice', text: 'Errors at 40%' };
  const change: TimelineEntry = { kind: 'change', id: 'c1', at: at(20), by: 'alice', who: 'bob', what: 'Fail over to us-east' };

  it('is pending until an observation is recorded', () => {
    expect(step(fixing(), 'review')).toEqual({ state: 'pending', reason: 'no observations recorded on the timeline' });
  });

  it('is pending while a change has no revert plan', () => {
    expect(step(fixing({ timeline: [observation, change] }), 'review')).toEqual({
      state: 'pending',
      reason: 'change "Fail over to us-east" has no revert plan',
    });
  });

  it('is done when the team records what it sees and how to undo what it changes', () => {
    const theory: TimelineEntry = { kind: 'theory', id: 't1', at: at(12), by: 'bob', text: 'Regional fault' };
    expect(step(fixing({ timeline: [observation, theory, { ...change, revert: 'Fail back' }] }), 'review')).toEqual({
      state: 'done',
      reason: '1 observation, 1 theory, 1 change recorded',
    });
    expect(step(fixing({ timeline: [observation, { ...observation, id: 'o2' }] }), 'review').reason).toBe('2 observations, 0 theories, 0 changes recorded');
  });
});

describe('Resolve', () => {
  const finalInternal = { kind: 'internal' as const, phase: 'final' as const, at: at(70) };
  const finalExternal = { kind: 'external' as const, phase: 'final' as const, at: at(71) };
  const resolved = (overrides: Partial<IncidentFacts> = {}): IncidentFacts =>
    fixing({ status: 'resolved', impactTimes: { impactEnd: at(60) }, ...overrides });

  it('is pending while the impact is ongoing', () => {
    expect(step(fixing(), 'resolve')).toEqual({ state: 'pending', reason: 'impact is ongoing; record when it ends' });
  });

  it('is pending until a Fixing incident whose impact ended moves to Resolved', () => {
    expect(step(fixing({ impactTimes: { impactEnd: at(25) } }), 'resolve')).toEqual({
      state: 'pending',
      reason: 'impact ended at 2024-05-01 10:25 UTC; move the incident to Resolved',
    });
  });

  it('is pending until the final internal update is sent', () => {
    expect(step(resolved(), 'resolve', at(80))).toEqual({ state: 'pending', reason: 'final internal update not sent' });
  });

  it('is pending until the final external update is sent', () => {
    expect(step(resolved({ communications: [finalInternal] }), 'resolve', at(80))).toEqual({
      state: 'pending',
      reason: 'final external update not sent',
    });
  });

  it('is done when resolved with final comms sent, counting cleanup issues', () => {
    expect(step(resolved({ communications: [finalInternal, finalExternal], cleanupIssues: ['HOT-13'] }), 'resolve', at(80))).toEqual({
      state: 'done',
      reason: 'resolved and final comms sent; 1 cleanup issue linked',
    });
    expect(step(resolved({ communications: [finalInternal], assessment: internalOnly, status: 'closed' }), 'resolve', at(80))).toEqual({
      state: 'done',
      reason: 'resolved and final comms sent; 0 cleanup issues linked',
    });
  });
});
