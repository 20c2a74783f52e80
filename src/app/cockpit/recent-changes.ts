import type { GetRecentChangesResult } from '../../contracts/cockpit';
import { UNKNOWN_SERVICE } from '../../domain/incident';
import { formatInstant } from '../../domain/time';
import { CONFIGURATION_KEY, configurationFrom } from '../configuration-store';
import { NotConfiguredError, NotFoundError } from '../errors';
import { issueUrl } from '../incident-fields';
import { and, clause, jqlText, parseJqlFilter, type JqlClause } from '../jql';
import { CHANGE_RECORDS_SETTINGS_KEY, changeRecordsSettingsFrom, serviceLabel, type ChangeRecordsSettings } from './change-records-settings';
import { readIncidentRecord } from './incident-record';
import type { ChangeIssue, CockpitCaller, CockpitDeps } from './ports';

/** How far before the impact start a change is worth showing as a rollback candidate. */
export const CHANGES_BEFORE_MS = 3 * 60 * 60_000;
/** Changes just after the start are shown too: clocks and "when did it start?" answers are rough. */
export const CHANGES_AFTER_MS = 15 * 60_000;
/** More than this many changes in the window are not read: the newest are the likeliest suspects. */
const MAX_CHANGES = 50;

const MINUTE = 60_000;

/** When a change was made, by the date the administrator chose, or undefined when the issue has none yet. */
function changedAt(issue: ChangeIssue, settings: ChangeRecordsSettings): number | undefined {
  return settings.changeTime === 'created' ? issue.created : issue.resolved;
}

/**
 * The change issues of `service` made in [from, to]. JQL's absolute dates are read in the searching
 * user's time zone, so the window is asked for in minutes relative to now (which every time zone
 * reads alike), one minute wider on each side, and then cut exactly here.
 */
function windowQuery(filter: JqlClause, settings: ChangeRecordsSettings, service: string, from: number, to: number, now: number): string {
  const field = settings.changeTime;
  const clauses = [filter];
  if (settings.serviceLabels) clauses.push(clause('labels', '=', serviceLabel(service)));
  clauses.push(clause(field, '>=', `-${Math.ceil((now - from) / MINUTE) + 1}m`));
  if (to < now - MINUTE) clauses.push(clause(field, '<=', `-${Math.floor((now - to) / MINUTE) - 1}m`));
  return jqlText(and(...clauses), { field, direction: 'desc' });
}

/**
 * "When did it start?": the faulty service's deployments and other changes near the impact start
 * (or the detection time while the start is unknown), newest first, so a rollback candidate
 * stands out. Changes are the Jira issues the administrator's JQL finds, read as the signed-in user.
 *
 * @throws NotFoundError when the issue does not exist or the caller may not see it.
 */
export async function getRecentChanges(deps: CockpitDeps, caller: CockpitCaller): Promise<GetRecentChangesResult> {
  const [issue, storedConfig, storedSettings] = await Promise.all([
    deps.issues.get(caller.issueKey),
    deps.store.get(CONFIGURATION_KEY),
    deps.store.get(CHANGE_RECORDS_SETTINGS_KEY),
  ]);
  if (issue === undefined) throw new NotFoundError('Issue', caller.issueKey);
  const config = configurationFrom(storedConfig);
  const settings = changeRecordsSettingsFrom(storedSettings);
  const record = readIncidentRecord(issue, config);
  const around = record.impactStart ?? record.detected;
  if (around === undefined) return { available: false, reason: 'Record when the impact started (or when it was detected) to see the changes made around then.' };
  const service = record.faultyService;
  if (service === undefined || service === UNKNOWN_SERVICE) {
    return { available: false, reason: 'Choose the faulty service to see its deployments and other changes near the impact start.' };
  }
  if (settings.jql === undefined) {
    return { available: false, reason: 'No change records are set up: a Jira administrator can say which issues record deployments and other changes in the app’s settings (Change records).' };
  }
  const from = around - CHANGES_BEFORE_MS;
  const to = around + CHANGES_AFTER_MS;
  let found: readonly ChangeIssue[];
  try {
    found = await deps.changes.search(windowQuery(parseJqlFilter(settings.jql, 'jql'), settings, service, from, to, deps.clock.now()), MAX_CHANGES);
  } catch (error) {
    if (error instanceof NotConfiguredError) return { available: false, reason: `The change records could not be searched: ${error.reason}` };
    throw error;
  }
  const label = serviceLabel(service);
  const changes = found.flatMap((change) => {
    const at = changedAt(change, settings);
    if (at === undefined || at < from || at > to) return [];
    if (settings.serviceLabels && !change.labels.includes(label)) return [];
    return [{ change, at }];
  });
  return {
    available: true,
    service,
    around: formatInstant(around),
    windowMinutes: (CHANGES_BEFORE_MS + CHANGES_AFTER_MS) / MINUTE,
    changes: changes
      .sort((a, b) => b.at - a.at)
      .map(({ change, at }) => ({
        id: change.key,
        service,
        summary: change.summary,
        by: change.by ?? 'someone',
        at: formatInstant(at),
        url: issueUrl(config, change.key),
        kind: change.issueType,
        minutesFromImpactStart: Math.round((at - around) / MINUTE),
      })),
  };
}
