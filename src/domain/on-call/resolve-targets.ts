import type { EscalationTarget } from './escalation-policy';
import type { IsoInstant } from './instants';
import { requireInstant } from './instants';
import type { Roster } from './roster';
import { whoIsOnCall } from './schedule';

/** A roster target that gave nobody to page, and why, so the caller can fall back to the IMOC. */
export interface UnresolvedRoster {
  readonly rosterId: string;
  readonly reason: 'nobody-on-call' | 'unknown-roster';
}

/** The people to page for a level, each once, in target order. */
export interface ResolvedTargets {
  readonly accountIds: readonly string[];
  readonly unresolved: readonly UnresolvedRoster[];
}

/** Turns a level's targets into account ids at `instant`: people as named, rosters by who is on call. */
export function resolveTargets(targets: readonly EscalationTarget[], rosters: readonly Roster[], instant: IsoInstant): ResolvedTargets {
  requireInstant(instant, 'instant');
  const accountIds = new Set<string>();
  const unresolved: UnresolvedRoster[] = [];
  for (const target of targets) {
    if (target.kind === 'user') {
      accountIds.add(target.accountId);
      continue;
    }
    const roster = rosters.find((candidate) => candidate.id === target.rosterId);
    const onCall = roster === undefined ? undefined : whoIsOnCall(roster, instant);
    if (onCall !== undefined) accountIds.add(onCall.accountId);
    else unresolved.push({ rosterId: target.rosterId, reason: roster === undefined ? 'unknown-roster' : 'nobody-on-call' });
  }
  return { accountIds: [...accountIds], unresolved };
}
