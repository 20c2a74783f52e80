/**
 * Resolve and learn: resolve with the impact end (now unless changed) in one step, or cancel a false
 * alarm; then the final update, cleanup tasks linked to the incident, and the postmortem that must
 * exist before the incident can be closed.
 */
import { Inline, Stack } from '@atlaskit/primitives/compiled';
import { useCallback, useEffect, useState } from 'react';
import type { PersonView } from '../../../src/contracts/cockpit';
import type { ResolutionUpdate, ResolutionView } from '../../../src/contracts/resolution';
import type { ResolverResult } from '../../../src/contracts/resolver-result';
import { Button } from '../../shared-ui/button';
import { FormField, selectControl } from '../../shared-ui/form-field';
import { Section } from '../../shared-ui/layout';
import { Lozenge } from '../../shared-ui/lozenge';
import { ErrorState, LoadingState } from '../../shared-ui/page-states';
import { PersonPicker } from '../../shared-ui/people-picker';
import { SectionMessage } from '../../shared-ui/section-message';
import { Textfield } from '../../shared-ui/text-field';
import { fromLocalInput, toLocalInput, utcMinute } from './format';
import { searchAssignable } from './invokes';
import { cancelIncident, createCleanupTask, createPostmortem, getResolution, recordImpactEnd, resolveIncident } from './resolution-invokes';
import { fieldError, refreshIssueView, type Cockpit } from './use-cockpit';

