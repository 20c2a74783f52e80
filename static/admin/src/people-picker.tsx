/**
 * The settings' people pickers: the shared picker over Jira's user search (as the admin), holding
 * account ids, since that is what the configuration stores; names come from Jira as they are known.
 */
import { PeoplePicker as SharedPeoplePicker, PersonPicker as SharedPersonPicker, type Person, type PickerProps } from '../../shared-ui/people-picker';
import { nameOf, searchPeople, usePeopleNames } from './users';

type CommonProps = Omit<PickerProps, 'search'>;

const personOf = (accountId: string): Person => ({ accountId, displayName: nameOf(accountId) });

export function PeoplePicker({ value, onChange, ...common }: CommonProps & { value: readonly string[]; onChange: (accountIds: string[]) => void }) {
  usePeopleNames(value);
  return <SharedPeoplePicker {...common} search={searchPeople} value={value.map(personOf)} onChange={(people) => onChange(people.map((person) => person.accountId))} />;
}

export function PersonPicker({ value, onChange, ...common }: CommonProps & { value: string | null; onChange: (accountId: string | null) => void }) {
  usePeopleNames(value === null ? [] : [value]);
  return <SharedPersonPicker {...common} search={searchPeople} value={value === null ? null : personOf(value)} onChange={(person) => onChange(person?.accountId ?? null)} />;
}
