/**
 * The create/edit view of the "Page on-call" workflow post-function. Jira's own Add/Update button
 * saves: it calls the callback registered with `workflowRules.onConfigure`, which answers with the
 * configuration as JSON, or with undefined to keep the dialog open while something is wrong.
 */
import { view } from '@forge/bridge';
import { workflowRules } from '@forge/jira-bridge';
import { Box, Button, Checkbox, ErrorMessage, HelperMessage, Inline, Label, RadioGroup, SectionMessage, Select, Spinner, Stack, Text } from '@forge/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SeverityLevel } from '../../../src/contracts/configuration';
import type { PostFunctionConfiguration, PostFunctionOptionsResult } from '../../../src/contracts/post-function-config';
import type { ResolverError } from '../../../src/contracts/resolver-result';
import { describeFailure } from '../../shared-ui/resolver-result';
import { getPostFunctionOptions, validatePostFunctionConfiguration } from './invokes';
import {
  checkPostFunctionForm,
  describeConfiguration,
  formFromConfiguration,
  readSavedConfiguration,
  type PostFunctionFormErrors,
  type PostFunctionFormValues,
  type TargetKind,
} from './post-function-form';

// Jira documents "return undefined to keep the dialog open", but the package types the answer as string only.
const registerOnConfigure = workflowRules.onConfigure as (onConfigure: () => Promise<string | undefined>) => Promise<void>;

type Load =
  | { state: 'loading' }
  | { state: 'failed'; error: ResolverError }
  | { state: 'summary'; configuration: PostFunctionConfiguration | undefined; options: PostFunctionOptionsResult }
  | { state: 'ready'; options: PostFunctionOptionsResult; initial: PostFunctionFormValues };

const NO_OPTIONS: PostFunctionOptionsResult = { rosters: [], imocRosterId: '', severities: [] };

async function loadView(): Promise<Load> {
  const [context, options] = await Promise.all([view.getContext().catch(() => undefined), getPostFunctionOptions()]);
  const extension: unknown = context?.extension;
  const record = typeof extension === 'object' && extension !== null ? (extension as Record<string, unknown>) : {};
  const saved = readSavedConfiguration(record['postFunctionConfig']);
  // The read-only view sits in the workflow editor's list of post-functions: it only describes the configuration.
  if (record['entryPoint'] === 'view') return { state: 'summary', configuration: saved, options: options.ok ? options.value : NO_OPTIONS };
  if (!options.ok) return { state: 'failed', error: options.error };
  return { state: 'ready', options: options.value, initial: formFromConfiguration(saved) };
}

export function PostFunctionConfigApp() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const reload = useCallback(() => {
    setLoad({ state: 'loading' });
    void loadView().then(setLoad);
  }, []);
  useEffect(reload, [reload]);
  if (load.state === 'loading') return <Spinner label="Loading rosters" />;
  if (load.state === 'failed') {
    if (load.error.code === 'forbidden') {
      return (
        <SectionMessage appearance="warning" title="Only Jira administrators can configure this">
          <Text>{load.error.message}</Text>
        </SectionMessage>
      );
    }
    return (
      <SectionMessage appearance="error" title="The rosters could not be loaded">
        <Text>{describeFailure(load.error)}</Text>
        <Button onClick={reload}>Try again</Button>
      </SectionMessage>
    );
  }
  if (load.state === 'summary') {
    return (
      <Text testId="post-function-summary">{load.configuration === undefined ? 'Not configured yet: edit it to choose whom to page.' : describeConfiguration(load.configuration, load.options)}</Text>
    );
  }
  return <PostFunctionForm options={load.options} initial={load.initial} />;
}

const targetChoices: readonly { kind: TargetKind; label: string; help: string }[] = [
  { kind: 'faulty-service', label: "The faulty service's roster", help: 'The roster of the service chosen in Faulty service; the IMOC when the service has no roster or is "Unknown".' },
  { kind: 'roster', label: 'A named roster', help: 'Always the same roster, whatever the faulty service.' },
  { kind: 'imoc', label: 'The incident manager on call (IMOC)', help: 'The global catch-all roster of major incident managers.' },
];

function isTargetKind(value: unknown): value is TargetKind {
  return targetChoices.some((choice) => choice.kind === value);
}

/** The value or checked state an input's change event carries. */
function targetOf(event: unknown): { value?: unknown; checked?: unknown } {
  const target = typeof event === 'object' && event !== null ? (event as { target?: unknown }).target : undefined;
  return typeof target === 'object' && target !== null ? (target as { value?: unknown; checked?: unknown }) : {};
}

