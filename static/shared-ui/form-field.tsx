/**
 * A labelled form control with its help text and its error, in the Atlassian form layout. The
 * control gets `aria-describedby` and `aria-invalid` through the render prop, so screen readers
 * announce the help and the error with the field.
 */
import { ErrorMessage, HelperMessage, Label, RequiredAsterisk } from '@atlaskit/form';
import { Box, Stack } from '@atlaskit/primitives/compiled';
import type { ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  isInvalid: boolean;
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
      <Label htmlFor={id}>
        {label}
        {isRequired ? <RequiredAsterisk /> : null}
      </Label>
      {children({ id, isInvalid: error !== undefined, ...(describedBy === '' ? {} : { 'aria-describedby': describedBy }), ...(error === undefined ? {} : { 'aria-invalid': true }) })}
      {help === undefined ? null : (
        <Box id={helpId}>
          <HelperMessage>{help}</HelperMessage>
        </Box>
      )}
      {error === undefined ? null : (
        <Box id={errorId} testId={`${id}-error`}>
          <ErrorMessage>{error}</ErrorMessage>
        </Box>
      )}
    </Stack>
  );
}
