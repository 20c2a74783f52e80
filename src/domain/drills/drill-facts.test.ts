import type { IncidentFacts } from '../incident';
import { drillFactsFrom } from './drill-facts';

const MINUTE = 60_000;
const start = Date.UTC(2026, 11, 6, 9, 0);
const at = (minutes: number) => start + minutes * MINUTE;

const facts: IncidentFacts = {
  key: 'HOT-7',
  summary: '[DRILL] Bitbucket pushes failing for customers',
  severity: 1,
  faultyService: 'Bitbucket',
  affectedProducts: ['Bitbucket Cloud'],
  status: 'resolved',
  roles: [
    { role: 'incident-manager', accountId: 'im-1', startedAt: at(3), endedAt: at(25) },
    { role: 'incident-manager', accountId: 'im-2', startedAt: at(25) },
    { role: 'tech-lead', accountId: 'tl-1', startedAt: at(6) },
    { role: 'communications-manager', accountId: 'cm-1', startedAt: at(7) },
  ],
  impactTimes: { impactStart: at(-5), detected: at(0), impactEnd: at(31) },
  channels: {},
  assessment: [],
  communications: [
    { kind: 'internal', phase: 'initial', at: at(11), nextUpdateAt: at(41) },
    { kind: 'external', phase: 'initial', at: at(12) },
    { kind: 'internal', phase: 'follow-up', at: at(30), nextUpdateAt: at(60) },
    { kind: 'internal', phase: 'final', at: at(33) },
  ],
  pages: [
    { purpose: 'incident-manager', target: 'Bitbucket IM', sentAt: at(0) },
    { purpose: 'escalation', target: 'Storage team', sentAt: at(14) },
  ],
  timeline: [],
  cleanupIssues: [],
};

describe('the facts a drill is scored on', () => {
  it('come from what the incident recorded: command, comms, escalation, roles, handover and the end of impact', () => {
    const drill = drillFactsFrom(facts, { startedAt: start, endedAt: at(35), ending: 'resolved', commsOpenedAt: at(5) });
    expect(drill).toEqual({
      startedAt: start,
      endedAt: at(35),
      ending: 'resolved',
      commandTakenAt: at(3),
      commsOpenedAt: at(5),
      initialCommsAt: at(11),
      firstEscalationAt: at(14),
      followUps: [
        { promisedBy: at(41), sentAt: at(30) },
        { promisedBy: at(60), sentAt: at(33) },
      ],
      updates: [],
      rolesDelegated: 2,
      handovers: 1,
      resolvedAt: at(31),
    });
  });

  it('ignore what happened before the drill started and leave an abandoned drill unresolved', () => {
    const drill = drillFactsFrom({ ...facts, roles: [{ role: 'incident-manager', accountId: 'im-1', startedAt: at(-1) }], communications: [], pages: [] }, { startedAt: start, endedAt: at(9), ending: 'abandoned' });
    expect(drill.commandTakenAt).toBeUndefined();
    expect(drill.resolvedAt).toBeUndefined();
    expect(drill.followUps).toEqual([]);
    expect(drill.rolesDelegated).toBe(0);
  });
});
