import { loadConfiguration } from '../../app/configuration-store';
import { projectIncident, reconcileIncidentMetrics } from '../../app/metrics/maintain-incident-metrics';
import type { IssueData } from '../../app/ports';
import { INVOCATION_LIMIT_MS } from '../adapters/invocation';
import { services, type Services } from '../composition';
import { metricsServices } from '../metrics-services';

/** Upserts the incident's metrics row from an issue event; another issue changes nothing. */
export async function projectIncidentMetrics(s: Services, issue: IssueData): Promise<void> {
  await projectIncident(metricsServices(s), await loadConfiguration(s.store), issue);
}

/** The reconcile schedule: re-reads the incidents Jira changed since the last run and repairs their rows. */
export async function reconcileMetrics() {
  const s = services(INVOCATION_LIMIT_MS.scheduled);
  const report = await reconcileIncidentMetrics(metricsServices(s), await loadConfiguration(s.store));
  if (report.incidents > 0) console.info(`Incident metrics reconcile: ${report.incidents} incident(s)${report.full ? ' (full rebuild)' : ''}`);
  return { statusCode: 204 };
}

/** On install and upgrade: the projection's tables through the migration runner. */
export async function migrateIncidentMetrics(s: Services): Promise<void> {
  await metricsServices(s).metrics.migrate();
}
