import { runEscalationJob } from '../../app/paging/advance-episode';
import { escalationJobSchema } from '../../app/paging/paging-episodes';
import { ESCALATION_QUEUE } from '../composition';
import { jobConsumer } from './job-consumer';

/**
 * Paging's precise path: each episode's next check (its level's acknowledgement timeout, a retry,
 * a lease running out) arrives on the `paging-escalations` queue at its time. The invocation's
 * paging deadline is kept to a minute so a send cut short by a crash is taken over within one.
 */
export const runEscalationJobs = jobConsumer({
  queueKey: ESCALATION_QUEUE,
  limitMs: 60_000,
  job: escalationJobSchema,
  run: (job, s) => runEscalationJob(s.paging, job),
  describe: (job) => `paging check of episode ${job.episodeId} of issue ${job.issueId}`,
});
