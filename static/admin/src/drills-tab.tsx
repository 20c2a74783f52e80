/**
 * Drills: the scenarios a drill can be started from (the built-in handbook example and the ones
 * imported here), importing a scenario's JSON with every problem named by its field, exporting one
 * as a starting point for your own, and starting a drill.
 */
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { router, showFlag } from '@forge/bridge';
import { useCallback, useEffect, useState } from 'react';
import type { DrillScenarioSummary, ScenarioProblemView } from '../../../src/contracts/drills';
import type { ResolverError } from '../../../src/contracts/resolver-result';
import { Button } from '../../shared-ui/button';
import { DataTable } from '../../shared-ui/data-table';
import { checkDrillScenario, deleteDrillScenario, exportDrillScenario, importDrillScenario, listDrillScenarios } from '../../shared-ui/drill-invokes';
import { FormField } from '../../shared-ui/form-field';
import { Code } from '../../shared-ui/layout';
import { ErrorState, LoadingState } from '../../shared-ui/page-states';
import { RehearseForm } from '../../shared-ui/rehearse-form';
import { describeFailure } from '../../shared-ui/resolver-result';
import { SectionMessage } from '../../shared-ui/section-message';
import { TextArea } from '../../shared-ui/text-field';
import { Card, SectionIntro } from './editor-kit';
import { PersonPicker } from './people-picker';

type Load = { state: 'loading' } | { state: 'failed'; error: ResolverError } | { state: 'ready'; scenarios: readonly DrillScenarioSummary[] };
type Importing = { state: 'idle' } | { state: 'importing' } | { state: 'refused'; problems: readonly ScenarioProblemView[] } | { state: 'failed'; error: ResolverError };

export function DrillsTab() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [json, setJson] = useState('');
  const [importing, setImporting] = useState<Importing>({ state: 'idle' });
  const [exported, setExported] = useState<{ id: string; json: string } | undefined>();

  const fetchScenarios = useCallback(() => {
    setLoad({ state: 'loading' });
    void listDrillScenarios().then((result) => setLoad(result.ok ? { state: 'ready', scenarios: result.value.scenarios } : { state: 'failed', error: result.error }));
  }, []);
  useEffect(fetchScenarios, [fetchScenarios]);

  if (load.state === 'loading') return <LoadingState label="Loading the drill scenarios" />;
  if (load.state === 'failed') return <ErrorState title="The drill scenarios could not be loaded" message={describeFailure(load.error)} onRetry={fetchScenarios} />;

  const runImport = async () => {
    setImporting({ state: 'importing' });
    const result = await importDrillScenario(json);
    if (result.ok) {
      setImporting({ state: 'idle' });
      setJson('');
      showFlag({ id: `scenario-imported-${result.value.id}`, title: `Scenario "${result.value.title}" imported`, type: 'success', isAutoDismiss: true });
      fetchScenarios();
      return;
    }
    if (result.error.code === 'invalid-input') {
      // The refusal names the first field; the check lists them all, so one round of fixes is enough.
      const checked = await checkDrillScenario(json);
      const problems = checked.ok && checked.value.problems.length > 0 ? checked.value.problems : [{ field: result.error.field ?? 'scenario', reason: result.error.message }];
      setImporting({ state: 'refused', problems });
      return;
    }
    setImporting({ state: 'failed', error: result.error });
  };

  const runExport = async (id: string) => {
    const result = await exportDrillScenario(id);
    if (result.ok) setExported({ id, json: result.value.json });
  };

  const runDelete = async (id: string) => {
    const result = await deleteDrillScenario(id);
    if (result.ok) setLoad({ state: 'ready', scenarios: result.value.scenarios });
  };

  return (
    <Stack space="space.300" testId="drills">
      <SectionIntro title="Drills">
        The handbook says a team practises its response by role-playing a hypothetical incident. A drill does that in the real tools: a scenario&apos;s alerts, support cases,
        observations and changes arrive on their own, only the participants are paged, updates stay in the drill&apos;s chat room, and the drill never counts in the metrics.
      </SectionIntro>
      <Card title="Scenarios">
        <DataTable
          label="Drill scenarios"
          testId="drill-scenarios"
          columns={[
            { key: 'title', label: 'Scenario' },
            { key: 'id', label: 'Id' },
            { key: 'injects', label: 'Injects' },
            { key: 'actions', label: 'Actions' },
          ]}
          rows={load.scenarios.map((scenario) => ({
            key: scenario.id,
            cells: {
              title: `${scenario.title}${scenario.builtIn ? ' (built in)' : ''}`,
              id: <Code>{scenario.id}</Code>,
              injects: `${scenario.injects} over ${scenario.lastInjectMinute} min`,
              actions: (
                <Inline space="space.100">
                  <Button spacing="compact" onClick={() => void runExport(scenario.id)} testId={`export-scenario-${scenario.id}`}>
                    Export
                  </Button>
                  {scenario.builtIn ? null : (
                    <Button spacing="compact" appearance="danger" onClick={() => void runDelete(scenario.id)} testId={`delete-scenario-${scenario.id}`}>
                      Delete
                    </Button>
                  )}
                </Inline>
              ),
            },
          }))}
        />
        {exported === undefined ? null : (
          <FormField id="exported-scenario" label={`Scenario ${exported.id} as JSON`} help="Copy it, change the id and what you like, and import it below.">
            {(control) => <TextArea {...control} isMonospaced isReadOnly minimumRows={8} maxHeight="40vh" value={exported.json} testId="exported-scenario" />}
          </FormField>
        )}
      </Card>
      <Card title="Import a scenario">
        {importing.state === 'refused' ? (
          <Box testId="scenario-problems">
            <SectionMessage appearance="error" title="The scenario was not imported">
              <ul>
                {importing.problems.map((problem) => (
                  <li key={`${problem.field}:${problem.reason}`}>
                    <Code>{problem.field}</Code> {problem.reason}
                  </li>
                ))}
              </ul>
            </SectionMessage>
          </Box>
        ) : null}
        {importing.state === 'failed' ? (
          <SectionMessage appearance="error" title="The scenario was not imported">
            <Text as="p">{describeFailure(importing.error)}</Text>
          </SectionMessage>
        ) : null}
        <FormField id="scenario-json" label="Scenario JSON" help="A scenario document (schemaVersion 1). Importing one with the id of an imported scenario replaces it.">
          {(control) => (
            <TextArea
              {...control}
              isInvalid={importing.state === 'refused'}
              isMonospaced
              minimumRows={6}
              maxHeight="40vh"
              value={json}
              onChange={(event) => {
                setJson(event.currentTarget.value);
                if (importing.state !== 'importing') setImporting({ state: 'idle' });
              }}
              testId="scenario-json"
            />
          )}
        </FormField>
        <Box>
          <Button appearance="primary" onClick={() => void runImport()} isDisabled={json.trim() === ''} isLoading={importing.state === 'importing'} testId="import-scenario">
            Import scenario
          </Button>
        </Box>
      </Card>
      <Card title="Start a drill">
        <RehearseForm personPicker={(props) => <PersonPicker {...props} />} onOpenIssue={(issueKey) => void router.open(`/browse/${issueKey}`)} />
      </Card>
    </Stack>
  );
}
