/** One rotation layer: who rotates, how long each shift is, when and in which time zone it hands off. */
import { Checkbox } from '@atlaskit/checkbox';
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import type { RestrictionDocument, RotationLayerDocument, Weekday } from '../../../src/contracts/configuration';
import { Button } from '../../shared-ui/button';
import { FormField } from '../../shared-ui/form-field';
import { Columns } from '../../shared-ui/layout';
import { Textfield } from '../../shared-ui/text-field';
import type { FieldErrors } from './config-check';
import { numberFrom, removeAt, replaceAt, shiftParts, withOptional } from './draft-edits';
import { errorAt, InlineError, RemoveButton } from './editor-kit';
import { PeoplePicker } from './people-picker';

const WEEKDAYS: readonly { day: Weekday; label: string }[] = [
  { day: 'mon', label: 'Mon' },
  { day: 'tue', label: 'Tue' },
  { day: 'wed', label: 'Wed' },
  { day: 'thu', label: 'Thu' },
  { day: 'fri', label: 'Fri' },
  { day: 'sat', label: 'Sat' },
  { day: 'sun', label: 'Sun' },
];

/** The browser's list of IANA zones, offered as suggestions; any zone can still be typed. */
export function TimeZoneSuggestions({ id }: { id: string }) {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return (
    <datalist id={id}>
      {zones.map((zone) => (
        <option key={zone} value={zone} />
      ))}
    </datalist>
  );
}

export function LayerEditor({
  path,
  index,
  layer,
  onChange,
  onRemove,
  errors,
}: {
  path: string;
  index: number;
  layer: RotationLayerDocument;
  onChange: (layer: RotationLayerDocument) => void;
  onRemove?: () => void;
  errors: FieldErrors;
}) {
  const shift = shiftParts(layer.shiftLength);
  const restrictions = layer.restrictions ?? [];
  const setRestriction = (position: number, restriction: RestrictionDocument) => onChange({ ...layer, restrictions: replaceAt(restrictions, position, restriction) });
  return (
    <div className="ir-rail" data-testid={path}>
      <Stack space="space.150">
        <Inline spread="space-between" alignBlock="center">
          <Text weight="bold">{layer.name === undefined ? `Layer ${index + 1}` : `Layer ${index + 1}: ${layer.name}`}</Text>
          {onRemove === undefined ? null : <RemoveButton label={`Remove layer ${index + 1}`} onClick={onRemove} />}
        </Inline>
        <Columns template="1fr 2fr" gap="150">
          <FormField id={`${path}.name`} label="Layer name" error={errorAt(errors, `${path}.name`)}>
            {(control) => (
              <Textfield {...control} value={layer.name ?? ''} placeholder="e.g. Business hours" onChange={(event) => onChange(withOptional(layer, 'name', event.currentTarget.value.trim() === '' ? undefined : event.currentTarget.value))} />
            )}
          </FormField>
          <FormField id={`${path}.participants`} label="Participants, in rotation order" isRequired error={errorAt(errors, `${path}.participants`)}>
            {(control) => (
              <PeoplePicker
                inputId={control.id}
                isInvalid={control.isInvalid}
                value={layer.participants}
                onChange={(participants) => onChange({ ...layer, participants })}
                testId={`${path}.participants`}
              />
            )}
          </FormField>
        </Columns>
        <Columns template="1fr 1fr 1fr 2fr 1fr" gap="150">
          <FormField id={`${path}.shiftLength.days`} label="Shift days" error={errorAt(errors, `${path}.shiftLength`)}>
            {(control) => (
              <Textfield {...control} type="number" min={0} max={365} value={String(shift.days)} onChange={(event) => onChange({ ...layer, shiftLength: { days: numberFrom(event.currentTarget.value), hours: shift.hours } })} />
            )}
          </FormField>
          <FormField id={`${path}.shiftLength.hours`} label="Shift hours">
            {(control) => (
              <Textfield {...control} type="number" min={0} max={23} value={String(shift.hours)} onChange={(event) => onChange({ ...layer, shiftLength: { days: shift.days, hours: numberFrom(event.currentTarget.value) } })} />
            )}
          </FormField>
          <FormField id={`${path}.handoffTime`} label="Handoff time" isRequired error={errorAt(errors, `${path}.handoffTime`)}>
            {(control) => <Textfield {...control} type="time" value={layer.handoffTime} onChange={(event) => onChange({ ...layer, handoffTime: event.currentTarget.value })} />}
          </FormField>
          <FormField id={`${path}.timeZone`} label="Time zone" isRequired error={errorAt(errors, `${path}.timeZone`)}>
            {(control) => (
              <>
                <Textfield {...control} list={`${path}.timeZone-zones`} value={layer.timeZone} placeholder="Europe/Berlin" onChange={(event) => onChange({ ...layer, timeZone: event.currentTarget.value.trim() })} testId={`${path}.timeZone`} />
                <TimeZoneSuggestions id={`${path}.timeZone-zones`} />
              </>
            )}
          </FormField>
          <FormField id={`${path}.startDate`} label="Start date" isRequired error={errorAt(errors, `${path}.startDate`)}>
            {(control) => <Textfield {...control} type="date" value={layer.startDate} onChange={(event) => onChange({ ...layer, startDate: event.currentTarget.value })} />}
          </FormField>
        </Columns>
        <Stack space="space.100">
          <Text size="small" color="color.text.subtle">
            {restrictions.length === 0 ? 'On call around the clock. Add a restriction to limit this layer to certain hours (e.g. business hours); the layers below cover the rest.' : 'On call only inside these windows (local time):'}
          </Text>
          {restrictions.map((restriction, position) => {
            const at = `${path}.restrictions[${position}]`;
            const days = restriction.days ?? WEEKDAYS.map((item) => item.day);
            return (
              <Stack key={position} space="space.050">
                <Inline space="space.150" alignBlock="end" shouldWrap>
                  <Inline space="space.050" role="group" aria-label={`Days of restriction ${position + 1}`}>
                    {WEEKDAYS.map((item) => (
                      <Checkbox
                        key={item.day}
                        label={item.label}
                        isChecked={days.includes(item.day)}
                        onChange={(event) =>
                          setRestriction(position, { ...restriction, days: WEEKDAYS.map((entry) => entry.day).filter((day) => (day === item.day ? event.currentTarget.checked : days.includes(day))) })
                        }
                      />
                    ))}
                  </Inline>
                  <FormField id={`${at}.from`} label="From" error={errorAt(errors, `${at}.from`)}>
                    {(control) => <Textfield {...control} type="time" value={restriction.from} onChange={(event) => setRestriction(position, { ...restriction, from: event.currentTarget.value })} />}
                  </FormField>
                  <FormField id={`${at}.to`} label="To" error={errorAt(errors, `${at}.to`)}>
                    {(control) => <Textfield {...control} value={restriction.to} placeholder="HH:mm or 24:00" onChange={(event) => setRestriction(position, { ...restriction, to: event.currentTarget.value })} />}
                  </FormField>
                  <RemoveButton label={`Remove restriction ${position + 1}`} onClick={() => onChange(withOptional(layer, 'restrictions', restrictions.length === 1 ? undefined : removeAt(restrictions, position)))} />
                </Inline>
                <InlineError>{errorAt(errors, `${at}.days`)}</InlineError>
              </Stack>
            );
          })}
          <Inline>
            <Button spacing="compact" onClick={() => onChange({ ...layer, restrictions: [...restrictions, { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }] })}>
              Add restriction
            </Button>
          </Inline>
        </Stack>
      </Stack>
    </div>
  );
}
