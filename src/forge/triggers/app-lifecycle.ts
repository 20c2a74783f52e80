import { loadConfiguration } from '../../app/configuration-store';
import { provisionFields } from '../../app/provision-fields';
import { provisionLinkTypes } from '../../app/learning/app-side';
import { JiraLinkedWork } from '../adapters/jira-linked-work';
import { JiraClient } from '../adapters/jira-client';
import { asApp } from '@forge/api';
import { INVOCATION_LIMIT_MS } from '../adapters/invocation';
import { services } from '../composition';
import { migrateIncidentMetrics } from './incident-metrics';
import { withPlatformRetry } from './platform-retry';

/**
 * `avi:forge:installed:app` and `avi:forge:upgraded:app`: create or repair the incident select
 * fields, sync their options with the configuration, and store the field ids so the hot paths
 * never look them up.
 */
export async function onAppInstalledOrUpgraded() {
  return withPlatformRetry('Provisioning the incident fields', async () => {
    const s = services(INVOCATION_LIMIT_MS.event);
    // The cleanup and postmortem link types are provisioned alongside the fields.
    const linkTypes = new JiraLinkedWork(new JiraClient((path, init) => asApp().requestJira(path, init), s.clock, s.deadline));
    const [{ report }] = await Promise.all([provisionFields({ store: s.store, catalog: s.catalog }, await loadConfiguration(s.store)), provisionLinkTypes(linkTypes)]);
    for (const warning of report.warnings) console.warn(warning);
    await migrateIncidentMetrics(s);
  });
}
