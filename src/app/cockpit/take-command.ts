import type { TakeCommandPayload, TakeCommandResult } from '../../contracts/cockpit';
import { assignRole, currentIncidentManager, handOverIncidentManager } from '../../domain/roles';
import { formatInstant } from '../../domain/time';
import { CONFIGURATION_KEY, configurationFrom } from '../configuration-store';
import { ForbiddenError, NotFoundError, RemoteCallError } from '../errors';
import { isClosed, pagesIncidentManager, type Acknowledgement } from '../paging/paging-episodes';
import { PagingRepository } from '../paging/paging-repository';
import { withRetry } from '../retry';
import { issueChangeError } from './apply-change';
import { applyWrites, cockpitPrefix, commandClaimSchema, encode, stateFrom, stateKeys, type StateWrite } from './cockpit-state';
import { readIncidentRecord } from './incident-record';
import type { CockpitCaller, CockpitDeps } from './ports';
import { timelineComment } from './timeline-comment';

const WRITE_BUDGET_MS = 8_000;

/**
 * The signed-in responder becomes the incident manager: assigned, moved to Fixing, detection time
 * recorded if it was missing, with a comment saying so, all in ONE Jira request; then the pending
 * pages are acknowledged and the IM role starts in the app's state. Someone who took command a
 * moment earlier (through the panel, by assigning themselves in Jira, or with the transition
 * already made) is named, and nothing changes.
 *
 * @throws ForbiddenError when Jira does not let the caller transition the issue.
 * @throws RuleViolation when Jira refuses for another reason (the issue is unchanged).
 */
export async function takeCommand(deps: CockpitDeps, caller: CockpitCaller, input: TakeCommandPayload): Promise<TakeCommandResult> {
  const now = deps.clock.now();
  const claimKey = stateKeys.command(caller.issueId);
  const paging = new PagingRepository(deps.store);
  // Who may take command is asked of Jira alongside the reads (no extra round trip): taking command
  // silences the IM pages, so a viewer, or someone who cannot see the incident, is refused and told nothing.
  const [permissions, storedConfig, entries, episodes, claimed] = await Promise.all([
    deps.issues.permissions(caller.issueKey),
    deps.store.get(CONFIGURATION_KEY),
    deps.store.listByPrefix(cockpitPrefix(caller.issueId)),
    paging.episodesOf(caller.issueId),
    deps.store.setIfAbsent(claimKey, { accountId: caller.accountId, at: formatInstant(now) }),
  ]);
  if (!permissions.browse || !permissions.transition || !permissions.assign) {
    if (claimed) await deps.store.delete(claimKey);
    if (!permissions.browse) throw new NotFoundError('Issue', caller.issueKey);
    throw new ForbiddenError(`take command of ${caller.issueKey}: Jira does not give you permission to transition and assign it`);
  }
  const config = configurationFrom(storedConfig);
  const state = stateFrom(caller.issueId, entries);
  const release = (): Promise<void> => (claimed ? deps.store.delete(claimKey) : Promise.resolve());

  const nameOf = (accountId: string): string | undefined => state.people.get(accountId)?.displayName;
  const holder = claimed ? undefined : await claimHolder(deps, claimKey, entries);
  if (holder !== undefined && holder !== caller.accountId) return alreadyTaken(holder, 'Fixing', 'took command through the incident panel', nameOf(holder));
  const imNow = currentIncidentManager(state.roles.map((stored) => stored.assignment), now);
  const assignedBy = episodes.flatMap(({ ack }) => (ack === undefined ? [] : [ack])).find((ack) => ack.via === 'assigned' && ack.by !== caller.accountId);
  if ((imNow !== undefined && imNow !== caller.accountId) || assignedBy !== undefined) {
    await release();
    const other = imNow ?? assignedBy?.by ?? '';
    return alreadyTaken(other, 'New', imNow === undefined ? 'was assigned the incident' : 'took command', nameOf(other));
  }

  const note = {
    kind: 'note' as const,
    id: deps.newId(),
    at: now,
    by: caller.accountId,
    text: 'Took command as incident manager; the incident moves to Fixing.',
  };
  try {
    await deps.issues.transition(caller.issueKey, {
      transitionId: input.transitionId,
      assigneeAccountId: caller.accountId,
      // Detected stays what it was: taking command hours later says nothing about when the incident was noticed.
      fields: {},
      comment: timelineComment(note, nameOf),
    });
  } catch (error) {
    await release();
    const taken = await whoTookCommand(deps, caller, config, error);
    if (taken !== undefined) return taken;
    throw issueChangeError(`take command of ${caller.issueKey}`, error);
  }

  const assignments = state.roles.map((stored) => stored.assignment);
  const ack: Acknowledgement = { at: formatInstant(now), by: caller.accountId, via: 'app' };
  // Taking command answers the pages that called for an incident manager; other teams' pages stay theirs to acknowledge.
  const waiting = episodes.filter(({ episode, ack }) => !isClosed(episode) && ack === undefined && pagesIncidentManager(episode.intent)).map(({ episode }) => episode);
  const roleWrites: StateWrite[] =
    imNow === caller.accountId
      ? []
      : (() => {
          const next = currentIncidentManager(assignments, now) === undefined ? assignRole(assignments, { role: 'incident-manager', accountId: caller.accountId }, now) : handOverIncidentManager(assignments, caller.accountId, now);
          const started = next.at(-1);
          return started === undefined ? [] : [{ kind: 'set', key: stateKeys.role(caller.issueId, started.startedAt, deps.newId()), value: encode.assignment(started) } satisfies StateWrite];
        })();
  const writes: StateWrite[] = [...roleWrites, { kind: 'set', key: stateKeys.timeline(caller.issueId, note.at, note.id), value: encode.timeline(note) }];
  await withRetry(() => Promise.all([applyWrites(deps.store, writes), ...waiting.map((episode) => paging.acknowledge(episode, ack))]), {
    clock: deps.clock,
    deadline: now + WRITE_BUDGET_MS,
  });
  return { outcome: 'in-command', notices: [] };
}

