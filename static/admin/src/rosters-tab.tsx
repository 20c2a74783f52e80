/** Rosters: rotation layers, overrides, the escalation policy and the paging channel of each. */
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import type { SecretStatus } from '../../../src/contracts/admin-page';
import type { RosterChannelDocument, RosterDocument } from '../../../src/contracts/configuration';
import type { ResolverResult } from '../../../src/contracts/resolver-result';
import { Button } from '../../shared-ui/button';
import { DataTable } from '../../shared-ui/data-table';
import { FormField } from '../../shared-ui/form-field';
import { Columns } from '../../shared-ui/layout';
import { Select } from '../../shared-ui/select';
import { Textfield } from '../../shared-ui/text-field';
import { newLayer, newRoster, removeAt, removeRoster, replaceAt, withOptional } from './draft-edits';
import { Card, errorAt, InlineError, RemoveButton, SectionIntro, type EditorProps } from './editor-kit';
import { errorsUnder } from './field-paths';
import { LayerEditor } from './layer-editor';
import { SecretField } from './secret-field';
import { usePeopleNames } from './users';

type ChannelKind = RosterChannelDocument['kind'];

const channelChoices: readonly { label: string; value: ChannelKind }[] = [
  { label: "Jira notification (email and Jira's bell)", value: 'jira' },
  { label: 'PagerDuty (Events API v2)', value: 'pagerduty' },
  { label: 'Webhook (JSON POST)', value: 'webhook' },
];

export interface RostersTabProps extends EditorProps {
  readonly secrets: SecretStatus;
  readonly savedRosterIds: readonly string[];
  readonly onStoreRoutingKey: (rosterId: string, value: string | null) => Promise<ResolverResult<unknown>>;
  readonly timeZone: string;
  readonly today: string;
}

export function RostersTab(props: RostersTabProps) {
  const { draft, onChange, timeZone, today } = props;
  return (
    <Stack space="space.300">
      <SectionIntro title="Rosters">
        Each roster is a rotation of people expected to respond in an emergency. Layers stack: the first layer with someone on call at a moment decides, and overrides beat every layer.
      </SectionIntro>
      {draft.rosters.length === 0 ? <Text color="color.text.subtle">No rosters yet. Until there are, incidents page nobody.</Text> : null}
      {draft.rosters.map((roster, index) => (
        <RosterCard key={roster.id} index={index} roster={roster} {...props} />
      ))}
      <Inline>
        <Button appearance="primary" onClick={() => onChange({ ...draft, rosters: [...draft.rosters, newRoster(draft, timeZone, today)] })} testId="add-roster">
          Add roster
        </Button>
      </Inline>
    </Stack>
  );
}

