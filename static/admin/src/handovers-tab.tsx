/**
 * How long each role may work an incident before the issue panel prompts a handover. Saved on its
 * own (not with the configuration's Save), in one piece: every limit is stored or none is.
 */
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { showFlag } from '@forge/bridge';
import { useCallback, useEffect, useState } from 'react';
import type { FatigueRole, GetCockpitSettingsResult } from '../../../src/contracts/admin-page';
import type { ResolverError } from '../../../src/contracts/resolver-result';
import { Button } from '../../shared-ui/button';
import { FormField } from '../../shared-ui/form-field';
import { Columns } from '../../shared-ui/layout';
import { ErrorState, LoadingState } from '../../shared-ui/page-states';
import { describeFailure, reasonOf } from '../../shared-ui/resolver-result';
import { SectionMessage } from '../../shared-ui/section-message';
import { Textfield } from '../../shared-ui/text-field';
import { Card, errorAt, SectionIntro } from './editor-kit';
import { checkFatigueDraft, FATIGUE_MINUTES, FATIGUE_ROLES, fatigueDraftFrom, fatigueFieldId, fatigueRoleOf, type FatigueDraft, type FatigueErrors } from './fatigue-limits';
import { getCockpitSettings, saveCockpitSettings } from './invokes';

type Load = { state: 'loading' } | { state: 'failed'; error: ResolverError } | { state: 'ready'; saved: GetCockpitSettingsResult; draft: FatigueDraft };
type Saving = { state: 'idle' } | { state: 'saving' } | { state: 'failed'; error: ResolverError };

const loaded = (saved: GetCockpitSettingsResult): Load => ({ state: 'ready', saved, draft: fatigueDraftFrom(saved.settings) });

export function HandoversTab() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [errors, setErrors] = useState<FatigueErrors>({});
  const [saving, setSaving] = useState<Saving>({ state: 'idle' });

  const fetchSettings = useCallback(() => {
    setLoad({ state: 'loading' });
    void getCockpitSettings().then((result) => setLoad(result.ok ? loaded(result.value) : { state: 'failed', error: result.error }));
  }, []);
  useEffect(fetchSettings, [fetchSettings]);

  if (load.state === 'loading') return <LoadingState label="Loading the handover limits" />;
  if (load.state === 'failed') return <ErrorState title="The handover limits could not be loaded" message={describeFailure(load.error)} onRetry={fetchSettings} />;
  const { saved, draft } = load;
  const dirty = JSON.stringify(draft) !== JSON.stringify(fatigueDraftFrom(saved.settings));

  const save = async () => {
    const check = checkFatigueDraft(draft, saved.defaults);
    if (!check.ok) {
      setErrors(check.errors);
      return;
    }
    setSaving({ state: 'saving' });
    const result = await saveCockpitSettings(check.payload);
    if (result.ok) {
      setLoad(loaded(result.value));
      setErrors({});
      setSaving({ state: 'idle' });
      showFlag({ id: `handovers-saved-${Date.now()}`, title: 'Handover limits saved', type: 'success', isAutoDismiss: true });
      return;
    }
    const role = fatigueRoleOf(result.error);
    if (role === undefined) {
      setSaving({ state: 'failed', error: result.error });
      return;
    }
    setErrors({ [role]: reasonOf(result.error) });
    setSaving({ state: 'idle' });
  };

  const edit = (role: FatigueRole, value: string) => {
    setLoad({ ...load, draft: { ...draft, [role]: value } });
    setErrors(({ [role]: _fixed, ...rest }) => rest);
    setSaving((current) => (current.state === 'failed' ? { state: 'idle' } : current));
  };

  return (
    <Stack space="space.300" testId="handovers">
      <SectionIntro title="Handovers">
        Tired people make mistakes. After this long on an incident, the issue panel asks the role&apos;s holder to hand over and offers a handover brief; it warns
        half an hour ahead so a successor can be lined up.
      </SectionIntro>
      {saving.state === 'failed' ? (
        <Box testId="handovers-failure">
          <SectionMessage appearance="error" title="Nothing was saved">
            <Text as="p">{describeFailure(saving.error)}</Text>
          </SectionMessage>
        </Box>
      ) : null}
      <Card title="Fatigue limits (minutes on the incident)">
        <Columns template="1fr 1fr" gap="200">
          {FATIGUE_ROLES.map(({ role, label, required }) => (
            <FormField
              key={role}
              id={fatigueFieldId(role)}
              label={label}
              isRequired={required}
              help={required ? `Whole minutes from ${FATIGUE_MINUTES.min} to ${FATIGUE_MINUTES.max}; the handbook's default is ${saved.defaults.fatigueLimitMinutes[role] ?? 240}.` : 'Leave empty for no prompt.'}
              error={errorAt(errors, role)}
            >
              {(control) => (
                <Textfield
                  {...control}
                  type="number"
                  min={FATIGUE_MINUTES.min}
                  max={FATIGUE_MINUTES.max}
                  step={1}
                  inputMode="numeric"
                  value={draft[role]}
                  onChange={(event) => edit(role, event.currentTarget.value)}
                  width="small"
                />
              )}
            </FormField>
          ))}
        </Columns>
      </Card>
      <Inline space="space.100" alignBlock="center">
        <Button appearance="primary" onClick={() => void save()} isDisabled={!dirty} isLoading={saving.state === 'saving'} testId="save-handovers">
          Save handover limits
        </Button>
        {dirty ? null : <Text color="color.text.subtle">Handover limits saved</Text>}
      </Inline>
    </Stack>
  );
}
