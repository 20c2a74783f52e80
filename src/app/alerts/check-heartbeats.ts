/**
 * Dead man's switch: a source marked as expecting a heartbeat every N minutes that has sent nothing
 * for longer raises an incident for its service, through intake like any alert (group
 * `heartbeat-missed`), so a second missed check records on the same incident instead of opening another.
 * When beats resume, the missed-heartbeat alert resolves on that incident (its IM is told; the
 * incident stays open for them to close).
 */
import { heartbeatDueAt, type AlertSource } from '../../domain/alerts/alert-source';
import type { AlertNotification } from '../../domain/alerts/alert';
import { formatUtcMinute } from '../../domain/time';
import { addToInbox, loadAlertSources, loadHeartbeat, loadMissedHeartbeat, removeMissedHeartbeat, saveMissedHeartbeat, sourcesWithPendingInbox } from './alert-source-store';
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

/** The missed-heartbeat alert again, resolved: the source beats again since `backAt`. */
export function heartbeatBackNotification(source: AlertSource, fingerprint: string, backAt: number): AlertNotification {
  return {
    groupKey: HEARTBEAT_GROUP_KEY,
    status: 'resolved',
    truncatedAlerts: 0,
    alerts: [
      {
        fingerprint,
        status: 'resolved',
        title: `Heartbeat from ${source.name} is back`,
        labels: { alertname: 'HeartbeatMissing', source: source.id },
        annotations: { description: `${source.name} sent a notification again at ${formatUtcMinute(backAt)}.` },
        values: {},
        endsAt: backAt,
        links: {},
      },
    ],
  };
}

/**
 * Raises the missed-heartbeat alert of one source when it is overdue and not yet raised for this
 * silence, and resolves it once the source beats again.
 */
export async function checkHeartbeat(deps: IntakeDeps, sourceId: string): Promise<'alive' | 'raised' | 'already-raised' | 'recovered' | 'not-expected'> {
  const [sources, heartbeat, missed] = await Promise.all([loadAlertSources(deps.store), loadHeartbeat(deps.store, sourceId), loadMissedHeartbeat(deps.store, sourceId)]);
  const source = sources.find((candidate) => candidate.id === sourceId);
  // A source that never sent anything has not started its heartbeat yet.
  if (source === undefined || heartbeat === undefined) return 'not-expected';
  const due = heartbeatDueAt(source, heartbeat.lastAt);
  if (due === undefined) return 'not-expected';
  const now = deps.clock.now();
  if (missed !== undefined && heartbeat.lastAt > missed.lastAt) {
    // Inbox first: if the run dies before the record goes, the next check resolves the same alert again, which intake treats as a repeat.
    await addToInbox(deps.store, source.id, { receivedAt: now, deliveryId: `heartbeat-back-${heartbeat.lastAt}`, notification: heartbeatBackNotification(source, missed.fingerprint, heartbeat.lastAt) });
    await removeMissedHeartbeat(deps.store, source.id);
    await takeInAlerts(deps, source.id);
    return 'recovered';
  }
  if (now < due) return 'alive';
  // Raised once per silence: the record (or, as stored before it existed, `missedAt` on the beat) says so.
  if (missed !== undefined || (heartbeat.missedAt !== undefined && heartbeat.missedAt >= heartbeat.lastAt)) return 'already-raised';
  const fingerprint = `heartbeat-${heartbeat.lastAt}`;
  await addToInbox(deps.store, source.id, { receivedAt: now, deliveryId: fingerprint, notification: missedHeartbeatNotification(source, heartbeat.lastAt, due) });
  // The beat itself is left alone: the web trigger may be writing a newer one right now.
  await saveMissedHeartbeat(deps.store, source.id, { fingerprint, lastAt: heartbeat.lastAt, raisedAt: now });
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
