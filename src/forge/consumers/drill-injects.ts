import { fireInject } from '../../app/drills/fire-inject';
import { drillInjectJobSchema } from '../../app/drills/start-drill';
import { JiraClient, type JiraRequest } from '../adapters/jira-client';
import { JiraIncidentIssues } from '../adapters/jira-incident-issues';
import { asApp } from '@forge/api';
import { INVOCATION_LIMIT_MS } from '../adapters/invocation';
import { DRILL_INJECT_QUEUE } from '../resolvers/drills';
import { jobConsumer } from './job-consumer';

const asAppRequest: JiraRequest = (route, init) => asApp().requestJira(route, init);

/** Consumer of the `drill-injects` queue: each inject of a running drill, at its minute after the start. */
export const fireDrillInject = jobConsumer({
  queueKey: DRILL_INJECT_QUEUE,
  limitMs: INVOCATION_LIMIT_MS.consumer,
  job: drillInjectJobSchema,
  describe: (job) => `inject ${job.index} of drill ${job.runId}`,
  run: async (job, s) => {
    const outcome = await fireInject({ store: s.store, tracker: s.appTracker, issues: new JiraIncidentIssues(new JiraClient(asAppRequest, s.clock, s.deadline)), clock: s.clock }, job);
    if (outcome.kind === 'skipped') console.info(`Drill inject skipped: ${outcome.reason}`);
    return outcome;
  },
});
