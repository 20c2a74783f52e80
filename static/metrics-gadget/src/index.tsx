/**
 * The "Incident metrics" gadget in UI Kit (`render: native`): Jira draws it with its own Design
 * System and charts. One entry for both views: the figures, and the edit view Jira opens with
 * `entryPoint: 'edit'`, whose filter is saved as the gadget's configuration.
 */
import ForgeReconciler, { Spinner, useProductContext } from '@forge/react';
import { FilterEdit } from './filter-edit';
import { readMetricsFilter } from './metrics-format';
import { MetricsView } from './metrics-view';

function recordOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function MetricsGadget() {
  const context = useProductContext();
  if (context === undefined) return <Spinner label="Loading gadget" />;
  const extension = recordOf(context.extension);
  const filter = readMetricsFilter(extension['gadgetConfiguration']);
  return extension['entryPoint'] === 'edit' ? <FilterEdit filter={filter} /> : <MetricsView filter={filter} />;
}

ForgeReconciler.render(<MetricsGadget />);
