import { endAllRoles } from '../../domain/roles';
import { INCIDENT_STATUSES, toJiraStatusName } from '../../domain/workflow';
import type { ChangelogItem } from '../react-to-issue-updated';
import { CONFIGURATION_KEY, configurationFrom } from '../configuration-store';
import type { AppStore, Clock } from '../ports';
import { applyWrites, cockpitPrefix, encode, stateFrom, stateKeys, type StateWrite } from './cockpit-state';
import type { ChatRooms } from './ports';
import { chatMemberOf } from './room-effects';

/**
 * When an incident is resolved or cancelled: every role still held ends now and the chat status
 * the app set for the IM is cleared. Safe to run more than once, as product events may arrive
 * twice. Answers what could not be done, for the caller to log.
 */
export async function endIncidentRoles(deps: { store: AppStore; chat: ChatRooms; clock: Clock }, issue: { id: string; key: string }): Promise<string[]> {
  const [storedConfig, entries] = await Promise.all([deps.store.get(CONFIGURATION_KEY), deps.store.listByPrefix(cockpitPrefix(issue.id))]);
  const state = stateFrom(issue.id, entries);
  const assignments = state.roles.map((stored) => stored.assignment);
  // Role history only moves forward; an event that arrives late still ends roles after their last change.
  const at = Math.max(deps.clock.now(), ...assignments.flatMap((assignment) => [assignment.startedAt, assignment.endedAt ?? assignment.startedAt]));
  const ended = endAllRoles(assignments, at);
  const writes: StateWrite[] = state.roles.flatMap((stored, index) => {
    const next = ended[index];
    return next === undefined || next.endedAt === stored.assignment.endedAt ? [] : [{ kind: 'set', key: stored.key, value: encode.assignment(next) } satisfies StateWrite];
  });
  const problems: string[] = [];
  const status = state.chatStatus;
  const clearStatus = async (): Promise<void> => {
    if (status === undefined) return;
    try {
      const member = chatMemberOf(configurationFrom(storedConfig), status.accountId, state.people.get(status.accountId)?.emailAddress);
      await deps.chat.setStatus(member, undefined);
      await deps.store.delete(stateKeys.chatStatus(issue.id));
    } catch (error) {
      problems.push(`Could not clear the chat status of ${issue.key}'s incident manager: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  await Promise.all([applyWrites(deps.store, writes), clearStatus()]);
  return problems;
}

const endingStatusNames = new Set(INCIDENT_STATUSES.filter((status) => status === 'resolved' || status === 'cancelled').map((status) => toJiraStatusName(status).toLowerCase()));

/** Whether a change moved the issue to a status where the response is over (Resolved or Cancelled). */
export function endsTheResponse(items: readonly ChangelogItem[]): boolean {
  return items.some((item) => item.field?.toLowerCase() === 'status' && endingStatusNames.has((item.toText ?? '').trim().toLowerCase()));
}
