/** Delegate: who holds which role, delegating and ending roles, handing over command. */
import { Inline, Stack } from '@atlaskit/primitives/compiled';
import { useState } from 'react';
import type { CockpitView, CommsScopeView, PersonView, RoleId } from '../../../src/contracts/cockpit';
import { Button } from '../../shared-ui/button';
import { FormField, selectControl } from '../../shared-ui/form-field';
import { Section } from '../../shared-ui/layout';
import { PersonPicker } from '../../shared-ui/people-picker';
import { NativeSelect, Textfield } from '../../shared-ui/text-field';
import { duration, utcMinute } from './format';
import { delegateRole, endRole, handOverCommand, searchAssignable } from './invokes';
import { fieldError, type Cockpit } from './use-cockpit';

const ROLE_CHOICES = [
  { value: 'tech-lead', label: 'Tech Lead' },
  { value: 'communications-manager', label: 'Communications Manager' },
  { value: 'backup-incident-manager', label: 'Backup Incident Manager' },
  { value: 'custom', label: 'A role you name…' },
] as const;

type RoleChoice = (typeof ROLE_CHOICES)[number]['value'];

export function RolesTab({ view, cockpit }: { view: CockpitView; cockpit: Cockpit }) {
  const editable = view.viewer.readOnlyReason === undefined;
  const now = Date.parse(view.at);
  const ended = view.roles.history.filter((assignment) => assignment.endedAt !== undefined);
  return (
    <Stack space="space.200">
      <Section title="Who is in which role">
        <ul className="ir-rows" data-testid="current-roles">
          {view.command.incidentManager === undefined ? <li>Nobody has taken command yet.</li> : null}
          {view.command.incidentManager !== undefined && !view.roles.current.some((role) => role.role === 'incident-manager') ? (
            <li>
              <strong>Incident Manager</strong>: {view.command.incidentManager.displayName} <span className="ir-muted">(the assignee)</span>
            </li>
          ) : null}
          {view.roles.current.map((assignment) => (
            <li key={`${assignment.role}-${assignment.person.accountId}`}>
              <Inline spread="space-between" alignBlock="center">
                <span>
                  <strong>{assignment.roleLabel}</strong>: {assignment.person.displayName}{' '}
                  <span className="ir-muted">
                    since {utcMinute(assignment.startedAt)} ({duration(now - Date.parse(assignment.startedAt))})
                  </span>
                </span>
                {editable && assignment.role !== 'incident-manager' ? (
                  <Button
                    spacing="compact"
                    appearance="subtle"
                    onClick={() => void cockpit.change('end-role', () => endRole({ role: assignment.role, accountId: assignment.person.accountId }), `${assignment.person.displayName} is no longer ${assignment.roleLabel}.`)}
                    isLoading={cockpit.busy === 'end-role'}
                    aria-label={`End ${assignment.person.displayName}'s role as ${assignment.roleLabel}`}
                  >
                    End
                  </Button>
                ) : null}
              </Inline>
            </li>
          ))}
        </ul>
      </Section>
      {editable ? <Delegate cockpit={cockpit} /> : null}
      {editable && view.command.incidentManager !== undefined ? <HandOver view={view} cockpit={cockpit} /> : null}
      {ended.length === 0 ? null : (
        <Section title="Earlier">
          <ul className="ir-rows">
            {ended.map((assignment) => (
              <li key={`${assignment.role}-${assignment.person.accountId}-${assignment.startedAt}`} className="ir-muted">
                {assignment.roleLabel}: {assignment.person.displayName}, {utcMinute(assignment.startedAt)} – {utcMinute(assignment.endedAt ?? '')}
              </li>
            ))}
          </ul>
        </Section>
      )}
    </Stack>
  );
}

function Delegate({ cockpit }: { cockpit: Cockpit }) {
  const [choice, setChoice] = useState<RoleChoice>('tech-lead');
  const [name, setName] = useState('');
  const [scope, setScope] = useState<CommsScopeView>('both');
  const [person, setPerson] = useState<PersonView | undefined>();
  const role: RoleId = choice === 'custom' ? `custom:${name.trim()}` : choice;
  const submit = async () => {
    if (person === undefined) return;
    const done = await cockpit.change(
      'delegate',
      () => delegateRole({ role, accountId: person.accountId, ...(choice === 'communications-manager' ? { scope } : {}) }),
      `${person.displayName} now holds the role.`,
    );
    if (done) {
      setPerson(undefined);
      setName('');
    }
  };
  return (
    <Section title="Delegate a role">
      <Inline space="space.100" shouldWrap>
        <FormField id="delegate-role" label="Role" error={fieldError(cockpit.failure, 'delegate', 'role')}>
          {(control) => (
            <NativeSelect {...control} value={choice} onChange={(event) => setChoice(event.target.value as RoleChoice)}>
              {ROLE_CHOICES.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </NativeSelect>
          )}
        </FormField>
        {choice === 'custom' ? (
          <FormField id="delegate-name" label="Role name" help="e.g. Scribe, External comms">
            {(control) => <Textfield {...control} value={name} onChange={(event) => setName(event.target.value)} />}
          </FormField>
        ) : null}
        {choice === 'communications-manager' ? (
          <FormField id="delegate-scope" label="Writes for">
            {(control) => (
              <NativeSelect {...control} value={scope} onChange={(event) => setScope(event.target.value as CommsScopeView)}>
                <option value="both">Internal and external</option>
                <option value="internal">Internal</option>
                <option value="external">External</option>
              </NativeSelect>
            )}
          </FormField>
        ) : null}
      </Inline>
      <FormField id="delegate-person" label="Person" error={fieldError(cockpit.failure, 'delegate', 'accountId')}>
        {(control) => <PersonPicker {...selectControl(control)} search={searchAssignable} value={person ?? null} onChange={(chosen) => setPerson(chosen ?? undefined)} />}
      </FormField>
      <Inline>
        <Button appearance="primary" onClick={() => void submit()} isDisabled={person === undefined || (choice === 'custom' && name.trim() === '')} isLoading={cockpit.busy === 'delegate'} testId="delegate-submit">
          Delegate
        </Button>
      </Inline>
    </Section>
  );
}

function HandOver({ view, cockpit }: { view: CockpitView; cockpit: Cockpit }) {
  const backup = view.command.backup;
  const [person, setPerson] = useState<PersonView | undefined>(backup === undefined ? undefined : { accountId: backup.accountId, displayName: backup.displayName });
  const submit = () => {
    if (person !== undefined) void cockpit.change('hand-over', () => handOverCommand({ toAccountId: person.accountId }), `${person.displayName} is now the incident manager.`);
  };
  return (
    <Section title="Hand over command">
      <span className="ir-muted">The new incident manager is assigned the issue; the room's topic and chat statuses follow. Share the handover brief in Review.</span>
      <FormField id="handover-person" label="New incident manager" error={fieldError(cockpit.failure, 'hand-over', 'toAccountId')}>
        {(control) => <PersonPicker {...selectControl(control)} search={searchAssignable} value={person ?? null} onChange={(chosen) => setPerson(chosen ?? undefined)} />}
      </FormField>
      <Inline>
        <Button onClick={submit} isDisabled={person === undefined} isLoading={cockpit.busy === 'hand-over'} testId="handover-submit">
          Hand over command
        </Button>
      </Inline>
    </Section>
  );
}
