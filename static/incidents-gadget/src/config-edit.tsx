/** The gadget's edit view: which project (or JQL) to list and how often to refresh; saved with `view.submit`. */
import { view } from '@forge/bridge';
import { Box, Button, ErrorMessage, Form, FormFooter, HelperMessage, Inline, Label, LoadingButton, RequiredAsterisk, SectionMessage, Select, Stack, Text, TextArea, Textfield } from '@forge/react';
import { useState } from 'react';
import { checkGadgetConfig, describeRefresh, followProject, REFRESH_CHOICES, type GadgetConfig, type GadgetConfigDraft, type GadgetConfigErrors } from './gadget-config';
import { checkJql } from './jira-search';

type Saving = { state: 'idle' } | { state: 'checking' } | { state: 'failed'; message: string };

interface RefreshOption {
  label: string;
  value: number;
}

function refreshMinutesOf(option: unknown): number {
  const value = typeof option === 'object' && option !== null ? (option as Record<string, unknown>)['value'] : undefined;
  return typeof value === 'number' ? value : 0;
}

function valueOf(event: unknown): string {
  const target = typeof event === 'object' && event !== null ? (event as { target?: unknown }).target : undefined;
  const value = typeof target === 'object' && target !== null ? (target as { value?: unknown }).value : undefined;
  return typeof value === 'string' ? value : '';
}

export function ConfigEdit({ config, canCancel }: { config: GadgetConfig; canCancel: boolean }) {
  const [draft, setDraft] = useState<GadgetConfigDraft>(config);
  const [errors, setErrors] = useState<GadgetConfigErrors>({});
  const [saving, setSaving] = useState<Saving>({ state: 'idle' });
  const refreshOptions: RefreshOption[] = REFRESH_CHOICES.map((minutes) => ({ value: minutes, label: describeRefresh(minutes) }));

  const change = (next: GadgetConfigDraft) => {
    setDraft(next);
    setErrors({});
    setSaving({ state: 'idle' });
  };

  const save = async () => {
    const check = checkGadgetConfig(draft);
    if (!check.ok) {
      setErrors(check.errors);
      return;
    }
    setSaving({ state: 'checking' });
    const complaint = await checkJql(check.config.jql);
    if (complaint !== undefined) {
      setErrors({ jql: complaint });
      setSaving({ state: 'idle' });
      return;
    }
    try {
      await view.submit(check.config);
    } catch (error) {
      setSaving({ state: 'failed', message: error instanceof Error ? error.message : 'The dashboard did not accept the configuration.' });
    }
  };

  return (
    <Box testId="gadget-edit">
      <Form onSubmit={() => save()}>
        <Stack space="space.200">
          {saving.state === 'failed' ? (
            <SectionMessage appearance="error" title="The gadget was not saved">
              <Text>{saving.message}</Text>
            </SectionMessage>
          ) : null}
          <Stack space="space.050">
            <Label labelFor="projectKey">
              Incident project
              <RequiredAsterisk />
            </Label>
            <Textfield id="projectKey" name="projectKey" value={draft.projectKey} width="small" isInvalid={errors.projectKey !== undefined} onChange={(event) => change(followProject(draft, valueOf(event)))} />
            {errors.projectKey === undefined ? <HelperMessage>The project incidents are declared in, e.g. HOT.</HelperMessage> : <ErrorMessage>{errors.projectKey}</ErrorMessage>}
          </Stack>
          <Stack space="space.050">
            <Label labelFor="jql">
              Incidents to list (JQL)
              <RequiredAsterisk />
            </Label>
            <TextArea id="jql" name="jql" value={draft.jql} minimumRows={2} resize="vertical" isInvalid={errors.jql !== undefined} onChange={(event) => change({ ...draft, jql: valueOf(event) })} />
            {errors.jql === undefined ? <HelperMessage>Follows the project until you write your own query.</HelperMessage> : <ErrorMessage>{errors.jql}</ErrorMessage>}
          </Stack>
          <Stack space="space.050">
            <Label labelFor="refreshMinutes">Refresh automatically</Label>
            <Select
              inputId="refreshMinutes"
              options={refreshOptions}
              value={refreshOptions.find((option) => option.value === draft.refreshMinutes)}
              onChange={(option: unknown) => change({ ...draft, refreshMinutes: refreshMinutesOf(option) })}
            />
            {errors.refreshMinutes === undefined ? null : <ErrorMessage>{errors.refreshMinutes}</ErrorMessage>}
          </Stack>
          <FormFooter align="start">
            <Inline space="space.100" alignBlock="center">
              <LoadingButton type="submit" appearance="primary" isLoading={saving.state === 'checking'} testId="gadget-save">
                Save
              </LoadingButton>
              {canCancel ? (
                <Button appearance="subtle" onClick={() => void view.close().catch(() => undefined)}>
                  Cancel
                </Button>
              ) : null}
              {saving.state === 'checking' ? <Text color="color.text.subtle">Checking the query with Jira…</Text> : null}
            </Inline>
          </FormFooter>
        </Stack>
      </Form>
    </Box>
  );
}
