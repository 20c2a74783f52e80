import type { SeverityLevel } from '../severity';

/** A real-time Statuspage incident moves through these, in this order, as the response moves. */
export const STATUSPAGE_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type StatuspageStatus = (typeof STATUSPAGE_STATUSES)[number];

/** How bad a Statuspage incident is, as customers see it. */
export const STATUSPAGE_IMPACTS = ['none', 'minor', 'major', 'critical'] as const;
export type StatuspageImpact = (typeof STATUSPAGE_IMPACTS)[number];

/** What a component shows while an incident of this impact is open on it. */
export type ComponentStatus = 'operational' | 'degraded_performance' | 'partial_outage' | 'major_outage';

/** The impact an incident of each severity shows on a status page unless the administrator maps it otherwise. */
export const DEFAULT_IMPACT_BY_SEVERITY: Readonly<Record<SeverityLevel, StatuspageImpact>> = { 1: 'critical', 2: 'major', 3: 'minor' };

/** The phase of the response an update belongs to. */
export type UpdatePhase = 'initial' | 'follow-up' | 'final';

/**
 * The status an update gives the Statuspage incident: investigating at first, identified once the root
 * cause is known, monitoring once impact has ended, resolved with the final update. Never moves backwards.
 */
export function suggestedStatus(phase: UpdatePhase, facts: { rootCauseKnown: boolean; impactEnded: boolean }, current?: StatuspageStatus): StatuspageStatus {
  const wanted: StatuspageStatus = phase === 'final' ? 'resolved' : phase === 'initial' ? 'investigating' : facts.impactEnded ? 'monitoring' : facts.rootCauseKnown ? 'identified' : 'investigating';
  if (current === undefined) return wanted;
  return STATUSPAGE_STATUSES.indexOf(current) > STATUSPAGE_STATUSES.indexOf(wanted) ? current : wanted;
}

/** The status an affected component shows: back to operational once the incident is monitoring or resolved. */
export function componentStatus(status: StatuspageStatus, impact: StatuspageImpact): ComponentStatus {
  if (status === 'monitoring' || status === 'resolved' || impact === 'none') return 'operational';
  if (impact === 'critical') return 'major_outage';
  if (impact === 'major') return 'partial_outage';
  return 'degraded_performance';
}

/** The affected products' component ids on one page; products the administrator has not mapped are left out. */
export function affectedComponents(products: readonly string[], componentIds: Readonly<Record<string, string>>): string[] {
  return [...new Set(products.flatMap((product) => (componentIds[product] === undefined ? [] : [componentIds[product]])))];
}
