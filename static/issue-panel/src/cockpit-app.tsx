/**
 * The incident cockpit: where the response stands (checklist, next step), and the IM's steps of
 * the handbook (Open comms, Assess, Delegate, Review) in as few clicks as the platform allows.
 */
import { Box, Inline, Stack } from '@atlaskit/primitives/compiled';
import { useState, type ReactNode } from 'react';
import type { ChecklistItemView, CockpitView } from '../../../src/contracts/cockpit';
import { Button } from '../../shared-ui/button';
import { Lozenge, type LozengeAppearance } from '../../shared-ui/lozenge';
import { ErrorState, ForbiddenState, LoadingState } from '../../shared-ui/page-states';
import { SectionMessage } from '../../shared-ui/section-message';
import { Tab, TabList, TabPanel, Tabs } from '../../shared-ui/tabs';
import { AssessTab } from './assess-tab';
import { DrillBanner } from './drill-banner';
import { CommsTab } from './comms-tab';
import { IncidentSummary } from './incident-summary';
import { takeCommand } from './invokes';
import { PagingCard } from './paging-card';
import { ResolveTab } from './resolve-tab';
import { ReviewTab } from './review-tab';
import { RolesTab } from './roles-tab';
import { TimelineTab } from './timeline-tab';
import { UpdateComposer } from './update-composer';
import { refreshIssueView, useCockpit, type Cockpit } from './use-cockpit';

type TabId = string;

/** Where each step of the checklist is worked on in the panel. */
const TAB_OF_STEP: Readonly<Record<string, TabId>> = {
  'open-comms': 'comms',
  assess: 'assess',
  delegate: 'roles',
  review: 'timeline',
  'initial-comms': 'updates',
  'follow-up-comms': 'updates',
  resolve: 'resolve',
};

export function CockpitApp() {
  const cockpit = useCockpit();
  const { load } = cockpit;
  if (load.kind === 'loading') return <LoadingState label="Loading the incident" />;
  if (load.kind === 'failed') {
    const { code, message } = load.error;
    if (code === 'not-found') return <ForbiddenState title="This issue is not available">{message}</ForbiddenState>;
    if (code === 'forbidden') return <ForbiddenState title="You cannot see this incident">{message}</ForbiddenState>;
    return <ErrorState title="The incident could not be loaded" message={message} onRetry={() => void cockpit.refresh()} />;
  }
  return <Loaded view={load.view} cockpit={cockpit} />;
}

/** One tab of the panel; helpers add theirs by appending to the list `panelTabs` builds. */
interface PanelTab {
  readonly id: TabId;
  readonly label: string;
  readonly hint?: string;
  readonly render: () => ReactNode;
}

function panelTabs(view: CockpitView, cockpit: Cockpit, go: (tab: TabId) => void): PanelTab[] {
  const pending = view.checklist.filter((item) => item.state === 'pending').length;
  const review = view.review.fatigue.length + view.review.prompts.length;
  return [
    { id: 'checklist', label: 'Checklist', hint: `${view.checklist.length - pending}/${view.checklist.length}`, render: () => <Checklist items={view.checklist} /> },
    {
      id: 'comms',
      label: 'Comms',
      render: () => <CommsTab key={[view.channels.chatRoom, view.channels.videoCall, view.channels.stateDocument].join(' ')} view={view} cockpit={cockpit} />,
    },
    { id: 'assess', label: 'Assess', hint: `${view.assess.answered}/${view.assess.total}`, render: () => <AssessTab view={view} cockpit={cockpit} /> },
    { id: 'roles', label: 'Roles', render: () => <RolesTab view={view} cockpit={cockpit} /> },
    { id: 'timeline', label: 'Timeline', hint: String(view.timeline.length), render: () => <TimelineTab view={view} cockpit={cockpit} /> },
    { id: 'updates', label: 'Updates', render: () => <UpdateComposer onSent={() => void cockpit.refresh()} /> },
    { id: 'resolve', label: 'Resolve', render: () => <ResolveTab cockpit={cockpit} onGoToUpdates={() => go('updates')} /> },
    { id: 'review', label: 'Review', ...(review > 0 ? { hint: String(review) } : {}), render: () => <ReviewTab view={view} onHandOver={() => go('roles')} /> },
  ];
}

