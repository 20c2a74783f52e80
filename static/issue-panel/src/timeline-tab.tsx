/** Review's loop on the timeline: observations, theories, experiments with outcomes, decisions and changes. */
import { Inline, Stack } from '@atlaskit/primitives/compiled';
import { useState } from 'react';
import type { CockpitView, ExperimentOutcomeView, PersonView, TimelineEntryInput, TimelineEntryView, TimelineKind } from '../../../src/contracts/cockpit';
import { Button } from '../../shared-ui/button';
import { FormField, selectControl } from '../../shared-ui/form-field';
import { Section } from '../../shared-ui/layout';
import { Lozenge, type LozengeAppearance } from '../../shared-ui/lozenge';
import { PersonPicker } from '../../shared-ui/people-picker';
import { NativeSelect, TextArea, Textfield } from '../../shared-ui/text-field';
import { fromLocalInput, utcMinute } from './format';
import { concludeExperiment, recordTimelineEntry, searchAssignable } from './invokes';
import { fieldError, type Cockpit } from './use-cockpit';

const KINDS: readonly { kind: TimelineKind; label: string; prompt: string }[] = [
  { kind: 'observation', label: 'Observation', prompt: 'What do you see?' },
  { kind: 'theory', label: 'Theory', prompt: 'Why might it be happening?' },
  { kind: 'experiment', label: 'Experiment', prompt: 'What will you try to prove or disprove a theory?' },
  { kind: 'decision', label: 'Decision', prompt: 'What was decided?' },
  { kind: 'change', label: 'Change', prompt: 'What was changed?' },
  { kind: 'note', label: 'Note', prompt: 'Anything else worth keeping.' },
];

const OUTCOME_TONES: Readonly<Record<ExperimentOutcomeView, LozengeAppearance>> = { pending: 'inprogress', confirmed: 'success', disproved: 'removed', inconclusive: 'default' };

export function TimelineTab({ view, cockpit }: { view: CockpitView; cockpit: Cockpit }) {
  const editable = view.viewer.readOnlyReason === undefined;
  const theories = view.timeline.filter((entry) => entry.kind === 'theory');
  const newestFirst = [...view.timeline].reverse();
  return (
    <Stack space="space.200">
      {editable ? <Recorder cockpit={cockpit} theories={theories} /> : null}
      <Section title={`Timeline (${view.timeline.length})`}>
        {view.timeline.length === 0 ? <span className="ir-muted">Nothing recorded yet. Note observations, theories, changes and decisions as they happen.</span> : null}
        <ul className="ir-rows" data-testid="timeline">
          {newestFirst.map((entry) => (
            <li key={entry.id}>
              <Entry entry={entry} theories={theories} cockpit={cockpit} editable={editable} />
            </li>
          ))}
        </ul>
      </Section>
    </Stack>
  );
}

function Entry({ entry, theories, cockpit, editable }: { entry: TimelineEntryView; theories: readonly TimelineEntryView[]; cockpit: Cockpit; editable: boolean }) {
  const theory = theories.find((candidate) => candidate.id === entry.theoryId);
  return (
    <Stack space="space.025">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Lozenge appearance="default">{entry.kind}</Lozenge>
        {entry.outcome === undefined ? null : <Lozenge appearance={OUTCOME_TONES[entry.outcome]}>{entry.outcome}</Lozenge>}
        <span className="ir-muted">
          {utcMinute(entry.at)} · {entry.by.displayName}
        </span>
      </Inline>
      <span>{entry.text}</span>
      {theory === undefined ? null : <span className="ir-muted">Tests theory: {theory.text}</span>}
      {entry.kind === 'change' ? (
        <span className="ir-muted">
          Made by {entry.who?.displayName ?? 'someone'} · revert: {entry.revert ?? 'no plan recorded'}
        </span>
      ) : null}
      {editable && entry.outcome === 'pending' ? (
        <Inline space="space.050">
          {(['confirmed', 'disproved', 'inconclusive'] as const).map((outcome) => (
            <Button
              key={outcome}
              spacing="compact"
              onClick={() => void cockpit.change('conclude', () => concludeExperiment({ experimentId: entry.id, outcome }), `Experiment ${outcome}.`)}
              isLoading={cockpit.busy === 'conclude'}
              testId={`conclude-${outcome}`}
            >
              {outcome.charAt(0).toUpperCase() + outcome.slice(1)}
            </Button>
          ))}
        </Inline>
      ) : null}
    </Stack>
  );
}

