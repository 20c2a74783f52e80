import { buildChecklist, nextStep } from './checklist';
import { checkUpdate } from './comms/check-update';
import { parseUpdateText } from './comms/parse-update-text';
import { finalInternalMessage, initialExternalMessage, initialInternalMessage } from './comms/templates';
import { encodeIncidentFacts, parseIncidentFacts, type IncidentFacts } from './incident';
import { assignRole } from './roles';
import { parseInstant } from './time';
import { assertTransition } from './workflow';

const t = (iso: string): number => parseInstant(iso, 'at');

describe('an incident through the domain', () => {
  it('walks an incident from raise to resolve, the checklist following the facts', () => {
    let facts: IncidentFacts = parseIncidentFacts(
      {
        key: 'HOT-7',
        summary: 'Bitbucket pushes fail',
        severity: 2,
        faultyService: 'Bitbucket',
        affectedProducts: ['Bitbucket Cloud'],
        status: 'new',
        impactTimes: { impactStart: '2024-05-01T09:50:00Z', detected: '2024-05-01T10:00:00Z' },
        pages: [{ purpose: 'incident-manager', target: 'Bitbucket IMOC', sentAt: '2024-05-01T10:01:00Z' }],
      },
      t('2024-05-01T10:02:00Z'),
    );
    expect(nextStep(buildChecklist(facts, t('2024-05-01T10:02:00Z')))?.reason).toBe(
      'paged Bitbucket IMOC at 2024-05-01 10:01 UTC; waiting for acknowledgement',
    );

    const tookCommand = t('2024-05-01T10:05:00Z');
    facts = { ...facts, assignee: 'alice', roles: assignRole(facts.roles, { role: 'incident-manager', accountId: 'alice' }, tookCommand) };
    facts = { ...facts, status: assertTransition(facts, 'fixing', tookCommand, 'alice').to };
    expect(nextStep(buildChecklist(facts, tookCommand))?.reason).toBe('no chat room linked');

    expect(initialInternalMessage(facts).title).toBe('HOT-7 - Sev 2 - Bitbucket pushes fail');
    expect(initialExternalMessage(facts).body).toBe('We are investigating issues with Bitbucket Cloud and will provide updates here soon.');

    const update = parseUpdateText('Pushes fail for some repositories.\n\nCurrent Status\n- Storage node degraded\n');
    expect(checkUpdate(update).complete).toBe(false);

    const ended = t('2024-05-01T11:05:00Z');
    facts = { ...facts, impactTimes: { ...facts.impactTimes, impactEnd: ended } };
    facts = { ...facts, status: assertTransition(facts, 'resolved', ended, 'alice').to };
    expect(finalInternalMessage(facts).body).toContain('Duration: 1h 15m');
    expect(parseIncidentFacts(encodeIncidentFacts(facts), ended)).toEqual(facts);
  });
});
