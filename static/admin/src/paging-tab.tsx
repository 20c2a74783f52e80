/** Paging channels per person, the integrations, their secrets, and the acknowledgement webhook providers call back. */
import { Checkbox } from '@atlaskit/checkbox';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { useState } from 'react';
import type { GetAcknowledgementWebhookResult, SecretStatus } from '../../../src/contracts/admin-page';
import type { IntegrationsDocument, PersonChannelDocument } from '../../../src/contracts/configuration';
import type { ResolverError, ResolverResult } from '../../../src/contracts/resolver-result';
import { Button } from '../../shared-ui/button';
import { FormField } from '../../shared-ui/form-field';
import { Code, Columns } from '../../shared-ui/layout';
import { describeFailure } from '../../shared-ui/resolver-result';
import { Select } from '../../shared-ui/select';
import { Textfield } from '../../shared-ui/text-field';
import { Card, errorAt, InlineError, RemoveButton, SectionIntro, type EditorProps } from './editor-kit';
import { getAcknowledgementWebhook } from './invokes';
import { PersonPicker } from './people-picker';
import type { SecretKind } from './secret-checks';
import { SecretField } from './secret-field';
import { usePeopleNames } from './users';

type PersonKind = PersonChannelDocument['kind'];

const personChoices: readonly { label: string; value: PersonKind }[] = [
  { label: 'Jira notification', value: 'jira' },
  { label: 'Slack direct message', value: 'slack' },
  { label: 'Webhook', value: 'webhook' },
];

function channelOf(kind: PersonKind): PersonChannelDocument {
  if (kind === 'slack') return { kind: 'slack', slackUserId: '' };
  if (kind === 'webhook') return { kind: 'webhook', url: '' };
  return { kind: 'jira' };
}

export interface PagingTabProps extends EditorProps {
  readonly secrets: SecretStatus;
  readonly onStoreSecret: (kind: Exclude<SecretKind, 'pagerduty-routing-key'>, value: string | null) => Promise<ResolverResult<unknown>>;
}

export function PagingTab({ draft, onChange, errors, secrets, onStoreSecret }: PagingTabProps) {
  const people = Object.keys(draft.paging.personChannels);
  const nameOf = usePeopleNames(people);
  const [adding, setAdding] = useState<string | null>(null);
  const setPerson = (accountId: string, channel: PersonChannelDocument | undefined) => {
    const { [accountId]: _old, ...rest } = draft.paging.personChannels;
    onChange({ ...draft, paging: { ...draft.paging, personChannels: channel === undefined ? rest : { ...draft.paging.personChannels, [accountId]: channel } } });
  };
  const toggle = (integration: keyof IntegrationsDocument, enabled: boolean) => onChange({ ...draft, integrations: { ...draft.integrations, [integration]: { enabled } } });

  return (
    <Stack space="space.300">
      <SectionIntro title="Paging and integrations">
        Pages go through Jira&apos;s own notification unless a roster or a person has another channel. Tokens are kept in the app&apos;s secret storage and are never shown again.
      </SectionIntro>
      <Card title="Integrations">
        <Stack space="space.200">
          <Checkbox label="Slack direct messages" isChecked={draft.integrations.slack.enabled} onChange={(event) => toggle('slack', event.currentTarget.checked)} />
          {draft.integrations.slack.enabled ? (
            <SecretField id="slackBotToken" kind="slack-bot-token" label="Slack bot token" help="A bot token (xoxb-…) with the chat:write scope." isSet={secrets.slackBotToken} onStore={(value) => onStoreSecret('slack-bot-token', value)} />
          ) : null}
          <Checkbox label="PagerDuty" isChecked={draft.integrations.pagerDuty.enabled} onChange={(event) => toggle('pagerDuty', event.currentTarget.checked)} />
          {draft.integrations.pagerDuty.enabled ? (
            <Text size="small" color="color.text.subtle">
              Each roster paged through PagerDuty needs its routing key: set it on the roster (Rosters tab). {secrets.pagerDutyRosters.length} roster(s) have one. For
              acknowledgements made in PagerDuty to reach the incident, add its webhook signing secret under Acknowledgement webhook below.
            </Text>
          ) : null}
          <Checkbox label="Webhooks" isChecked={draft.integrations.webhook.enabled} onChange={(event) => toggle('webhook', event.currentTarget.checked)} />
          {draft.integrations.webhook.enabled ? (
            <SecretField
              id="webhookSigningSecret"
              kind="webhook-signing-secret"
              label="Webhook signing secret"
              help="When set, every webhook page carries an HMAC signature of its body."
              isSet={secrets.webhookSigningSecret}
              onStore={(value) => onStoreSecret('webhook-signing-secret', value)}
            />
          ) : null}
        </Stack>
      </Card>

      <Card title="People with their own channel">
        {people.length === 0 ? <Text color="color.text.subtle">Nobody yet: everyone is paged through their roster&apos;s channel.</Text> : null}
        <Stack space="space.150">
          {people.map((accountId) => {
            const channel = draft.paging.personChannels[accountId] ?? { kind: 'jira' };
            const path = `paging.personChannels.${accountId}`;
            return (
              <Columns key={accountId} template="2fr 2fr 3fr auto" testId={`person-channel-${accountId}`}>
                <Stack space="space.050">
                  <Text weight="medium">{nameOf(accountId)}</Text>
                  <InlineError>{errorAt(errors, path)}</InlineError>
                </Stack>
                <FormField id={`${path}.kind`} label="Channel">
                  {(control) => (
                    <Select
                      inputId={control.id}
                      options={personChoices}
                      value={personChoices.find((choice) => choice.value === channel.kind) ?? null}
                      onChange={(option) => setPerson(accountId, channelOf(option?.value ?? 'jira'))}
                    />
                  )}
                </FormField>
                {channel.kind === 'slack' ? (
                  <FormField id={`${path}.slackUserId`} label="Slack member id" isRequired error={errorAt(errors, `${path}.slackUserId`)}>
                    {(control) => <Textfield {...control} value={channel.slackUserId} placeholder="U024BE7LH" onChange={(event) => setPerson(accountId, { kind: 'slack', slackUserId: event.currentTarget.value.trim() })} />}
                  </FormField>
                ) : channel.kind === 'webhook' ? (
                  <FormField id={`${path}.url`} label="Webhook URL" isRequired error={errorAt(errors, `${path}.url`)}>
                    {(control) => <Textfield {...control} type="url" value={channel.url} placeholder="https://" onChange={(event) => setPerson(accountId, { kind: 'webhook', url: event.currentTarget.value.trim() })} />}
                  </FormField>
                ) : (
                  <Box />
                )}
                <RemoveButton label={`Remove ${nameOf(accountId)}'s channel`} onClick={() => setPerson(accountId, undefined)} />
              </Columns>
            );
          })}
        </Stack>
        <Columns template="minmax(240px, 360px) auto">
          <FormField id="add-person-channel" label="Add a person">
            {(control) => <PersonPicker inputId={control.id} value={adding} onChange={setAdding} />}
          </FormField>
          <div className="ir-label-offset">
            <Button
              isDisabled={adding === null || people.includes(adding)}
              onClick={() => {
                if (adding === null) return;
                setPerson(adding, { kind: 'slack', slackUserId: '' });
                setAdding(null);
              }}
            >
              Add channel
            </Button>
          </div>
        </Columns>
      </Card>

      <AcknowledgementWebhook secrets={secrets} onStoreSecret={onStoreSecret} />
    </Stack>
  );
}

