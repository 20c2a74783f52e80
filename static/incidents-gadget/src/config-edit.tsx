/** The gadget's edit view: which project (or JQL) to list and how often to refresh; saved with `view.submit`. */
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { view } from '@forge/bridge';
import { useState, type FormEvent } from 'react';
import { Button } from '../../shared-ui/button';
import { FormField } from '../../shared-ui/form-field';
import { SectionMessage } from '../../shared-ui/section-message';
import { Select } from '../../shared-ui/select';
import { TextArea, Textfield } from '../../shared-ui/text-field';
import { checkGadgetConfig, describeRefresh, followProject, REFRESH_CHOICES, type GadgetConfig, type GadgetConfigDraft, type GadgetConfigErrors } from './gadget-config';
import { checkJql } from './jira-search';

type Saving = { state: 'idle' } | { state: 'checking' } | { state: 'failed'; message: string };

export function ConfigEdit({ config, canCancel }: { config: GadgetConfig; canCancel: boolean }) {
  const [draft, setDraft] = useState<GadgetConfigDraft>(config);
  const [errors, setErrors] = useState<GadgetConfigErrors>({});
  const [saving, setSaving] = useState<Saving>({ state: 'idle' });
  const refreshOptions = REFRESH_CHOICES.map((minutes) => ({ value: minutes, label: describeRefresh(minutes) }));

  const change = (next: GadgetConfigDraft) => {
    setDraft(next);
    setErrors({});
    setSaving({ state: 'idle' });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
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
    <form onSubmit={(event) => void save(event)} noValidate aria-label="Configure Incidents in progress" data-testid="gadget-edit">
      <Stack space="space.200">
        {saving.state === 'failed' ? (
          <SectionMessage appearance="error" title="The gadget was not saved">
            <Text as="p">{saving.message}</Text>
          </SectionMessage>
        ) : null}
        <FormField id="projectKey" label="Incident project" isRequired help="The project incidents are declared in, e.g. HOT." error={errors.projectKey}>
          {(control) => <Textfield {...control} value={draft.projectKey} onChange={(event) => change(followProject(draft, event.currentTarget.value))} width="small" />}
        </FormField>
        <FormField id="jql" label="Incidents to list (JQL)" isRequired help="Follows the project until you write your own query." error={errors.jql}>
          {(control) => <TextArea {...control} value={draft.jql} minimumRows={2} resize="vertical" onChange={(event) => change({ ...draft, jql: event.currentTarget.value })} />}
        </FormField>
        <FormField id="refreshMinutes" label="Refresh automatically" error={errors.refreshMinutes}>
          {(control) => (
            <Select
              inputId={control.id}
              options={refreshOptions}
              value={refreshOptions.find((option) => option.value === draft.refreshMinutes) ?? null}
              onChange={(option) => change({ ...draft, refreshMinutes: option?.value ?? 0 })}
              isInvalid={control.isInvalid}
            />
          )}
        </FormField>
        <Inline space="space.100" alignBlock="center">
          <Button type="submit" appearance="primary" isLoading={saving.state === 'checking'} testId="gadget-save">
            Save
          </Button>
          {canCancel ? (
            <Button appearance="subtle" onClick={() => void view.close().catch(() => undefined)}>
              Cancel
            </Button>
          ) : null}
          {saving.state === 'checking' ? (
            <Text color="color.text.subtle" role="status">
              Checking the query with Jira…
            </Text>
          ) : null}
        </Inline>
      </Stack>
    </form>
  );
}
