/** Assess: the handbook's questions, the severity with its scale beside it, and changes near the impact start. */
import { Inline, Stack } from '@atlaskit/primitives/compiled';
import { useEffect, useState, type ReactNode } from 'react';
import type { AssessmentAnswerInput, AssessmentQuestionView, CockpitView, GetRecentChangesResult, OtherFactor } from '../../../src/contracts/cockpit';
import type { SeverityLevel } from '../../../src/contracts/configuration';
import { Button } from '../../shared-ui/button';
import { FormField, type ControlProps } from '../../shared-ui/form-field';
import { Section } from '../../shared-ui/layout';
import { Lozenge } from '../../shared-ui/lozenge';
import { SectionMessage } from '../../shared-ui/section-message';
import { NativeSelect, TextArea, Textfield } from '../../shared-ui/text-field';
import { fromLocalInput, toLocalInput, utcMinute } from './format';
import { answerAssessment, changeSeverity, getRecentChanges } from './invokes';
import { fieldError, type Cockpit } from './use-cockpit';

export function AssessTab({ view, cockpit }: { view: CockpitView; cockpit: Cockpit }) {
  const editable = view.viewer.readOnlyReason === undefined;
  const nextQuestion = view.assess.questions.find((question) => question.answerText === undefined)?.id;
  return (
    <Stack space="space.200">
      <SeverityChoice view={view} cockpit={cockpit} editable={editable} />
      <Section title={`Questions (${view.assess.answered} of ${view.assess.total} answered)`}>
        <ul className="ir-rows">
          {view.assess.questions.map((question) => (
            <li key={question.id} data-testid={`question-${question.id}`}>
              <Question question={question} cockpit={cockpit} editable={editable} startOpen={question.id === nextQuestion} />
            </li>
          ))}
        </ul>
      </Section>
      <RecentChanges impactStart={view.issue.impactStart} faultyService={view.issue.faultyService} />
    </Stack>
  );
}

function SeverityChoice({ view, cockpit, editable }: { view: CockpitView; cockpit: Cockpit; editable: boolean }) {
  const current = view.issue.severity?.level;
  const [chosen, setChosen] = useState<SeverityLevel | undefined>(current);
  const [reason, setReason] = useState('');
  const confirmed = view.assess.severityConfirmed;
  const label = view.assess.scale.find((level) => level.level === chosen)?.label ?? '';
  const submit = async () => {
    if (chosen === undefined) return;
    if (await cockpit.change('severity', () => changeSeverity({ level: chosen, ...(reason.trim() === '' ? {} : { reason: reason.trim() }) }), chosen === current ? `${label} confirmed.` : `Severity changed to ${label}.`)) setReason('');
  };
  return (
    <Section title="Severity">
      {confirmed === undefined ? null : (
        <span className="ir-muted">
          {view.assess.scale.find((level) => level.level === confirmed.level)?.label} confirmed by {confirmed.by.displayName} at {utcMinute(confirmed.at)}.
        </span>
      )}
      <div role="radiogroup" aria-label="Severity">
        {view.assess.scale.map((level) => (
          <label key={level.level} className="ir-radio-row">
            <input type="radio" name="severity" checked={chosen === level.level} disabled={!editable} onChange={() => setChosen(level.level)} data-testid={`severity-${level.level}`} />
            <Stack space="space.025">
              <Inline space="space.100" alignBlock="center">
                <strong>{level.label}</strong>
                {level.level === current ? <Lozenge appearance="inprogress">current</Lozenge> : null}
                {level.pages ? <Lozenge appearance="moved">pages people</Lozenge> : null}
              </Inline>
              <span>{level.description}</span>
              <span className="ir-muted">{level.examples.join(' · ')}</span>
            </Stack>
          </label>
        ))}
      </div>
      {view.assess.severityScaleUrl === undefined ? null : (
        <a className="ir-link" href={view.assess.severityScaleUrl} target="_blank" rel="noreferrer">
          The severity scale
        </a>
      )}
      {editable ? (
        <Stack space="space.100">
          <FormField id="severity-reason" label="Why (optional)" error={fieldError(cockpit.failure, 'severity', 'reason')}>
            {(control) => <Textfield {...control} value={reason} onChange={(event) => setReason(event.target.value)} />}
          </FormField>
          <Inline>
            <Button appearance="primary" onClick={() => void submit()} isDisabled={chosen === undefined} isLoading={cockpit.busy === 'severity'} testId="severity-submit">
              {chosen === current ? `Confirm ${label}` : `Change to ${label}`}
            </Button>
          </Inline>
        </Stack>
      ) : null}
    </Section>
  );
}