function RosterCard({ index, roster, draft, onChange, errors, secrets, savedRosterIds, onStoreRoutingKey, timeZone, today }: RostersTabProps & { index: number; roster: RosterDocument }) {
  const path = `rosters[${index}]`;
  const setRoster = (next: RosterDocument) => onChange({ ...draft, rosters: replaceAt(draft.rosters, index, next) });
  const policyOptions = [{ label: 'None: this roster, then the IMOC', value: '' }, ...draft.escalationPolicies.map((policy) => ({ label: policy.name || policy.id, value: policy.id }))];
  const channel = draft.paging.rosterChannels[roster.id] ?? { kind: 'jira' };
  const setChannel = (next: RosterChannelDocument) => onChange({ ...draft, paging: { ...draft.paging, rosterChannels: { ...draft.paging.rosterChannels, [roster.id]: next } } });
  const channelPath = `paging.rosterChannels.${roster.id}`;
  const overrides = roster.overrides ?? [];
  const nameOf = usePeopleNames(overrides.map((override) => override.accountId));
  const isSaved = savedRosterIds.includes(roster.id);
  const isImoc = draft.imoc.rosterId === roster.id;
  const problems = errorsUnder(errors, path).length + errorsUnder(errors, channelPath).length;
  return (
    <Card
      title={`${roster.name.trim() === '' ? 'New roster' : roster.name}${isImoc && !/\(IMOC\)/u.test(roster.name) ? ' (IMOC)' : ''}`}
      isInvalid={problems > 0}
      testId={`roster-${index}`}
      actions={<RemoveButton label={`Remove roster ${roster.name}`} onClick={() => onChange(removeRoster(draft, index))} />}
    >
      <Columns template="2fr 1fr 2fr" gap="150">
        <FormField id={`${path}.name`} label="Name" isRequired error={errorAt(errors, `${path}.name`)}>
          {(control) => <Textfield {...control} value={roster.name} placeholder="e.g. Bitbucket incident managers" onChange={(event) => setRoster({ ...roster, name: event.currentTarget.value })} />}
        </FormField>
        <FormField id={`${path}.id`} label="Id" help="Used in exports and by the post-function." error={errorAt(errors, `${path}.id`)}>
          {(control) => <Textfield {...control} value={roster.id} isReadOnly />}
        </FormField>
        <FormField id={`${path}.escalationPolicyId`} label="Escalation policy" error={errorAt(errors, `${path}.escalationPolicyId`)}>
          {(control) => (
            <Select
              inputId={control.id}
              options={policyOptions}
              value={policyOptions.find((option) => option.value === (roster.escalationPolicyId ?? '')) ?? null}
              onChange={(option) => setRoster(withOptional(roster, 'escalationPolicyId', option === null || option.value === '' ? undefined : option.value))}
              isInvalid={control.isInvalid}
            />
          )}
        </FormField>
      </Columns>

      <Stack space="space.200">
        <InlineError>{errorAt(errors, `${path}.layers`)}</InlineError>
        {roster.layers.map((layer, layerIndex) => (
          <LayerEditor
            key={layerIndex}
            path={`${path}.layers[${layerIndex}]`}
            index={layerIndex}
            layer={layer}
            errors={errors}
            onChange={(next) => setRoster({ ...roster, layers: replaceAt(roster.layers, layerIndex, next) })}
            {...(roster.layers.length > 1 ? { onRemove: () => setRoster({ ...roster, layers: removeAt(roster.layers, layerIndex) }) } : {})}
          />
        ))}
        <Inline>
          <Button spacing="compact" onClick={() => setRoster({ ...roster, layers: [...roster.layers, newLayer(timeZone, today)] })}>
            Add layer
          </Button>
        </Inline>
      </Stack>

      <Stack space="space.100">
        <Text weight="bold">Overrides</Text>
        {overrides.length === 0 ? (
          <Text size="small" color="color.text.subtle">
            No overrides. Add one from the On call tab.
          </Text>
        ) : (
          <DataTable
            label={`Overrides of ${roster.name}`}
            columns={[
              { key: 'who', label: 'On call' },
              { key: 'from', label: 'From' },
              { key: 'to', label: 'Until' },
              { key: 'reason', label: 'Reason' },
              { key: 'remove', label: '' },
            ]}
            rows={overrides.map((override, overrideIndex) => ({
              key: `${override.accountId}-${override.start}`,
              cells: {
                who: nameOf(override.accountId),
                from: new Date(override.start).toLocaleString(),
                to: (
                  <Stack space="space.025">
                    <span>{new Date(override.end).toLocaleString()}</span>
                    <InlineError>{errorAt(errors, `${path}.overrides[${overrideIndex}].end`)}</InlineError>
                  </Stack>
                ),
                reason: override.reason ?? '',
                remove: <RemoveButton label={`Remove override of ${nameOf(override.accountId)}`} onClick={() => setRoster({ ...roster, overrides: removeAt(overrides, overrideIndex) })} />,
              },
            }))}
          />
        )}
      </Stack>

      <Columns template="1fr 1fr" gap="150">
        <FormField id={`${channelPath}.kind`} label="Paging channel" help="People with a channel of their own are paged there instead (except with PagerDuty)." error={errorAt(errors, channelPath)}>
          {(control) => (
            <Select
              inputId={control.id}
              options={channelChoices}
              value={channelChoices.find((choice) => choice.value === channel.kind) ?? null}
              onChange={(option) => setChannel(option?.value === 'webhook' ? { kind: 'webhook', url: '' } : { kind: option?.value === 'pagerduty' ? 'pagerduty' : 'jira' })}
            />
          )}
        </FormField>
        {channel.kind === 'webhook' ? (
          <FormField id={`${channelPath}.url`} label="Webhook URL" isRequired error={errorAt(errors, `${channelPath}.url`)}>
            {(control) => <Textfield {...control} type="url" value={channel.url} placeholder="https://" onChange={(event) => setChannel({ kind: 'webhook', url: event.currentTarget.value.trim() })} />}
          </FormField>
        ) : null}
        {channel.kind === 'pagerduty' ? (
          <Box>
            <SecretField
              id={`${path}.pagerDutyRoutingKey`}
              kind="pagerduty-routing-key"
              label="PagerDuty routing key"
              help={isSaved ? 'The integration key of the PagerDuty service this roster pages.' : 'Save the roster first, then add its routing key.'}
              isSet={secrets.pagerDutyRosters.includes(roster.id)}
              isDisabled={!isSaved}
              onStore={(value) => onStoreRoutingKey(roster.id, value)}
            />
          </Box>
        ) : null}
      </Columns>
    </Card>
  );
}
