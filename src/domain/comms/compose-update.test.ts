import { prefillUpdate, reviewUpdate } from './compose-update';
import { checkExternalUpdate } from './external-check';
import { parseNextUpdateAt } from './next-update-time';
import { affectedComponents, componentStatus, suggestedStatus } from './statuspage-status';
import type { IncidentFacts } from '../incident';

const NOW = Date.UTC(2026, 4, 1, 10, 0);

const facts: IncidentFacts = {
  key: 'HOT-12',
  summary: 'Git pushes fail',
  severity: 1,
  faultyService: 'Git storage',
  affectedProducts: ['Bitbucket'],
  status: 'fixing',
  roles: [],
  impactTimes: { impactStart: NOW - 40 * 60_000, detected: NOW - 30 * 60_000 },
  channels: {},
  assessment: [],
  communications: [],
  pages: [],
  timeline: [],
  cleanupIssues: [],
};

describe('composing updates', () => {
  it('prefills the initial update with the handbook naming and a promised next update', () => {
    const texts = prefillUpdate('initial', facts, NOW, NOW + 30 * 60_000);
    expect(texts.title).toBe('HOT-12 - Sev 1 - Git pushes fail');
    expect(texts.externalTitle).toBe('Investigating issues with Bitbucket');
    expect(texts.internal).toContain('Next update: 10:30 UTC via email and Statuspage');
    expect(reviewUpdate('initial', texts, facts, NOW)).toMatchObject({ complete: true, nextUpdateAt: NOW + 30 * 60_000 });
  });

  it('names every gap of a follow-up skeleton, and accepts explicit unknowns', () => {
    const texts = prefillUpdate('follow-up', facts, NOW, NOW + 30 * 60_000);
    const gaps = reviewUpdate('follow-up', texts, facts, NOW).internalGaps.map((gap) => gap.field);
    expect(gaps).toEqual(['currentStatus', 'nextSteps', 'customerImpact']);
    const filled = texts.internal
      .replace('Current Status\n- \n- ', 'Current Status\n- Pushes fail\n- Rollback ready')
      .replace('Next Steps\n- \n- ', 'Next Steps\n- Roll back\n- Watch errors')
      .replace('Customer impact: ', 'Customer impact: nobody can push');
    expect(reviewUpdate('follow-up', { internal: filled, external: texts.external }, facts, NOW).complete).toBe(true);
    const noNext = filled.replace(/^Next update:.*$/m, '');
    expect(reviewUpdate('follow-up', { internal: noNext }, facts, NOW).internalGaps.map((gap) => gap.field)).toEqual(['nextUpdate.at', 'nextUpdate.where']);
  });

  it('recaps the final update with duration, time to detect and time to recovery', () => {
    const ended = { ...facts, impactTimes: { ...facts.impactTimes, impactEnd: NOW } };
    const texts = prefillUpdate('final', ended, NOW, NOW);
    expect(texts.internal).toContain('Time to detect: 10m');
    expect(texts.internal).toContain('Time to recovery: 40m');
    expect(texts.internal.split('\n').at(-1)).toBe('This incident is resolved and there will be no further communications about it.');
    expect(texts.external).toContain('postmortem');
  });

  it('keeps external updates short and free of internal identifiers', () => {
    expect(checkExternalUpdate('We are investigating issues with Bitbucket.', { issueKey: 'HOT-12', internalNames: ['Git storage'] })).toEqual([]);
    const gaps = checkExternalUpdate('HOT-12 (Sev 1): Git storage is down. One. Two. Three.', { issueKey: 'HOT-12', internalNames: ['Git storage'] }).map((gap) => gap.message);
    expect(gaps).toEqual([expect.stringContaining('short and sweet'), expect.stringContaining('HOT-12'), expect.stringContaining('severity'), expect.stringContaining('Git storage')]);
  });
});

describe('status page mapping', () => {
  it('moves investigating → identified → monitoring → resolved and never back', () => {
    expect(suggestedStatus('initial', { rootCauseKnown: false, impactEnded: false })).toBe('investigating');
    expect(suggestedStatus('follow-up', { rootCauseKnown: true, impactEnded: false })).toBe('identified');
    expect(suggestedStatus('follow-up', { rootCauseKnown: true, impactEnded: true })).toBe('monitoring');
    expect(suggestedStatus('follow-up', { rootCauseKnown: false, impactEnded: false }, 'identified')).toBe('identified');
    expect(suggestedStatus('final', { rootCauseKnown: false, impactEnded: true })).toBe('resolved');
  });

  it('shows affected components by impact and returns them to operational once monitoring', () => {
    expect(componentStatus('investigating', 'critical')).toBe('major_outage');
    expect(componentStatus('identified', 'minor')).toBe('degraded_performance');
    expect(componentStatus('monitoring', 'critical')).toBe('operational');
    expect(affectedComponents(['Bitbucket', 'Trello'], { Bitbucket: 'c1' })).toEqual(['c1']);
  });
});

describe('the promised next update time', () => {
  it('reads clock times, relative times and ISO instants', () => {
    expect(parseNextUpdateAt('10:30 UTC', NOW)).toBe(NOW + 30 * 60_000);
    expect(parseNextUpdateAt('09:00 UTC', NOW)).toBe(NOW + 23 * 3_600_000);
    expect(parseNextUpdateAt('in 45 minutes', NOW)).toBe(NOW + 45 * 60_000);
    expect(parseNextUpdateAt('2026-05-01T11:00:00Z', NOW)).toBe(NOW + 3_600_000);
    expect(parseNextUpdateAt('soon', NOW)).toBeUndefined();
  });
});
