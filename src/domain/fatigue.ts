import { formatDuration, type DurationMs } from './duration';
import type { AccountId } from './identifiers';
import { currentHolders, roleLabel, timeOnIncident, type BuiltInRole, type RoleAssignment } from './roles';
import type { EpochMs } from './time';

const HOUR = 3_600_000;

/** How long a person may work the incident in each role before they should hand over. */
export type FatigueLimits = Readonly<Partial<Record<BuiltInRole, DurationMs>>>;

/** The default: an incident manager hands over after four hours on the incident. */
export const DEFAULT_FATIGUE_LIMITS: FatigueLimits = { 'incident-manager': 4 * HOUR };

/** How early to warn that a handover is coming, so the IM can line up who fills the role next. */
export const DEFAULT_HANDOVER_PLANNING_MS = 30 * 60_000;

/** Someone who has worked the incident long enough that their role should pass to someone fresh. */
export interface FatigueWarning {
  readonly accountId: AccountId;
  readonly role: BuiltInRole;
  readonly workedMs: DurationMs;
  readonly limitMs: DurationMs;
  readonly urgency: 'hand-over-now' | 'plan-handover';
  readonly message: string;
}

/**
 * Who should hand over: current holders of a limited role whose time on the incident (all roles,
 * overlaps counted once) has reached the limit, or will within `planAheadMs`. Most worked first.
 */
export function fatigue(
  assignments: readonly RoleAssignment[],
  now: EpochMs,
  limits: FatigueLimits = DEFAULT_FATIGUE_LIMITS,
  planAheadMs: DurationMs = DEFAULT_HANDOVER_PLANNING_MS,
): FatigueWarning[] {
  const worked = new Map(timeOnIncident(assignments, now).map((entry) => [entry.accountId, entry.ms]));
  const warnings: FatigueWarning[] = [];
  for (const [role, limitMs] of Object.entries(limits) as Array<[BuiltInRole, DurationMs]>) {
    for (const holder of currentHolders(assignments, role, now)) {
      const workedMs = worked.get(holder.accountId) ?? 0;
      if (workedMs + planAheadMs < limitMs) continue;
      const urgency = workedMs >= limitMs ? 'hand-over-now' : 'plan-handover';
      const advice = urgency === 'hand-over-now' ? 'hand over now' : `plan a handover within ${formatDuration(limitMs - workedMs)}`;
      warnings.push({
        accountId: holder.accountId,
        role,
        workedMs,
        limitMs,
        urgency,
        message: `${holder.accountId} has been on the incident for ${formatDuration(workedMs)} (limit for ${roleLabel(role)}: ${formatDuration(limitMs)}): ${advice}.`,
      });
    }
  }
  return warnings.sort((a, b) => b.workedMs - a.workedMs);
}
