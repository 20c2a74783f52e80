/**
 * Where the site's changes are recorded, so the issue panel can show deployments and other changes
 * near an incident's impact start: the JQL that finds them, how a change names its service, and
 * which date says when it was made. Saved on its own, in one piece.
 */
import { Checkbox } from '@atlaskit/checkbox';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { showFlag } from '@forge/bridge';
import { useCallback, useEffect, useState } from 'react';
import type { ChangeRecordsSettingsView, SaveChangeRecordsSettingsPayload } from '../../../src/contracts/admin-page';
import type { ResolverError } from '../../../src/contracts/resolver-result';
import { Button } from '../../shared-ui/button';
import { DataTable } from '../../shared-ui/data-table';
import { FormField } from '../../shared-ui/form-field';
import { Code } from '../../shared-ui/layout';
import { ErrorState, LoadingState } from '../../shared-ui/page-states';
import { describeFailure, reasonOf } from '../../shared-ui/resolver-result';
import { SectionMessage } from '../../shared-ui/section-message';
import { Select } from '../../shared-ui/select';
import { TextArea } from '../../shared-ui/text-field';
import { Card, SectionIntro } from './editor-kit';
import { getChangeRecordsSettings, saveChangeRecordsSettings } from './invokes';

type ChangeTime = SaveChangeRecordsSettingsPayload['changeTime'];
type Draft = { readonly jql: string; readonly serviceLabels: boolean; readonly changeTime: ChangeTime };
type Load = { state: 'loading' } | { state: 'failed'; error: ResolverError } | { state: 'ready'; saved: ChangeRecordsSettingsView; draft: Draft };
type Saving = { state: 'idle' } | { state: 'saving' } | { state: 'failed'; error: ResolverError };

const CHANGE_TIMES: readonly { readonly value: ChangeTime; readonly label: string }[] = [
  { value: 'resolutiondate', label: 'When the issue was resolved (the change was made)' },
  { value: 'created', label: 'When the issue was created' },
];

const draftOf = (view: ChangeRecordsSettingsView): Draft => ({ jql: view.jql ?? '', serviceLabels: view.serviceLabels, changeTime: view.changeTime });
const loaded = (saved: ChangeRecordsSettingsView): Load => ({ state: 'ready', saved, draft: draftOf(saved) });

export function ChangeRecordsTab() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [jqlError, setJqlError] = useState<string | undefined>();
  const [saving, setSaving] = useState<Saving>({ state: 'idle' });

  const fetchSettings = useCallback(() => {
    setLoad({ state: 'loading' });
    void getChangeRecordsSettings().then((result) => setLoad(result.ok ? loaded(result.value) : { state: 'failed', error: result.error }));
  }, []);
  useEffect(fetchSettings, [fetchSettings]);

  if (load.state === 'loading') return <LoadingState label="Loading the change records settings" />;
  if (load.state === 'failed') return <ErrorState title="The change records settings could not be loaded" message={describeFailure(load.error)} onRetry={fetchSettings} />;
  const { saved, draft } = load;
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(saved));

  const edit = (change: Partial<Draft>) => {
    setLoad({ ...load, draft: { ...draft, ...change } });
    if (change.jql !== undefined) setJqlError(undefined);
    setSaving((current) => (current.state === 'failed' ? { state: 'idle' } : current));
  };

  const save = async () => {
    setSaving({ state: 'saving' });
    const jql = draft.jql.trim();
    const result = await saveChangeRecordsSettings({ ...(jql === '' ? {} : { jql }), serviceLabels: draft.serviceLabels, changeTime: draft.changeTime });
    if (result.ok) {
      setLoad(loaded(result.value));
      setJqlError(undefined);
      setSaving({ state: 'idle' });
      showFlag({ id: `change-records-saved-${Date.now()}`, title: 'Change records settings saved', type: 'success', isAutoDismiss: true });
      return;
    }
    if (result.error.field === 'jql') {
      setJqlError(reasonOf(result.error));
      setSaving({ state: 'idle' });
      return;
    }
    setSaving({ state: 'failed', error: result.error });
  };

  return (
    <Stack space="space.300" testId="change-records">
      <SectionIntro title="Change records">
        The handbook asks whether the impact started with a change, so it can be rolled back. The issue panel lists the changes made to the faulty service in the
        three hours before the impact start: the Jira issues (deployment or change tickets) this JQL finds.
      </SectionIntro>
      {saving.state === 'failed' ? (
        <Box testId="change-records-failure">
          <SectionMessage appearance="error" title="Nothing was saved">
            <Text as="p">{describeFailure(saving.error)}</Text>
          </SectionMessage>
        </Box>
      ) : null}
      <Card title="Which issues record changes">
        <FormField id="jql" label="JQL" help="For example: project = CHG. Leave empty when the site keeps no change records; the panel then says so." error={jqlError}>
          {(control) => <TextArea {...control} isMonospaced minimumRows={2} value={draft.jql} onChange={(event) => edit({ jql: event.currentTarget.value })} testId="change-records-jql" />}
        </FormField>
        <FormField id="changeTime" label="When a change was made">
          {(control) => (
            <Select
              inputId={control.id}
              {...(control['aria-describedby'] === undefined ? {} : { descriptionId: control['aria-describedby'] })}
              options={CHANGE_TIMES}
              value={CHANGE_TIMES.find((option) => option.value === draft.changeTime) ?? null}
              onChange={(option) => {
                if (option !== null) edit({ changeTime: option.value });
              }}
            />
          )}
        </FormField>
        <Checkbox
          label="Each change is labelled with the service it changed"
          isChecked={draft.serviceLabels}
          onChange={(event) => edit({ serviceLabels: event.currentTarget.checked })}
          testId="change-records-service-labels"
        />
      </Card>
      {draft.serviceLabels ? (
        <Card title="The label of each service">
          <DataTable
            label="Labels of the services"
            columns={[
              { key: 'service', label: 'Service' },
              { key: 'label', label: 'Label on its changes' },
            ]}
            rows={saved.labels.map((entry) => ({ key: entry.service, cells: { service: entry.service, label: <Code>{entry.label}</Code> } }))}
          />
        </Card>
      ) : null}
      <Inline space="space.100" alignBlock="center">
        <Button appearance="primary" onClick={() => void save()} isDisabled={!dirty} isLoading={saving.state === 'saving'} testId="save-change-records">
          Save change records settings
        </Button>
        {dirty ? null : <Text color="color.text.subtle">Change records settings saved</Text>}
      </Inline>
    </Stack>
  );
}