const FACTORS: readonly { id: OtherFactor; label: string }[] = [
  { id: 'social-media', label: 'Twitter' },
  { id: 'security', label: 'Security' },
  { id: 'data-loss', label: 'Data loss' },
  { id: 'other', label: 'Other' },
];

type Draft = { text: string; audience: 'internal' | 'external' | 'both'; reach: 'some' | 'all'; count: string; factors: OtherFactor[] };

function draftOf(answer: AssessmentAnswerInput | undefined): Draft {
  const draft: Draft = { text: '', audience: 'external', reach: 'some', count: '', factors: [] };
  switch (answer?.questionId) {
    case 'customer-impact':
      return { ...draft, audience: answer.answer.audience, text: answer.answer.summary };
    case 'customer-experience':
      return { ...draft, text: answer.answer };
    case 'customers-affected':
      return { ...draft, reach: answer.answer.reach, count: answer.answer.count === undefined ? '' : String(answer.answer.count) };
    case 'impact-started':
      return { ...draft, text: toLocalInput(answer.answer) };
    case 'support-cases':
      return { ...draft, count: String(answer.answer) };
    case 'other-factors':
      return { ...draft, factors: [...answer.answer.factors], text: answer.answer.notes ?? '' };
    default:
      return draft;
  }
}

function answerOf(id: AssessmentQuestionView['id'], draft: Draft): AssessmentAnswerInput {
  const count = draft.count.trim() === '' ? undefined : Number(draft.count);
  switch (id) {
    case 'customer-impact':
      return { questionId: id, answer: { audience: draft.audience, summary: draft.text } };
    case 'customer-experience':
      return { questionId: id, answer: draft.text };
    case 'customers-affected':
      return { questionId: id, answer: { reach: draft.reach, ...(count === undefined ? {} : { count }) } };
    case 'impact-started':
      return { questionId: id, answer: fromLocalInput(draft.text) ?? draft.text };
    case 'support-cases':
      return { questionId: id, answer: count ?? Number.NaN };
    case 'other-factors':
      return { questionId: id, answer: { factors: draft.factors, ...(draft.text.trim() === '' ? {} : { notes: draft.text }) } };
  }
}

