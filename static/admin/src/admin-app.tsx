/**
 * The app's settings page (Jira administrators only). Edits go into a draft; Save sends the whole
 * configuration, which the backend validates and stores in one piece or refuses with the field at
 * fault. Secrets, overrides, "take this shift" and the handover limits act at once, outside the draft.
 */
import Badge from '@atlaskit/badge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { showFlag } from '@forge/bridge';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { FieldSyncReport, GetConfigurationResult, SaveConfigurationResult, SecretStatus } from '../../../src/contracts/admin-page';
import type { ConfigurationDocument } from '../../../src/contracts/configuration';
import type { ResolverError } from '../../../src/contracts/resolver-result';
import { Button } from '../../shared-ui/button';
import { Lozenge } from '../../shared-ui/lozenge';
import { ErrorState, ForbiddenState, LoadingState } from '../../shared-ui/page-states';
import { describeFailure, reasonOf } from '../../shared-ui/resolver-result';
import { SectionMessage, SectionMessageAction } from '../../shared-ui/section-message';
import { Tab, TabList, TabPanel, Tabs } from '../../shared-ui/tabs';
import { ADMIN_TABS, draftBarOn, type AdminTab } from './admin-tabs';
import { checkConfiguration, type FieldErrors } from './config-check';
import { AlertSourcesTab } from './alert-sources-tab';
import { ChangeRecordsTab } from './change-records-tab';
import { CommsSettingsTab } from './comms-tab';
import { LearningTab } from './learning-tab';
import { DrillsTab } from './drills-tab';
import { adoptOverrides, isDirty, todayIn } from './draft-edits';
import { errorAt } from './editor-kit';
import { EscalationTab } from './escalation-tab';
import { describePath, sectionOf, type AdminSection } from './field-paths';
import { GeneralTab } from './general-tab';
import { HandoversTab } from './handovers-tab';
import { ImportExportTab } from './import-export-tab';
import { getConfiguration, provisionFields, saveConfiguration, setIntegrationSecret } from './invokes';
import { OnCallTab } from './on-call-tab';
import { PagingTab } from './paging-tab';
import { RostersTab } from './rosters-tab';
import { ServicesTab } from './services-tab';

type Load = { state: 'loading' } | { state: 'failed'; error: ResolverError } | { state: 'ready'; initial: GetConfigurationResult };

export function AdminApp() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const fetchConfiguration = useCallback(() => {
    setLoad({ state: 'loading' });
    void getConfiguration().then((result) => setLoad(result.ok ? { state: 'ready', initial: result.value } : { state: 'failed', error: result.error }));
  }, []);
  useEffect(fetchConfiguration, [fetchConfiguration]);

  if (load.state === 'loading') return <LoadingState label="Loading incident response settings" />;
  if (load.state === 'failed') {
    if (load.error.code === 'forbidden') {
      return (
        <ForbiddenState title="Only Jira administrators can change incident response settings">
          {load.error.message} Ask a Jira administrator to change services, rosters or escalation policies for you.
        </ForbiddenState>
      );
    }
    return <ErrorState title="The settings could not be loaded" message={describeFailure(load.error)} onRetry={fetchConfiguration} />;
  }
  return <SettingsEditor initial={load.initial} />;
}

type Saving = { state: 'idle' } | { state: 'saving' } | { state: 'failed'; error: ResolverError };

function syncSummary(report: FieldSyncReport): string | undefined {
  const parts = [
    report.created.length > 0 ? `created ${report.created.join(', ')}` : undefined,
    report.optionsAdded.length > 0 ? `added options ${report.optionsAdded.join(', ')}` : undefined,
    report.optionsDisabled.length > 0 ? `disabled options ${report.optionsDisabled.join(', ')}` : undefined,
    report.optionsEnabled.length > 0 ? `re-enabled options ${report.optionsEnabled.join(', ')}` : undefined,
  ].filter((part): part is string => part !== undefined);
  const text = parts.length === 0 ? undefined : `Jira fields: ${parts.join('; ')}.`;
  return report.warnings.length === 0 ? text : [text, `Warnings: ${report.warnings.join(' ')}`].filter((part) => part !== undefined).join(' ');
}

