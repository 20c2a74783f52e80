import { DISCIPLINE_QUESTIONS, disciplinePrompts } from './discipline';
import type { IncidentFacts } from './incident';
import type { RoleAssignment } from './roles';
import { at, generateIncident } from './testing/generate-incident';
import type { TimelineEntry } from './timeline';

const NOW = at(40);
const chatRoom = 'https://chat.example.com/HOT-12';
const im: RoleAssignment = { role: 'incident-manager', accountId: 'alice', startedAt: at(5) };
const techLead: RoleAssignment = { role: 'tech-lead', accountId: 'bob', startedAt: at(6) };
const recent: TimelineEntry = { kind: 'observation', id: 'o1', at: at(35), by: 'alice', text: 'Errors at 40%' };
const theory: TimelineEntry = { kind: 'theory', id: 't1', at: at(36), by: 'bob', text: 'Regional fault' };

// A Fixing incident with nothing amiss, so each test adds exactly the fact it is about.
const calm = (overrides: Partial<IncidentFacts> = {}): IncidentFacts =>
  generateIncident({
    status: 'fixing',
    assignee: 'alice',
    roles: [im, techLead],
    channels: { chatRoom },
    impactTimes: { detected: at(0) },
    timeline: [recent, theory, { kind: 'experiment', id: 'e1', at: at(37), by: 'bob', text: 'Fail over', theoryId: 't1', outcome: 'disproved', concludedAt: at(38) }],
    ...overrides,
  });

const prompts = (facts: IncidentFacts, now = NOW): Array<[string, string]> =>
  disciplinePrompts(facts, now).map((p) => [p.topic, p.prompt]);

describe('discipline prompts', () => {
  it('raise nothing when the facts show nothing amiss', () => {
    expect(disciplinePrompts(calm(), NOW)).toEqual([]);
  });

  it("carry the handbook's question with each prompt", () => {
    const [prompt] = disciplinePrompts(calm({ channels: {} }), NOW);
    expect(prompt).toEqual({ topic: 'communication', question: 'Is the team communicating effectively?', prompt: 'No chat room is linked: where is the team talking?' });
    expect(Object.values(DISCIPLINE_QUESTIONS)).toContain("Are we making changes intentionally and carefully? Do we know what changes we're making?");
  });

  it('ask about communication when an update is overdue', () => {
    const communications = [{ kind: 'internal' as const, phase: 'initial' as const, at: at(2) }];
    expect(prompts(calm({ communications }))).toEqual([
      ['communication', 'The next internal update was due at 2024-05-01 10:32 UTC and is 8m overdue.'],
    ]);
  });

  it('ask about communication when nothing has been recorded for half an hour', () => {
    expect(prompts(calm(), at(70))).toEqual([
      ['communication', 'Nothing has been recorded on the timeline for 33m: note observations, changes and decisions as they happen.'],
    ]);
    expect(prompts(calm({ timeline: [] }), at(30))).toEqual([
      ['communication', 'Nothing has been recorded on the timeline for 30m: note observations, changes and decisions as they happen.'],
    ]);
  });

  it('list the open streams of work', () => {
    expect(prompts(calm({ timeline: [recent, theory] }))).toEqual([['streams', '1 open stream of work: Theory "Regional fault" is untested.']]);
    const second: TimelineEntry = { ...theory, id: 't2', text: 'Bad deploy' };
    expect(prompts(calm({ timeline: [recent, theory, second] }))[0]?.[1]).toMatch(/^2 open streams of work: /);
  });

  it('ask for theories when there are only observations', () => {
    expect(prompts(calm({ timeline: [recent] }))).toEqual([['streams', 'Observations are recorded but there is no theory yet: why is it happening?']]);
  });

  it('ask for a decision after a theory is confirmed', () => {
    const confirmed: TimelineEntry = { kind: 'experiment', id: 'e1', at: at(37), by: 'bob', text: 'Fail over', theoryId: 't1', outcome: 'confirmed', concludedAt: at(38) };
    expect(prompts(calm({ timeline: [recent, theory, confirmed] }))).toEqual([
      ['decisions', 'Theory "Regional fault" was confirmed at 2024-05-01 10:38 UTC but no decision has been recorded since.'],
    ]);
    const decision: TimelineEntry = { kind: 'decision', id: 'd1', at: at(39), by: 'alice', text: 'Keep traffic in us-east' };
    expect(prompts(calm({ timeline: [recent, theory, confirmed, decision] }))).toEqual([]);
  });

  it('ask how to undo a change recorded without a revert plan', () => {
    const change: TimelineEntry = { kind: 'change', id: 'c1', at: at(38), by: 'alice', who: 'bob', what: 'Flush CDN cache' };
    expect(prompts(calm({ timeline: [...calm().timeline, change] }))).toEqual([
      ['changes', 'Change "Flush CDN cache" by bob at 2024-05-01 10:38 UTC has no revert plan: do we know how to undo it?'],
    ]);
    expect(prompts(calm({ timeline: [...calm().timeline, { ...change, revert: 'Nothing to revert: cache refills' }] }))).toEqual([]);
  });

  it('ask who is in charge when nobody is assigned, or when the assignee is not the IM', () => {
    const { assignee: _assignee, ...unassigned } = calm();
    expect(prompts(unassigned)).toEqual([['roles', 'Nobody is assigned as incident manager: who is in charge?']]);
    expect(prompts(calm({ assignee: 'carol' }))).toEqual([
      ['roles', 'The Jira assignee carol is not the current incident manager alice: keep the assignee accurate.'],
    ]);
  });

  it('ask for a tech lead on a paging incident, but not on Sev 3', () => {
    expect(prompts(calm({ roles: [im] }))).toEqual([['roles', 'No tech lead is assigned: who is running the technical response?']]);
    expect(prompts(calm({ roles: [im], severity: 3 }))).toEqual([]);
  });

  it('suggest escalating further when a page stays unacknowledged for 15 minutes', () => {
    const pages = [{ purpose: 'escalation' as const, target: 'Database on-call', sentAt: at(20) }];
    expect(prompts(calm({ pages }))).toEqual([
      ['roles', 'The page to Database on-call sent at 2024-05-01 10:20 UTC is unacknowledged after 20m: escalate further?'],
    ]);
    expect(prompts(calm({ pages: [{ ...pages[0]!, sentAt: at(30) }] }))).toEqual([]);
  });

  it('pass on fatigue warnings', () => {
    const longIm: RoleAssignment = { role: 'incident-manager', accountId: 'alice', startedAt: at(-250) };
    expect(prompts(calm({ roles: [longIm, techLead] }))).toEqual([
      ['roles', 'alice has been on the incident for 4h 50m (limit for Incident Manager: 4h 00m): hand over now.'],
    ]);
  });

  it('stay quiet once the incident is no longer active', () => {
    expect(disciplinePrompts(calm({ status: 'resolved', channels: {} }), NOW)).toEqual([]);
  });
});
