/** The `alert-intake` queue's consumer: takes in a source's accepted alerts, or checks its heartbeat. */
import { z } from 'zod';
import { checkHeartbeat } from '../../app/alerts/check-heartbeats';
import { takeInAlerts } from '../../app/alerts/take-in-alerts';
import { ALERT_INTAKE_QUEUE, intakeDeps } from '../adapters/alert-intake-services';
import { INVOCATION_LIMIT_MS } from '../adapters/invocation';
import { jobConsumer } from './job-consumer';

const alertJobSchema = z.strictObject({ kind: z.enum(['intake', 'heartbeat']), sourceId: z.string().min(1).max(40) });

export const takeInAlertJob = jobConsumer({
  queueKey: ALERT_INTAKE_QUEUE,
  limitMs: INVOCATION_LIMIT_MS.consumer,
  job: alertJobSchema,
  describe: (job) => `alert ${job.kind} of source ${job.sourceId}`,
  run: async (job, s) => (job.kind === 'intake' ? takeInAlerts(intakeDeps(s), job.sourceId) : checkHeartbeat(intakeDeps(s), job.sourceId)),
});
