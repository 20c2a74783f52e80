import { RuleViolation, ValidationError } from '../errors';
import { formatUtcMinute } from '../time';
import type { IsoInstant } from './instants';
import { formatInstant, requireInstant } from './instants';
import type { Override } from './override';
import { overrideSchema } from './override';
import type { Roster } from './roster';
import { whoIsOnCall } from './schedule';
import { parseWith } from './validation';

/**
 * Adds an override (`{accountId, start, end, reason?}`, validated) as the newest one, so it wins
 * wherever it overlaps earlier overrides. Returns a new roster.
 */
export function addOverride(roster: Roster, override: unknown): Roster {
  const parsed: Override = parseWith(overrideSchema, override, { name: 'override', prefix: true });
  return { ...roster, overrides: [...roster.overrides, parsed] };
}

/** Removes the override at `index` (as listed in `roster.overrides`). Returns a new roster. */
export function removeOverride(roster: Roster, index: number): Roster {
  if (!Number.isInteger(index) || index < 0 || index >= roster.overrides.length) {
    throw new ValidationError('index', `must name one of the roster's ${roster.overrides.length} overrides`);
  }
  return { ...roster, overrides: roster.overrides.filter((_, position) => position !== index) };
}

/**
 * `accountId` takes over the shift running at `instant`: an override from `instant` to the end
 * of that final-schedule shift. The time already served stays with whoever served it.
 * Returns a new roster.
 */
export function takeShift(roster: Roster, accountId: string, instant: IsoInstant): Roster {
  const at = requireInstant(instant, 'instant');
  const current = whoIsOnCall(roster, instant);
  if (current === undefined) {
    throw new RuleViolation('take-shift-needs-a-shift', `Nobody is on call at ${formatUtcMinute(at)}, so there is no shift to take.`);
  }
  if (current.accountId === accountId) {
    throw new RuleViolation('take-shift-already-on-call', 'You are already on call for this shift.');
  }
  return addOverride(roster, {
    accountId,
    start: formatInstant(at),
    end: current.shiftEnd,
    reason: `Took over the shift from ${current.accountId}`,
  });
}
