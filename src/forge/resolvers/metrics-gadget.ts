import { z } from 'zod';
import { METRICS_GADGET_RESOLVER_KEYS as KEYS, type MetricsFilterOptions } from '../../contracts/metrics-gadget';
import { loadConfiguration } from '../../app/configuration-store';
import { getIncidentMetrics } from '../../app/metrics/get-incident-metrics';
import { backfillIncidentMetrics } from '../../app/metrics/maintain-incident-metrics';
import { labelOf, SEVERITY_LEVELS } from '../../domain/severity';
import { metricsServices } from '../metrics-services';
import { defineResolvers, resolver } from './define-resolvers';

/** The "Incident metrics" gadget: its figures for a filter, the filter's choices, and (administrators) a rebuild from Jira. */
export const metricsGadgetResolver = defineResolvers({
  [KEYS.getIncidentMetrics]: resolver({
    access: 'signed-in',
    // The use case checks the filter and names the part it refuses.
    payload: z.strictObject({ filter: z.unknown() }),
    run: ({ services: s, payload }) => {
      const m = metricsServices(s);
      return getIncidentMetrics({ metrics: m.metrics, store: s.store, clock: s.clock, canBrowseProject: (key) => m.userSearch.canBrowseProject(key) }, payload.filter);
    },
  }),
  [KEYS.getFilterOptions]: resolver({
    access: 'signed-in',
    payload: z.strictObject({}),
    run: async ({ services: s }): Promise<MetricsFilterOptions> => {
      const config = await loadConfiguration(s.store);
      return {
        severities: SEVERITY_LEVELS.map((level) => ({ level, label: labelOf(config.severityScale, level) })),
        services: config.services.map((service) => service.name),
        products: [...config.products],
      };
    },
  }),
  [KEYS.rebuildIncidentMetrics]: resolver({
    access: 'administrator',
    action: 'rebuild the incident metrics from Jira',
    payload: z.strictObject({}),
    run: async ({ services: s }) => backfillIncidentMetrics(metricsServices(s), await loadConfiguration(s.store)),
  }),
});
