/**
 * Alert sources: where each monitoring tool sends its alerts (URL and token), what happened to them
 * (incidents opened, alerts attached, refusals), and the source's settings — format, generic mapping,
 * routing rules, storm limit, heartbeat — edited as JSON and tried against a pasted sample before saving.
 */
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { showFlag } from '@forge/bridge';
import { useCallback, useEffect, useState } from 'react';
import type { AlertSourceView, ListAlertSourcesResult, TestAlertSourceResult } from '../../../src/contracts/alert-sources';
import type { ResolverError } from '../../../src/contracts/resolver-result';
import { Button } from '../../shared-ui/button';
import { DataTable } from '../../shared-ui/data-table';
import { Code } from '../../shared-ui/layout';
import { ErrorState, LoadingState } from '../../shared-ui/page-states';
import { describeFailure } from '../../shared-ui/resolver-result';
import { SectionMessage } from '../../shared-ui/section-message';
import { TextArea } from '../../shared-ui/text-field';
import { listAlertSources, NEW_SOURCE, rotateAlertSourceToken, saveAlertSource, testAlertSource } from './alert-sources-invokes';
import { Card, SectionIntro } from './editor-kit';

type Load = { state: 'loading' } | { state: 'failed'; error: ResolverError } | { state: 'ready'; value: ListAlertSourcesResult };

function SourceEditor({ initial, onSaved, isNew = false }: { initial: unknown; onSaved: () => void; isNew?: boolean }) {
  const [text, setText] = useState(JSON.stringify(initial, null, 2));
  const [sample, setSample] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [tested, setTested] = useState<TestAlertSourceResult | undefined>();
  const [busy, setBusy] = useState(false);
  const parsed = (): unknown => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      setProblem('The settings are not JSON.');
      return undefined;
    }
  };
  const test = async () => {
    const source = parsed();
    if (source === undefined) return;
    setBusy(true);
    const result = await testAlertSource(source, sample);
    setBusy(false);
    setProblem(result.ok ? undefined : describeFailure(result.error));
    setTested(result.ok ? result.value : undefined);
  };
  const save = async () => {
    const source = parsed();
    if (source === undefined) return;
    setBusy(true);
    const result = await saveAlertSource(source);
    setBusy(false);
    if (!result.ok) {
      setProblem(describeFailure(result.error));
      return;
    }
    setProblem(undefined);
    showFlag({ id: `alert-source-saved-${Date.now()}`, title: 'Alert source saved', type: 'success', isAutoDismiss: true });
    onSaved();
  };
  return (
    <Stack space="space.100">
      <TextArea aria-label="Source settings (JSON)" isMonospaced minimumRows={8} value={text} onChange={(event) => setText(event.currentTarget.value)} testId="alert-source-settings" />
      <TextArea aria-label="Sample alert body to try the settings on" isMonospaced minimumRows={3} placeholder="Paste a sample alert body to preview the mapping and route" value={sample} onChange={(event) => setSample(event.currentTarget.value)} testId="alert-source-sample" />
      {problem === undefined ? null : (
        <SectionMessage appearance="error" title="Not saved">
          <Text as="p">{problem}</Text>
        </SectionMessage>
      )}
      {tested === undefined ? null : (
        <Box testId="alert-source-preview">
          <SectionMessage appearance="information" title={tested.route.kind === 'ignore' ? `Ignored by rule "${tested.route.rule}"` : `Incident: ${tested.route.service}, Sev ${tested.route.severity} (rule: ${tested.route.rule})`}>
            <Text as="p">
              Group {tested.groupKey}, {tested.status}: {tested.alerts.map((alert) => alert.title).join('; ')}
            </Text>
            {tested.mappedFields === undefined ? null : <Text as="p">Mapped: {Object.entries(tested.mappedFields).map(([key, value]) => `${key} = ${value ?? '(nothing)'}`).join(', ')}</Text>}
          </SectionMessage>
        </Box>
      )}
      <Inline space="space.100">
        <Button onClick={() => void test()} isDisabled={sample.trim() === ''} isLoading={busy} testId="test-alert-source">
          Try on the sample
        </Button>
        <Button appearance="primary" onClick={() => void save()} isLoading={busy} testId="save-alert-source">
          {isNew ? 'Add source' : 'Save source'}
        </Button>
      </Inline>
    </Stack>
  );
}