function Recorder({ cockpit, theories }: { cockpit: Cockpit; theories: readonly TimelineEntryView[] }) {
  const [kind, setKind] = useState<TimelineKind>('observation');
  const [text, setText] = useState('');
  const [theoryId, setTheoryId] = useState('');
  const [outcome, setOutcome] = useState<ExperimentOutcomeView>('pending');
  const [who, setWho] = useState<PersonView | undefined>();
  const [when, setWhen] = useState('');
  const [revert, setRevert] = useState('');
  const error = (field: string) => fieldError(cockpit.failure, 'record', field);
  const entry = (): TimelineEntryInput => {
    if (kind === 'change') {
      const at = fromLocalInput(when);
      return { kind, what: text, who: who?.accountId ?? '', ...(at === undefined ? {} : { at }), ...(revert.trim() === '' ? {} : { revert }) };
    }
    if (kind === 'experiment') return { kind, text, outcome, ...(theoryId === '' ? {} : { theoryId }) };
    return { kind, text };
  };
  const submit = async () => {
    if (await cockpit.change('record', () => recordTimelineEntry({ entry: entry() }), 'Recorded on the timeline and the issue.')) {
      setText('');
      setRevert('');
      setWhen('');
    }
  };
  const prompt = KINDS.find((candidate) => candidate.kind === kind)?.prompt ?? '';
  return (
    <Section title="Record">
      <div role="radiogroup" aria-label="What to record">
        <Inline space="space.100" shouldWrap>
          {KINDS.map((candidate) => (
            <label key={candidate.kind}>
              <input type="radio" name="timeline-kind" checked={kind === candidate.kind} onChange={() => setKind(candidate.kind)} data-testid={`kind-${candidate.kind}`} /> {candidate.label}
            </label>
          ))}
        </Inline>
      </div>
      <FormField id="entry-text" label={kind === 'change' ? 'What changed' : prompt} error={error(kind === 'change' ? 'entry.what' : 'entry.text')}>
        {(control) => <TextArea {...control} minimumRows={2} value={text} onChange={(event) => setText(event.target.value)} />}
      </FormField>
      {kind === 'experiment' ? (
        <Inline space="space.100" shouldWrap>
          <FormField id="entry-theory" label="Tests theory" error={error('entry.theoryId')}>
            {(control) => (
              <NativeSelect {...control} value={theoryId} onChange={(event) => setTheoryId(event.target.value)}>
                <option value="">None</option>
                {theories.map((theory) => (
                  <option key={theory.id} value={theory.id}>
                    {theory.text.slice(0, 80)}
                  </option>
                ))}
              </NativeSelect>
            )}
          </FormField>
          <FormField id="entry-outcome" label="Outcome">
            {(control) => (
              <NativeSelect {...control} value={outcome} onChange={(event) => setOutcome(event.target.value as ExperimentOutcomeView)}>
                <option value="pending">Pending</option>
                <option value="confirmed">Confirmed</option>
                <option value="disproved">Disproved</option>
                <option value="inconclusive">Inconclusive</option>
              </NativeSelect>
            )}
          </FormField>
        </Inline>
      ) : null}
      {kind === 'change' ? (
        <Stack space="space.100">
          <FormField id="entry-who" label="Who made it" error={error('entry.who')}>
        {(control) => <PersonPicker {...selectControl(control)} search={searchAssignable} value={who ?? null} onChange={(chosen) => setWho(chosen ?? undefined)} />}
      </FormField>
          <FormField id="entry-when" label="When (empty: now)" error={error('entry.at')}>
            {(control) => <Textfield {...control} type="datetime-local" value={when} onChange={(event) => setWhen(event.target.value)} />}
          </FormField>
          <FormField id="entry-revert" label="How to revert it" help="Changes without a revert plan are flagged in Review." error={error('entry.revert')}>
            {(control) => <Textfield {...control} value={revert} onChange={(event) => setRevert(event.target.value)} />}
          </FormField>
        </Stack>
      ) : null}
      <Inline>
        <Button appearance="primary" onClick={() => void submit()} isDisabled={text.trim() === '' || (kind === 'change' && who === undefined)} isLoading={cockpit.busy === 'record'} testId="record-submit">
          Record
        </Button>
      </Inline>
    </Section>
  );
}