function Loaded({ view, cockpit }: { view: CockpitView; cockpit: Cockpit }) {
  const [tab, setTab] = useState<TabId>(() => TAB_OF_STEP[view.nextStep?.step ?? ''] ?? 'checklist');
  const [taken, setTaken] = useState<string | undefined>();
  const tabs = panelTabs(view, cockpit, setTab);
  const selected = Math.max(0, tabs.findIndex((candidate) => candidate.id === tab));
  return (
    <Box padding="space.100" testId="cockpit">
      <Stack space="space.200">
        <DrillBanner onEnded={() => void cockpit.refresh()} />
        <IncidentSummary view={view} paging={cockpit.paging} />
        <Banners view={view} cockpit={cockpit} />
        {taken === undefined ? null : (
          <SectionMessage role="status" appearance="warning" title="Someone else is in command" onDismiss={() => setTaken(undefined)} testId="already-taken">
            {taken}
          </SectionMessage>
        )}
        {view.issue.status === 'new' ? <TakeCommand view={view} cockpit={cockpit} onTaken={setTaken} /> : null}
        <NextStep view={view} onGo={setTab} />
        {cockpit.paging === undefined ? null : <PagingCard view={view} paging={cockpit.paging} cockpit={cockpit} />}
        <Tabs id="cockpit-tabs" selected={selected} onChange={(index) => setTab(tabs[index]?.id ?? 'checklist')}>
          <TabList label="Incident response steps" wrap>
            {tabs.map((candidate) => (
              <Tab key={candidate.id} testId={`tab-${candidate.id}`}>
                {candidate.label}
                {candidate.hint === undefined ? null : <span className="ir-muted"> {candidate.hint}</span>}
              </Tab>
            ))}
          </TabList>
          {tabs.map((candidate) => (
            <TabPanel key={candidate.id} testId={`panel-${candidate.id}`}>
              <div className="ir-tab-panel">{candidate.render()}</div>
            </TabPanel>
          ))}
        </Tabs>
      </Stack>
    </Box>
  );
}

function Banners({ view, cockpit }: { view: CockpitView; cockpit: Cockpit }) {
  const { failure, notices, success } = cockpit;
  return (
    <>
      {view.viewer.readOnlyReason === undefined ? null : (
        <SectionMessage role="status" appearance="information" title="Read-only" testId="read-only">
          {view.viewer.readOnlyReason}
        </SectionMessage>
      )}
      {view.warnings.map((warning) => (
        <SectionMessage role="status" key={warning} appearance="warning">
          {warning}
        </SectionMessage>
      ))}
      {failure === undefined ? null : (
        <SectionMessage role="alert" appearance="error" title="That did not work" onDismiss={cockpit.dismiss} testId="failure">
          {failure.error.message}
        </SectionMessage>
      )}
      {notices.length === 0 ? null : (
        <SectionMessage role="status" appearance="warning" title="Done, with problems" onDismiss={cockpit.dismiss} testId="notices">
          <ul className="ir-rows">
            {notices.map((notice) => (
              <li key={notice}>{notice}</li>
            ))}
          </ul>
        </SectionMessage>
      )}
      {success === undefined || notices.length > 0 ? null : (
        <SectionMessage role="status" appearance="success" onDismiss={cockpit.dismiss} testId="success">
          {success}
        </SectionMessage>
      )}
    </>
  );
}

function TakeCommand({ view, cockpit, onTaken }: { view: CockpitView; cockpit: Cockpit; onTaken: (message: string) => void }) {
  const { command } = view;
  if (!command.canTakeCommand || command.takeCommandTransitionId === undefined) return null;
  const transitionId = command.takeCommandTransitionId;
  const take = async () => {
    const result = await cockpit.run('take-command', () => takeCommand({ transitionId }));
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
          Fixing and acknowledges the page.
        </span>
        <Inline>
          <Button appearance="primary" onClick={() => void take()} isLoading={cockpit.busy === 'take-command'} testId="take-command">
            Take command
          </Button>
        </Inline>
      </Stack>
    </div>
  );
}

function NextStep({ view, onGo }: { view: CockpitView; onGo: (tab: TabId) => void }) {
  const next = view.nextStep;
  // After the response the handbook moves on to cleanup and the postmortem; a closed incident asks nothing more.
  if (next === undefined && view.issue.status === 'resolved') {
    return (
      <SectionMessage role="status" appearance="information" title="Next: cleanup and postmortem" testId="next-step">
        The incident is resolved. Raise cleanup issues for the work left over and hold the postmortem while memories are fresh.
      </SectionMessage>
    );
  }
  if (next === undefined) return view.issue.status === 'closed' || view.issue.status === 'cancelled' ? null : <SectionMessage role="status" appearance="success">Every step is done or does not apply.</SectionMessage>;
  const tab = TAB_OF_STEP[next.step];
  return (
    <SectionMessage role="status" appearance="information" title={`Next: ${next.name}`} testId="next-step">
      <Inline spread="space-between" alignBlock="center" space="space.100">
        <span>{next.reason}</span>
        {tab === undefined ? null : (
          <Button spacing="compact" onClick={() => onGo(tab)}>
            Go to {tab}
          </Button>
        )}
      </Inline>
    </SectionMessage>
  );
}

const STATE_APPEARANCES: Readonly<Record<ChecklistItemView['state'], LozengeAppearance>> = { done: 'success', pending: 'inprogress', 'not-applicable': 'default' };
const STATE_LABELS: Readonly<Record<ChecklistItemView['state'], string>> = { done: 'done', pending: 'to do', 'not-applicable': 'n/a' };

function Checklist({ items }: { items: readonly ChecklistItemView[] }) {
  return (
    <ol className="ir-rows" data-testid="checklist">
      {items.map((item) => (
        <li key={item.step} data-testid={`step-${item.step}`} data-state={item.state}>
          <Inline space="space.100" alignBlock="center">
            <Lozenge appearance={STATE_APPEARANCES[item.state]}>{STATE_LABELS[item.state]}</Lozenge>
            <strong>{item.name}</strong>
            <span className="ir-muted">{item.reason}</span>
          </Inline>
        </li>
      ))}
    </ol>
  );
}
