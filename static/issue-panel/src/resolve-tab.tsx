/**
 * Resolve and learn: resolve with the impact end (now unless changed) in one step, or cancel a false
 * alarm; then the final update, cleanup tasks linked to the incident, and the postmortem that must
 * exist before the incident can be closed.
 */
import { Inline, Stack } from '@atlaskit/primitives/compiled';
import Spinner from '@atlaskit/spinner';
import { useCallback, useEffect, useState } from 'react';
import type { PersonView } from '../../../src/contracts/cockpit';
import type { ResolutionUpdate, ResolutionView } from '../../../src/contracts/resolution';
import type { ResolverResult } from '../../../src/contracts/resolver-result';
import { fromLocalInput, toLocalInput, utcMinute } from './format';
import { PersonPicker } from './person-picker';
import { cancelIncident, createCleanupTask, createPostmortem, getResolution, recordImpactEnd, resolveIncident } from './resolution-invokes';
import { Button, Field, Message, Pill, Section } from './ui';
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
      <Message tone="error" title="The Resolve step could not be loaded" testId="resolution-failed">
        {cockpit.failure.error.message}
      </Message>
    ) : (
      <Inline space="space.100" alignBlock="center">
        <Spinner size="small" label="Loading" />
        <span>Loading…</span>
      </Inline>
    );
  }
  return (
    <Stack space="space.200" testId="resolve-tab">
      {notices.map((notice) => (
        <Message key={notice} tone="warning">
          {notice}
        </Message>
      ))}
      <Times view={view} />
      {view.canResolve ? <Resolve view={view} cockpit={cockpit} act={act} /> : null}
      {view.impactEndMissing && view.canEdit ? <RecordImpactEnd view={view} cockpit={cockpit} act={act} /> : null}
      {view.nextSteps.length === 0 ? null : (
        <Message tone="info" title="Next steps" testId="resolve-next-steps">
          <ul className="ir-list">
            {view.nextSteps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ul>
          <Inline>
            <Button small appearance="primary" onClick={onGoToUpdates} testId="send-final-update">
              Send the final update
            </Button>
          </Inline>
        </Message>
      )}
      {view.status === 'resolved' || view.status === 'closed' ? (
        <>
          <CleanupTasks view={view} cockpit={cockpit} act={act} />
          <Postmortem view={view} cockpit={cockpit} act={act} />
        </>
      ) : null}
      {view.closeBlockedReason === undefined ? null : (
        <Message tone="warning" title="Not ready to close" testId="close-blocked">
          {view.closeBlockedReason}
        </Message>
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
      <Pill tone={view.status === 'fixing' ? 'moved' : view.status === 'new' ? 'pending' : 'done'}>{view.statusName}</Pill>
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
      <Field id="resolve-impact-end" label="Impact ended at" help="Now, unless the impact ended earlier." error={fieldError(cockpit.failure, 'resolve', 'impactEnd')}>
        {(control) => <input {...control} type="datetime-local" value={end} onChange={(event) => setEnd(event.target.value)} />}
      </Field>
      {cockpit.failure?.action === 'resolve' && cockpit.failure.error.field === undefined ? <Message tone="error">{cockpit.failure.error.message}</Message> : null}
      <Inline>
        <Button appearance="primary" onClick={submit} busy={cockpit.busy === 'resolve'} testId="resolve-submit">
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
    <Message tone="warning" title="When did the impact end?" testId="impact-end-missing">
      <span>The incident was resolved without an impact end, so time to recover cannot be measured.</span>
      <Field id="missing-impact-end" label="Impact ended at" error={fieldError(cockpit.failure, 'impact-end', 'impactEnd')}>
        {(control) => <input {...control} type="datetime-local" value={end} onChange={(event) => setEnd(event.target.value)} />}
      </Field>
      <Inline>
        <Button small appearance="primary" onClick={() => void act('impact-end', () => recordImpactEnd({ impactEnd }))} busy={cockpit.busy === 'impact-end'} testId="record-impact-end">
          Record impact end
        </Button>
      </Inline>
    </Message>
  );
}

function TaskLine({ task }: { task: { key: string; summary: string; statusName: string; done: boolean; url: string } }) {
  return (
    <Inline space="space.100" alignBlock="center" shouldWrap>
      <a href={task.url} target="_blank" rel="noreferrer">
        {task.key}
      </a>
      <span>{task.summary}</span>
      <Pill tone={task.done ? 'success' : 'default'}>{task.statusName}</Pill>
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
      <ul className="ir-list" data-testid="cleanup-tasks">
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
          <Field id="cleanup-summary" label="What needs cleaning up" error={error('summary')}>
            {(control) => <input {...control} value={summary} onChange={(event) => setSummary(event.target.value)} />}
          </Field>
          <PersonPicker id="cleanup-assignee" label="Assignee" cockpit={cockpit} value={who} onChange={setWho} error={error('assigneeAccountId')} />
          <Field id="cleanup-due" label="Due date (optional)" error={error('dueDate')}>
            {(control) => <input {...control} type="date" value={due} onChange={(event) => setDue(event.target.value)} />}
          </Field>
          {cockpit.failure?.action === 'cleanup' && cockpit.failure.error.field === undefined ? <Message tone="error">{cockpit.failure.error.message}</Message> : null}
          <Inline>
            <Button onClick={() => void submit()} disabled={summary.trim() === ''} busy={cockpit.busy === 'cleanup'} testId="cleanup-submit">
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
          {cockpit.failure?.action === 'postmortem' ? <Message tone="error">{cockpit.failure.error.message}</Message> : null}
          <Inline>
            <Button appearance="primary" onClick={() => void act('postmortem', () => createPostmortem({}))} busy={cockpit.busy === 'postmortem'} testId="postmortem-submit">
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
        <Button appearance="subtle" small onClick={() => setOpen(true)} testId="cancel-open">
          Cancel as a false alarm…
        </Button>
      </Inline>
    );
  }
  return (
    <Section title="Cancel (false alarm)">
      <span className="ir-muted">A cancelled incident has no impact end and no postmortem, and never counts in the metrics.</span>
      <Field id="cancel-reason" label="Why is this a false alarm?" error={fieldError(cockpit.failure, 'cancel', 'reason')}>
        {(control) => <input {...control} value={reason} onChange={(event) => setReason(event.target.value)} />}
      </Field>
      <Inline space="space.100">
        <Button appearance="danger" onClick={() => void act('cancel', () => cancelIncident({ reason }), true)} disabled={reason.trim() === ''} busy={cockpit.busy === 'cancel'} testId="cancel-submit">
          Cancel incident
        </Button>
        <Button appearance="subtle" onClick={() => setOpen(false)}>
          Keep it open
        </Button>
      </Inline>
    </Section>
  );
}
