import type { OnCallShiftView, RosterOnCall } from '../contracts/admin-page';
import { formatInstant } from '../domain/on-call/instants';
import { addOverride as addRosterOverride, takeShift as takeRosterShift } from '../domain/on-call/roster-changes';
import type { Roster } from '../domain/on-call/roster';
import { nextShifts, type OnCallShift } from '../domain/on-call/schedule';
import type { Configuration } from './configuration';
import { loadConfiguration, storeConfiguration } from './configuration-store';
import { NotFoundError } from './errors';
import type { AppStore, Clock } from './ports';

function shiftView(shift: OnCallShift | undefined): OnCallShiftView | null {
  if (shift === undefined) return null;
  return { accountId: shift.accountId, start: shift.shiftStart, end: shift.shiftEnd, source: shift.source.kind };
}

/** Who is on call in a roster now and who comes next (the next person, not the same person's next shift). */
export function rosterOnCall(config: Configuration, roster: Roster, at: number): RosterOnCall {
  const instant = formatInstant(at);
  const shifts = nextShifts(roster, instant, 20);
  const first = shifts[0];
  const current = first !== undefined && Date.parse(first.shiftStart) <= at ? first : undefined;
  const upcoming = shifts.find((shift) => shift !== current && shift.accountId !== current?.accountId);
  return {
    rosterId: roster.id,
    rosterName: roster.name,
    isImoc: config.imoc.rosterId === roster.id,
    now: shiftView(current),
    next: shiftView(upcoming),
  };
}

/** Who is on call now and next in every roster (or one). @throws NotFoundError for an unknown roster. */
export async function getOnCall(deps: { store: AppStore; clock: Clock }, rosterId?: string): Promise<{ at: string; rosters: RosterOnCall[] }> {
  const config = await loadConfiguration(deps.store);
  const at = deps.clock.now();
  const rosters = rosterId === undefined ? config.rosters : [requireRoster(config, rosterId)];
  return { at: formatInstant(at), rosters: rosters.map((roster) => rosterOnCall(config, roster, at)) };
}

/**
 * Adds an override to a roster (someone stands in from start to end) and stores it.
 *
 * @throws NotFoundError for an unknown roster; ValidationError for a bad override.
 */
export async function addOverride(deps: { store: AppStore; clock: Clock }, rosterId: string, override: unknown): Promise<RosterOnCall> {
  return changeRoster(deps, rosterId, (roster) => addRosterOverride(roster, override));
}

/**
 * The caller takes over the shift running now, until it ends.
 *
 * @throws NotFoundError for an unknown roster; RuleViolation when nobody is on call or the caller already is.
 */
export async function takeShift(deps: { store: AppStore; clock: Clock }, rosterId: string, accountId: string): Promise<RosterOnCall> {
  return changeRoster(deps, rosterId, (roster) => takeRosterShift(roster, accountId, formatInstant(deps.clock.now())));
}

async function changeRoster(deps: { store: AppStore; clock: Clock }, rosterId: string, change: (roster: Roster) => Roster): Promise<RosterOnCall> {
  const config = await loadConfiguration(deps.store);
  const changed = change(requireRoster(config, rosterId));
  const next: Configuration = { ...config, rosters: config.rosters.map((roster) => (roster.id === rosterId ? changed : roster)) };
  await storeConfiguration(deps.store, next);
  return rosterOnCall(next, changed, deps.clock.now());
}

function requireRoster(config: Configuration, rosterId: string): Roster {
  const roster = config.rosters.find((candidate) => candidate.id === rosterId);
  if (roster === undefined) throw new NotFoundError('Roster', rosterId);
  return roster;
}
