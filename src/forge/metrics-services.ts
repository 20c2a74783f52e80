/** The incident metrics' adapters for one invocation: the Forge SQL projection and Jira's search as the app or the viewer. */
import { asApp, asUser } from '@forge/api';
import type { BackfillDeps } from '../app/metrics/maintain-incident-metrics';
import { JiraClient } from './adapters/jira-client';
import { JiraIssueSearch } from './adapters/jira-issue-search';
import { SqlIncidentMetrics } from './adapters/sql-incident-metrics';
import type { Services } from './composition';

export function metricsServices(s: Services): BackfillDeps & { readonly userSearch: JiraIssueSearch } {
  return {
    metrics: new SqlIncidentMetrics(),
    store: s.store,
    tracker: s.appTracker,
    clock: s.clock,
    search: new JiraIssueSearch(new JiraClient((route, init) => asApp().requestJira(route, init), s.clock, s.deadline)),
    userSearch: new JiraIssueSearch(new JiraClient((route, init) => asUser().requestJira(route, init), s.clock, s.deadline)),
  };
}
