/**
 * The inbox: what the signed-in person received (pages, emails, messages naming them), and the
 * whole outbox — everything the site sent outward on the app's behalf — readable by a person, newest
 * first, refreshed as new entries arrive.
 */
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { useEffect, useState } from 'react';
import { describeError, requestJson } from '../api/http';
import { outboxPage, type OutboxEntry, type OutboxScope } from '../api/outbox';
import type { SiteUser } from '../api/site-info';
import { formatDateTime } from '../components/issue-bits';
import { describeRequest, withoutSecrets, type RequestView } from './outbox-request';
import { summarizeOutboxEntry } from './outbox-summary';

const pageStyles = xcss({ paddingBlock: 'space.300', paddingInline: 'space.400', maxWidth: '1100px' });
const entryStyles = xcss({ border: '1px solid', borderColor: 'color.border', borderRadius: 'radius.medium', padding: 'space.200', backgroundColor: 'elevation.surface.raised' });
const messageStyles = xcss({ whiteSpace: 'pre-wrap', wordBreak: 'break-word', backgroundColor: 'color.background.neutral', padding: 'space.150', borderRadius: 'radius.small' });
const rawStyles = xcss({ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: 'font.family.code', fontSize: '12px', maxHeight: '320px', overflowY: 'auto' });
const codeBlockStyles = xcss({
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-word',
  fontFamily: 'font.family.code',
  fontSize: '12px',
  maxHeight: '320px',
  overflowY: 'auto',
  backgroundColor: 'color.background.neutral',
  padding: 'space.100',
  borderRadius: 'radius.small',
  color: 'color.text',
});
const requestLineStyles = xcss({ fontFamily: 'font.family.code', fontSize: '12px', wordBreak: 'break-all', color: 'color.text' });

const pollMs = 3000;

const channelAppearance: Record<string, 'default' | 'inprogress' | 'moved' | 'new' | 'removed' | 'success'> = {
  email: 'inprogress',
  slack: 'new',
  pagerduty: 'removed',
  statuspage: 'success',
  webhook: 'moved',
};

function EntryCard({ entry }: { entry: OutboxEntry }) {
  const [raw, setRaw] = useState(false);
  const summary = summarizeOutboxEntry(entry);
  const request = describeRequest(entry);
  return (
    <Box xcss={entryStyles} testId={`outbox-entry-${entry.seq}`} as="article">
      <Stack space="space.100">
        <Inline space="space.100" alignBlock="center" spread="space-between">
          <Inline space="space.100" alignBlock="center">
            <Lozenge appearance={channelAppearance[entry.channel] ?? 'default'} isBold>
              {summary.channelLabel}
            </Lozenge>
            <Heading size="xsmall" as="h3">
              {summary.headline}
            </Heading>
          </Inline>
          <Text size="small" color="color.text.subtlest">
            {`#${entry.seq} · ${formatDateTime(entry.at)}`}
          </Text>
        </Inline>
        <Inline space="space.200" shouldWrap>
          {summary.facts.map(([label, value]) => (
            <Text key={label} size="small" color="color.text.subtle">
              <strong>{label}:</strong> {value}
            </Text>
          ))}
        </Inline>
        {summary.text === '' ? null : (
          <Box xcss={messageStyles}>
            <Text>{summary.text}</Text>
          </Box>
        )}
        {request === undefined ? (
          <>
            <Inline>
              <Button appearance="subtle" spacing="compact" onClick={() => setRaw((value) => !value)} aria-expanded={raw}>
                {raw ? 'Hide recorded data' : 'Show recorded data'}
              </Button>
            </Inline>
            {raw ? <Box xcss={rawStyles}>{JSON.stringify(withoutSecrets({ body: entry.body, request: entry.request }), null, 2)}</Box> : null}
          </>
        ) : (
          <>
            <Inline>
              <Button appearance="subtle" spacing="compact" onClick={() => setRaw((value) => !value)} aria-expanded={raw} testId={`outbox-request-toggle-${entry.seq}`}>
                {raw ? 'Hide request' : 'Show request'}
              </Button>
            </Inline>
            {raw ? <RequestDetails request={request} testId={`outbox-request-${entry.seq}`} /> : null}
          </>
        )}
      </Stack>
    </Box>
  );
}

