/**
 * Communications: the internal and external Statuspage pages (page id, API key, a component per
 * product), the impact each severity shows, the update cadence and reminder lead, the incident
 * communications email list (Jira groups, addresses outside Jira through SendGrid) and which
 * severities need an approval for external updates. Saved on its own; keys go to secret storage.
 */
import { Checkbox } from '@atlaskit/checkbox';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { useCallback, useEffect, useState } from 'react';
import type { CommsSettingsDocument, CommsSettingsResult } from '../../../src/contracts/comms';
import type { ResolverError } from '../../../src/contracts/resolver-result';
import { Button } from '../../shared-ui/button';
import { FormField } from '../../shared-ui/form-field';
import { ErrorState, LoadingState } from '../../shared-ui/page-states';
import { describeFailure } from '../../shared-ui/resolver-result';
import { SectionMessage } from '../../shared-ui/section-message';
import { Textfield } from '../../shared-ui/text-field';
import { getCommsSettings, saveCommsSettings, setCommsSecret, type CommsSecretInput } from './comms-invokes';
import { Card, SectionIntro } from './editor-kit';

type Load = { state: 'loading' } | { state: 'failed'; error: ResolverError } | { state: 'ready'; result: CommsSettingsResult; draft: CommsSettingsDocument };
type Page = 'internal' | 'external';
const LEVELS = ['1', '2', '3'] as const;
const list = (text: string): string[] => text.split(',').map((part) => part.trim()).filter((part) => part !== '');

