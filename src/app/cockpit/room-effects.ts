import type { Configuration } from '../configuration';
import { AppError } from '../errors';
import type { SideEffect } from './apply-change';
import { currentRoleHolders, directoryOf, topicFor } from './cockpit-view';
import type { IncidentContext } from './incident-context';
import type { ChatMember, CockpitDeps } from './ports';

/** How the chat workspace finds a person: the Slack id an administrator configured, else their email. */
export function chatMemberOf(config: Pick<Configuration, 'paging'>, accountId: string, email: string | undefined): ChatMember {
  const channel = config.paging.personChannels[accountId];
  return {
    accountId,
    ...(channel?.kind === 'slack' ? { chatUserId: channel.slackUserId } : {}),
    ...(email === undefined ? {} : { email }),
  };
}

/** A person on the incident as the chat workspace finds them, their email from the issue or the cockpit's records. */
export function chatMember(context: IncidentContext, accountId: string): ChatMember {
  const known = [
    ...(context.record.assignee === undefined ? [] : [context.record.assignee]),
    ...context.record.techLeads,
    ...context.record.communicationsManagers,
  ].find((person) => person.accountId === accountId);
  return chatMemberOf(context.config, accountId, known?.emailAddress ?? context.state.people.get(accountId)?.emailAddress);
}

/** Everyone who holds a role now, the IM (or the assignee standing in) first. */
export function roleHolderIds(context: IncidentContext): string[] {
  const ids = currentRoleHolders(context).flatMap(({ holders }) => holders.map((holder) => holder.accountId));
  if (context.record.assignee !== undefined) ids.unshift(context.record.assignee.accountId);
  return [...new Set(ids)];
}

export interface RoomUpdate {
  readonly topic?: boolean;
  readonly invite?: readonly string[];
  readonly message?: string;
}

/** Keeps the incident's room in step with a change: topic, members, an announcement. Nothing when there is no room. */
export function roomEffects(deps: CockpitDeps, after: IncidentContext, update: RoomUpdate): SideEffect[] {
  const room = after.state.room;
  if (room === undefined || !after.chatConfigured) return [];
  const effects: SideEffect[] = [];
  if (update.topic === true) {
    effects.push({ describe: `update the topic of #${room.name}`, run: () => deps.chat.setTopic(room.id, topicFor(after).text) });
  }
  const invite = update.invite ?? [];
  if (invite.length > 0) {
    const directory = directoryOf(after);
    effects.push({
      describe: `invite ${invite.map(directory.name).join(', ')} to #${room.name}`,
      run: async () => {
        const outcome = await deps.chat.invite(room.id, invite.map((accountId) => chatMember(after, accountId)));
        if (outcome.notFound.length > 0) {
          throw new AppError(`${outcome.notFound.map(directory.name).join(', ')} could not be found in the chat workspace`);
        }
      },
    });
  }
  if (update.message !== undefined) {
    const message = update.message;
    effects.push({ describe: `post to #${room.name}`, run: () => deps.chat.post(room.id, message) });
  }
  return effects;
}
