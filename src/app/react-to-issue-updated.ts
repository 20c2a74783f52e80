import { z } from 'zod';
import { severityFromLabel, shouldPage, SEVERITY_LEVELS, type SeverityLevel } from '../domain/severity';
import type { Configuration } from './configuration';
import { loadConfiguration } from './configuration-store';
import { acknowledgeIncident } from './paging/acknowledge-page';
import { countSupportCases, incidentKeysIn, type SupportCaseCount } from './count-support-cases';
import { isIncident, readIncident, SELECT_FIELDS } from './incident-fields';
import { claimAndWatch, runClaimedEpisode, takeOverStaleClaim, type PagingDeps, type PagingOutcome } from './paging/page-on-call';
import { claimedEpisode } from './paging/paging-episodes';
import type { IssueData } from './ports';

/** One field change from Jira's changelog; `fromText`/`toText` are Jira's `fromString`/`toString`. */
export interface ChangelogItem {
  readonly field?: string;
  readonly fieldId?: string;
  readonly from?: string;
  readonly to?: string;
  readonly fromText?: string;
  readonly toText?: string;
}

/**
 * Reads the changelog items of an updated-issue event, dropping what is not a change record. Jira
 * names two properties `toString` and `fromString`, so only own properties are read: an absent
 * `toString` must not turn into Object.prototype's.
 */
export function changelogItems(changelog: unknown): ChangelogItem[] {
  const items = z.object({ items: z.array(z.unknown()) }).loose().safeParse(changelog).data?.items ?? [];
  return items.flatMap((item): ChangelogItem[] => {
    if (typeof item !== 'object' || item === null) return [];
    const text = (key: string): string | undefined => {
      const value: unknown = Object.hasOwn(item, key) ? (item as Record<string, unknown>)[key] : undefined;
      return typeof value === 'string' ? value : undefined;
    };
    const entries = { field: text('field'), fieldId: text('fieldId'), from: text('from'), to: text('to'), fromText: text('fromString'), toText: text('toString') };
    return [Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined)) as ChangelogItem];
  });
}

export interface IssueUpdate {
  readonly issue: IssueData;
  readonly items: readonly ChangelogItem[];
  /** Identifies this change across duplicate deliveries (the changelog id, or the event's timestamp). */
  readonly changeId: string;
}

export interface UpdateReaction {
  readonly paging?: PagingOutcome;
  readonly acknowledged: number;
  readonly supportCases: readonly SupportCaseCount[];
}

/**
 * Jira updated an issue. On an incident: raising the severity to a paging level pages as creation
 * would have; changing the faulty service (while the severity pages) pages the new service's
 * roster; assigning it acknowledges its pages (the IM took the incident). On any issue: changed
 * labels that name incidents recount those incidents' support cases.
 */
export async function reactToIssueUpdated(deps: PagingDeps, update: IssueUpdate): Promise<UpdateReaction> {
  const config = await loadConfiguration(deps.store);
  const incident = readIncident(update.issue, config);
  const changed = (name: 'labels' | 'assignee' | keyof typeof SELECT_FIELDS): ChangelogItem | undefined =>
    update.items.find((item) => matches(item, name, config));

  const labels = changed('labels');
  const supportCases = labels === undefined ? Promise.resolve([]) : countSupportCases(deps.tracker, config, incidentKeysIn(words(labels), config));
  if (!isIncident(incident, config) || config.fields === undefined) return { acknowledged: 0, supportCases: await supportCases };

  const assignee = changed('assignee');
  const acknowledged =
    assignee?.to === undefined || assignee.to === ''
      ? Promise.resolve(0)
      : acknowledgeIncident(deps, { issueId: incident.id, by: assignee.to, via: 'assigned', scope: { kind: 'incident-manager' } });

  const severityChange = changed('severity');
  const serviceChange = changed('faultyService');
  const paging =
    severityChange === undefined && serviceChange === undefined
      ? Promise.resolve(undefined)
      : pageForChange(deps, config, update, incident.id, incident.key, severityChange, serviceChange);

  const [pagingOutcome, acknowledgedCount, counts] = await Promise.all([paging, acknowledged, supportCases]);
  return { ...(pagingOutcome === undefined ? {} : { paging: pagingOutcome }), acknowledged: acknowledgedCount, supportCases: counts };
}

// Forge's update event carries no custom fields: the current severity and service are read from Jira.
async function pageForChange(
  deps: PagingDeps,
  config: Configuration,
  update: IssueUpdate,
  issueId: string,
  issueKey: string,
  severityChange: ChangelogItem | undefined,
  serviceChange: ChangelogItem | undefined,
): Promise<PagingOutcome | undefined> {
  const [fetched] = await Promise.all([deps.tracker.getIssue(issueId, ['*all']), deps.pager.prepare()]);
  if (fetched === undefined) return { kind: 'ignored', reason: `${issueKey} no longer exists` };
  const incident = readIncident({ ...fetched, fields: { ...update.issue.fields, ...fetched.fields } }, config);
  const reason = pagingReason(config, incident.severity, severityChange, serviceChange);
  if (reason === undefined) return undefined;
  const claim = claimedEpisode({
    issueId: incident.id,
    issueKey: incident.key,
    episodeId: `update-${update.changeId}`,
    intent: { kind: 'faulty-service', severities: SEVERITY_LEVELS.filter((level) => shouldPage(config.severityScale, level)) },
    reason,
    now: deps.clock.now(),
    leaseUntil: deps.deadline,
  });
  const owned = (await claimAndWatch(deps, claim)) ? claim : await takeOverStaleClaim(deps, claim);
  return owned === undefined ? { kind: 'duplicate' } : runClaimedEpisode(deps, config, owned, incident);
}

// Raising to a paging level pages like a new incident; moving between paging levels (2 → 1) does
// not page again, because the roster was already paged at the lower one.
function pagingReason(
  config: Configuration,
  severity: SeverityLevel | undefined,
  severityChange: ChangelogItem | undefined,
  serviceChange: ChangelogItem | undefined,
): string | undefined {
  if (severity === undefined || !shouldPage(config.severityScale, severity)) return undefined;
  const label = config.severityScale.levels[severity].label;
  if (severityChange !== undefined) {
    const before = levelOf(config, severityChange.fromText);
    if (before === undefined || !shouldPage(config.severityScale, before)) return `Severity raised to ${label}`;
  }
  if (serviceChange !== undefined && (serviceChange.toText ?? '') !== (serviceChange.fromText ?? '')) {
    return `Faulty service changed to ${serviceChange.toText ?? 'none'} (${label})`;
  }
  return undefined;
}

function levelOf(config: Configuration, label: string | undefined): SeverityLevel | undefined {
  if (label === undefined || label === '') return undefined;
  try {
    return severityFromLabel(config.severityScale, label);
  } catch {
    return undefined;
  }
}

function matches(item: ChangelogItem, name: 'labels' | 'assignee' | keyof typeof SELECT_FIELDS, config: Configuration): boolean {
  if (name === 'labels' || name === 'assignee') return item.fieldId === name || (item.fieldId === undefined && item.field?.toLowerCase() === name);
  const fieldId = config.fields?.[name];
  return (fieldId !== undefined && item.fieldId === fieldId) || (item.fieldId === undefined && item.field === SELECT_FIELDS[name].name);
}

// Jira lists labels space-separated in a changelog; both sides matter, so removing a label recounts too.
function words(item: ChangelogItem): string[] {
  return `${item.fromText ?? ''} ${item.toText ?? ''}`.split(/\s+/).filter((word) => word !== '');
}