async function claimHolder(deps: CockpitDeps, claimKey: string, entries: readonly { key: string; value: unknown }[]): Promise<string | undefined> {
  // The claim may have been written after the prefix query ran; only then is it worth a read.
  const listed = entries.find((entry) => entry.key === claimKey)?.value;
  const parsed = commandClaimSchema.safeParse(listed ?? (await deps.store.get(claimKey)));
  return parsed.success ? parsed.data.accountId : undefined;
}

function alreadyTaken(accountId: string, status: string, how: string, displayName?: string): TakeCommandResult {
  const name = displayName ?? accountId;
  return {
    outcome: 'already-taken',
    ...(accountId === '' ? {} : { by: { accountId, displayName: name } }),
    status,
    message: `${name === '' ? 'Someone else' : name} ${how} a moment ago; nothing was changed.`,
  };
}

/** After a refused transition: whether someone else got there first, read from the issue as it now stands. */
async function whoTookCommand(deps: CockpitDeps, caller: CockpitCaller, config: ReturnType<typeof configurationFrom>, cause: unknown): Promise<TakeCommandResult | undefined> {
  // Only a refused transition can mean someone else moved the issue on; a missing permission cannot.
  if (!(cause instanceof RemoteCallError) || !['rejected', 'not-found', 'conflict'].includes(cause.outcome)) return undefined;
  const issue = await deps.issues.get(caller.issueKey);
  if (issue === undefined) return undefined;
  const record = readIncidentRecord(issue, config);
  const assignee = record.assignee;
  if (record.status === 'new' && (assignee === undefined || assignee.accountId === caller.accountId)) return undefined;
  if (assignee === undefined || assignee.accountId === caller.accountId) {
    return { outcome: 'already-taken', status: record.statusName, message: `The incident is already ${record.statusName}; nothing was changed.` };
  }
  return alreadyTaken(assignee.accountId, record.statusName, `took command (the incident is ${record.statusName})`, assignee.displayName);
}
