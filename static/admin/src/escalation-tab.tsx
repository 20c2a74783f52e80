/** Escalation policies: levels of rosters and people, each with its acknowledgement timeout, repeated; the IMOC last. */
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import type { EscalationLevelDocument, EscalationPolicyDocument, EscalationTargetDocument } from '../../../src/contracts/configuration';
import { Button } from '../../shared-ui/button';
import { FormField } from '../../shared-ui/form-field';
import { Columns } from '../../shared-ui/layout';
import { MultiSelect } from '../../shared-ui/select';
import { Textfield } from '../../shared-ui/text-field';
import { newPolicy, numberFrom, removeAt, removePolicy, replaceAt } from './draft-edits';
import { Card, errorAt, InlineError, RemoveButton, SectionIntro, type EditorProps } from './editor-kit';
import { errorsUnder } from './field-paths';
import { PeoplePicker } from './people-picker';

export function EscalationTab({ draft, onChange, errors }: EditorProps) {
  const imocRoster = draft.rosters.find((roster) => roster.id === draft.imoc.rosterId);
  return (
    <Stack space="space.300">
      <SectionIntro title="Escalation policies">
        A page nobody acknowledges within its level&apos;s timeout goes to the next level. After the last level, the policy repeats; then the IMOC is paged as the final level.
      </SectionIntro>
      {draft.escalationPolicies.length === 0 ? (
        <Text color="color.text.subtle">No policies: every roster escalates to the IMOC when its on-call does not acknowledge.</Text>
      ) : null}
      {draft.escalationPolicies.map((policy, index) => (
        <PolicyCard key={policy.id} index={index} policy={policy} draft={draft} onChange={onChange} errors={errors} />
      ))}
      <Inline>
        <Button appearance="primary" onClick={() => onChange({ ...draft, escalationPolicies: [...draft.escalationPolicies, newPolicy(draft)] })}>
          Add escalation policy
        </Button>
      </Inline>
      <Text size="small" color="color.text.subtle" testId="imoc-final-level">
        {imocRoster === undefined
          ? 'Final level of every policy: the IMOC. No IMOC roster is set yet (General tab), so escalation stops after the last level.'
          : `Final level of every policy: the IMOC roster "${imocRoster.name}", waiting ${draft.imoc.ackTimeoutMinutes} minutes for an acknowledgement.`}
      </Text>
    </Stack>
  );
}

