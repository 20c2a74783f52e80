/** Chooses the gadget's view from where Jira placed it: the edit view, or the list with its saved configuration. */
import { SectionMessage, Spinner, Text, useProductContext } from '@forge/react';
import { readGadgetConfig } from './gadget-config';
import { ConfigEdit } from './config-edit';
import { IncidentsView } from './incidents-view';

function recordOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

export function GadgetApp() {
  const context = useProductContext();
  if (context === undefined) return <Spinner label="Loading gadget" />;
  const extension = recordOf(context.extension);
  if (Object.keys(extension).length === 0) {
    return (
      <SectionMessage appearance="error" title="The gadget could not start">
        <Text>The dashboard did not describe this gadget.</Text>
      </SectionMessage>
    );
  }
  const stored = extension['gadgetConfiguration'];
  const configured = Object.keys(recordOf(stored)).length > 0;
  const config = readGadgetConfig(stored);
  return extension['entryPoint'] === 'edit' ? <ConfigEdit config={config} canCancel={configured} /> : <IncidentsView config={config} />;
}
