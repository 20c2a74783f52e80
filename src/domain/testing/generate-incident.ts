import type { IncidentFacts } from '../incident';
import type { EpochMs } from '../time';

/** 2024-05-01T10:00:00Z: the instant test incidents start from. */
export const T0: EpochMs = Date.parse('2024-05-01T10:00:00Z');

/** `n` minutes after T0. */
export const at = (minutesAfterT0: number): EpochMs => T0 + minutesAfterT0 * 60_000;

/** A valid, freshly raised Sev 2 incident; override any fact. */
export function generateIncident(overrides: Partial<IncidentFacts> = {}): IncidentFacts {
  return {
    key: 'HOT-12',
    summary: 'Checkout fails for EU customers',
    severity: 2,
    faultyService: 'Payments',
    affectedProducts: ['Jira'],
    status: 'new',
    roles: [],
    impactTimes: {},
    channels: {},
    assessment: [],
    communications: [],
    pages: [],
    timeline: [],
    cleanupIssues: [],
    ...overrides,
  };
}
