import { formatInstant } from '../domain/time';
import type { Configuration } from './configuration';
import { countSupportCases, incidentKeysIn, type SupportCaseCount } from './count-support-cases';
import { isIncident, readIncident } from './incident-fields';
import { pageCreatedIssue, type PagingDeps, type PagingOutcome } from './paging/page-on-call';
import type { IssueData } from './ports';

/**
 * Jira created an issue, whichever way (the app's page, Jira's create screen, REST, automation):
 * an incident pages its on-call (or is routed, for Sev 3) and, when nobody said when it was
 * detected, is detected when it was raised; a support case labelled with incident keys updates
 * those incidents' Support cases counts.
 */
export async function reactToIssueCreated(deps: PagingDeps, event: IssueData): Promise<{ paging: PagingOutcome; supportCases: SupportCaseCount[]; detectedRecorded: boolean }> {
  const { outcome, config, issue } = await pageCreatedIssue(deps, event);
  const labels = Array.isArray(issue?.fields.labels) ? issue.fields.labels.filter((label): label is string => typeof label === 'string') : [];
  const incidentKeys = incidentKeysIn(labels, config).filter((key) => key !== event.key);
  const [supportCases, detectedRecorded] = await Promise.all([
    incidentKeys.length === 0 ? [] : countSupportCases(deps.tracker, config, incidentKeys),
    issue === undefined ? false : recordDetectedAtCreation(deps, config, issue),
  ]);
  return { paging: outcome, supportCases, detectedRecorded };
}

// Time to detect is measured from Detected: an incident raised on Jira's own screen (or by REST or
// automation) without it was detected when it was raised, not when someone later took command.
async function recordDetectedAtCreation(deps: PagingDeps, config: Configuration, issue: IssueData): Promise<boolean> {
  const fieldId = config.fields?.detected;
  if (fieldId === undefined || !isIncident(readIncident(issue, config), config)) return false;
  const current = issue.fields[fieldId];
  if (current !== undefined && current !== null && current !== '') return false;
  const created = typeof issue.fields['created'] === 'string' ? Date.parse(issue.fields['created']) : Number.NaN;
  if (Number.isNaN(created)) return false;
  await deps.tracker.setAppFieldValue(fieldId, [issue.id], formatInstant(created));
  return true;
}
