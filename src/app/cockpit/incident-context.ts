import type { IncidentFacts, Page } from '../../domain/incident';
import { UNKNOWN_SERVICE } from '../../domain/incident';
import type { EpochMs } from '../../domain/time';
import { CONFIGURATION_KEY, configurationFrom } from '../configuration-store';
import type { Configuration } from '../configuration';
import { ForbiddenError, NotFoundError } from '../errors';
import { PagingRepository, type EpisodeWithAck } from '../paging/paging-repository';
import type { StoredEntry } from '../ports';
import { commsPrefix, commsStateFrom, sentCommunications } from '../comms/comms-records';
import { cockpitPrefix, stateFrom, type CockpitState } from './cockpit-state';
import { COCKPIT_SETTINGS_KEY, cockpitSettingsFrom, type CockpitSettings } from './cockpit-settings';
import { readIncidentRecord, type IncidentRecord } from './incident-record';
import type { CockpitCaller, CockpitDeps, IssuePermissions, Person } from './ports';

/** Everything a cockpit use case decides on, read in one round of parallel calls. */
export interface IncidentContext {
  readonly caller: CockpitCaller;
  readonly now: EpochMs;
  readonly config: Configuration;
  readonly record: IncidentRecord;
  readonly permissions: IssuePermissions;
  /** The cockpit's stored entries as read, so a use case can derive the state after its own writes. */
  readonly entries: readonly StoredEntry[];
  readonly state: CockpitState;
  /** The incident's paging episodes with their acknowledgements, oldest first. */
  readonly episodes: readonly EpisodeWithAck[];
  readonly chatConfigured: boolean;
  readonly settings: CockpitSettings;
  /** The caller as Jira names them, when Jira answered. */
  readonly callerPerson?: Person;
  /** The incident's communications entries (sent updates and their deliveries), read in the same round. */
  readonly commsEntries: readonly StoredEntry[];
}

/**
 * Reads the issue (as the caller), their permissions on it, the configuration, the cockpit's state,
 * the paging episodes and whether chat is set up: all at once, one round-trip on the critical path.
 *
 * @throws NotFoundError when the issue does not exist or the caller may not see it.
 */
export async function loadIncidentContext(deps: CockpitDeps, caller: CockpitCaller): Promise<IncidentContext> {
  const [issue, permissions, storedConfig, storedSettings, entries, episodes, chatConfigured, callerPerson, commsEntries] = await Promise.all([
    deps.issues.get(caller.issueKey),
    deps.issues.permissions(caller.issueKey),
    deps.store.get(CONFIGURATION_KEY),
    deps.store.get(COCKPIT_SETTINGS_KEY),
    deps.store.listByPrefix(cockpitPrefix(caller.issueId)),
    new PagingRepository(deps.store).episodesOf(caller.issueId),
    deps.chat.isConfigured(),
    deps.issues.person(caller.accountId),
    deps.store.listByPrefix(commsPrefix(caller.issueId)),
  ]);
  if (issue === undefined || !permissions.browse) throw new NotFoundError('Issue', caller.issueKey);
  const config = configurationFrom(storedConfig);
  return {
    caller,
    now: deps.clock.now(),
    config,
    record: readIncidentRecord(issue, config),
    permissions,
    entries,
    state: stateFrom(caller.issueId, entries),
    episodes,
    chatConfigured,
    settings: cockpitSettingsFrom(storedSettings),
    ...(callerPerson === undefined ? {} : { callerPerson }),
    commsEntries,
  };
}

/** Why this person may not change the incident, or undefined when they may. */
export function readOnlyReason(permissions: IssuePermissions): string | undefined {
  if (!permissions.edit) return 'You can view this incident but not change it: Jira does not give you permission to edit this issue.';
  return undefined;
}

/**
 * Refuses a change by someone Jira would not let edit the issue. The cockpit's app state is
 * part of the incident, so it follows the issue's permissions rather than the app's.
 *
 * @throws ForbiddenError
 */
export function requireEditor(context: IncidentContext, action: string): void {
  if (readOnlyReason(context.permissions) !== undefined) throw new ForbiddenError(`${action} on ${context.record.key}`);
}

function pagesOf(context: Pick<IncidentContext, 'episodes'>): Page[] {
  return context.episodes.flatMap(({ episode, ack }): Page[] => {
    const first = [...episode.pages].sort((a, b) => a.pagedAt.localeCompare(b.pagedAt))[0];
    if (first === undefined) return [];
    const acknowledgedAt = episode.acknowledgedAt ?? ack?.at;
    const acknowledgedBy = episode.acknowledgedBy ?? ack?.by;
    const targets = [...new Set(episode.deliveries.map((delivery) => delivery.recipientLabel))];
    return [
      {
        // An escalation someone asked for is Escalate; every other episode pages an incident manager.
        purpose: episode.requestedBy === undefined ? 'incident-manager' : 'escalation',
        target: targets.length > 0 ? targets.join(', ').slice(0, 255) : episode.reason.slice(0, 255),
        sentAt: Date.parse(first.pagedAt),
        ...(acknowledgedAt === undefined ? {} : { acknowledgedAt: Date.parse(acknowledgedAt) }),
        ...(acknowledgedBy === undefined ? {} : { acknowledgedBy }),
      },
    ];
  });
}

/** The incident facts the domain judges (checklist, prompts, brief), from the issue and the cockpit's state. */
export function incidentFacts(context: Pick<IncidentContext, 'record' | 'state' | 'episodes'> & Partial<Pick<IncidentContext, 'commsEntries'>>): IncidentFacts {
  const { record, state } = context;
  const pages = pagesOf(context);
  const firstAck = pages
    .filter((page) => page.purpose === 'incident-manager' && page.acknowledgedAt !== undefined)
    .map((page) => page.acknowledgedAt ?? 0)
    .sort((a, b) => a - b)[0];
  return {
    key: record.key,
    summary: record.summary.trim() === '' ? record.key : record.summary.slice(0, 255),
    // Without a severity every step of the response applies, so the checklist assumes the most severe.
    severity: record.severity ?? 1,
    faultyService: record.faultyService ?? UNKNOWN_SERVICE,
    affectedProducts: [...record.affectedProducts],
    status: record.status,
    ...(record.assignee === undefined ? {} : { assignee: record.assignee.accountId }),
    roles: state.roles.map((stored) => stored.assignment),
    impactTimes: {
      ...(record.impactStart === undefined ? {} : { impactStart: record.impactStart }),
      ...(record.detected === undefined ? {} : { detected: record.detected }),
      ...(firstAck === undefined ? {} : { acknowledged: firstAck }),
      ...(record.impactEnd === undefined ? {} : { impactEnd: record.impactEnd }),
    },
    channels: {
      ...(record.chatRoom === undefined ? {} : { chatRoom: record.chatRoom }),
      ...(record.videoCall === undefined ? {} : { videoCall: record.videoCall }),
      ...(record.stateDocument === undefined ? {} : { stateDocument: record.stateDocument }),
    },
    ...(record.supportCases === undefined ? {} : { supportCaseCount: record.supportCases }),
    assessment: [...state.assessment],
    // Sent updates, as the Updates tab recorded them: an audience counts once one of its channels delivered.
    communications: sentCommunications(commsStateFrom(record.id, context.commsEntries ?? [])),
    pages,
    timeline: [...state.timeline],
    cleanupIssues: [...record.linkedIssues],
  };
}
