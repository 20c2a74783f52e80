/**
 * A write-only secret (token, routing key): shows only whether one is stored. Saving or removing
 * takes effect at once, apart from the draft, because secrets never travel with the configuration.
 */
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { useState, type ReactNode } from 'react';
import type { ResolverResult } from '../../../src/contracts/resolver-result';
import { Button } from '../../shared-ui/button';
import { FormField } from '../../shared-ui/form-field';
import { Lozenge } from '../../shared-ui/lozenge';
import { reasonOf } from '../../shared-ui/resolver-result';
import { Textfield } from '../../shared-ui/text-field';
import { secretProblem, type SecretKind } from './secret-checks';

type Action = { state: 'idle' } | { state: 'saving' } | { state: 'failed'; message: string } | { state: 'done'; message: string };

export function SecretField({
  id,
  kind,
  label,
  help,
  isSet,
  onStore,
  isDisabled = false,
}: {
  id: string;
  kind: SecretKind;
  label: string;
  help?: ReactNode;
  isSet: boolean;
  onStore: (value: string | null) => Promise<ResolverResult<unknown>>;
  isDisabled?: boolean;
}) {
  const [value, setValue] = useState('');
  const [action, setAction] = useState<Action>({ state: 'idle' });
  const store = async (next: string | null) => {
    const problem = next === null ? undefined : secretProblem(kind, next);
    if (problem !== undefined) {
      setAction({ state: 'failed', message: problem });
      return;
    }
    setAction({ state: 'saving' });
    const result = await onStore(next);
    if (result.ok) {
      setValue('');
      setAction({ state: 'done', message: next === null ? `${label} removed.` : `${label} saved.` });
    } else {
      setAction({ state: 'failed', message: reasonOf(result.error) });
    }
  };
  return (
    <Stack space="space.050">
      <FormField
        id={id}
        label={
          <Inline space="space.100" alignBlock="center">
            <span>{label}</span>
            <span data-testid={`${id}-status`}>{isSet ? <Lozenge appearance="success">Set</Lozenge> : <Lozenge>Not set</Lozenge>}</span>
          </Inline>
        }
        {...(help === undefined ? {} : { help })}
        error={action.state === 'failed' ? action.message : undefined}
      >
        {(control) => (
          <Inline space="space.100" alignBlock="center">
            <Textfield
              {...control}
              type="password"
              autoComplete="off"
              value={value}
              isDisabled={isDisabled}
              placeholder={isSet ? 'Enter a new value to replace it' : 'Paste the value'}
              onChange={(event) => {
                setValue(event.currentTarget.value);
                setAction({ state: 'idle' });
              }}
            />
            <Button onClick={() => void store(value.trim())} testId={`${id}-store`} isDisabled={isDisabled || value.trim() === ''} isLoading={action.state === 'saving'}>
              {isSet ? 'Replace' : 'Save'}
            </Button>
            {isSet ? (
              <Button appearance="subtle" onClick={() => void store(null)} testId={`${id}-remove`} isDisabled={isDisabled || action.state === 'saving'}>
                Remove
              </Button>
            ) : null}
          </Inline>
        )}
      </FormField>
      {action.state === 'done' ? (
        <Text size="small" color="color.text.success" role="status">
          {action.message}
        </Text>
      ) : null}
    </Stack>
  );
}
