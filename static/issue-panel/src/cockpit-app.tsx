/**
 * The incident cockpit: where the response stands (checklist, next step), and the IM's steps of
 * the handbook (Open comms, Assess, Delegate, Review) in as few clicks as the platform allows.
 */
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack } from '@atlaskit/primitives/compiled';
import Spinner from '@atlaskit/spinner';
import { useState } from 'react';
import type { ChecklistItemView, CockpitView } from '../../../src/contracts/cockpit';
import { AssessTab } from './assess-tab';
import { CommsTab } from './comms-tab';
import { utcMinute } from './format';
import { takeCommand } from './invokes';
import { PagingCard } from './paging-card';
import { ResolveTab } from './resolve-tab';
import { ReviewTab } from './review-tab';
import { RolesTab } from './roles-tab';
import { TimelineTab } from './timeline-tab';
import { Button, Message, Pill, Tabs, type TabDefinition } from './ui';
import { refreshIssueView, useCockpit, type Cockpit } from './use-cockpit';

type TabId = 'checklist' | 'comms' | 'assess' | 'roles' | 'timeline' | 'review' | 'resolve';

/** Where each step of the checklist is worked on in the panel. */
const TAB_OF_STEP: Readonly<Record<string, TabId>> = {
  'open-comms': 'comms',
  assess: 'assess',
  delegate: 'roles',
  review: 'timeline',
  resolve: 'resolve',
};

export function CockpitApp() {
  const cockpit = useCockpit();
  const { load } = cockpit;
  if (load.kind === 'loading') {
    return (
      <Box padding="space.200" role="status" aria-live="polite" testId="cockpit-loading">
        <Inline space="space.100" alignBlock="center">
          <Spinner size="medium" label="Loading the incident" />
          <span>Loading the incident…</span>
        </Inline>
      </Box>
    );
  }
  if (load.kind === 'failed') {
    const { code, message } = load.error;
    const title = code === 'not-found' ? 'This issue is not available' : code === 'forbidden' ? 'You cannot see this incident' : 'The incident could not be loaded';
    return (
      <Box padding="space.100" testId="cockpit-failed">
        <Message tone={code === 'not-found' || code === 'forbidden' ? 'warning' : 'error'} title={title}>
          <span>{message}</span>
          <Inline>
            <Button small onClick={() => void cockpit.refresh()}>
              Try again
            </Button>
          </Inline>
        </Message>
      </Box>
    );
  }
  return <Loaded view={load.view} cockpit={cockpit} />;
}

function Loaded({ view, cockpit }: { view: CockpitView; cockpit: Cockpit }) {
  const [tab, setTab] = useState<TabId>(() => TAB_OF_STEP[view.nextStep?.step ?? ''] ?? 'checklist');
  const [taken, setTaken] = useState<string | undefined>();
  const pending = view.checklist.filter((item) => item.state === 'pending').length;
  const tabs: readonly TabDefinition<TabId>[] = [
    { id: 'checklist', label: 'Checklist', hint: `${view.checklist.length - pending}/${view.checklist.length}` },
    { id: 'comms', label: 'Comms' },
    { id: 'assess', label: 'Assess', hint: `${view.assess.answered}/${view.assess.total}` },
    { id: 'roles', label: 'Roles' },
    { id: 'timeline', label: 'Timeline', hint: String(view.timeline.length) },
    { id: 'review', label: 'Review', ...(view.review.fatigue.length + view.review.prompts.length > 0 ? { hint: `${view.review.fatigue.length + view.review.prompts.length}` } : {}) },
    { id: 'resolve', label: 'Resolve' },
  ];
  return (
    <Box padding="space.100" testId="cockpit">
      <Stack space="space.200">
        <Header view={view} />
        <Banners view={view} cockpit={cockpit} />
        {taken === undefined ? null : (
          <Message tone="warning" title="Someone else is in command" onDismiss={() => setTaken(undefined)} testId="already-taken">
            {taken}
          </Message>
        )}
        {view.issue.status === 'new' ? <TakeCommand view={view} cockpit={cockpit} onTaken={setTaken} /> : null}
        <NextStep view={view} onGo={setTab} />
        {cockpit.paging === undefined ? null : <PagingCard view={view} paging={cockpit.paging} cockpit={cockpit} />}
        <Tabs tabs={tabs} selected={tab} onSelect={setTab}>
          {tab === 'checklist' ? <Checklist items={view.checklist} /> : null}
          {tab === 'comms' ? <CommsTab key={[view.channels.chatRoom, view.channels.videoCall, view.channels.stateDocument].join(' ')} view={view} cockpit={cockpit} /> : null}
          {tab === 'assess' ? <AssessTab view={view} cockpit={cockpit} /> : null}
          {tab === 'roles' ? <RolesTab view={view} cockpit={cockpit} /> : null}
          {tab === 'timeline' ? <TimelineTab view={view} cockpit={cockpit} /> : null}
          {tab === 'review' ? <ReviewTab view={view} onHandOver={() => setTab('roles')} /> : null}
          {/* The final update is written where updates are: the Comms tab until the update composer has its own. */}
          {tab === 'resolve' ? <ResolveTab cockpit={cockpit} onGoToUpdates={() => setTab('comms')} /> : null}
        </Tabs>
      </Stack>
    </Box>
  );
}