function PostFunctionForm({ options, initial }: { options: PostFunctionOptionsResult; initial: PostFunctionFormValues }) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<PostFunctionFormErrors>({});
  const [refusal, setRefusal] = useState<ResolverError | null>(null);
  const [registration, setRegistration] = useState<'pending' | 'ready' | 'failed'>('pending');
  // Jira calls the registered callback later, with whatever the form holds at that moment.
  const latest = useRef(values);
  latest.current = values;

  useEffect(() => {
    const onConfigure = async (): Promise<string | undefined> => {
      setRefusal(null);
      const check = checkPostFunctionForm(latest.current, options);
      if (!check.ok) {
        setErrors(check.errors);
        return undefined;
      }
      const validated = await validatePostFunctionConfiguration(check.configuration);
      if (!validated.ok) {
        setRefusal(validated.error);
        return undefined;
      }
      return JSON.stringify(validated.value);
    };
    registerOnConfigure(onConfigure).then(
      () => setRegistration('ready'),
      () => setRegistration('failed'),
    );
  }, [options]);

  const update = (patch: Partial<PostFunctionFormValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    setErrors({});
    setRefusal(null);
  };
  const toggleSeverity = (level: SeverityLevel, checked: boolean) =>
    update({ severities: checked ? [...values.severities.filter((item) => item !== level), level] : values.severities.filter((item) => item !== level) });

  const rosterOptions = options.rosters.map((roster) => ({ label: roster.id === options.imocRosterId ? `${roster.name} (IMOC)` : roster.name, value: roster.id }));
  const preview = checkPostFunctionForm(values, options);
  const chosen = targetChoices.find((choice) => choice.kind === values.targetKind);

  return (
    <Box testId="post-function-config" paddingBlock="space.100">
      <Stack space="space.250">
        {registration === 'failed' ? (
          <SectionMessage appearance="error" title="This page cannot save the configuration">
            <Text>The workflow editor did not accept the configuration callback. Close this dialog and open it again.</Text>
          </SectionMessage>
        ) : null}
        {refusal === null ? null : (
          <Box testId="post-function-refusal">
            <SectionMessage appearance="error" title="The configuration was not saved">
              <Text>{describeFailure(refusal)}</Text>
            </SectionMessage>
          </Box>
        )}
        <Stack space="space.050">
          <Label labelFor="target">Whom to page</Label>
          <RadioGroup
            name="target"
            aria-labelledby="target"
            value={values.targetKind}
            options={targetChoices.map((choice) => ({ name: 'target', value: choice.kind, label: choice.label }))}
            onChange={(event) => {
              const kind = targetOf(event).value;
              if (isTargetKind(kind)) update({ targetKind: kind });
            }}
          />
          {chosen === undefined ? null : <HelperMessage>{chosen.help}</HelperMessage>}
        </Stack>
        {values.targetKind === 'roster' ? (
          <Stack space="space.050">
            <Label labelFor="rosterId">Roster</Label>
            <Select
              inputId="rosterId"
              options={rosterOptions}
              value={rosterOptions.find((option) => option.value === values.rosterId)}
              onChange={(option: { value: string } | null) => update({ rosterId: option?.value ?? null })}
              isInvalid={errors.rosterId !== undefined}
              placeholder={rosterOptions.length === 0 ? 'No rosters are configured yet' : 'Choose a roster'}
              testId="roster-select"
            />
            {errors.rosterId === undefined ? null : <ErrorMessage>{errors.rosterId}</ErrorMessage>}
          </Stack>
        ) : null}
        <Stack space="space.050">
          <Label labelFor="filter-by-severity">Severity</Label>
          <Checkbox
            id="filter-by-severity"
            label="Page only for some severities"
            isChecked={values.filterBySeverity}
            onChange={(event) => update({ filterBySeverity: targetOf(event).checked === true })}
            testId="filter-by-severity"
          />
          {values.filterBySeverity ? (
            <Stack space="space.050">
              <Inline space="space.200" shouldWrap>
                {options.severities.map((severity) => (
                  <Checkbox
                    key={severity.level}
                    label={severity.label}
                    isChecked={values.severities.includes(severity.level)}
                    onChange={(event) => toggleSeverity(severity.level, targetOf(event).checked === true)}
                    isInvalid={errors.severities !== undefined}
                    testId={`severity-${severity.level}`}
                  />
                ))}
              </Inline>
              {errors.severities === undefined ? null : <ErrorMessage>{errors.severities}</ErrorMessage>}
            </Stack>
          ) : (
            <Text size="small" color="color.text.subtle">
              Pages after every run of this transition, whatever the incident&apos;s severity.
            </Text>
          )}
        </Stack>
        {preview.ok ? (
          <Box testId="post-function-summary">
            <SectionMessage appearance="information">
              <Text>{describeConfiguration(preview.configuration, options)}</Text>
            </SectionMessage>
          </Box>
        ) : null}
      </Stack>
    </Box>
  );
}
