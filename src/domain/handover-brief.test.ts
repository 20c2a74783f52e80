import { handoverBrief } from './handover-brief';
import { at, generateIncident } from './testing/generate-incident';

const names: Record<string, string> = { alice: 'Alice', bob: 'Bob', dan: 'Dan', fay: 'Fay' };

describe('the handover brief', () => {
  const incident = generateIncident({
    key: 'HOT-12',
    severity: 1,
    summary: 'Checkout fails',
    status: 'fixing',
    assignee: 'alice',
    impactTimes: { impactStart: at(-5), detected: at(0) },
    roles: [
      { role: 'incident-manager', accountId: 'alice', startedAt: at(5) },
      { role: 'tech-lead', accountId: 'bob', startedAt: at(8) },
      { role: 'communications-manager', accountId: 'dan', scope: 'external', startedAt: at(9) },
      { role: 'custom:Scribe', accountId: 'fay', startedAt: at(10) },
      { role: 'tech-lead', accountId: 'erin', startedAt: at(1), endedAt: at(8) },
    ],
    assessment: [{ questionId: 'customer-impact', answer: { audience: 'external', summary: 'EU checkout fails' }, answeredAt: at(6), by: 'alice' }],
    timeline: [
      { kind: 'theory', id: 't1', at: at(12), by: 'bob', text: 'Regional fault' },
      { kind: 'change', id: 'c2', at: at(30), by: 'alice', who: 'bob', what: 'Flush CDN cache' },
      { kind: 'change', id: 'c1', at: at(20), by: 'alice', who: 'bob', what: 'Fail over to us-east', revert: 'Fail back' },
    ],
    communications: [{ kind: 'internal', phase: 'initial', at: at(15), nextUpdateAt: at(45) }],
  });

  it('summarises state, roles, open streams, changes, the next update and the next step', () => {
    expect(handoverBrief(incident, at(65), { displayName: (id) => names[id] ?? id })).toBe(
      [
        'HOT-12 - Sev 1 - Checkout fails',
        'Status: Fixing. Impact ongoing for 1h 10m (since 2024-05-01 09:55 UTC).',
        'Customer impact (external): EU checkout fails',
        '',
        'Roles:',
        '- Incident Manager: Alice (since 2024-05-01 10:05 UTC, 1h 00m)',
        '- Tech Lead: Bob (since 2024-05-01 10:08 UTC, 57m)',
        '- Communications Manager (external): Dan (since 2024-05-01 10:09 UTC, 56m)',
        '- Scribe: Fay (since 2024-05-01 10:10 UTC, 55m)',
        '',
        'Open streams of work:',
        '- Theory "Regional fault" is untested',
        '',
        'Changes made:',
        '- 2024-05-01 10:20 UTC Bob: Fail over to us-east (revert: Fail back)',
        '- 2024-05-01 10:30 UTC Bob: Flush CDN cache (revert: no plan recorded)',
        '',
        'Next update due: 2024-05-01 10:45 UTC (internal, overdue by 20m)',
        'Next step: Open comms: pending — no chat room linked',
      ].join('\n'),
    );
  });

  it('shows account ids when no names are given, and says when nothing is open or scheduled', () => {
    const quiet = generateIncident({ status: 'new', impactTimes: {} });
    expect(handoverBrief(quiet, at(5))).toBe(
      [
        'HOT-12 - Sev 2 - Checkout fails for EU customers',
        'Status: New. Impact start not recorded yet.',
        '',
        'Roles:',
        '- nobody holds a role',
        '',
        'Open streams of work:',
        '- none',
        '',
        'Next update due: none scheduled',
        'Next step: Detect: pending — detection time not recorded',
      ].join('\n'),
    );
  });

  it('reports how long the impact lasted once it ended, and that nothing is left when every step is settled', () => {
    const over = generateIncident({ status: 'cancelled', impactTimes: { impactStart: at(0), impactEnd: at(65) } });
    const brief = handoverBrief(over, at(90));
    expect(brief).toContain('Status: Cancelled. Impact ended at 2024-05-01 11:05 UTC after 1h 05m.');
    expect(brief).toContain('Next step: none; every step is done or not applicable');
    expect(handoverBrief(generateIncident({ impactTimes: { impactEnd: at(20) } }), at(30))).toContain('Impact ended at 2024-05-01 10:20 UTC.');
  });
});
