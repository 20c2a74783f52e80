/** Choosing people by name (Jira's user search); the value is always account ids. */
import { MultiSelect, Select } from '../../shared-ui/select';
import { nameOf, searchPeople, usePeopleNames } from './users';

interface PersonOption {
  readonly label: string;
  readonly value: string;
}

const optionOf = (accountId: string): PersonOption => ({ label: nameOf(accountId), value: accountId });

async function loadOptions(query: string): Promise<PersonOption[]> {
  const people = await searchPeople(query);
  return people.map((person) => ({ label: person.displayName, value: person.accountId }));
}

interface CommonProps {
  inputId: string;
  isInvalid?: boolean;
  descriptionId?: string;
  placeholder?: string;
  testId?: string;
}

export function PeoplePicker({ value, onChange, ...common }: CommonProps & { value: readonly string[]; onChange: (accountIds: string[]) => void }) {
  usePeopleNames(value);
  return (
    <MultiSelect
      {...common}
      loadOptions={loadOptions}
      value={value.map(optionOf)}
      onChange={(options) => onChange(options.map((option) => option.value))}
      placeholder={common.placeholder ?? 'Search people'}
      noOptionsMessage="No one matches"
    />
  );
}

export function PersonPicker({ value, onChange, ...common }: CommonProps & { value: string | null; onChange: (accountId: string | null) => void }) {
  usePeopleNames(value === null ? [] : [value]);
  return (
    <Select
      {...common}
      isClearable
      loadOptions={loadOptions}
      value={value === null ? null : optionOf(value)}
      onChange={(option) => onChange(option?.value ?? null)}
      placeholder={common.placeholder ?? 'Search people'}
      noOptionsMessage="No one matches"
    />
  );
}
