/**
 * Dead man's switch: a source marked as expecting a heartbeat every N minutes that has sent nothing
 * for longer raises an incident for its service, through intake like any alert (group
 * `heartbeat-missed`), so a second missed check records on the same incident instead of opening another.
 */
import { heartbeatDueAt, type AlertSource } from '../../domain/alerts/alert-source';
import type { AlertNotification } from '../../domain/alerts/alert';
import { formatUtcMinute } from '../../domain/time';
import { addToInbox, loadAlertSources, loadHeartbeat, saveHeartbeat, sourcesWithPendingInbox } from './alert-source-store';
import { takeInAlerts, type IntakeDeps, type IntakeReport } from './take-in-alerts';

export const HEARTBEAT_GROUP_KEY = 'heartbeat-missed';

export function missedHeartbeatNotification(source: AlertSource, lastAt: number, dueAt: number): AlertNotification {
  return {
    groupKey: HEARTBEAT_GROUP_KEY,
    status: 'firing',
    truncatedAlerts: 0,
    alerts: [
      {
        fingerprint: `heartbeat-${lastAt}`,
        status: 'firing',
        title: `No heartbeat from ${source.name} for ${source.heartbeatMinutes ?? 0} minutes`,
        labels: { alertname: 'HeartbeatMissing', source: source.id },
        annotations: { description: `${source.name} last sent a notification at ${formatUtcMinute(lastAt)}; it is expected every ${source.heartbeatMinutes ?? 0} minutes. Monitoring itself may be down.` },
        values: {},
        startsAt: dueAt,
        links: {},
      },
    ],
  };
}

/** Raises the missed-heartbeat alert of one source when it is overdue and not yet raised for this silence. */
export async function checkHeartbeat(deps: IntakeDeps, sourceId: string): Promise<'alive' | 'raised' | 'already-raised' | 'not-expected'> {
  const [sources, heartbeat] = await Promise.all([loadAlertSources(deps.store), loadHeartbeat(deps.store, sourceId)]);
  const source = sources.find((candidate) => candidate.id === sourceId);
  // A source that never sent anything has not started its heartbeat yet.
  if (source === undefined || heartbeat === undefined) return 'not-expected';
  const due = heartbeatDueAt(source, heartbeat.lastAt);
  if (due === undefined) return 'not-expected';
  const now = deps.clock.now();
  if (now < due) return 'alive';
  if (heartbeat.missedAt !== undefined && heartbeat.missedAt >= heartbeat.lastAt) return 'already-raised';
  await addToInbox(deps.store, source.id, { receivedAt: now, deliveryId: `heartbeat-${heartbeat.lastAt}`, notification: missedHeartbeatNotification(source, heartbeat.lastAt, due) });
  await saveHeartbeat(deps.store, source.id, { lastAt: heartbeat.lastAt, missedAt: now });
  await takeInAlerts(deps, source.id);
  return 'raised';
}

/** The safety net, on a schedule: every source with notifications left waiting is taken in, every overdue heartbeat checked. */
export async function sweepAlertSources(deps: IntakeDeps): Promise<{ takenIn: IntakeReport[]; heartbeats: Record<string, string> }> {
  const [sources, pending] = await Promise.all([loadAlertSources(deps.store), sourcesWithPendingInbox(deps.store)]);
  const takenIn = await Promise.all(pending.filter((id) => sources.some((source) => source.id === id)).map((id) => takeInAlerts(deps, id)));
  const heartbeats: Record<string, string> = {};
  for (const source of sources.filter((candidate) => candidate.heartbeatMinutes !== undefined)) heartbeats[source.id] = await checkHeartbeat(deps, source.id);
  return { takenIn, heartbeats };
}
