import { at, generateIncident } from '../testing/generate-incident';
import { nextUpdateDue } from './cadence';

describe('when the next update is due', () => {
  it('is not due before the first message', () => {
    expect(nextUpdateDue(generateIncident({ status: 'fixing' }), at(10))).toBeUndefined();
  });

  it('is due 30 minutes after the latest message by default, and reports how overdue it is', () => {
    const incident = generateIncident({ status: 'fixing', communications: [{ kind: 'internal', phase: 'initial', at: at(10) }] });
    expect(nextUpdateDue(incident, at(20))).toMatchObject({ kind: 'internal', at: at(40), overdueByMs: 0 });
    expect(nextUpdateDue(incident, at(55))?.overdueByMs).toBe(15 * 60_000);
    expect(nextUpdateDue(incident, at(20), 60 * 60_000)?.at).toBe(at(70));
  });

  it('is due when the latest message promised, and the earliest audience comes first', () => {
    const incident = generateIncident({
      status: 'fixing',
      communications: [
        { kind: 'internal', phase: 'initial', at: at(10), nextUpdateAt: at(60) },
        { kind: 'external', phase: 'initial', at: at(12) },
        { kind: 'external', phase: 'follow-up', at: at(30), nextUpdateAt: at(50) },
      ],
    });
    expect(nextUpdateDue(incident, at(35))).toMatchObject({ kind: 'external', at: at(50) });
  });

  it('is not due for an audience that has had its final message, nor once the incident is over', () => {
    const communications = [
      { kind: 'internal' as const, phase: 'initial' as const, at: at(10) },
      { kind: 'internal' as const, phase: 'final' as const, at: at(50) },
    ];
    expect(nextUpdateDue(generateIncident({ status: 'fixing', communications }), at(90))).toBeUndefined();
    expect(nextUpdateDue(generateIncident({ status: 'resolved', communications: communications.slice(0, 1) }), at(90))).toBeUndefined();
  });
});
