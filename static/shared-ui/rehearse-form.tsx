/**
 * "Rehearse": start a drill from a built-in or saved scenario and choose who plays the incident
 * manager, tech lead and communications manager (by default the person starting it plays the IM).
 * Shared by the Declare page and the admin page's Drills tab; each passes its own person picker.
 */
import { Box, Stack, Text } from '@atlaskit/primitives/compiled';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { DrillPartName, DrillScenarioSummary, StartDrillResult } from '../../src/contracts/drills';
import type { ResolverError } from '../../src/contracts/resolver-result';
import { Button } from './button';
import { listDrillScenarios, startDrill } from './drill-invokes';
import { FormField } from './form-field';
import { ErrorState, LoadingState } from './page-states';
import { describeFailure } from './resolver-result';
import { SectionMessage, SectionMessageAction } from './section-message';
import { Select } from './select';

export type PersonPickerSlot = (props: { inputId: string; value: string | null; onChange: (accountId: string | null) => void; testId: string; placeholder: string }) => ReactNode;

const PARTS: readonly { readonly part: DrillPartName; readonly label: string; readonly placeholder: string }[] = [
  { part: 'incident-manager', label: 'Incident manager', placeholder: 'You, unless you choose someone' },
  { part: 'tech-lead', label: 'Tech lead', placeholder: 'Nobody yet (optional)' },
  { part: 'communications-manager', label: 'Communications manager', placeholder: 'Nobody yet (optional)' },
];

type Load = { state: 'loading' } | { state: 'failed'; error: ResolverError } | { state: 'ready'; scenarios: readonly DrillScenarioSummary[] };
type Start = { state: 'idle' } | { state: 'starting' } | { state: 'failed'; error: ResolverError } | { state: 'started'; result: StartDrillResult };

export function RehearseForm({ personPicker, onOpenIssue }: { personPicker: PersonPickerSlot; onOpenIssue: (issueKey: string) => void }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [scenarioId, setScenarioId] = useState<string | null>(null);
  const [players, setPlayers] = useState<Partial<Record<DrillPartName, string>>>({});
  const [start, setStart] = useState<Start>({ state: 'idle' });

  const fetchScenarios = useCallback(() => {
    setLoad({ state: 'loading' });
    void listDrillScenarios().then((result) => {
      if (!result.ok) return setLoad({ state: 'failed', error: result.error });
      setLoad({ state: 'ready', scenarios: result.value.scenarios });
      setScenarioId((current) => current ?? result.value.scenarios[0]?.id ?? null);
    });
  }, []);
  useEffect(fetchScenarios, [fetchScenarios]);

  if (load.state === 'loading') return <LoadingState label="Loading the drill scenarios" />;
  if (load.state === 'failed') return <ErrorState title="The drill scenarios could not be loaded" message={describeFailure(load.error)} onRetry={fetchScenarios} />;
  const options = load.scenarios.map((scenario) => ({ label: `${scenario.title}${scenario.builtIn ? ' (built in)' : ''}`, value: scenario.id }));
  const chosen = load.scenarios.find((scenario) => scenario.id === scenarioId);

  const begin = async () => {
    if (scenarioId === null || start.state === 'starting') return;
    setStart({ state: 'starting' });
    const participants = PARTS.flatMap(({ part }) => (players[part] === undefined ? [] : [{ accountId: players[part], part }]));
    const result = await startDrill({ scenarioId, participants });
    setStart(result.ok ? { state: 'started', result: result.value } : { state: 'failed', error: result.error });
  };

  if (start.state === 'started') {
    const { issueKey } = start.result;
    return (
      <Box testId="drill-started">
        <SectionMessage
          appearance="discovery"
          title={`Drill ${issueKey} started`}
          actions={[
            <SectionMessageAction key="open" onClick={() => onOpenIssue(issueKey)} testId="open-drill">
              {`Open ${issueKey}`}
            </SectionMessageAction>,
            <SectionMessageAction key="again" onClick={() => setStart({ state: 'idle' })}>
              Start another drill
            </SectionMessageAction>,
          ]}
        >
          <Text as="p">
            <Text weight="bold" testId="drill-key">{issueKey}</Text> is a rehearsal: only its participants are paged, its updates stay in its chat room, and it never counts in the metrics. The scenario&apos;s
            injects arrive on their own; end the drill from the incident&apos;s panel to get the scorecard.
          </Text>
        </SectionMessage>
      </Box>
    );
  }

  return (
    <Stack space="space.200" testId="rehearse-form">
      <Text color="color.text.subtle">
        A drill is a real incident issue marked [DRILL], driven by a scenario: alerts, support cases, observations and changes arrive on their own while you run the response in the
        real tools, and a scorecard measures each step against the scenario&apos;s targets.
      </Text>
      {start.state === 'failed' ? (
        <Box testId="drill-start-failure">
          <SectionMessage appearance="error" title="The drill did not start">
            <Text as="p">{describeFailure(start.error)}</Text>
          </SectionMessage>
        </Box>
      ) : null}
      <FormField id="drill-scenario" label="Scenario" isRequired help={chosen === undefined ? undefined : `${chosen.injects} injects over ${chosen.lastInjectMinute} minutes. ${chosen.description ?? ''}`}>
        {(control) => (
          <Select
            inputId={control.id}
            {...(control['aria-describedby'] === undefined ? {} : { descriptionId: control['aria-describedby'] })}
            options={options}
            value={options.find((option) => option.value === scenarioId) ?? null}
            onChange={(option) => setScenarioId(option?.value ?? null)}
            testId="drill-scenario"
          />
        )}
      </FormField>
      {PARTS.map(({ part, label, placeholder }) => (
        <FormField key={part} id={`drill-${part}`} label={label}>
          {(control) =>
            personPicker({
              inputId: control.id,
              value: players[part] ?? null,
              placeholder,
              testId: `drill-player-${part}`,
              onChange: (accountId) =>
                setPlayers((current) => {
                  const { [part]: _previous, ...rest } = current;
                  return accountId === null ? rest : { ...rest, [part]: accountId };
                }),
            })
          }
        </FormField>
      ))}
      <Box>
        <Button appearance="primary" onClick={() => void begin()} isDisabled={scenarioId === null} isLoading={start.state === 'starting'} testId="start-drill">
          Start drill
        </Button>
      </Box>
    </Stack>
  );
}
