import { RuleViolation } from '../errors';
import type { IncidentFacts } from '../incident';
import { at, generateIncident } from '../testing/generate-incident';
import { thrownBy } from '../testing/thrown-by';
import {
  finalExternalMessage,
  finalInternalMessage,
  followUpExternalMessage,
  followUpInternalMessage,
  initialExternalMessage,
  initialInternalMessage,
} from './templates';

const incident = generateIncident({
  key: 'HOT-1234',
  severity: 1,
  summary: 'Checkout fails',
  faultyService: 'Payments',
  affectedProducts: ['Jira', 'Confluence'],
});

describe('initial communications', () => {
  it("follow the handbook's internal template", () => {
    expect(initialInternalMessage(incident)).toEqual({
      kind: 'internal',
      phase: 'initial',
      title: 'HOT-1234 - Sev 1 - Checkout fails',
      body: 'We are investigating an incident affecting Payments, Jira and Confluence. We will provide updates via email and Statuspage shortly.',
    });
  });

  it('say plainly when the affected service is not known yet', () => {
    const unknown = generateIncident({ faultyService: 'Unknown', affectedProducts: [] });
    expect(initialInternalMessage(unknown).body).toBe(
      'We are investigating an incident; the affected service is not known yet. We will provide updates via email and Statuspage shortly.',
    );
  });

  it("follow the handbook's external template", () => {
    expect(initialExternalMessage(incident)).toEqual({
      kind: 'external',
      phase: 'initial',
      title: 'Investigating issues with Jira and Confluence',
      body: 'We are investigating issues with Jira and Confluence and will provide updates here soon.',
    });
  });
});

describe('follow-up communications', () => {
  it('send the rendered internal update under the incident name', () => {
    const message = followUpInternalMessage(incident, {
      opening: 'Failover complete.',
      currentStatus: ['a', 'b'],
      nextSteps: [],
      affectedCustomers: {},
      nextUpdate: {},
    });
    expect(message.title).toBe('HOT-1234 - Sev 1 - Checkout fails');
    expect(message.body).toBe('Failover complete.\n\nCurrent Status\n- a\n- b');
  });

  it('keep external updates short: still working, the ETA if any, and the next update', () => {
    expect(followUpExternalMessage(incident).body).toBe(
      'We are continuing to work on issues with Jira and Confluence. We will provide another update here soon.',
    );
    expect(followUpExternalMessage(incident, { eta: '14:00 UTC', nextUpdateAt: at(90) }).body).toBe(
      'We are continuing to work on issues with Jira and Confluence. We expect to restore service by 14:00 UTC. We will provide another update by 2024-05-01 11:30 UTC.',
    );
  });
});

describe('final communications', () => {
  const resolved: IncidentFacts = {
    ...incident,
    status: 'resolved',
    impactTimes: { impactStart: at(-5), detected: at(0), impactEnd: at(60) },
    supportCaseCount: 14,
    cleanupIssues: ['HOT-1235', 'HOT-1236'],
    assessment: [
      { questionId: 'customer-impact', answer: { audience: 'external', summary: 'EU customers could not check out.' }, answeredAt: at(5), by: 'a' },
      { questionId: 'customers-affected', answer: { reach: 'some', count: 3000 }, answeredAt: at(5), by: 'a' },
      { questionId: 'other-factors', answer: { factors: ['social-media', 'data-loss'] }, answeredAt: at(5), by: 'a' },
    ],
  };

  it('recap impact, duration and support cases internally and say there will be no further communications', () => {
    expect(finalInternalMessage(resolved)).toEqual({
      kind: 'internal',
      phase: 'final',
      title: 'HOT-1234 - Sev 1 - Checkout fails',
      body: [
        'HOT-1234 is resolved.',
        'Impact: EU customers could not check out; some customers affected (3000).',
        'Duration: 1h 05m, from 2024-05-01 09:55 UTC to 2024-05-01 11:00 UTC.',
        'Support cases raised: 14.',
        'Other factors: social media and data loss.',
        'Cleanup is tracked in HOT-1235 and HOT-1236.',
        'This incident is resolved and there will be no further communications about it.',
      ].join('\n'),
    });
  });

  it('say what is not recorded rather than leaving it out', () => {
    const sparse: IncidentFacts = { ...incident, status: 'resolved', impactTimes: { impactEnd: at(60) } };
    expect(finalInternalMessage(sparse).body).toBe(
      [
        'HOT-1234 is resolved.',
        'Impact: not recorded.',
        'Impact ended at 2024-05-01 11:00 UTC; the start of impact was not recorded.',
        'Support cases raised: not recorded.',
        'This incident is resolved and there will be no further communications about it.',
      ].join('\n'),
    );
    const allCustomers: IncidentFacts = {
      ...sparse,
      assessment: [{ questionId: 'customers-affected', answer: { reach: 'all' }, answeredAt: at(5), by: 'a' }],
    };
    expect(finalInternalMessage(allCustomers).body).toContain('Impact: not recorded; all customers affected.');
  });

  it('tell customers service is restored and a postmortem will follow', () => {
    expect(finalExternalMessage(resolved).body).toBe(
      'This incident has been resolved and service to Jira and Confluence has been restored. We will follow up with a postmortem.',
    );
  });

  it('are refused until the impact end is recorded', () => {
    const error = thrownBy(() => finalInternalMessage(incident));
    expect(error).toBeInstanceOf(RuleViolation);
    expect(error).toMatchObject({ rule: 'final-comms-require-impact-end' });
    expect(thrownBy(() => finalExternalMessage(incident))).toBeInstanceOf(RuleViolation);
  });
});
