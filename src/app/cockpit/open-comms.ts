import type { CockpitUpdate } from '../../contracts/cockpit';
import { RuleViolation } from '../../domain/errors';
import { NotConfiguredError } from '../errors';
import { issueUrl } from '../incident-fields';
import { applyChange, withEntries, type SideEffect } from './apply-change';
import { noteBy, personWrites } from './change-parts';
import { encode, stateKeys, type RoomRecord, type StateWrite } from './cockpit-state';
import { topicFor } from './cockpit-view';
import { loadIncidentContext, requireEditor, type IncidentContext } from './incident-context';
import { RoomNameTakenError, type CockpitCaller, type CockpitDeps } from './ports';
import { chatMember, roleHolderIds, roomEffects } from './room-effects';

/** The room's name: the issue key in lower case (Slack channel names are), e.g. `hot-12`. */
export function roomName(issueKey: string): string {
  return issueKey.toLowerCase();
}

/** The chat status that tells colleagues someone is busy managing this incident: its key, as the handbook has it. */
export function managingStatus(issueKey: string): string {
  return issueKey;
}

/**
 * Sets the IM's chat status and records whose status the app set, so it can be cleared later.
 * `remember: false` leaves the record alone (when another effect of the same change writes it).
 */
export function chatStatusEffect(deps: CockpitDeps, context: IncidentContext, accountId: string, managing: boolean, remember = true): SideEffect {
  return {
    describe: managing ? 'set the chat status to the issue key' : 'clear the chat status',
    run: async () => {
      await deps.chat.setStatus(chatMember(context, accountId), managing ? managingStatus(context.record.key) : undefined);
      const key = stateKeys.chatStatus(context.caller.issueId);
      if (!remember) return [];
      return managing
        ? [{ kind: 'set', key, value: encode.chatStatus({ accountId, setAt: context.now }) } satisfies StateWrite]
        : [{ kind: 'delete', key } satisfies StateWrite];
    },
  };
}

/**
 * Open comms: creates the chat room named after the issue key (or reuses the one the app opened
 * before), links it on the issue with a comment in one Jira request, then sets the room's topic,
 * invites the role holders, posts the links, and shows the issue key as the IM's chat status.
 * Chat problems after the room exists are reported as notices; the issue is never half-changed.
 *
 * @throws NotConfiguredError without a chat integration (the IM pastes links instead).
 * @throws RuleViolation when a room of that name exists that the app did not open.
 */
export async function openComms(deps: CockpitDeps, caller: CockpitCaller): Promise<CockpitUpdate> {
  const context = await loadIncidentContext(deps, caller);
  requireEditor(context, 'open comms');
  if (!context.chatConfigured) {
    throw new NotConfiguredError('no chat integration is set up; paste the chat room, video call and state document links instead');
  }
  const chatRoomField = context.config.fields?.chatRoom;
  if (chatRoomField === undefined) throw new NotConfiguredError("the app's incident fields are not set up yet");
  const name = roomName(context.record.key);
  const room = context.state.room ?? (await createRoom(deps, context, name));
  const withRoom = context.state.room === undefined ? withEntries(context, [roomWrite(context, room)]) : context;
  const note = noteBy(deps, withRoom, 'note', `Opened comms: chat room #${room.name} ${room.url}`);
  const imAccountId = context.record.assignee?.accountId;
  return applyChange(deps, withRoom, {
    edit: { fields: context.record.chatRoom === room.url ? {} : { [chatRoomField]: room.url }, comment: note.comment },
    writes: [note.write, ...personWrites(context, [context.callerPerson])],
    record: { ...context.record, chatRoom: room.url },
    effects: (after) => {
      const topic = topicFor(after);
      const links = [
        `Incident ${after.record.key}: ${after.record.summary}`,
        `Issue: ${issueUrl(after.config, after.record.key)}`,
        ...topic.leftOut.map((url) => `Link: ${url}`),
        'Note observations, theories, changes and decisions here as they happen.',
      ];
      return [
        ...roomEffects(deps, after, { topic: true, invite: roleHolderIds(after), message: links.join('\n') }),
        ...(imAccountId === caller.accountId ? [chatStatusEffect(deps, after, caller.accountId, true)] : []),
      ];
    },
  });
}

async function createRoom(deps: CockpitDeps, context: IncidentContext, name: string): Promise<RoomRecord> {
  try {
    const created = await deps.chat.createRoom(name);
    const room: RoomRecord = { ...created, createdAt: context.now, createdBy: context.caller.accountId };
    // Kept at once, so a retry after a failed Jira update reuses this room instead of hitting "name taken".
    await deps.store.set(stateKeys.room(context.caller.issueId), encode.room(room));
    return room;
  } catch (error) {
    if (error instanceof RoomNameTakenError) {
      throw new RuleViolation('room-name-taken', `A chat room named #${name} already exists but the app did not open it: paste its link below instead.`);
    }
    throw error;
  }
}

function roomWrite(context: IncidentContext, room: RoomRecord): StateWrite {
  return { kind: 'set', key: stateKeys.room(context.caller.issueId), value: encode.room(room) };
}
