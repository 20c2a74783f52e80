import { ValidationError } from '../errors';
import type { ImpactTimes } from '../impact-times';
import { DEFAULT_CLOCK_SKEW_MS, formatUtcMinute, type EpochMs } from '../time';

/**
 * Checks the impact end an incident manager gives when resolving: not in the future (beyond clock
 * skew), not before the impact started, and not before the incident was detected (a resolution
 * recorded before anyone knew of the incident would make time to recover shorter than time to
 * detect). Throws ValidationError on `impactEnd`.
 */
export function validateImpactEnd(impactEnd: EpochMs, times: Pick<ImpactTimes, 'impactStart' | 'detected'>, now: EpochMs, skewMs = DEFAULT_CLOCK_SKEW_MS): EpochMs {
  if (impactEnd > now + skewMs) {
    throw new ValidationError('impactEnd', `must not be in the future (${formatUtcMinute(impactEnd)} is after ${formatUtcMinute(now)})`);
  }
  if (times.impactStart !== undefined && impactEnd < times.impactStart) {
    throw new ValidationError('impactEnd', `must not be before the impact started (${formatUtcMinute(impactEnd)} is before ${formatUtcMinute(times.impactStart)})`);
  }
  if (times.detected !== undefined && impactEnd < times.detected) {
    throw new ValidationError('impactEnd', `must not be before the incident was detected (${formatUtcMinute(impactEnd)} is before ${formatUtcMinute(times.detected)})`);
  }
  return impactEnd;
}

/**
 * The label every cancelled incident (a false alarm) carries, so metrics and searches leave it
 * out with plain JQL: `labels != incident-cancelled` (Jira's status Cancelled says the same, but a
 * label survives a workflow whose cancel status is named differently).
 */
export const CANCELLED_LABEL = 'incident-cancelled';
