/**
 * Resolve and learn: where cleanup tasks and postmortems are created, when a postmortem falls due
 * by severity (business days after the impact ended), and whether a Sev 3 may close without one.
 * Saved on its own, in one piece.
 */
import { Checkbox } from '@atlaskit/checkbox';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { showFlag } from '@forge/bridge';
import { useCallback, useEffect, useState } from 'react';
import * as z from 'zod/mini';
import { LEARNING_ADMIN_RESOLVER_KEYS as KEYS, type LearningSettingsView, type SaveLearningSettingsPayload } from '../../../src/contracts/resolution';
import type { ResolverError, ResolverResult } from '../../../src/contracts/resolver-result';
import { Button } from '../../shared-ui/button';
import { callResolver } from '../../shared-ui/call-resolver';
import { FormField } from '../../shared-ui/form-field';
import { ErrorState, LoadingState } from '../../shared-ui/page-states';
import { describeFailure, reasonOf } from '../../shared-ui/resolver-result';
import { SectionMessage } from '../../shared-ui/section-message';
import { Textfield } from '../../shared-ui/text-field';
import { Card, SectionIntro } from './editor-kit';
import { draftFieldOf, draftOf, payloadOf, type LearningDraft } from './learning-draft';

const days = z.number();
const settingsSchema: z.ZodMiniType<LearningSettingsView> = z.object({
  cleanup: z.object({ projectKey: z.exactOptional(z.string()), issueType: z.string() }),
  postmortem: z.object({
    projectKey: z.exactOptional(z.string()),
    issueType: z.string(),
    dueBusinessDays: z.object({ '1': days, '2': days, '3': days }),
    sev3Exempt: z.boolean(),
  }),
});

const getSettings = (): Promise<ResolverResult<LearningSettingsView>> => callResolver(KEYS.getLearningSettings, {}, settingsSchema);
const saveSettings = (payload: SaveLearningSettingsPayload): Promise<ResolverResult<LearningSettingsView>> => callResolver(KEYS.saveLearningSettings, payload, settingsSchema);

type Load = { state: 'loading' } | { state: 'failed'; error: ResolverError } | { state: 'ready'; saved: LearningSettingsView; draft: LearningDraft };
type Saving = { state: 'idle' } | { state: 'saving' } | { state: 'failed'; error: ResolverError };

export function LearningTab() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [saving, setSaving] = useState<Saving>({ state: 'idle' });
  const [fieldError, setFieldError] = useState<{ field: keyof LearningDraft; message: string } | undefined>();

  const fetchSettings = useCallback(() => {
    setLoad({ state: 'loading' });
    void getSettings().then((result) => setLoad(result.ok ? { state: 'ready', saved: result.value, draft: draftOf(result.value) } : { state: 'failed', error: result.error }));
  }, []);
  useEffect(fetchSettings, [fetchSettings]);

  if (load.state === 'loading') return <LoadingState label="Loading the resolve and learn settings" />;
  if (load.state === 'failed') return <ErrorState title="The resolve and learn settings could not be loaded" message={describeFailure(load.error)} onRetry={fetchSettings} />;
  const { saved, draft } = load;
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(saved));
  const edit = (change: Partial<LearningDraft>) => {
    setLoad({ ...load, draft: { ...draft, ...change } });
    setFieldError(undefined);
    setSaving((current) => (current.state === 'failed' ? { state: 'idle' } : current));
  };
  const errorOf = (field: keyof LearningDraft) => (fieldError?.field === field ? fieldError.message : undefined);

  const save = async () => {
    setSaving({ state: 'saving' });
    const result = await saveSettings(payloadOf(draft));
    if (result.ok) {
      setLoad({ state: 'ready', saved: result.value, draft: draftOf(result.value) });
      setSaving({ state: 'idle' });
      showFlag({ id: `learning-saved-${Date.now()}`, title: 'Resolve and learn settings saved', type: 'success', isAutoDismiss: true });
      return;
    }
    const field = draftFieldOf(result.error.field);
    if (field !== undefined) {
      setFieldError({ field, message: reasonOf(result.error) });
      setSaving({ state: 'idle' });
      return;
    }
    setSaving({ state: 'failed', error: result.error });
  };

  const text = (field: keyof LearningDraft, id: string, label: string, help?: string) => (
    <FormField id={id} label={label} error={errorOf(field)} {...(help === undefined ? {} : { help })}>
      {(control) => <Textfield {...control} value={String(draft[field])} onChange={(event) => edit({ [field]: event.currentTarget.value })} testId={`learning-${id}`} />}
    </FormField>
  );

  return (
    <Stack space="space.300" testId="learning-settings">
      <SectionIntro title="Resolve and learn">
        Once an incident is resolved the team moves on to its cleanup tasks and its postmortem. The issue panel creates both, linked to the incident; an incident
        cannot be closed until its postmortem exists.
      </SectionIntro>
      {saving.state === 'failed' ? (
        <Box testId="learning-failure">
          <SectionMessage appearance="error" title="Nothing was saved">
            <Text as="p">{describeFailure(saving.error)}</Text>
          </SectionMessage>
        </Box>
      ) : null}
      <Card title="Cleanup tasks">
        {text('cleanupProject', 'cleanup-project', 'Project key', 'Where cleanup tasks are created, e.g. HOT. Empty: the panel cannot create them.')}
        {text('cleanupIssueType', 'cleanup-issue-type', 'Issue type')}
      </Card>
      <Card title="Postmortems">
        {text('postmortemProject', 'postmortem-project', 'Project key', 'Where postmortems are created, e.g. PM.')}
        {text('postmortemIssueType', 'postmortem-issue-type', 'Issue type')}
        <Inline space="space.200" shouldWrap>
          {text('due1', 'due-1', 'Sev 1: due in business days')}
          {text('due2', 'due-2', 'Sev 2: due in business days')}
          {text('due3', 'due-3', 'Sev 3: due in business days')}
        </Inline>
        <Checkbox
          label="Sev 3 incidents may be closed without a postmortem"
          isChecked={draft.sev3Exempt}
          onChange={(event) => edit({ sev3Exempt: event.currentTarget.checked })}
          testId="learning-sev3-exempt"
        />
      </Card>
      <Inline space="space.100" alignBlock="center">
        <Button appearance="primary" onClick={() => void save()} isDisabled={!dirty} isLoading={saving.state === 'saving'} testId="save-learning">
          Save resolve and learn settings
        </Button>
      </Inline>
    </Stack>
  );
}
