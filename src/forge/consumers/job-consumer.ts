/**
 * The consumer side of a job queue (see ../adapters/forge-job-queue.ts): a job that arrives before
 * its time (Forge delays an event by at most 900 s) is pushed on again; a due job runs its use case,
 * and Forge is asked to deliver it again when Jira or storage stayed unavailable.
 */
import { z } from 'zod';
import { ForgeJobQueue, queuedJobSchema } from '../adapters/forge-job-queue';
import { services, type Services } from '../composition';
import { withPlatformRetry } from '../triggers/platform-retry';

// Forge's AsyncEvent: the pushed body plus the queue, job and retry facts of this delivery.
const asyncEventSchema = z.looseObject({ body: z.unknown(), queueName: z.string().optional(), jobId: z.string().optional() });

/** Within this of its time a job counts as due: queues deliver a little early or late. */
const EARLY_TOLERANCE_MS = 1_000;

export interface JobConsumerOptions<S extends z.ZodType> {
  /** The queue's key in manifest.yml (`consumer.queue`). */
  readonly queueKey: string;
  /** The consumer function's time limit (its `timeoutSeconds`). */
  readonly limitMs: number;
  /** What a job of this queue must look like; anything else is dropped with a warning. */
  readonly job: S;
  /** Does the job; idempotent, because a job can be delivered more than once. */
  readonly run: (job: z.output<S>, services: Services) => Promise<unknown>;
  /** Names the job in logs, e.g. "escalation of HOT-12". */
  readonly describe: (job: z.output<S>) => string;
}

/** A consumer module's function (`consumer: [{key, queue, function}]` in manifest.yml). */
export function jobConsumer<S extends z.ZodType>(options: JobConsumerOptions<S>) {
  return async (event: unknown) => {
    const queued = queuedJobSchema.safeParse(asyncEventSchema.safeParse(event).data?.body);
    if (!queued.success) {
      console.warn(`Dropping a malformed ${options.queueKey} event: ${queued.error.issues[0]?.message ?? 'invalid'}`);
      return undefined;
    }
    const s = services(options.limitMs);
    if (queued.data.dueAt > s.clock.now() + EARLY_TOLERANCE_MS) {
      await new ForgeJobQueue(options.queueKey, s.clock).schedule([{ job: queued.data.job, at: queued.data.dueAt }]);
      return undefined;
    }
    const job = options.job.safeParse(queued.data.job);
    if (!job.success) {
      console.warn(`Dropping a ${options.queueKey} job of an unknown shape: ${job.error.issues[0]?.message ?? 'invalid'}`);
      return undefined;
    }
    return withPlatformRetry(options.describe(job.data), () => options.run(job.data, s));
  };
}