function PolicyCard({ index, policy, draft, onChange, errors }: EditorProps & { index: number; policy: EscalationPolicyDocument }) {
  const path = `escalationPolicies[${index}]`;
  const setPolicy = (next: EscalationPolicyDocument) => onChange({ ...draft, escalationPolicies: replaceAt(draft.escalationPolicies, index, next) });
  const setLevel = (levelIndex: number, level: EscalationLevelDocument) => setPolicy({ ...policy, levels: replaceAt(policy.levels, levelIndex, level) });
  const rosterOptions = draft.rosters.map((roster) => ({ label: roster.name || roster.id, value: roster.id }));
  const usedBy = draft.rosters.filter((roster) => roster.escalationPolicyId === policy.id).map((roster) => roster.name || roster.id);
  return (
    <Card
      title={policy.name.trim() === '' ? 'New escalation policy' : policy.name}
      isInvalid={errorsUnder(errors, path).length > 0}
      testId={`policy-${index}`}
      actions={<RemoveButton label={`Remove policy ${policy.name}`} onClick={() => onChange(removePolicy(draft, index))} />}
    >
      <Columns template="2fr 1fr 1fr" gap="150">
        <FormField id={`${path}.name`} label="Name" isRequired error={errorAt(errors, `${path}.name`)}>
          {(control) => <Textfield {...control} value={policy.name} onChange={(event) => setPolicy({ ...policy, name: event.currentTarget.value })} />}
        </FormField>
        <FormField id={`${path}.id`} label="Id" error={errorAt(errors, `${path}.id`)}>
          {(control) => <Textfield {...control} value={policy.id} isReadOnly />}
        </FormField>
        <FormField id={`${path}.repeat`} label="Repeats" help="Times the whole policy runs again (0–9)." error={errorAt(errors, `${path}.repeat`)}>
          {(control) => (
            <Textfield {...control} type="number" min={0} max={9} value={Number.isNaN(policy.repeat ?? 0) ? '' : String(policy.repeat ?? 0)} onChange={(event) => setPolicy({ ...policy, repeat: numberFrom(event.currentTarget.value) })} />
          )}
        </FormField>
      </Columns>
      <Text size="small" color="color.text.subtle">
        {usedBy.length === 0 ? 'No roster uses this policy yet (choose it on the Rosters tab).' : `Used by ${usedBy.join(', ')}.`}
      </Text>
      <InlineError>{errorAt(errors, `${path}.levels`)}</InlineError>
      {policy.levels.map((level, levelIndex) => {
        const at = `${path}.levels[${levelIndex}]`;
        const rosterTargets = level.targets.flatMap((target) => (target.kind === 'roster' ? [target.rosterId] : []));
        const userTargets = level.targets.flatMap((target) => (target.kind === 'user' ? [target.accountId] : []));
        const setTargets = (rosters: readonly string[], users: readonly string[]) =>
          setLevel(levelIndex, {
            ...level,
            targets: [...rosters.map((rosterId): EscalationTargetDocument => ({ kind: 'roster', rosterId })), ...users.map((accountId): EscalationTargetDocument => ({ kind: 'user', accountId }))],
          });
        const targetError = errorAt(errors, `${at}.targets`) ?? errorsUnder(errors, `${at}.targets`).map((key) => errorAt(errors, key)).find((message) => message !== undefined);
        return (
          <div key={levelIndex} className="ir-rail ir-rail--orange" data-testid={at}>
            <Stack space="space.100">
              <Inline spread="space-between" alignBlock="center">
                <Text weight="bold">Level {levelIndex + 1}</Text>
                {policy.levels.length > 1 ? <RemoveButton label={`Remove level ${levelIndex + 1}`} onClick={() => setPolicy({ ...policy, levels: removeAt(policy.levels, levelIndex) })} /> : null}
              </Inline>
              <Columns template="2fr 2fr 1fr" gap="150">
                <FormField id={`${at}.rosters`} label="Page the on-call of" error={targetError}>
                  {(control) => (
                    <MultiSelect
                      inputId={control.id}
                      options={rosterOptions}
                      value={rosterOptions.filter((option) => rosterTargets.includes(option.value))}
                      onChange={(options) => setTargets(options.map((option) => option.value), userTargets)}
                      isInvalid={control.isInvalid}
                      placeholder="Rosters"
                    />
                  )}
                </FormField>
                <FormField id={`${at}.users`} label="and these people">
                  {(control) => <PeoplePicker inputId={control.id} value={userTargets} onChange={(users) => setTargets(rosterTargets, users)} />}
                </FormField>
                <FormField id={`${at}.ackTimeoutMinutes`} label="Wait (minutes)" isRequired error={errorAt(errors, `${at}.ackTimeoutMinutes`)}>
                  {(control) => (
                    <Textfield
                      {...control}
                      type="number"
                      min={1}
                      max={1440}
                      value={Number.isNaN(level.ackTimeoutMinutes) ? '' : String(level.ackTimeoutMinutes)}
                      onChange={(event) => setLevel(levelIndex, { ...level, ackTimeoutMinutes: numberFrom(event.currentTarget.value) })}
                    />
                  )}
                </FormField>
              </Columns>
            </Stack>
          </div>
        );
      })}
      <Inline>
        <Button spacing="compact" onClick={() => setPolicy({ ...policy, levels: [...policy.levels, { targets: [], ackTimeoutMinutes: 15 }] })}>
          Add level
        </Button>
      </Inline>
    </Card>
  );
}
