import type { DurationMs } from '../duration';
import type { IncidentFacts, SentCommunication } from '../incident';
import type { EpochMs } from '../time';
import { isActive } from '../workflow';

/** How often updates go out when the last one did not promise a time. */
export const DEFAULT_UPDATE_INTERVAL_MS: DurationMs = 30 * 60_000;

/** The next update owed to one audience. */
export interface UpdateDue {
  readonly kind: SentCommunication['kind'];
  readonly at: EpochMs;
  readonly overdueByMs: DurationMs;
  readonly after: SentCommunication;
}

/**
 * The earliest update still owed while the incident is active: per audience, the time the latest
 * message promised, or that message's time plus `intervalMs`. None before the first message or after the final one.
 */
export function nextUpdateDue(
  facts: Pick<IncidentFacts, 'status' | 'communications'>,
  now: EpochMs,
  intervalMs: DurationMs = DEFAULT_UPDATE_INTERVAL_MS,
): UpdateDue | undefined {
  if (!isActive(facts.status)) return undefined;
  const due: UpdateDue[] = [];
  for (const kind of ['internal', 'external'] as const) {
    const sent = facts.communications.filter((c) => c.kind === kind).sort((a, b) => a.at - b.at);
    const latest = sent.at(-1);
    if (latest === undefined || latest.phase === 'final') continue;
    const at = latest.nextUpdateAt ?? latest.at + intervalMs;
    due.push({ kind, at, overdueByMs: Math.max(0, now - at), after: latest });
  }
  return due.sort((a, b) => a.at - b.at)[0];
}
