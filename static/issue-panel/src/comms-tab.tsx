/** Open comms: the chat room named after the key, its topic, the video call and state document links, the IM's chat status. */
import { Inline, Stack } from '@atlaskit/primitives/compiled';
import { useState } from 'react';
import type { CockpitView, SetChannelLinksPayload } from '../../../src/contracts/cockpit';
import { Button } from '../../shared-ui/button';
import { FormField } from '../../shared-ui/form-field';
import { Section } from '../../shared-ui/layout';
import { SectionMessage } from '../../shared-ui/section-message';
import { Textfield } from '../../shared-ui/text-field';
import { openComms, setChannelLinks, setChatStatus } from './invokes';
import { fieldError, type Cockpit } from './use-cockpit';

const LINKS = [
  { name: 'chatRoom', label: 'Chat room', help: 'Where the team talks; named after the issue key.' },
  { name: 'videoCall', label: 'Video call', help: 'The call where the team builds a shared picture.' },
  { name: 'stateDocument', label: 'Incident state document', help: 'The page the team edits together as the source of truth.' },
] as const;

type LinkName = (typeof LINKS)[number]['name'];

export function CommsTab({ view, cockpit }: { view: CockpitView; cockpit: Cockpit }) {
  const { channels, viewer, issue } = view;
  const editable = viewer.readOnlyReason === undefined;
  const [links, setLinks] = useState<Record<LinkName, string>>({
    chatRoom: channels.chatRoom ?? '',
    videoCall: channels.videoCall ?? '',
    stateDocument: channels.stateDocument ?? '',
  });
  const changed = LINKS.filter(({ name }) => links[name].trim() !== (channels[name] ?? ''));
  const save = () => {
    const payload: SetChannelLinksPayload = Object.fromEntries(changed.map(({ name }) => [name, links[name].trim() === '' ? null : links[name].trim()]));
    void cockpit.change('links', () => setChannelLinks(payload), 'Links saved.');
  };
  const room = channels.chatRoom;
  return (
    <Stack space="space.200">
      <Section title="Chat room">
        {channels.chatConfigured ? (
          <Stack space="space.100">
            {channels.chatRoomName === undefined ? (
              <span>Create a chat room named #{issue.key.toLowerCase()}, set its topic and invite everyone holding a role.</span>
            ) : (
              <span>
                The room <strong>#{channels.chatRoomName}</strong> is open. Its topic and members follow role and severity changes.
              </span>
            )}
            {editable ? (
              <Inline>
                <Button appearance={channels.chatRoomName === undefined ? 'primary' : 'default'} onClick={() => void cockpit.change('open-comms', openComms, 'Comms are open.')} isLoading={cockpit.busy === 'open-comms'} testId="open-comms">
                  {channels.chatRoomName === undefined ? 'Open comms' : 'Refresh topic and invitations'}
                </Button>
              </Inline>
            ) : null}
          </Stack>
        ) : (
          <SectionMessage role="status" appearance="information" title="No chat integration">
            An administrator has not connected Slack, so the app cannot open a room. Create the room, call and document as usual and paste their links below.
          </SectionMessage>
        )}
        {room === undefined ? null : (
          <a className="ir-link" href={room} target="_blank" rel="noreferrer">
            {room}
          </a>
        )}
        <div>
          <span className="ir-field-label">Topic</span>
          <pre className="ir-pre" data-testid="room-topic">
            {channels.topic}
          </pre>
        </div>
        {channels.chatConfigured && editable ? <ChatStatus view={view} cockpit={cockpit} /> : null}
      </Section>
      <Section title="Links">
        {LINKS.map(({ name, label, help }) => (
          <FormField key={name} id={`link-${name}`} label={label} help={help} error={fieldError(cockpit.failure, 'links', name)}>
            {(control) => (
              <Textfield {...control} type="url" placeholder="https://" value={links[name]} isReadOnly={!editable} onChange={(event) => setLinks({ ...links, [name]: event.target.value })} />
            )}
          </FormField>
        ))}
        {editable ? (
          <Inline>
            <Button onClick={save} isDisabled={changed.length === 0} isLoading={cockpit.busy === 'links'} testId="save-links">
              Save links
            </Button>
          </Inline>
        ) : null}
      </Section>
    </Stack>
  );
}

function ChatStatus({ view, cockpit }: { view: CockpitView; cockpit: Cockpit }) {
  const holder = view.channels.chatStatusOf;
  const mine = holder?.accountId === view.viewer.accountId;
  if (!view.viewer.isIncidentManager && !mine) return holder === undefined ? null : <span className="ir-muted">{holder.displayName}'s chat status shows {view.issue.key}.</span>;
  return (
    <Inline space="space.100" alignBlock="center">
      <span>{mine ? `Your chat status shows ${view.issue.key}.` : 'Let colleagues know you are busy managing this incident.'}</span>
      <Button spacing="compact" onClick={() => void cockpit.change('chat-status', () => setChatStatus({ managing: !mine }), mine ? 'Chat status cleared.' : 'Chat status set.')} isLoading={cockpit.busy === 'chat-status'}>
        {mine ? 'Clear my status' : `Set my status to ${view.issue.key}`}
      </Button>
    </Inline>
  );
}