function SettingsEditor({ initial }: { initial: GetConfigurationResult }) {
  const [saved, setSaved] = useState<ConfigurationDocument>(initial.configuration);
  const [draft, setDraft] = useState<ConfigurationDocument>(initial.configuration);
  const [secrets, setSecrets] = useState<SecretStatus>(initial.secrets);
  const [fieldsProvisioned, setFieldsProvisioned] = useState(initial.fieldsProvisioned);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState<Saving>({ state: 'idle' });
  const [tab, setTab] = useState(0);
  // Where the reminder on the other tabs leads back to: the configuration tab last worked on.
  const [lastDraftTab, setLastDraftTab] = useState(0);
  const selectTab = (index: number) => {
    setTab(index);
    if (ADMIN_TABS[index]?.savesOnItsOwn === undefined) setLastDraftTab(index);
  };
  const dirty = isDirty(draft, saved);
  const timeZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);
  const today = todayIn(timeZone, Date.now());

  const edit = (next: ConfigurationDocument) => {
    setDraft(next);
    setSaving((current) => (current.state === 'failed' ? { state: 'idle' } : current));
    // Problems found earlier are re-checked as the admin fixes them, so fixed ones disappear.
    if (Object.keys(errors).length > 0) setErrors(checkConfiguration(next));
  };

  const showSection = (section: AdminSection, path?: string) => {
    selectTab(Math.max(0, ADMIN_TABS.findIndex((item) => item.section === section)));
    if (path !== undefined) window.setTimeout(() => document.getElementById(path)?.focus(), 50);
  };

  const adopt = (result: SaveConfigurationResult, title: string) => {
    setSaved(result.configuration);
    setDraft(result.configuration);
    setErrors({});
    setSaving({ state: 'idle' });
    const summary = syncSummary(result.fieldSync);
    showFlag({ id: `saved-${Date.now()}`, title, ...(summary === undefined ? {} : { description: summary }), type: 'success', isAutoDismiss: true });
  };

  const save = async () => {
    const found = checkConfiguration(draft);
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first !== undefined) {
      if (!Object.keys(found).some((path) => sectionOf(path) === ADMIN_TABS[tab]?.section)) showSection(sectionOf(first));
      return;
    }
    setSaving({ state: 'saving' });
    const result = await saveConfiguration(draft);
    if (result.ok) {
      adopt(result.value, 'Settings saved');
      return;
    }
    const { field } = result.error;
    if (result.error.code === 'invalid-input' && field !== undefined && field !== 'configuration' && field !== 'input') {
      setErrors({ [field]: reasonOf(result.error) });
      setSaving({ state: 'idle' });
      showSection(sectionOf(field), field);
    } else {
      setSaving({ state: 'failed', error: result.error });
    }
  };

  const discard = () => {
    setDraft(saved);
    setErrors({});
    setSaving({ state: 'idle' });
  };

  const onOverridesChanged = (rosterId: string) => {
    void getConfiguration().then((result) => {
      if (!result.ok) return;
      setSaved((current) => adoptOverrides(current, result.value.configuration, rosterId));
      setDraft((current) => adoptOverrides(current, result.value.configuration, rosterId));
    });
  };

  const storeSecret = async (secret: Parameters<typeof setIntegrationSecret>[0]) => {
    const result = await setIntegrationSecret(secret);
    if (result.ok) setSecrets(result.value);
    return result;
  };

  const problems = Object.keys(errors);
  const problemsIn = (section: string) => problems.filter((path) => sectionOf(path) === section).length;
  const savedRosterIds = saved.rosters.map((roster) => roster.id);
  const editorProps = { draft, onChange: edit, errors };
  const bar = draftBarOn(tab, dirty);

  const panels: Record<AdminTab, ReactNode> = {
    general: <GeneralTab {...editorProps} />,
    services: <ServicesTab {...editorProps} />,
    rosters: (
      <RostersTab
        {...editorProps}
        secrets={secrets}
        savedRosterIds={savedRosterIds}
        timeZone={timeZone}
        today={today}
        onStoreRoutingKey={(rosterId, value) => storeSecret({ kind: 'pagerduty-routing-key', rosterId, value })}
      />
    ),
    escalation: <EscalationTab {...editorProps} />,
    paging: <PagingTab {...editorProps} secrets={secrets} onStoreSecret={(kind, value) => storeSecret({ kind, value })} />,
    handovers: <HandoversTab />,
    'change-records': <ChangeRecordsTab />,
    communications: <CommsSettingsTab />,
    'on-call': <OnCallTab savedRosterIds={savedRosterIds} onOverridesChanged={onOverridesChanged} />,
    'import-export': <ImportExportTab isDirty={dirty} onImported={(result) => adopt(result, 'Configuration imported')} />,
    'alert-sources': <AlertSourcesTab />,
    learning: <LearningTab />,
    drills: <DrillsTab />,
  };

  return (
    <Stack space="space.200" testId="admin-settings">
      {fieldsProvisioned ? null : <ProvisionFields onProvisioned={() => setFieldsProvisioned(true)} />}
      {bar.kind === 'save-bar' ? (
        <SaveBar dirty={dirty} problems={problems.length} saving={saving.state === 'saving'} onSave={() => void save()} onDiscard={discard} testId="save-bar" />
      ) : bar.kind === 'unsaved-reminder' ? (
        <UnsavedReminder tabTitle={ADMIN_TABS[lastDraftTab]?.title ?? ''} onReturn={() => selectTab(lastDraftTab)} />
      ) : (
        <div className="ir-bar" data-testid="saves-on-its-own">
          <div className="ir-bar__row">
            <Text color="color.text.subtle">{bar.text}</Text>
          </div>
        </div>
      )}
      {saving.state === 'failed' ? (
        <Box testId="save-failure">
          <SectionMessage appearance="error" title="Nothing was saved">
            <Text as="p">{describeFailure(saving.error)}</Text>
          </SectionMessage>
        </Box>
      ) : null}
      {problems.length > 0 ? (
        <Box testId="save-problems">
          <SectionMessage appearance="error" title="Fix these before saving; nothing has been saved yet">
            <Stack space="space.050">
              {problems.map((path) => (
                <Inline key={path} space="space.100" alignBlock="center">
                  <Text>
                    {describePath(path, draft)}: {errorAt(errors, path)}
                  </Text>
                  <Button spacing="compact" appearance="subtle" onClick={() => showSection(sectionOf(path), path)}>
                    Show
                  </Button>
                </Inline>
              ))}
            </Stack>
          </SectionMessage>
        </Box>
      ) : null}
      <Tabs id="admin-tabs" selected={tab} onChange={selectTab}>
        <TabList>
          {ADMIN_TABS.map((item) => {
            const count = problemsIn(item.section);
            return (
              <Tab key={item.section} testId={`tab-${item.section}`}>
                {count === 0 ? (
                  item.title
                ) : (
                  <Inline space="space.050" alignBlock="center">
                    <span>{item.title}</span>
                    <Badge appearance="important">{count}</Badge>
                  </Inline>
                )}
              </Tab>
            );
          })}
        </TabList>
        {ADMIN_TABS.map((item) => (
          <TabPanel key={item.section}>
            <div className="ir-tab-panel">{panels[item.section]}</div>
          </TabPanel>
        ))}
      </Tabs>
      {dirty && bar.kind === 'save-bar' ? <SaveBar dirty={dirty} problems={problems.length} saving={saving.state === 'saving'} onSave={() => void save()} onDiscard={discard} /> : null}
    </Stack>
  );
}

