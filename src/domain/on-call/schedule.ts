import { ValidationError } from '../errors';
import type { IsoInstant } from './instants';
import { formatInstant, requireInstant } from './instants';
import type { Interval } from './restrictions';
import type { Roster } from './roster';
import { layerCoverageEndBefore, layerCoverageFrom, layerOnCallAt } from './rotation-layer';

/** What put someone on call: a rotation layer (by position) or an override (by position). */
export type OnCallSource = { readonly kind: 'layer'; readonly layerIndex: number } | { readonly kind: 'override'; readonly index: number };

/**
 * A stretch of the final schedule: one person, for one reason, without interruption. It starts
 * and ends where the person changes, where the reason changes (an override begins, a higher
 * layer's business hours end), or at a handoff even if the same person continues.
 */
export interface OnCallShift {
  readonly accountId: string;
  readonly source: OnCallSource;
  readonly shiftStart: IsoInstant;
  readonly shiftEnd: IsoInstant;
}

interface Segment extends Interval {
  readonly accountId: string;
  readonly source: OnCallSource;
}

const MAX_SHIFTS = 500;

// `natural` is the source's own span around `at`. Sources of higher precedence have nobody at
// `at` (or they would be the source), so the span runs from the latest moment one of them
// stopped until the earliest moment one of them starts.
function clip(natural: Interval, stops: readonly number[], starts: readonly number[]): Interval {
  return { start: Math.max(natural.start, ...stops), end: Math.min(natural.end, ...starts) };
}

function overrideStopsAndStarts(overrides: readonly Interval[], at: number): { stops: number[]; starts: number[] } {
  return {
    stops: overrides.filter((override) => override.end <= at).map((override) => override.end),
    starts: overrides.filter((override) => override.start > at).map((override) => override.start),
  };
}

function segmentAt(roster: Roster, at: number): Segment | undefined {
  const overrides = roster.overrides.map((override, index) => ({
    index,
    accountId: override.accountId,
    start: Date.parse(override.start),
    end: Date.parse(override.end),
  }));
  const override = overrides.findLast((candidate) => candidate.start <= at && at < candidate.end);
  if (override !== undefined) {
    const { index, accountId } = override;
    const newer = overrideStopsAndStarts(overrides.slice(index + 1), at);
    return { accountId, source: { kind: 'override', index }, ...clip(override, newer.stops, newer.starts) };
  }
  for (const [layerIndex, layer] of [...roster.layers.entries()].reverse()) {
    const stint = layerOnCallAt(layer, at);
    if (stint === undefined) continue;
    const higherLayers = roster.layers.slice(layerIndex + 1);
    const { stops, starts } = overrideStopsAndStarts(overrides, at);
    return {
      accountId: stint.accountId,
      source: { kind: 'layer', layerIndex },
      ...clip(
        stint,
        [...stops, ...higherLayers.map((higher) => layerCoverageEndBefore(higher, at))],
        [...starts, ...higherLayers.map((higher) => layerCoverageFrom(higher, at))],
      ),
    };
  }
  return undefined;
}

// Called only where nobody is on call, so the next coverage is whichever source starts first.
function nextCoverage(roster: Roster, after: number): number {
  const overrideStarts = roster.overrides.map((override) => Date.parse(override.start)).filter((start) => start > after);
  const layerStarts = roster.layers.map((layer) => layerCoverageFrom(layer, after));
  return Math.min(...overrideStarts, ...layerStarts);
}

function toShift(segment: Segment): OnCallShift {
  return {
    accountId: segment.accountId,
    source: segment.source,
    shiftStart: formatInstant(segment.start),
    shiftEnd: formatInstant(segment.end),
  };
}

/** Who the final schedule (layers, then overrides) has on call at `instant`, or undefined if nobody. */
export function whoIsOnCall(roster: Roster, instant: IsoInstant): OnCallShift | undefined {
  const segment = segmentAt(roster, requireInstant(instant, 'instant'));
  return segment === undefined ? undefined : toShift(segment);
}

/**
 * The next `count` shifts of the final schedule from `from`: the first is the one running at
 * `from` (if any), so a page can show "on call now" and "next". Hours with nobody on call are
 * skipped, not listed.
 */
export function nextShifts(roster: Roster, from: IsoInstant, count: number): OnCallShift[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_SHIFTS) {
    throw new ValidationError('count', `must be a whole number from 1 to ${MAX_SHIFTS}`);
  }
  const shifts: OnCallShift[] = [];
  let cursor = requireInstant(from, 'from');
  // Every layer is on call again within a week, so the cursor stays finite; the guard is cheap.
  while (shifts.length < count && Number.isFinite(cursor)) {
    const segment = segmentAt(roster, cursor);
    if (segment === undefined) {
      cursor = nextCoverage(roster, cursor);
      continue;
    }
    shifts.push(toShift(segment));
    cursor = segment.end;
  }
  return shifts;
}
