import { sweepAlertSources } from '../../app/alerts/check-heartbeats';
import { intakeDeps } from '../adapters/alert-intake-services';
import { INVOCATION_LIMIT_MS } from '../adapters/invocation';
import { services } from '../composition';

/**
 * The hourly safety net of alert intake: alerts left waiting (a queue push that failed) are taken in,
 * overdue heartbeats raised. Hourly, because each accepted alert already queues its intake and its
 * heartbeat check at their instants; this only catches what a failure dropped.
 */
export async function sweepAlerts() {
  const report = await sweepAlertSources(intakeDeps(services(INVOCATION_LIMIT_MS.scheduled)));
  const opened = report.takenIn.flatMap((run) => run.incidentsOpened);
  if (opened.length > 0 || Object.values(report.heartbeats).includes('raised')) console.info(`Alert sweep: opened ${opened.join(', ') || 'none'}; heartbeats ${JSON.stringify(report.heartbeats)}`);
  return { statusCode: 204 };
}