export function ResolveTab({ cockpit, onGoToUpdates }: { cockpit: Cockpit; onGoToUpdates: () => void }) {
  const [view, setView] = useState<ResolutionView | undefined>();
  const [notices, setNotices] = useState<readonly string[]>([]);
  const load = useCallback(async () => {
    const result = await cockpit.run('resolution', getResolution);
    if (result !== undefined) setView(result);
  }, [cockpit.run]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (action: string, call: () => Promise<ResolverResult<ResolutionUpdate>>, refreshCockpit = false): Promise<boolean> => {
    const update = await cockpit.run(action, call);
    if (update === undefined) return false;
    setView(update.view);
    setNotices(update.notices);
    refreshIssueView();
    if (refreshCockpit) await cockpit.refresh();
    return true;
  };

  if (view === undefined) {
    return cockpit.failure?.action === 'resolution' ? (
      <ErrorState title="The Resolve step could not be loaded" message={cockpit.failure.error.message} onRetry={() => void load()} />
    ) : (
      <LoadingState label="Loading the Resolve step" />
    );
  }
  return (
    <Stack space="space.200" testId="resolve-tab">
      {notices.map((notice) => (
        <SectionMessage role="status" key={notice} appearance="warning">
          {notice}
        </SectionMessage>
      ))}
      <Times view={view} />
      {view.canResolve ? <Resolve view={view} cockpit={cockpit} act={act} /> : null}
      {view.impactEndMissing && view.canEdit ? <RecordImpactEnd view={view} cockpit={cockpit} act={act} /> : null}
      {view.nextSteps.length === 0 ? null : (
        <SectionMessage role="status" appearance="information" title="Next steps" testId="resolve-next-steps">
          <ul className="ir-rows">
            {view.nextSteps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ul>
          <Inline>
            <Button spacing="compact" appearance="primary" onClick={onGoToUpdates} testId="send-final-update">
              Send the final update
            </Button>
          </Inline>
        </SectionMessage>
      )}
      {view.status === 'resolved' || view.status === 'closed' ? (
        <>
          <CleanupTasks view={view} cockpit={cockpit} act={act} />
          <Postmortem view={view} cockpit={cockpit} act={act} />
        </>
      ) : null}
      {view.closeBlockedReason === undefined ? null : (
        <SectionMessage role="status" appearance="warning" title="Not ready to close" testId="close-blocked">
          {view.closeBlockedReason}
        </SectionMessage>
      )}
      {view.canCancel && view.status !== 'resolved' ? <Cancel cockpit={cockpit} act={act} /> : null}
    </Stack>
  );
}

type Act = (action: string, call: () => Promise<ResolverResult<ResolutionUpdate>>, refreshCockpit?: boolean) => Promise<boolean>;

function Times({ view }: { view: ResolutionView }) {
  const at = (iso: string | undefined) => (iso === undefined ? 'not recorded' : utcMinute(iso));
  return (
    <Inline space="space.200" shouldWrap>
      <span>
        Impact start: <strong>{at(view.impactStart)}</strong>
      </span>
      <span>
        Detected: <strong>{at(view.detected)}</strong>
      </span>
      <span data-testid="impact-end">
        Impact end: <strong>{at(view.impactEnd)}</strong>
      </span>
      <Lozenge appearance={view.status === 'fixing' || view.status === 'new' ? 'inprogress' : 'success'}>{view.statusName}</Lozenge>
    </Inline>
  );
}

function Resolve({ view, cockpit, act }: { view: ResolutionView; cockpit: Cockpit; act: Act }) {
  const suggested = toLocalInput(view.suggestedImpactEnd);
  const [end, setEnd] = useState(suggested);
  const submit = () => {
    // The field shows minutes; left as suggested it means "now", to the second, as the app records it.
    const impactEnd = end === suggested ? undefined : fromLocalInput(end);
    void act('resolve', () => resolveIncident(impactEnd === undefined ? {} : { impactEnd }), true);
  };
  return (
    <Section title="Resolve">
      <span className="ir-muted">The incident is resolved when the impact on customers has ended. Roles end with it.</span>
      <FormField id="resolve-impact-end" label="Impact ended at" help="Now, unless the impact ended earlier." error={fieldError(cockpit.failure, 'resolve', 'impactEnd')}>
        {(control) => <Textfield {...control} type="datetime-local" value={end} onChange={(event) => setEnd(event.target.value)} />}
      </FormField>
      {cockpit.failure?.action === 'resolve' && cockpit.failure.error.field === undefined ? <SectionMessage role="alert" appearance="error">{cockpit.failure.error.message}</SectionMessage> : null}
      <Inline>
        <Button appearance="primary" onClick={submit} isLoading={cockpit.busy === 'resolve'} testId="resolve-submit">
          Resolve incident
        </Button>
      </Inline>
    </Section>
  );
}

function RecordImpactEnd({ view, cockpit, act }: { view: ResolutionView; cockpit: Cockpit; act: Act }) {
  const suggested = toLocalInput(view.suggestedImpactEnd);
  const [end, setEnd] = useState(suggested);
  const impactEnd = end === suggested ? view.suggestedImpactEnd : (fromLocalInput(end) ?? view.suggestedImpactEnd);
  return (
    <SectionMessage role="status" appearance="warning" title="When did the impact end?" testId="impact-end-missing">
      <span>The incident was resolved without an impact end, so time to recover cannot be measured.</span>
      <FormField id="missing-impact-end" label="Impact ended at" error={fieldError(cockpit.failure, 'impact-end', 'impactEnd')}>
        {(control) => <Textfield {...control} type="datetime-local" value={end} onChange={(event) => setEnd(event.target.value)} />}
      </FormField>
      <Inline>
        <Button spacing="compact" appearance="primary" onClick={() => void act('impact-end', () => recordImpactEnd({ impactEnd }))} isLoading={cockpit.busy === 'impact-end'} testId="record-impact-end">
          Record impact end
        </Button>
      </Inline>
    </SectionMessage>
  );
}

function TaskLine({ task }: { task: { key: string; summary: string; statusName: string; done: boolean; url: string } }) {
  return (
    <Inline space="space.100" alignBlock="center" shouldWrap>
      <a href={task.url} target="_blank" rel="noreferrer">
        {task.key}
      </a>
      <span>{task.summary}</span>
      <Lozenge appearance={task.done ? 'success' : 'default'}>{task.statusName}</Lozenge>
    </Inline>
  );
}

function CleanupTasks({ view, cockpit, act }: { view: ResolutionView; cockpit: Cockpit; act: Act }) {
  const [summary, setSummary] = useState('');
  const [who, setWho] = useState<PersonView | undefined>();
  const [due, setDue] = useState('');
  const error = (field: string) => fieldError(cockpit.failure, 'cleanup', field);
  const submit = async () => {
    const payload = { summary, ...(who === undefined ? {} : { assigneeAccountId: who.accountId }), ...(due === '' ? {} : { dueDate: due }) };
    if (await act('cleanup', () => createCleanupTask(payload))) {
      setSummary('');
      setDue('');
      setWho(undefined);
    }
  };
  return (
    <Section title={`Cleanup tasks (${view.cleanupTasks.length})`}>
      {view.cleanupTasks.length === 0 ? <span className="ir-muted">None yet: add what was done in a hurry and must be tidied up.</span> : null}
      <ul className="ir-rows" data-testid="cleanup-tasks">
        {view.cleanupTasks.map((task) => (
          <li key={task.key}>
            <TaskLine task={task} />
          </li>
        ))}
      </ul>
      {!view.canEdit ? null : !view.cleanupConfigured ? (
        <span className="ir-muted">An administrator chooses the cleanup project on the app's settings page.</span>
      ) : (
        <Stack space="space.100">
          <FormField id="cleanup-summary" label="What needs cleaning up" error={error('summary')}>
            {(control) => <Textfield {...control} value={summary} onChange={(event) => setSummary(event.target.value)} />}
          </FormField>
          <FormField id="cleanup-assignee" label="Assignee" error={error('assigneeAccountId')}>
        {(control) => <PersonPicker {...selectControl(control)} search={searchAssignable} value={who ?? null} onChange={(chosen) => setWho(chosen ?? undefined)} />}
      </FormField>
          <FormField id="cleanup-due" label="Due date (optional)" error={error('dueDate')}>
            {(control) => <Textfield {...control} type="date" value={due} onChange={(event) => setDue(event.target.value)} />}
          </FormField>
          {cockpit.failure?.action === 'cleanup' && cockpit.failure.error.field === undefined ? <SectionMessage role="alert" appearance="error">{cockpit.failure.error.message}</SectionMessage> : null}
          <Inline>
            <Button onClick={() => void submit()} isDisabled={summary.trim() === ''} isLoading={cockpit.busy === 'cleanup'} testId="cleanup-submit">
              Create cleanup task
            </Button>
          </Inline>
        </Stack>
      )}
    </Section>
  );
}

function Postmortem({ view, cockpit, act }: { view: ResolutionView; cockpit: Cockpit; act: Act }) {
  return (
    <Section title="Postmortem">
      {view.postmortem !== undefined ? (
        <Stack space="space.050" testId="postmortem">
          <TaskLine task={view.postmortem} />
          {view.postmortem.dueDate === undefined ? null : <span className="ir-muted">Due {view.postmortem.dueDate}; its owner is reminded then.</span>}
        </Stack>
      ) : !view.canEdit ? (
        <span className="ir-muted">No postmortem yet.</span>
      ) : !view.postmortemConfigured ? (
        <span className="ir-muted">An administrator chooses the postmortem project on the app's settings page.</span>
      ) : (
        <Stack space="space.100">
          <span className="ir-muted">
            Prefilled with the impact, the timeline, roles, communications and cleanup tasks; owned by the incident manager{view.postmortemDueDate === undefined ? '' : `, due ${view.postmortemDueDate}`}.
          </span>
          {cockpit.failure?.action === 'postmortem' ? <SectionMessage role="alert" appearance="error">{cockpit.failure.error.message}</SectionMessage> : null}
          <Inline>
            <Button appearance="primary" onClick={() => void act('postmortem', () => createPostmortem({}))} isLoading={cockpit.busy === 'postmortem'} testId="postmortem-submit">
              Create postmortem
            </Button>
          </Inline>
        </Stack>
      )}
    </Section>
  );
}

function Cancel({ cockpit, act }: { cockpit: Cockpit; act: Act }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open) {
    return (
      <Inline>
        <Button appearance="subtle" spacing="compact" onClick={() => setOpen(true)} testId="cancel-open">
          Cancel as a false alarm…
        </Button>
      </Inline>
    );
  }
  return (
    <Section title="Cancel (false alarm)">
      <span className="ir-muted">A cancelled incident has no impact end and no postmortem, and never counts in the metrics.</span>
      <FormField id="cancel-reason" label="Why is this a false alarm?" error={fieldError(cockpit.failure, 'cancel', 'reason')}>
        {(control) => <Textfield {...control} value={reason} onChange={(event) => setReason(event.target.value)} />}
      </FormField>
      <Inline space="space.100">
        <Button appearance="danger" onClick={() => void act('cancel', () => cancelIncident({ reason }), true)} isDisabled={reason.trim() === ''} isLoading={cockpit.busy === 'cancel'} testId="cancel-submit">
          Cancel incident
        </Button>
        <Button appearance="subtle" onClick={() => setOpen(false)}>
          Keep it open
        </Button>
      </Inline>
    </Section>
  );
}
