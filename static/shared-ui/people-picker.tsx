/**
 * Choosing people by name or email, the one picker of every surface: a Select (one person) or a
 * MultiSelect (several) whose options come from `search`, typed into as Jira's user picker is.
 * Each surface passes its own `search` (the admin page asks Jira's user search as the admin; the
 * issue panel asks its resolver, which checks the person may be assigned the incident). A search
 * that fails rejects with the sentence to show, and the menu shows it.
 */
import { useCallback } from 'react';
import { MultiSelect, Select } from './select';

export interface Person {
  readonly accountId: string;
  readonly displayName: string;
}

interface PersonOption {
  readonly label: string;
  readonly value: string;
}

const optionOf = (person: Person): PersonOption => ({ label: person.displayName, value: person.accountId });
const personOf = (option: PersonOption): Person => ({ accountId: option.value, displayName: option.label });

/** What a picker needs besides its value: the field it fills (from FormField's control) and how to search. */
export interface PickerProps {
  readonly inputId: string;
  readonly search: (query: string) => Promise<readonly Person[]>;
  readonly isInvalid?: boolean;
  readonly isDisabled?: boolean;
  readonly descriptionId?: string;
  readonly placeholder?: string;
  readonly testId?: string;
}

/**
 * The select's loadOptions, the same function while `search` is (the select searches again when it
 * changes). Nothing typed asks nobody: Jira's user search needs a query.
 */
function useLoadOptions(search: PickerProps['search']): (query: string) => Promise<PersonOption[]> {
  return useCallback(async (query: string) => (query.trim() === '' ? [] : (await search(query.trim())).map(optionOf)), [search]);
}

function common({ inputId, isInvalid, isDisabled, descriptionId, placeholder, testId }: Omit<PickerProps, 'search'>) {
  return {
    inputId,
    placeholder: placeholder ?? 'Search people',
    noOptionsMessage: (query: string) => (query.trim() === '' ? 'Type a name or email' : 'No one matches'),
    testId: testId ?? `${inputId}-picker`,
    ...(isInvalid === undefined ? {} : { isInvalid }),
    ...(isDisabled === undefined ? {} : { isDisabled }),
    ...(descriptionId === undefined ? {} : { descriptionId }),
  };
}

/** One person, or nobody (the clear button, or Backspace in the empty field). */
export function PersonPicker({ value, onChange, search, ...rest }: PickerProps & { value: Person | null; onChange: (person: Person | null) => void }) {
  const loadOptions = useLoadOptions(search);
  return <Select {...common(rest)} isClearable loadOptions={loadOptions} value={value === null ? null : optionOf(value)} onChange={(option) => onChange(option === null ? null : personOf(option))} />;
}

/** Several people, shown as tags in the order chosen. */
export function PeoplePicker({ value, onChange, search, ...rest }: PickerProps & { value: readonly Person[]; onChange: (people: Person[]) => void }) {
  const loadOptions = useLoadOptions(search);
  return <MultiSelect {...common(rest)} loadOptions={loadOptions} value={value.map(optionOf)} onChange={(options) => onChange(options.map(personOf))} />;
}