function SourceCard({ view, onChanged }: { view: AlertSourceView; onChanged: () => void }) {
  const rotate = async () => {
    const result = await rotateAlertSourceToken(view.source.id);
    showFlag({ id: `rotated-${Date.now()}`, title: result.ok ? 'New token issued; the old one works for 24 hours' : describeFailure(result.error), type: result.ok ? 'success' : 'error', isAutoDismiss: true });
    onChanged();
  };
  const refusals = Object.entries(view.refusals);
  return (
    <Card title={`${view.source.name} (${view.source.format})`} testId={`alert-source-${view.source.id}`} actions={<Button onClick={() => void rotate()}>Rotate token</Button>}>
      <Text as="p">
        URL: <Code>{view.url}</Code>
      </Text>
      <Text as="p">
        Token: <Code>{view.token}</Code>
        {view.previousTokenValidUntil === undefined ? null : ` (the previous token works until ${view.previousTokenValidUntil})`}
      </Text>
      <DataTable
        label={`What ${view.source.name} sent`}
        columns={[
          { key: 'what', label: 'Received' },
          { key: 'count', label: 'Count' },
        ]}
        rows={[
          ['Notifications', view.counts.notifications],
          ['Alerts', view.counts.alerts],
          ['Incidents opened', view.counts.incidentsOpened],
          ['Alerts attached to open incidents', view.counts.alertsAttached],
          ['Groups attached by the storm limit', view.counts.stormAttached],
          ['Repeats', view.counts.repeats],
          ['Resolved', view.counts.resolved],
          ['Ignored by a rule', view.counts.ignored],
          ['Refused (last 7 days)', refusals.length === 0 ? 'none' : refusals.map(([reason, count]) => `${reason}: ${count}`).join(', ')],
        ].map(([what, count]) => ({ key: String(what), cells: { what: String(what), count: String(count) } }))}
      />
      <SourceEditor initial={view.source} onSaved={onChanged} />
    </Card>
  );
}

export function AlertSourcesTab() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [adding, setAdding] = useState(false);
  const fetchSources = useCallback(() => {
    void listAlertSources().then((result) => setLoad(result.ok ? { state: 'ready', value: result.value } : { state: 'failed', error: result.error }));
  }, []);
  useEffect(fetchSources, [fetchSources]);
  if (load.state === 'loading') return <LoadingState label="Loading the alert sources" />;
  if (load.state === 'failed') return <ErrorState title="The alert sources could not be loaded" message={describeFailure(load.error)} onRetry={fetchSources} />;
  const { value } = load;
  return (
    <Stack space="space.300" testId="alert-sources">
      <SectionIntro title="Alert sources">
        Monitoring (Prometheus Alertmanager, Grafana, or any JSON sender through a mapping) sends alerts to a source&apos;s URL with its token. Each alert group opens one
        incident, routed by the first matching rule (or the default route); repeats, further alerts and resolutions are recorded on it. Services: {value.services.join(', ')}.
      </SectionIntro>
      {value.unknownSourceRefusals > 0 ? <Text as="p">{value.unknownSourceRefusals} request(s) named no known source in the last 7 days.</Text> : null}
      {value.sources.length === 0 ? <Text as="p">No alert sources yet.</Text> : null}
      {value.sources.map((view) => (
        <SourceCard key={view.source.id} view={view} onChanged={fetchSources} />
      ))}
      {adding ? (
        <Card title="New alert source">
          <SourceEditor
            initial={NEW_SOURCE}
            isNew
            onSaved={() => {
              setAdding(false);
              fetchSources();
            }}
          />
        </Card>
      ) : (
        <Inline space="space.100">
          <Button onClick={() => setAdding(true)} testId="add-alert-source">
            Add an alert source
          </Button>
        </Inline>
      )}
    </Stack>
  );
}
