/** Who is on call now and next on every roster; take the current shift or add an override. */
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { showFlag } from '@forge/bridge';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { GetOnCallResult, OnCallShiftView, RosterOnCall } from '../../../src/contracts/admin-page';
import type { ResolverError } from '../../../src/contracts/resolver-result';
import { Button } from '../../shared-ui/button';
import { DataTable } from '../../shared-ui/data-table';
import { FormField } from '../../shared-ui/form-field';
import { Columns } from '../../shared-ui/layout';
import { Lozenge } from '../../shared-ui/lozenge';
import { EmptyState, ErrorState, LoadingState } from '../../shared-ui/page-states';
import { describeFailure, reasonOf } from '../../shared-ui/resolver-result';
import { SectionMessage } from '../../shared-ui/section-message';
import { Textfield } from '../../shared-ui/text-field';
import { localInputToIso } from './draft-edits';
import { SectionIntro } from './editor-kit';
import { addOverride, getOnCall, takeShift } from './invokes';
import { PersonPicker } from './people-picker';
import { usePeopleNames } from './users';

type Load = { state: 'loading' } | { state: 'failed'; error: ResolverError } | { state: 'loaded'; result: GetOnCallResult };

function formatInstant(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

function Shift({ shift, edge, nameOf }: { shift: OnCallShiftView | null; edge: 'until' | 'from'; nameOf: (accountId: string) => string }) {
  if (shift === null) return <Text color="color.text.warning">Nobody</Text>;
  return (
    <Stack space="space.025">
      <Inline space="space.075" alignBlock="center">
        <Text weight="medium">{nameOf(shift.accountId)}</Text>
        {shift.source === 'override' ? <Lozenge appearance="moved">Override</Lozenge> : null}
      </Inline>
      <Text size="small" color="color.text.subtle">
        {edge === 'until' ? `until ${formatInstant(shift.end)}` : `from ${formatInstant(shift.start)}`}
      </Text>
    </Stack>
  );
}

export function OnCallTab({ savedRosterIds, onOverridesChanged }: { savedRosterIds: readonly string[]; onOverridesChanged: (rosterId: string) => void }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [taking, setTaking] = useState<string | null>(null);
  const [overrideFor, setOverrideFor] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ResolverError | null>(null);
  const people = load.state === 'loaded' ? load.result.rosters.flatMap((roster) => [roster.now?.accountId, roster.next?.accountId]).filter((id): id is string => id !== undefined) : [];
  const nameOf = usePeopleNames(people);

  const refresh = useCallback(() => {
    setLoad({ state: 'loading' });
    void getOnCall().then((result) => setLoad(result.ok ? { state: 'loaded', result: result.value } : { state: 'failed', error: result.error }));
  }, []);
  useEffect(refresh, [refresh, savedRosterIds.join(',')]);

  const replaceRoster = (roster: RosterOnCall) =>
    setLoad((current) => (current.state === 'loaded' ? { state: 'loaded', result: { ...current.result, rosters: current.result.rosters.map((item) => (item.rosterId === roster.rosterId ? roster : item)) } } : current));

  const take = async (roster: RosterOnCall) => {
    setTaking(roster.rosterId);
    setActionError(null);
    const result = await takeShift(roster.rosterId);
    setTaking(null);
    if (!result.ok) {
      setActionError(result.error);
      return;
    }
    replaceRoster(result.value);
    onOverridesChanged(roster.rosterId);
    showFlag({ id: `took-${roster.rosterId}`, title: `You are on call for ${roster.rosterName}`, ...(result.value.now === null ? {} : { description: `Until ${formatInstant(result.value.now.end)}` }), type: 'success', isAutoDismiss: true });
  };

  if (load.state === 'loading') return <LoadingState label="Working out who is on call" />;
  if (load.state === 'failed') return <ErrorState title="Who is on call could not be worked out" message={describeFailure(load.error)} onRetry={refresh} />;
  const { rosters, at } = load.result;
  return (
    <Stack space="space.300">
      <SectionIntro title="On call">As of {formatInstant(at)}. Unsaved roster changes are not included: save first.</SectionIntro>
      {actionError === null ? null : (
        <SectionMessage appearance="error" title="That did not work">
          <Text as="p">{describeFailure(actionError)}</Text>
        </SectionMessage>
      )}
      {rosters.length === 0 ? (
        <EmptyState title="No rosters yet">Add a roster on the Rosters tab and save.</EmptyState>
      ) : (
        <DataTable
          label="Who is on call"
          testId="on-call-table"
          columns={[
            { key: 'roster', label: 'Roster' },
            { key: 'now', label: 'On call now' },
            { key: 'next', label: 'Next' },
            { key: 'actions', label: 'Actions' },
          ]}
          rows={rosters.map((roster) => ({
            key: roster.rosterId,
            cells: {
              roster: (
                <Inline space="space.075" alignBlock="center">
                  <Text weight="medium">{roster.rosterName}</Text>
                  {roster.isImoc ? <Lozenge appearance="inprogress">IMOC</Lozenge> : null}
                </Inline>
              ),
              now: <Shift shift={roster.now} edge="until" nameOf={nameOf} />,
              next: <Shift shift={roster.next} edge="from" nameOf={nameOf} />,
              actions: (
                <Inline space="space.050" shouldWrap>
                  <Button spacing="compact" onClick={() => void take(roster)} isLoading={taking === roster.rosterId} testId={`take-shift-${roster.rosterId}`}>
                    Take this shift
                  </Button>
                  <Button spacing="compact" appearance="subtle" onClick={() => setOverrideFor(overrideFor === roster.rosterId ? null : roster.rosterId)} aria-expanded={overrideFor === roster.rosterId}>
                    Add override
                  </Button>
                </Inline>
              ),
            },
          }))}
        />
      )}
      {overrideFor === null ? null : (
        <OverrideForm
          key={overrideFor}
          roster={rosters.find((roster) => roster.rosterId === overrideFor)}
          onCancel={() => setOverrideFor(null)}
          onAdded={(roster) => {
            replaceRoster(roster);
            setOverrideFor(null);
            onOverridesChanged(roster.rosterId);
            showFlag({ id: `override-${roster.rosterId}-${Date.now()}`, title: `Override added to ${roster.rosterName}`, type: 'success', isAutoDismiss: true });
          }}
        />
      )}
    </Stack>
  );
}

function localInputValue(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function OverrideForm({ roster, onCancel, onAdded }: { roster: RosterOnCall | undefined; onCancel: () => void; onAdded: (roster: RosterOnCall) => void }) {
  const [accountId, setAccountId] = useState<string | null>(null);
  const [start, setStart] = useState(() => localInputValue(Math.ceil(Date.now() / 900_000) * 900_000));
  const [end, setEnd] = useState(() => localInputValue(Math.ceil(Date.now() / 900_000) * 900_000 + 8 * 3_600_000));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'accountId' | 'start' | 'end' | 'reason', string>>>({});
  const [failure, setFailure] = useState<ResolverError | null>(null);
  const [saving, setSaving] = useState(false);
  if (roster === undefined) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const startIso = localInputToIso(start);
    const endIso = localInputToIso(end);
    const found: typeof errors = {};
    if (accountId === null) found.accountId = 'Choose who is on call instead.';
    if (startIso === undefined) found.start = 'Enter when the override starts.';
    if (endIso === undefined) found.end = 'Enter when the override ends.';
    else if (startIso !== undefined && Date.parse(endIso) <= Date.parse(startIso)) found.end = 'The override must end after it starts.';
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0 || accountId === null || startIso === undefined || endIso === undefined) return;
    setSaving(true);
    const result = await addOverride({ rosterId: roster.rosterId, override: { accountId, start: startIso, end: endIso, ...(reason.trim() === '' ? {} : { reason: reason.trim() }) } });
    setSaving(false);
    if (result.ok) {
      onAdded(result.value);
      return;
    }
    const field = result.error.field?.split('.').pop();
    if (result.error.code === 'invalid-input' && (field === 'accountId' || field === 'start' || field === 'end' || field === 'reason')) setErrors({ [field]: reasonOf(result.error) });
    else setFailure(result.error);
  };

  return (
    <div className="ir-card" data-testid="override-form">
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={`Add an override to ${roster.rosterName}`}>
        <Stack space="space.150">
          <Text weight="bold">Add an override to {roster.rosterName}</Text>
          {failure === null ? null : <Text color="color.text.danger">{describeFailure(failure)}</Text>}
          <Columns template="2fr 1fr 1fr" gap="150">
            <FormField id="override-person" label="On call instead" isRequired error={errors.accountId}>
              {(control) => <PersonPicker inputId={control.id} isInvalid={control.isInvalid} value={accountId} onChange={setAccountId} />}
            </FormField>
            <FormField id="override-start" label="From" isRequired error={errors.start}>
              {(control) => <Textfield {...control} type="datetime-local" value={start} onChange={(event) => setStart(event.currentTarget.value)} />}
            </FormField>
            <FormField id="override-end" label="Until" isRequired error={errors.end}>
              {(control) => <Textfield {...control} type="datetime-local" value={end} onChange={(event) => setEnd(event.currentTarget.value)} />}
            </FormField>
          </Columns>
          <FormField id="override-reason" label="Reason" error={errors.reason}>
            {(control) => <Textfield {...control} value={reason} maxLength={500} placeholder="e.g. Swapped with Ben for a dentist appointment" onChange={(event) => setReason(event.currentTarget.value)} />}
          </FormField>
          <Inline space="space.100">
            <Button type="submit" appearance="primary" isLoading={saving}>
              Add override
            </Button>
            <Button appearance="subtle" onClick={onCancel}>
              Cancel
            </Button>
          </Inline>
        </Stack>
      </form>
    </div>
  );
}
