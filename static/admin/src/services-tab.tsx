/** Services (the Faulty service choices, each with its roster and owning team) and products. */
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import type { ServiceDocument } from '../../../src/contracts/configuration';
import { Button } from '../../shared-ui/button';
import { FormField } from '../../shared-ui/form-field';
import { Columns } from '../../shared-ui/layout';
import { Select } from '../../shared-ui/select';
import { Textfield } from '../../shared-ui/text-field';
import { UNKNOWN_SERVICE } from './config-check';
import { newService, removeAt, replaceAt, withOptional } from './draft-edits';
import { Card, errorAt, InlineError, RemoveButton, SectionIntro, type EditorProps } from './editor-kit';

export function ServicesTab({ draft, onChange, errors }: EditorProps) {
  const rosterOptions = [{ label: 'None: page the IMOC', value: '' }, ...draft.rosters.map((roster) => ({ label: roster.name || roster.id, value: roster.id }))];
  const setService = (index: number, service: ServiceDocument) => onChange({ ...draft, services: replaceAt(draft.services, index, service) });
  return (
    <Stack space="space.300">
      <SectionIntro title="Services and products">
        Services are the choices of the Faulty service field. A Sev 1 or 2 incident pages the on-call incident manager of its service&apos;s roster; Sev 3 goes to the owning team&apos;s queue.
      </SectionIntro>
      <Card title={`Services (${draft.services.length})`} isInvalid={errors['services'] !== undefined}>
        <InlineError testId="services-error">{errorAt(errors, 'services')}</InlineError>
        <Stack space="space.150">
          {draft.services.map((service, index) => {
            const path = `services[${index}]`;
            const isUnknown = service.name === UNKNOWN_SERVICE;
            return (
              <div key={index} className="ir-row" data-testid={`service-${index}`}>
                <Columns template="2fr 2fr 2fr auto" gap="150">
                  <FormField id={`${path}.name`} label="Service" isRequired error={errorAt(errors, `${path}.name`)}>
                    {(control) => <Textfield {...control} value={service.name} isReadOnly={isUnknown} onChange={(event) => setService(index, { ...service, name: event.currentTarget.value })} />}
                  </FormField>
                  <FormField id={`${path}.rosterId`} label="On-call roster" error={errorAt(errors, `${path}.rosterId`)}>
                    {(control) => (
                      <Select
                        inputId={control.id}
                        options={rosterOptions}
                        value={rosterOptions.find((option) => option.value === (service.rosterId ?? '')) ?? null}
                        onChange={(option) => setService(index, withOptional(service, 'rosterId', option === null || option.value === '' ? undefined : option.value))}
                        isInvalid={control.isInvalid}
                      />
                    )}
                  </FormField>
                  <FormField id={`${path}.owningTeam`} label="Owning team" isRequired error={errorAt(errors, `${path}.owningTeam`)}>
                    {(control) => <Textfield {...control} value={service.owningTeam} onChange={(event) => setService(index, { ...service, owningTeam: event.currentTarget.value })} />}
                  </FormField>
                  <div className="ir-label-offset">
                    <RemoveButton label={`Remove service ${service.name}`} isDisabled={isUnknown} onClick={() => onChange({ ...draft, services: removeAt(draft.services, index) })} />
                  </div>
                </Columns>
                {isUnknown ? (
                  <Text size="small" color="color.text.subtle">
                    &quot;Unknown&quot; is for reporters who have no idea which service is at fault; it always pages the IMOC.
                  </Text>
                ) : null}
              </div>
            );
          })}
        </Stack>
        <Inline>
          <Button onClick={() => onChange({ ...draft, services: [...draft.services, newService()] })} testId="add-service">
            Add service
          </Button>
        </Inline>
      </Card>
      <Card title={`Products (${draft.products.length})`}>
        <Text color="color.text.subtle">The choices of the Affected products field.</Text>
        <Stack space="space.100">
          {draft.products.map((product, index) => (
            <Inline key={index} space="space.100" alignBlock="start">
              <div className="ir-grow">
                <FormField id={`products[${index}]`} label={`Product ${index + 1}`} error={errorAt(errors, `products[${index}]`)}>
                  {(control) => <Textfield {...control} value={product} onChange={(event) => onChange({ ...draft, products: replaceAt(draft.products, index, event.currentTarget.value) })} />}
                </FormField>
              </div>
              <div className="ir-label-offset">
                <RemoveButton label={`Remove product ${product}`} onClick={() => onChange({ ...draft, products: removeAt(draft.products, index) })} />
              </div>
            </Inline>
          ))}
        </Stack>
        <Inline>
          <Button onClick={() => onChange({ ...draft, products: [...draft.products, ''] })}>Add product</Button>
        </Inline>
      </Card>
    </Stack>
  );
}
