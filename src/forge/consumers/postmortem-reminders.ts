import { z } from 'zod';
import { remindPostmortemOwner } from '../../app/learning/app-side';
import { INVOCATION_LIMIT_MS } from '../adapters/invocation';
import { POSTMORTEM_REMINDER_QUEUE } from '../resolvers/resolution';
import { jobConsumer } from './job-consumer';

const reminderJobSchema = z.strictObject({ incidentKey: z.string().min(1), postmortemKey: z.string().min(1), dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });

/** The postmortem-reminders queue's consumer: when a postmortem falls due and is not done, Jira notifies its owner. */
export const remindPostmortemOwners = jobConsumer({
  queueKey: POSTMORTEM_REMINDER_QUEUE,
  limitMs: INVOCATION_LIMIT_MS.consumer,
  job: reminderJobSchema,
  describe: (job) => `postmortem reminder for ${job.postmortemKey}`,
  run: (job, s) => remindPostmortemOwner({ tracker: s.appTracker, store: s.store, clock: s.clock }, job),
});
