/** One bundle for both of the gadget's views: the list, and the edit view Jira opens with `entryPoint: 'edit'`. */
import { view } from '@forge/bridge';
import { useEffect, useState } from 'react';
import { ErrorState, LoadingState } from '../../shared-ui/page-states';
import { ConfigEdit } from './config-edit';
import { readGadgetConfig, type GadgetConfig } from './gadget-config';
import { IncidentsView } from './incidents-view';

type Placement = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; editing: boolean; configured: boolean; config: GadgetConfig };

function recordOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

export function GadgetApp() {
  const [placement, setPlacement] = useState<Placement>({ state: 'loading' });
  useEffect(() => {
    view.getContext().then(
      (context) => {
        const extension = recordOf(context.extension);
        const stored = extension['gadgetConfiguration'];
        const configured = Object.keys(recordOf(stored)).length > 0;
        setPlacement({ state: 'ready', editing: extension['entryPoint'] === 'edit', configured, config: readGadgetConfig(stored) });
      },
      (error: unknown) => setPlacement({ state: 'failed', message: error instanceof Error ? error.message : 'The dashboard did not describe this gadget.' }),
    );
  }, []);
  if (placement.state === 'loading') return <LoadingState label="Loading gadget" />;
  if (placement.state === 'failed') return <ErrorState title="The gadget could not start" message={placement.message} />;
  return placement.editing ? <ConfigEdit config={placement.config} canCancel={placement.configured} /> : <IncidentsView config={placement.config} />;
}
