import { z } from 'zod';
import type { DurationMs } from './duration';
import { ValidationError } from './errors';
import { fieldPath, parseWith } from './parse-input';
import { DEFAULT_CLOCK_SKEW_MS, formatUtcMinute, instantSchema, type EpochMs } from './time';

/** Zod schema for an incident's impact times; each is optional until it is known. */
export const impactTimesSchema = z
  .object({
    impactStart: instantSchema.exactOptional(),
    detected: instantSchema.exactOptional(),
    acknowledged: instantSchema.exactOptional(),
    impactEnd: instantSchema.exactOptional(),
  })
  .strict();

/** When impact started, when it was detected and acknowledged, and when it ended (epoch ms). */
export type ImpactTimes = z.output<typeof impactTimesSchema>;

/** The boundary form of impact times (ISO-8601 strings with offset). */
export type ImpactTimesInput = z.input<typeof impactTimesSchema>;

/** Tolerance for timestamps recorded on machines whose clocks run ahead. */
export interface ClockOptions {
  readonly clockSkewMs?: number;
}

const IMPACT_TIME_NAMES = ['impactStart', 'detected', 'acknowledged', 'impactEnd'] as const;

const LABELS: Record<(typeof IMPACT_TIME_NAMES)[number], string> = {
  impactStart: 'impact start',
  detected: 'detection',
  acknowledged: 'acknowledgement',
  impactEnd: 'impact end',
};

/**
 * Checks the order of impact times and that none lies in the future (beyond the clock skew);
 * returns the times unchanged or throws ValidationError naming the later field of a bad pair,
 * under `field` (an empty `field` names the time itself, e.g. `impactStart`).
 */
export function validateImpactTimes(
  times: ImpactTimes,
  now: EpochMs,
  options: ClockOptions = {},
  field = 'impactTimes',
): ImpactTimes {
  const skew = options.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS;
  for (const name of IMPACT_TIME_NAMES) {
    const at = times[name];
    if (at !== undefined && at > now + skew) {
      throw new ValidationError(fieldPath(field, [name]), `must not be in the future (${formatUtcMinute(at)} is after ${formatUtcMinute(now)})`);
    }
  }
  const { impactStart, detected, acknowledged, impactEnd } = times;
  requireOrder(impactStart, detected, 'impactStart', 'detected', field);
  requireOrder(impactStart, impactEnd, 'impactStart', 'impactEnd', field);
  requireOrder(detected, acknowledged, 'detected', 'acknowledged', field);
  return times;
}

function requireOrder(
  earlier: EpochMs | undefined,
  later: EpochMs | undefined,
  earlierName: keyof typeof LABELS,
  laterName: keyof typeof LABELS,
  field: string,
): void {
  if (earlier !== undefined && later !== undefined && later < earlier) {
    throw new ValidationError(
      fieldPath(field, [laterName]),
      `must not be before ${LABELS[earlierName]} (${formatUtcMinute(later)} is before ${formatUtcMinute(earlier)})`,
    );
  }
}

/** Parses impact times given as ISO-8601 strings and validates them against `now`. */
export function parseImpactTimes(input: unknown, now: EpochMs, options: ClockOptions = {}): ImpactTimes {
  return validateImpactTimes(parseWith(impactTimesSchema, input, 'impactTimes'), now, options);
}

/** The boundary form of impact times, which parseImpactTimes reads back. */
export function encodeImpactTimes(times: ImpactTimes): ImpactTimesInput {
  return z.encode(impactTimesSchema, times);
}

const between = (from: EpochMs | undefined, to: EpochMs | undefined): DurationMs | undefined =>
  from === undefined || to === undefined ? undefined : to - from;

/** Time to detect (TTD): detection minus impact start, when both are known. */
export function timeToDetect(times: ImpactTimes): DurationMs | undefined {
  return between(times.impactStart, times.detected);
}

/** Time to recover (TTR): impact end minus impact start, when both are known. */
export function timeToRecover(times: ImpactTimes): DurationMs | undefined {
  return between(times.impactStart, times.impactEnd);
}

/** Time to acknowledge (TTA): acknowledgement minus detection, when both are known. */
export function timeToAcknowledge(times: ImpactTimes): DurationMs | undefined {
  return between(times.detected, times.acknowledged);
}

/** Impact so far: from impact start to its end, or to `now` while it lasts. */
export function impactDuration(times: ImpactTimes, now: EpochMs): DurationMs | undefined {
  return between(times.impactStart, times.impactEnd ?? now);
}
