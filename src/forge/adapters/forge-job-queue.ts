import { Queue } from '@forge/events';
import { z } from 'zod';
import { RemoteCallError } from '../../app/errors';
import type { Clock, JobQueue, ScheduledJob } from '../../app/ports';

/** Forge delays an event by at most 900 s; a job due later is pushed again when that delay ends. */
export const MAX_DELAY_SECONDS = 900;
/** Forge takes at most 50 events per push. */
const MAX_EVENTS_PER_PUSH = 50;

/** What travels on the queue: the job and when it is due, so a consumer can tell an early hop from a due job. */
export const queuedJobSchema = z.strictObject({ job: z.unknown(), dueAt: z.number().int() });
export type QueuedJob = z.output<typeof queuedJobSchema>;

/** Seconds to delay an event so it arrives at `dueAt` or, when that is too far, as late as Forge allows. */
export function delaySecondsUntil(dueAt: number, now: number): number {
  return Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.ceil((dueAt - now) / 1000)));
}

/** A job queue over one of the manifest's `consumer` queues (`@forge/events`). */
export class ForgeJobQueue<J> implements JobQueue<J> {
  private readonly queue: Queue;

  constructor(
    queueKey: string,
    private readonly clock: Clock,
  ) {
    this.queue = new Queue({ key: queueKey });
  }

  async schedule(jobs: readonly ScheduledJob<J>[]): Promise<void> {
    const now = this.clock.now();
    const events = jobs.map(({ job, at }) => ({ body: { job, dueAt: Math.round(at) } satisfies QueuedJob as Record<string, unknown>, delayInSeconds: delaySecondsUntil(at, now) }));
    const batches: (typeof events)[] = [];
    for (let start = 0; start < events.length; start += MAX_EVENTS_PER_PUSH) batches.push(events.slice(start, start + MAX_EVENTS_PER_PUSH));
    try {
      await Promise.all(batches.map((batch) => this.queue.push(batch)));
    } catch (error) {
      // The push either failed outright or partly; pushing again is safe because every job is idempotent.
      throw new RemoteCallError('queue', 'push', undefined, error instanceof Error ? error.message : String(error), undefined, { cause: error });
    }
  }
}
