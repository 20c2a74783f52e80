import { DrillRepository, runIdFrom } from '../drills/drill-record';
import type { AppStore } from '../ports';
import type { Episode } from './paging-episodes';
import type { Recipient } from './paging-plan';

export { isDrill } from '../drills/drill-record';

/** Who a drill may page: its participants, and which of them play the incident manager. */
export interface DrillAudience {
  readonly everyone: readonly string[];
  readonly incidentManagers: readonly string[];
}

/** The participants of the drill an incident's labels name; nobody when its run cannot be found (a drill never falls back to the real on-call). */
export async function drillAudience(store: AppStore, labels: readonly string[]): Promise<DrillAudience> {
  const runId = runIdFrom(labels);
  const run = runId === undefined ? undefined : await new DrillRepository(store).run(runId);
  if (run === undefined) return { everyone: [], incidentManagers: [] };
  return {
    everyone: [...new Set(run.participants.map((participant) => participant.accountId))],
    incidentManagers: [...new Set(run.participants.filter((participant) => participant.part === 'incident-manager').map((participant) => participant.accountId))],
  };
}

/**
 * The recipients a page may really go to: everyone for a real incident; for a drill only its
 * participants, and only on the channels that reach that person inside the company (Jira, Slack).
 * A roster's PagerDuty service or a webhook reaches the real on-call, so a drill never uses them.
 */
export function onlyDrillAudience(episode: Pick<Episode, 'drillAudience'>, recipients: readonly Recipient[]): readonly Recipient[] {
  const audience = episode.drillAudience;
  if (audience === undefined) return recipients;
  return recipients.filter((recipient) => {
    const { destination } = recipient;
    if (destination.kind !== 'jira' && destination.kind !== 'slack') return false;
    return audience.includes(destination.accountId);
  });
}