export function CommsSettingsTab() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [failure, setFailure] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const [keys, setKeys] = useState<Record<string, string>>({});

  const fetch = useCallback(() => {
    setLoad({ state: 'loading' });
    void getCommsSettings().then((answer) => setLoad(answer.ok ? { state: 'ready', result: answer.value, draft: answer.value.settings } : { state: 'failed', error: answer.error }));
  }, []);
  useEffect(fetch, [fetch]);

  if (load.state === 'loading') return <LoadingState label="Loading the communications settings" />;
  if (load.state === 'failed') return <ErrorState title="The communications settings could not be loaded" message={describeFailure(load.error)} onRetry={fetch} />;
  const { draft, result } = load;
  const edit = (next: CommsSettingsDocument) => {
    setLoad({ ...load, draft: next });
    setSaved(false);
  };
  const page = (role: Page) => draft.statusPages[role];
  const setPage = (role: Page, change: { pageId?: string; components?: Record<string, string> }) => {
    const current = page(role) ?? { pageId: '', components: {} };
    const next = { ...current, ...change };
    const pages = { ...draft.statusPages };
    if (next.pageId.trim() === '') delete pages[role];
    else pages[role] = next;
    edit({ ...draft, statusPages: pages });
  };
  const firstList = draft.email.lists[0] ?? { name: 'Incident communications', severities: [1, 2, 3] as (1 | 2 | 3)[], jiraGroups: [], accountIds: [], addresses: [] };
  const setList = (change: Partial<typeof firstList>) => edit({ ...draft, email: { ...draft.email, lists: [{ ...firstList, ...change }, ...draft.email.lists.slice(1)] } });

  const save = async () => {
    const answer = await saveCommsSettings(draft);
    if (!answer.ok) {
      setFailure(describeFailure(answer.error));
      return;
    }
    setFailure(undefined);
    setSaved(true);
    setLoad({ state: 'ready', result: answer.value, draft: answer.value.settings });
  };
  const storeKey = async (id: string, secret: CommsSecretInput) => {
    const answer = await setCommsSecret(secret);
    if (!answer.ok) {
      setFailure(describeFailure(answer.error));
      return;
    }
    setKeys({ ...keys, [id]: '' });
    setLoad({ ...load, result: answer.value });
  };
  const stored = { internal: result.secrets.statuspageInternal, external: result.secrets.statuspageExternal };

  return (
    <Stack space="space.300" testId="comms-settings">
      <SectionIntro title="Communications">
        Where Initial, Follow-up and Final updates go: the internal and external status pages, the incident communications email list and the incident&apos;s chat room.
        Channels left empty are simply not used.
      </SectionIntro>
      {failure === undefined ? null : (
        <Box testId="comms-settings-failure">
          <SectionMessage appearance="error" title="Nothing was saved">
            <Text as="p">{failure}</Text>
          </SectionMessage>
        </Box>
      )}
      {(['internal', 'external'] as const).map((role) => (
        <Card key={role} title={`${role === 'internal' ? 'Internal' : 'External'} status page (Statuspage)`}>
          <FormField id={`${role}-page-id`} label="Page id">
            {(control) => <Textfield {...control} value={page(role)?.pageId ?? ''} onChange={(event) => setPage(role, { pageId: event.currentTarget.value })} testId={`${role}-page-id`} />}
          </FormField>
          <FormField id={`${role}-key`} label={`API key ${stored[role] ? '(stored)' : '(not stored)'}`} help="Kept in secret storage; never shown again.">
            {(control) => (
              <Inline space="space.100">
                <Textfield {...control} type="password" value={keys[role] ?? ''} onChange={(event) => setKeys({ ...keys, [role]: event.currentTarget.value })} />
                <Button onClick={() => void storeKey(role, { kind: 'statuspage-key', page: role, value: (keys[role] ?? '').trim() === '' ? null : (keys[role] ?? '').trim() })}>{(keys[role] ?? '') === '' ? 'Remove key' : 'Store key'}</Button>
              </Inline>
            )}
          </FormField>
          {result.products.map((product) => (
            <FormField key={product} id={`${role}-component-${product}`} label={`Component id for ${product}`}>
              {(control) => (
                <Textfield
                  {...control}
                  value={page(role)?.components[product] ?? ''}
                  onChange={(event) => {
                    const components = { ...(page(role)?.components ?? {}) };
                    if (event.currentTarget.value.trim() === '') delete components[product];
                    else components[product] = event.currentTarget.value.trim();
                    setPage(role, { components });
                  }}
                />
              )}
            </FormField>
          ))}
        </Card>
      ))}
      <Card title="Impact, cadence and reminders">
        {LEVELS.map((level) => (
          <Inline key={level} space="space.200">
            <FormField id={`impact-${level}`} label={`Sev ${level}: status page impact`}>
              {(control) => (
                <select id={control.id} value={draft.impactBySeverity[level]} onChange={(event) => edit({ ...draft, impactBySeverity: { ...draft.impactBySeverity, [level]: event.currentTarget.value as 'none' | 'minor' | 'major' | 'critical' } })}>
                  {['none', 'minor', 'major', 'critical'].map((impact) => (
                    <option key={impact}>{impact}</option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField id={`cadence-${level}`} label={`Sev ${level}: minutes between updates`}>
              {(control) => <Textfield {...control} type="number" width="xsmall" value={String(draft.cadenceMinutes[level])} onChange={(event) => edit({ ...draft, cadenceMinutes: { ...draft.cadenceMinutes, [level]: Number(event.currentTarget.value) } })} />}
            </FormField>
            <Checkbox
              label="External updates need approval"
              isChecked={draft.approvalSeverities.includes(Number(level) as 1 | 2 | 3)}
              onChange={(event) => {
                const value = Number(level) as 1 | 2 | 3;
                edit({ ...draft, approvalSeverities: event.currentTarget.checked ? [...draft.approvalSeverities, value] : draft.approvalSeverities.filter((other) => other !== value) });
              }}
            />
          </Inline>
        ))}
        <FormField id="reminder-lead" label="Remind this many minutes before a promised update">
          {(control) => <Textfield {...control} type="number" width="xsmall" value={String(draft.reminderLeadMinutes)} onChange={(event) => edit({ ...draft, reminderLeadMinutes: Number(event.currentTarget.value) })} />}
        </FormField>
      </Card>
      <Card title="Incident communications email list">
        <FormField id="email-from" label="From">
          {(control) => <Textfield {...control} value={draft.email.from} onChange={(event) => edit({ ...draft, email: { ...draft.email, from: event.currentTarget.value } })} />}
        </FormField>
        <FormField id="email-reply-to" label="Reply-to (where staff answer)">
          {(control) => (
            <Textfield
              {...control}
              value={draft.email.replyTo ?? ''}
              onChange={(event) => {
                const { replyTo: _old, ...rest } = draft.email;
                edit({ ...draft, email: event.currentTarget.value.trim() === '' ? rest : { ...rest, replyTo: event.currentTarget.value.trim() } });
              }}
            />
          )}
        </FormField>
        <FormField id="email-groups" label="Jira groups (comma-separated), mailed by Jira">
          {(control) => <Textfield {...control} value={firstList.jiraGroups.join(', ')} onChange={(event) => setList({ jiraGroups: list(event.currentTarget.value) })} testId="email-groups" />}
        </FormField>
        <FormField id="email-addresses" label="Addresses outside Jira (comma-separated), mailed through SendGrid">
          {(control) => <Textfield {...control} value={firstList.addresses.join(', ')} onChange={(event) => setList({ addresses: list(event.currentTarget.value) })} testId="email-addresses" />}
        </FormField>
        <FormField id="sendgrid-key" label={`SendGrid API key ${result.secrets.sendgrid ? '(stored)' : '(not stored)'}`}>
          {(control) => (
            <Inline space="space.100">
              <Textfield {...control} type="password" value={keys['sendgrid'] ?? ''} onChange={(event) => setKeys({ ...keys, sendgrid: event.currentTarget.value })} />
              <Button onClick={() => void storeKey('sendgrid', { kind: 'sendgrid-key', value: (keys['sendgrid'] ?? '').trim() === '' ? null : (keys['sendgrid'] ?? '').trim() })}>{(keys['sendgrid'] ?? '') === '' ? 'Remove key' : 'Store key'}</Button>
            </Inline>
          )}
        </FormField>
      </Card>
      <Inline space="space.100" alignBlock="center">
        <Button appearance="primary" onClick={() => void save()} testId="save-comms-settings">
          Save communications settings
        </Button>
        {saved ? <Text>Saved.</Text> : null}
      </Inline>
    </Stack>
  );
}