type WebhookLoad = { state: 'hidden' } | { state: 'loading' } | { state: 'failed'; error: ResolverError } | { state: 'shown'; webhook: GetAcknowledgementWebhookResult };

function CopyField({ id, label, value, isSecret = false }: { id: string; label: string; value: string; isSecret?: boolean }) {
  const [revealed, setRevealed] = useState(!isSecret);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    navigator.clipboard.writeText(value).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
  };
  return (
    <FormField id={id} label={label} {...(copied === 'failed' ? { error: 'The browser refused to copy: select the text and copy it yourself.' } : {})}>
      {(control) => (
        <Inline space="space.100" alignBlock="center">
          <Textfield {...control} value={value} type={revealed ? 'text' : 'password'} isReadOnly onFocus={(event) => event.currentTarget.select()} />
          {isSecret ? (
            <Button appearance="subtle" onClick={() => setRevealed(!revealed)}>
              {revealed ? 'Hide' : 'Show'}
            </Button>
          ) : null}
          <Button onClick={copy}>{copied === 'copied' ? 'Copied' : 'Copy'}</Button>
        </Inline>
      )}
    </FormField>
  );
}

function AcknowledgementWebhook({ secrets, onStoreSecret }: Pick<PagingTabProps, 'secrets' | 'onStoreSecret'>) {
  const [load, setLoad] = useState<WebhookLoad>({ state: 'hidden' });
  const show = async () => {
    setLoad({ state: 'loading' });
    const result = await getAcknowledgementWebhook();
    setLoad(result.ok ? { state: 'shown', webhook: result.value } : { state: 'failed', error: result.error });
  };
  return (
    <Card title="Acknowledgement webhook" testId="acknowledgement-webhook">
      <Text color="color.text.subtle">
        Paging providers report acknowledgements to this URL, so whoever acknowledges a page in PagerDuty or your own tools stops the escalation here too.
      </Text>
      {load.state === 'shown' ? (
        <Stack space="space.150">
          <CopyField id="ack-webhook-url" label="URL" value={load.webhook.url} />
          <CopyField id="ack-webhook-token" label="Token (for your own tools)" value={load.webhook.token} isSecret />
        </Stack>
      ) : (
        <Inline space="space.100" alignBlock="center">
          <Button onClick={() => void show()} isLoading={load.state === 'loading'} testId="show-acknowledgement-webhook">
            Show webhook URL and token
          </Button>
          {load.state === 'failed' ? <Text color="color.text.danger">{describeFailure(load.error)}</Text> : null}
        </Inline>
      )}
      <Stack space="space.100">
        <Heading size="xxsmall" as="h4">
          From PagerDuty
        </Heading>
        <ol className="ir-steps">
          <li>
            <Text>
              In PagerDuty, add a webhook subscription (Integrations › Generic Webhooks (v3)) with the URL above, subscribed to the <Code>incident.acknowledged</Code> event
              only, for the services your rosters page.
            </Text>
          </li>
          <li>
            <Text>PagerDuty shows the subscription&apos;s signing secret once: paste it below. Acknowledgements whose signature does not match it are refused.</Text>
          </li>
        </ol>
        <SecretField
          id="pagerDutyWebhookSecret"
          kind="pagerduty-webhook-secret"
          label="PagerDuty webhook signing secret"
          help="Kept in the app's secret storage and never shown again. Remove it to stop accepting acknowledgements from PagerDuty."
          isSet={secrets.pagerDutyWebhookSecret}
          onStore={(value) => onStoreSecret('pagerduty-webhook-secret', value)}
        />
      </Stack>
      <Stack space="space.100">
        <Heading size="xxsmall" as="h4">
          From your own tools
        </Heading>
        <Text>
          POST <Code>{'{"issueKey": "HOT-12", "acknowledgedBy": "…"}'}</Code> to the URL above with the header <Code>Authorization: Bearer &lt;token&gt;</Code>.
        </Text>
      </Stack>
    </Card>
  );
}