function Header({ view }: { view: CockpitView }) {
  const { issue, command } = view;
  return (
    <Stack space="space.050">
      <Heading size="small" as="h2">
        {issue.key}: {issue.summary}
      </Heading>
      <Inline space="space.100" alignBlock="center" shouldWrap>
        {issue.severity === undefined ? <Pill tone="warning">no severity</Pill> : <Pill tone={issue.severity.level === 3 ? 'default' : 'removed'}>{issue.severity.label}</Pill>}
        <Pill tone={issue.status === 'new' ? 'pending' : issue.status === 'fixing' ? 'moved' : 'done'}>{issue.statusName}</Pill>
        {issue.faultyService === undefined ? null : <span className="ir-muted">{issue.faultyService}</span>}
        <span data-testid="incident-manager">
          IM: <strong>{command.incidentManager?.displayName ?? 'nobody yet'}</strong>
          {command.incidentManager?.since === undefined ? null : <span className="ir-muted"> since {utcMinute(command.incidentManager.since)}</span>}
        </span>
        {command.backup === undefined ? null : <span className="ir-muted">Backup: {command.backup.displayName}</span>}
      </Inline>
    </Stack>
  );
}

function Banners({ view, cockpit }: { view: CockpitView; cockpit: Cockpit }) {
  const { failure, notices, success } = cockpit;
  return (
    <>
      {view.viewer.readOnlyReason === undefined ? null : (
        <Message tone="info" title="Read-only" testId="read-only">
          {view.viewer.readOnlyReason}
        </Message>
      )}
      {view.warnings.map((warning) => (
        <Message key={warning} tone="warning">
          {warning}
        </Message>
      ))}
      {failure === undefined ? null : (
        <Message tone="error" title="That did not work" onDismiss={cockpit.dismiss} testId="failure">
          {failure.error.message}
        </Message>
      )}
      {notices.length === 0 ? null : (
        <Message tone="warning" title="Done, with problems" onDismiss={cockpit.dismiss} testId="notices">
          <ul className="ir-list">
            {notices.map((notice) => (
              <li key={notice}>{notice}</li>
            ))}
          </ul>
        </Message>
      )}
      {success === undefined || notices.length > 0 ? null : (
        <Message tone="success" onDismiss={cockpit.dismiss} testId="success">
          {success}
        </Message>
      )}
    </>
  );
}

function TakeCommand({ view, cockpit, onTaken }: { view: CockpitView; cockpit: Cockpit; onTaken: (message: string) => void }) {
  const { command } = view;
  if (!command.canTakeCommand || command.takeCommandTransitionId === undefined) return null;
  const transitionId = command.takeCommandTransitionId;
  const take = async () => {
    const result = await cockpit.run('take-command', () => takeCommand({ transitionId, recordDetected: command.detectedMissing }));
    if (result?.outcome === 'already-taken') onTaken(result.message);
    if (result !== undefined) {
      await cockpit.refresh();
      refreshIssueView();
    }
  };
  const other = command.incidentManager !== undefined && command.incidentManager.accountId !== view.viewer.accountId ? command.incidentManager : undefined;
  return (
    <div className="ir-card" data-testid="take-command-card">
      <Stack space="space.100">
        <span>
          {other === undefined ? 'Nobody is in command yet.' : `${other.displayName} is assigned but the incident is still New.`} Taking command assigns the incident to you, moves it to
          Fixing{command.detectedMissing ? ', records when it was detected' : ''} and acknowledges the page.
        </span>
        <Inline>
          <Button appearance="primary" onClick={() => void take()} busy={cockpit.busy === 'take-command'} testId="take-command">
            Take command
          </Button>
        </Inline>
      </Stack>
    </div>
  );
}

function NextStep({ view, onGo }: { view: CockpitView; onGo: (tab: TabId) => void }) {
  const next = view.nextStep;
  if (next === undefined) return <Message tone="success">Every step is done or does not apply.</Message>;
  const tab = TAB_OF_STEP[next.step];
  return (
    <Message tone="info" title={`Next: ${next.name}`} testId="next-step">
      <Inline spread="space-between" alignBlock="center" space="space.100">
        <span>{next.reason}</span>
        {tab === undefined ? null : (
          <Button small onClick={() => onGo(tab)}>
            Go to {tab}
          </Button>
        )}
      </Inline>
    </Message>
  );
}

const STATE_LABELS: Readonly<Record<ChecklistItemView['state'], string>> = { done: 'done', pending: 'to do', 'not-applicable': 'n/a' };

function Checklist({ items }: { items: readonly ChecklistItemView[] }) {
  return (
    <ol className="ir-list" data-testid="checklist">
      {items.map((item) => (
        <li key={item.step} data-testid={`step-${item.step}`} data-state={item.state}>
          <Inline space="space.100" alignBlock="center">
            <Pill tone={item.state}>{STATE_LABELS[item.state]}</Pill>
            <strong>{item.name}</strong>
            <span className="ir-muted">{item.reason}</span>
          </Inline>
        </li>
      ))}
    </ol>
  );
}
