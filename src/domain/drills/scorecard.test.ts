import { HANDBOOK_SCENARIO } from './handbook-scenario';
import { scoreDrill, type DrillFacts } from './scorecard';

const MINUTE = 60_000;
const start = Date.UTC(2026, 11, 6, 9, 0);
const at = (minutes: number) => start + minutes * MINUTE;

const without = (facts: DrillFacts, ...keys: (keyof DrillFacts)[]): DrillFacts => Object.fromEntries(Object.entries(facts).filter(([key]) => !keys.includes(key as keyof DrillFacts))) as unknown as DrillFacts;

const wellRun: DrillFacts = {
  startedAt: start,
  endedAt: at(33),
  ending: 'resolved',
  commandTakenAt: at(2),
  commsOpenedAt: at(4),
  initialCommsAt: at(9),
  firstEscalationAt: at(13),
  followUps: [{ promisedBy: at(39), sentAt: at(31) }],
  updates: [
    { kind: 'initial', missing: [] },
    { kind: 'final', missing: [] },
  ],
  rolesDelegated: 2,
  handovers: 0,
  resolvedAt: at(33),
};

describe('a drill scorecard', () => {
  it('meets every target of the handbook scenario when the response runs to time', () => {
    const card = scoreDrill(wellRun, HANDBOOK_SCENARIO.targets);
    expect(card.lines.map((item) => [item.measure, item.actual, item.verdict])).toEqual([
      ['Take command', '2m', 'met'],
      ['Open comms', '4m', 'met'],
      ['Initial comms', '9m', 'met'],
      ['First escalation', '13m', 'met'],
      ['Follow-up 1', 'on time', 'met'],
      ['Update 1 (initial) completeness', 'complete', 'met'],
      ['Update 2 (final) completeness', 'complete', 'met'],
      ['Roles delegated', '2', 'met'],
      ['Handovers', '0', 'unscored'],
      ['Resolve', '33m', 'met'],
    ]);
    expect([card.met, card.scored]).toEqual([9, 9]);
  });

  it('names the handbook step of every line', () => {
    const steps = scoreDrill(wellRun, HANDBOOK_SCENARIO.targets).lines.map((item) => item.stepName);
    expect(steps).toEqual(['Raise', 'Open comms', 'Initial comms', 'Escalate', 'Follow-up comms', 'Initial comms', 'Resolve', 'Delegate', 'Delegate', 'Resolve']);
  });

  it('misses a step done late, never done, a late follow-up and an incomplete update', () => {
    const card = scoreDrill(
      { ...without(wellRun, 'commsOpenedAt'), commandTakenAt: at(7), followUps: [{ promisedBy: at(20), sentAt: at(27) }, { promisedBy: at(50) }], updates: [{ kind: 'initial', missing: ['impact', 'next update time'] }] },
      HANDBOOK_SCENARIO.targets,
    );
    const byMeasure = new Map(card.lines.map((item) => [item.measure, item]));
    expect(byMeasure.get('Take command')).toMatchObject({ actual: '7m', target: 'within 5m', verdict: 'missed' });
    expect(byMeasure.get('Open comms')).toMatchObject({ actual: 'not done', verdict: 'missed' });
    expect(byMeasure.get('Follow-up 1')).toMatchObject({ actual: '7m late', target: 'by the promised time (+5m)', verdict: 'missed' });
    expect(byMeasure.get('Follow-up 2')).toMatchObject({ actual: 'not sent', verdict: 'missed' });
    expect(byMeasure.get('Update 1 (initial) completeness')).toMatchObject({ actual: 'missing impact, next update time', verdict: 'missed' });
  });

  it('scores an abandoned drill as not resolved, saying how long it ran', () => {
    const card = scoreDrill({ ...without(wellRun, 'resolvedAt'), ending: 'abandoned', endedAt: at(18) }, HANDBOOK_SCENARIO.targets);
    expect(card.lines.at(-1)).toMatchObject({ measure: 'Resolve', actual: 'abandoned after 18m', verdict: 'missed' });
  });

  it('leaves measures without a target unscored', () => {
    const card = scoreDrill(wellRun, {});
    expect(card.scored).toBe(2);
    expect(card.lines.filter((item) => item.verdict === 'unscored').map((item) => item.target)).toContain('no target');
  });
});