function Question({ question, cockpit, editable, startOpen }: { question: AssessmentQuestionView; cockpit: Cockpit; editable: boolean; startOpen: boolean }) {
  const [open, setOpen] = useState(startOpen && editable);
  const [draft, setDraft] = useState<Draft>(() => draftOf(question.answer));
  const action = `answer-${question.id}`;
  const error = fieldError(cockpit.failure, action, 'answer');
  const id = `q-${question.id}`;
  const submit = async () => {
    if (await cockpit.change(action, () => answerAssessment(answerOf(question.id, draft)), 'Answer recorded.')) setOpen(false);
  };
  const input = (node: (control: ControlProps) => ReactNode, label = 'Answer') => (
    <FormField id={id} label={label} error={error}>
      {node}
    </FormField>
  );
  return (
    <Stack space="space.075">
      <Inline spread="space-between" alignBlock="start" space="space.100">
        <Stack space="space.025">
          <strong>{question.question}</strong>
          {question.answerText === undefined ? (
            <span className="ir-muted">Not answered yet.</span>
          ) : (
            <span>
              {question.answerText}{' '}
              <span className="ir-muted">
                {question.fromField !== undefined ? `(from the ${question.fromField} field)` : `(${question.answeredBy?.displayName ?? ''}, ${utcMinute(question.answeredAt ?? '')})`}
              </span>
            </span>
          )}
        </Stack>
        {editable && !open ? (
          <Button spacing="compact" onClick={() => setOpen(true)} testId={`answer-${question.id}`}>
            {question.answerText === undefined ? 'Answer' : 'Revise'}
          </Button>
        ) : null}
      </Inline>
      {open ? (
        <Stack space="space.075">
          {question.id === 'customer-impact' ? (
            <FormField id={`${id}-audience`} label="Who is affected">
              {(control) => (
                <NativeSelect {...control} value={draft.audience} onChange={(event) => setDraft({ ...draft, audience: event.target.value as Draft['audience'] })}>
                  <option value="external">External customers</option>
                  <option value="internal">Internal customers</option>
                  <option value="both">Both</option>
                </NativeSelect>
              )}
            </FormField>
          ) : null}
          {question.id === 'customers-affected' ? (
            <Inline space="space.100">
              <FormField id={`${id}-reach`} label="How many">
                {(control) => (
                  <NativeSelect {...control} value={draft.reach} onChange={(event) => setDraft({ ...draft, reach: event.target.value as Draft['reach'] })}>
                    <option value="some">Some</option>
                    <option value="all">All</option>
                  </NativeSelect>
                )}
              </FormField>
              {input((control) => <Textfield {...control} type="number" min={0} value={draft.count} onChange={(event) => setDraft({ ...draft, count: event.target.value })} />, 'About how many (optional)')}
            </Inline>
          ) : null}
          {question.id === 'support-cases' ? input((control) => <Textfield {...control} type="number" min={0} value={draft.count} onChange={(event) => setDraft({ ...draft, count: event.target.value })} />) : null}
          {question.id === 'impact-started' ? input((control) => <Textfield {...control} type="datetime-local" value={draft.text} onChange={(event) => setDraft({ ...draft, text: event.target.value })} />, 'Impact started at (your time zone)') : null}
          {question.id === 'other-factors' ? (
            <Inline space="space.150" shouldWrap>
              {FACTORS.map((factor) => (
                <label key={factor.id}>
                  <input
                    type="checkbox"
                    checked={draft.factors.includes(factor.id)}
                    onChange={(event) => setDraft({ ...draft, factors: event.target.checked ? [...draft.factors, factor.id] : draft.factors.filter((id) => id !== factor.id) })}
                  />{' '}
                  {factor.label}
                </label>
              ))}
            </Inline>
          ) : null}
          {question.id === 'customer-impact' || question.id === 'customer-experience' || question.id === 'other-factors'
            ? input(
                (control) => <TextArea {...control} minimumRows={2} value={draft.text} onChange={(event) => setDraft({ ...draft, text: event.target.value })} />,
                question.id === 'other-factors' ? 'Notes (optional; none ticked means none)' : 'Answer',
              )
            : null}
          <Inline space="space.100">
            <Button appearance="primary" onClick={() => void submit()} isLoading={cockpit.busy === action} testId={`save-${question.id}`}>
              Save answer
            </Button>
            <Button appearance="subtle" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </Inline>
        </Stack>
      ) : null}
    </Stack>
  );
}

function RecentChanges({ impactStart, faultyService }: { impactStart: string | undefined; faultyService: string | undefined }) {
  const [changes, setChanges] = useState<GetRecentChangesResult | undefined>();
  // Looked up on its own, so a failure here never hides what the person was doing elsewhere.
  useEffect(() => {
    void getRecentChanges().then((result) => setChanges(result.ok ? result.value : { available: false, reason: result.error.message }));
  }, [impactStart, faultyService]);
  return (
    <Section title="Changes near the impact start">
      {changes === undefined ? <span className="ir-muted">Looking for deployments and other changes…</span> : null}
      {changes?.available === false ? <SectionMessage role="status" appearance="information">{changes.reason}</SectionMessage> : null}
      {changes?.available === true ? (
        changes.changes.length === 0 ? (
          <span>
            No change to {changes.service} was recorded in the {changes.windowMinutes / 60} hours around {utcMinute(changes.around)}.
          </span>
        ) : (
          <ul className="ir-rows" data-testid="recent-changes">
            {changes.changes.map((change) => (
              <li key={change.id}>
                <Inline space="space.100" alignBlock="center" shouldWrap>
                  <Lozenge appearance={change.minutesFromImpactStart <= 0 ? 'moved' : 'default'}>{change.kind}</Lozenge>
                  <span>{change.summary}</span>
                  <span className="ir-muted">
                    {change.by}, {utcMinute(change.at)} ({change.minutesFromImpactStart <= 0 ? `${-change.minutesFromImpactStart}m before` : `${change.minutesFromImpactStart}m after`} the start)
                  </span>
                  {change.url === undefined ? null : (
                    <a className="ir-link" href={change.url} target="_blank" rel="noreferrer">
                      details
                    </a>
                  )}
                </Inline>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </Section>
  );
}
