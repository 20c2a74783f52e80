import { z } from 'zod';
import { remindDueUpdates, remindNextUpdate } from '../../app/comms/remind-next-update';
import { INVOCATION_LIMIT_MS } from '../adapters/invocation';
import { SlackChatRooms } from '../adapters/slack-chat-rooms';
import { services, type Services } from '../composition';
import { COMMS_REMINDER_QUEUE } from '../resolvers/comms';
import { jobConsumer } from './job-consumer';

const reminderJob = z.strictObject({ issueId: z.string().min(1), issueKey: z.string().min(1), updateId: z.string().min(1), dueAt: z.number().int() });

const reminderDeps = (s: Services) => ({ store: s.store, tracker: s.appTracker, chat: new SlackChatRooms(s.store, s.clock, s.deadline), clock: s.clock });

/** Consumer of the `comms-reminders` queue: the IM and communications managers hear that the promised update is due soon. */
export const remindNextUpdateConsumer = jobConsumer({
  queueKey: COMMS_REMINDER_QUEUE,
  limitMs: INVOCATION_LIMIT_MS.consumer,
  job: reminderJob,
  describe: (job) => `next-update reminder for ${job.issueKey}`,
  run: (job, s) => remindNextUpdate(reminderDeps(s), job),
});

/** The five-minute safety net: a reminder whose queued event was lost still goes out, once. */
export async function runCommsReminders() {
  const reminded = await remindDueUpdates(reminderDeps(services(INVOCATION_LIMIT_MS.scheduled)));
  if (reminded > 0) console.info(`Comms reminder run: ${reminded} reminder(s) sent`);
  return { statusCode: 204 };
}
