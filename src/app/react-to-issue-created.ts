import { countSupportCases, incidentKeysIn, type SupportCaseCount } from './count-support-cases';
import { pageCreatedIssue, type PagingDeps, type PagingOutcome } from './paging/page-on-call';
import type { IssueData } from './ports';

/**
 * Jira created an issue, whichever way (the app's page, Jira's create screen, REST, automation):
 * an incident pages its on-call (or is routed, for Sev 3); a support case labelled with incident
 * keys updates those incidents' Support cases counts.
 */
export async function reactToIssueCreated(deps: PagingDeps, event: IssueData): Promise<{ paging: PagingOutcome; supportCases: SupportCaseCount[] }> {
  const { outcome, config, issue } = await pageCreatedIssue(deps, event);
  const labels = Array.isArray(issue?.fields.labels) ? issue.fields.labels.filter((label): label is string => typeof label === 'string') : [];
  const incidentKeys = incidentKeysIn(labels, config).filter((key) => key !== event.key);
  return { paging: outcome, supportCases: incidentKeys.length === 0 ? [] : await countSupportCases(deps.tracker, config, incidentKeys) };
}
