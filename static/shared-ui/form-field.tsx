/**
 * A labelled form control with its help text and its error, in the Atlassian form layout. The
 * control gets `aria-describedby` and `aria-invalid` through the render prop, so screen readers
 * announce the help and the error with the field.
 */
import { Stack } from '@atlaskit/primitives/compiled';
import type { ReactNode } from 'react';
import './controls.css';
import { Icon } from './icon';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  isInvalid: boolean;
}

/** What a Select or a people picker takes from a FormField's control: the input to label, its state and its description. */
export function selectControl(control: ControlProps): { inputId: string; isInvalid: boolean; descriptionId?: string } {
  return { inputId: control.id, isInvalid: control.isInvalid, ...(control['aria-describedby'] === undefined ? {} : { descriptionId: control['aria-describedby'] }) };
}

export interface FormFieldProps {
  id: string;
  label: ReactNode;
  isRequired?: boolean;
  help?: ReactNode;
  error?: string | undefined;
  children: (control: ControlProps) => ReactNode;
}

export function FormField({ id, label, isRequired = false, help, error, children }: FormFieldProps) {
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [help === undefined ? undefined : helpId, error === undefined ? undefined : errorId].filter((part) => part !== undefined).join(' ');
  return (
    <Stack space="space.050">
      <label className="ir-field-label" htmlFor={id}>
        {label}
        {isRequired ? (
          <span className="ir-field-required" aria-hidden="true">
            *
          </span>
        ) : null}
      </label>
      {children({ id, isInvalid: error !== undefined, ...(describedBy === '' ? {} : { 'aria-describedby': describedBy }), ...(error === undefined ? {} : { 'aria-invalid': true }) })}
      {help === undefined ? null : (
        <div id={helpId} className="ir-field-message">
          {help}
        </div>
      )}
      {error === undefined ? null : <FieldError id={errorId}>{error}</FieldError>}
    </Stack>
  );
}

/** An error under a field, announced when it appears; `id` is what the field's aria-describedby names. */
export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={id} className="ir-field-message ir-field-message--error" data-testid={id} aria-live="polite">
      <span className="ir-field-message__icon">
        <Icon glyph="status-error" label="error" size="small" />
      </span>
      <span>{children}</span>
    </div>
  );
}

/** Fields that belong together (checkboxes, radio buttons) under one legend, as the design system's Fieldset. */
export function Fieldset({ legend, children }: { legend: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="ir-fieldset">
      <legend className="ir-field-label">{legend}</legend>
      {children}
    </fieldset>
  );
}
