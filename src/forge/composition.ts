import { asApp, asUser } from '@forge/api';
import type { PagingDeps } from '../app/paging/page-on-call';
import type { Clock } from '../app/ports';
import { invocationDeadline, systemClock } from './adapters/invocation';
import { JiraClient, type JiraRequest } from './adapters/jira-client';
import { JiraFieldCatalog } from './adapters/jira-field-catalog';
import { JiraIssueTracker } from './adapters/jira-issue-tracker';
import { KvsAppStore, KvsDueIndex } from './adapters/kvs-app-store';
import { ForgeJobQueue } from './adapters/forge-job-queue';
import { PagingRepository } from '../app/paging/paging-repository';
import type { EscalationJob } from '../app/paging/paging-episodes';
import { ForgePager } from './pagers/forge-pager';

const asAppRequest: JiraRequest = (route, init) => asApp().requestJira(route, init);
const asUserRequest: JiraRequest = (route, init) => asUser().requestJira(route, init);

/** Everything one invocation works with, wired to Forge: built per invocation so the deadline is its own. */
export interface Services {
  readonly clock: Clock;
  readonly deadline: number;
  readonly store: KvsAppStore;
  /** Jira as the app: paging, scheduled work, provisioning. */
  readonly appTracker: JiraIssueTracker;
  /** Jira as the signed-in user, so their permissions decide (resolvers only). */
  readonly userTracker: JiraIssueTracker;
  readonly catalog: JiraFieldCatalog;
  readonly paging: PagingDeps;
}

/** The manifest's queue (`consumer.queue`) that carries each paging episode's next check. */
export const ESCALATION_QUEUE = 'paging-escalations';

export function services(limitMs: number): Services {
  const clock = systemClock;
  const deadline = invocationDeadline(limitMs, clock);
  const store = new KvsAppStore(clock, deadline);
  const appTracker = new JiraIssueTracker(new JiraClient(asAppRequest, clock, deadline));
  // Paging retries each delivery itself; its Jira notifications go out in one attempt each.
  const pager = new ForgePager(new JiraIssueTracker(new JiraClient(asAppRequest, clock, deadline, 1)), store);
  return {
    clock,
    deadline,
    store,
    appTracker,
    userTracker: new JiraIssueTracker(new JiraClient(asUserRequest, clock, deadline)),
    catalog: new JiraFieldCatalog(new JiraClient(asAppRequest, clock, deadline)),
    paging: { store, repo: new PagingRepository(store, new KvsDueIndex(store)), queue: new ForgeJobQueue<EscalationJob>(ESCALATION_QUEUE, clock), pager, tracker: appTracker, clock, deadline },
  };
}
