/** Finds a person who may be assigned the incident, by name or email. */
import { Inline, Stack } from '@atlaskit/primitives/compiled';
import { useState } from 'react';
import type { PersonView } from '../../../src/contracts/cockpit';
import { searchPeople } from './invokes';
import { Button, Field } from './ui';
import type { Cockpit } from './use-cockpit';
import { fieldError } from './use-cockpit';

export function PersonPicker(props: { id: string; label: string; cockpit: Cockpit; value: PersonView | undefined; onChange: (person: PersonView | undefined) => void; error?: string | undefined }) {
  const { cockpit } = props;
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<readonly PersonView[] | undefined>();
  const action = `search-${props.id}`;
  const search = async () => {
    const result = await cockpit.run(action, () => searchPeople(query));
    if (result !== undefined) setFound(result.people);
  };
  if (props.value !== undefined) {
    return (
      <div>
        <span className="ir-label">{props.label}</span>
        <Inline space="space.100" alignBlock="center">
          <strong data-testid={`${props.id}-chosen`}>{props.value.displayName}</strong>
          <Button small appearance="subtle" onClick={() => props.onChange(undefined)} label={`Choose someone else as ${props.label}`}>
            Change
          </Button>
        </Inline>
        {props.error === undefined ? null : <div className="ir-error">{props.error}</div>}
      </div>
    );
  }
  return (
    <Stack space="space.050">
      <Field id={props.id} label={props.label} error={props.error ?? fieldError(cockpit.failure, action, 'query')} help="Type a name or email, then press Enter.">
        {(control) => (
          <input
            {...control}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                void search();
              }
            }}
          />
        )}
      </Field>
      <Inline space="space.050" shouldWrap>
        <Button small onClick={() => void search()} busy={cockpit.busy === action} disabled={query.trim() === ''}>
          Search
        </Button>
        {found?.map((person) => (
          <Button key={person.accountId} small appearance="subtle" onClick={() => props.onChange(person)} testId={`${props.id}-option`}>
            {person.displayName}
          </Button>
        ))}
        {found !== undefined && found.length === 0 ? <span className="ir-muted">Nobody matches.</span> : null}
      </Inline>
    </Stack>
  );
}