/** The HTTP request as sent: method and URL, the headers that matter (credentials redacted), the JSON body, and the answer. */
function RequestDetails({ request, testId }: { request: RequestView; testId: string }) {
  return (
    <Box testId={testId}>
      <Stack space="space.100">
        <Box xcss={requestLineStyles}>
          <strong>{request.method}</strong> {request.url}
        </Box>
        {request.headers.length === 0 ? null : (
          <Stack space="space.025">
            <Text size="small" weight="bold" color="color.text.subtle">
              Headers
            </Text>
            {request.headers.map(([name, value]) => (
              <Box key={name} xcss={requestLineStyles}>
                {`${name}: ${value}`}
              </Box>
            ))}
          </Stack>
        )}
        {request.body === '' ? null : (
          <Stack space="space.025">
            <Text size="small" weight="bold" color="color.text.subtle">
              Body
            </Text>
            <Box xcss={codeBlockStyles} testId={`${testId}-body`}>
              {request.body}
            </Box>
          </Stack>
        )}
        {request.response === undefined ? null : (
          <Stack space="space.025">
            <Text size="small" weight="bold" color="color.text.subtle">
              {`Answer: ${request.response.status}`}
            </Text>
            {request.response.body === '' ? null : <Box xcss={codeBlockStyles}>{request.response.body}</Box>}
          </Stack>
        )}
      </Stack>
    </Box>
  );
}

interface ChannelOption {
  label: string;
  value: string;
}

function Feed({ scope, emptyText }: { scope: OutboxScope; emptyText: string }) {
  const [entries, setEntries] = useState<OutboxEntry[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [channel, setChannel] = useState<string>('');

  useEffect(() => {
    let since = 0;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const page = await requestJson(`/__web/outbox?scope=${scope}&since=${since}`, outboxPage);
        if (stopped) return;
        const last = page.entries[page.entries.length - 1];
        if (last !== undefined) since = last.seq;
        setEntries((previous) => [...(previous ?? []), ...page.entries]);
        setError(undefined);
      } catch (failure) {
        if (!stopped) setError(describeError(failure));
      }
      if (!stopped) timer = setTimeout(() => void poll(), pollMs);
    };
    void poll();
    return () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [scope]);

  const channels = [...new Set((entries ?? []).map((entry) => entry.channel))].sort();
  const options: ChannelOption[] = [{ label: 'All channels', value: '' }, ...channels.map((value) => ({ label: summarizeOutboxEntry({ seq: 0, at: '', channel: value, to: '', body: null, request: null }).channelLabel, value }))];
  const shown = (entries ?? []).filter((entry) => channel === '' || entry.channel === channel).reverse();
  return (
    <Stack space="space.200">
      <Box xcss={xcss({ width: '240px' })}>
        <Select<ChannelOption> inputId={`channel-${scope}`} aria-label="Channel" options={options} value={options.find((option) => option.value === channel) ?? options[0] ?? null} onChange={(option) => setChannel(option?.value ?? '')} />
      </Box>
      {error === undefined ? null : <Text color="color.text.danger">{error}</Text>}
      {entries === undefined ? <Text color="color.text.subtle">Loading…</Text> : null}
      {entries !== undefined && shown.length === 0 ? <Text color="color.text.subtle">{emptyText}</Text> : null}
      {shown.map((entry) => (
        <EntryCard key={entry.seq} entry={entry} />
      ))}
    </Stack>
  );
}

export function InboxPage({ user }: { user: SiteUser }) {
  return (
    <Box xcss={pageStyles} testId="inbox-page">
      <Stack space="space.300">
        <Stack space="space.050">
          <Heading size="large">Inbox</Heading>
          <Text color="color.text.subtle">Pages, emails and messages the site sent instead of delivering them.</Text>
        </Stack>
        <Tabs id="inbox-tabs">
          <TabList>
            <Tab testId="inbox-tab-mine">{`Received by ${user.displayName}`}</Tab>
            <Tab testId="inbox-tab-all">Everything sent</Tab>
          </TabList>
          <TabPanel>
            <Box paddingBlock="space.200" xcss={xcss({ width: '100%' })}>
              <Feed scope="mine" emptyText={`Nothing has been sent to ${user.displayName} yet.`} />
            </Box>
          </TabPanel>
          <TabPanel>
            <Box paddingBlock="space.200" xcss={xcss({ width: '100%' })}>
              <Feed scope="all" emptyText="Nothing has been sent yet." />
            </Box>
          </TabPanel>
        </Tabs>
      </Stack>
    </Box>
  );
}