interface SaveBarProps {
  dirty: boolean;
  problems: number;
  saving: boolean;
  onSave: () => void;
  onDiscard: () => void;
  testId?: string;
}

/** Save and discard, with whether there is anything to save; shown above the tabs and, while there are changes, below them. */
function SaveBar({ dirty, problems, saving, onSave, onDiscard, testId }: SaveBarProps) {
  return (
    <div className="ir-bar" data-testid={testId}>
      <Inline spread="space-between" alignBlock="center">
        <Inline space="space.100" alignBlock="center">
          {dirty ? <Lozenge appearance="moved">Unsaved changes</Lozenge> : <Text color="color.text.subtle">All changes saved</Text>}
          {problems > 0 ? <Text color="color.text.danger">{problems === 1 ? '1 problem to fix' : `${problems} problems to fix`}</Text> : null}
        </Inline>
        <Inline space="space.100">
          <Button appearance="subtle" isDisabled={!dirty || saving} onClick={onDiscard}>
            Discard changes
          </Button>
          <Button appearance="primary" isDisabled={!dirty} isLoading={saving} onClick={onSave} {...(testId === undefined ? {} : { testId: 'save-configuration' })}>
            Save
          </Button>
        </Inline>
      </Inline>
    </div>
  );
}

/** On a tab that saves on its own: the configuration has unsaved changes, saved from the tabs they were made on. */
function UnsavedReminder({ tabTitle, onReturn }: { tabTitle: string; onReturn: () => void }) {
  return (
    <div className="ir-bar" data-testid="unsaved-reminder">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Lozenge appearance="moved">Unsaved changes</Lozenge>
        <Text color="color.text.subtle">Configuration changes made on other tabs are not saved yet; this tab saves only its own.</Text>
        <Button appearance="subtle" onClick={onReturn}>
          {`Back to ${tabTitle}`}
        </Button>
      </Inline>
    </div>
  );
}

function ProvisionFields({ onProvisioned }: { onProvisioned: () => void }) {
  const [state, setState] = useState<{ state: 'idle' } | { state: 'working' } | { state: 'failed'; error: ResolverError }>({ state: 'idle' });
  const provision = async () => {
    setState({ state: 'working' });
    const result = await provisionFields();
    if (!result.ok) {
      setState({ state: 'failed', error: result.error });
      return;
    }
    const summary = syncSummary(result.value);
    showFlag({ id: 'fields-provisioned', title: 'Incident fields are ready', ...(summary === undefined ? {} : { description: summary }), type: 'success', isAutoDismiss: true });
    onProvisioned();
  };
  return (
    <Box testId="provision-fields">
      <SectionMessage
        appearance="warning"
        title="The incident fields do not exist in Jira yet"
        actions={[
          <SectionMessageAction key="provision" onClick={() => void provision()}>
            {state.state === 'working' ? 'Creating the fields…' : 'Create the fields'}
          </SectionMessageAction>,
        ]}
      >
        <Text as="p">Severity, Faulty service and Affected products are Jira select fields the app creates and keeps in step with the services and products here. Incidents cannot be declared until they exist.</Text>
        {state.state === 'failed' ? <Text color="color.text.danger">{describeFailure(state.error)}</Text> : null}
      </SectionMessage>
    </Box>
  );
}
