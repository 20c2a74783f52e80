import { loadConfiguration } from '../../app/configuration-store';
import { provisionFields } from '../../app/provision-fields';
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
    const { report } = await provisionFields({ store: s.store, catalog: s.catalog }, await loadConfiguration(s.store));
    for (const warning of report.warnings) console.warn(warning);
    await migrateIncidentMetrics(s);
  });
}
