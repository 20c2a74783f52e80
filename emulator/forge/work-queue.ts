/**
 * Runs the platform's stored jobs (./platform-jobs.ts) when the emulated clock makes them due, after
 * the call stack that caused them (like Forge delivering an event after the REST call behind it),
 * and knows what `settle` waits for. A job is removed only once its invocation has ended; a retry
 * the handler asked for moves it to its new time.
 */
import type { JobStore, NewJob, PlatformJob, RetryContext } from './platform-jobs';

/** Forge redelivers an event at most this many times when its handler asks for a retry. */
export const maxRetries = 4;

/** How a job's invocation ended, as far as delivery is concerned. */
export type JobOutcome = { kind: 'done' } | { kind: 'retry'; afterSeconds: number; reason: string; data: unknown };

export class WorkQueue {
  private readonly inflight = new Set<Promise<void>>();
  private readonly running = new Set<number>();
  private closed = false;
  private kicked = false;

  constructor(
    private readonly store: JobStore,
    private readonly now: () => number,
    private readonly execute: (job: PlatformJob) => Promise<JobOutcome>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Stores a job due at `job.dueMs`; one due already runs soon, outside the caller's stack. */
  add(job: NewJob): PlatformJob {
    const stored = this.store.add(job);
    if (stored.dueMs <= this.now()) this.kick();
    return stored;
  }

  /** The ids of jobs whose invocation is running now. */
  get runningIds(): ReadonlySet<number> {
    return this.running;
  }

  /** Starts every due job not already running and waits for those to finish. */
  async runDue(): Promise<void> {
    if (this.closed) return;
    const started = this.store.due(this.now()).filter((job) => !this.running.has(job.id)).map((job) => this.start(job));
    await Promise.all(started);
  }

  /** When the earliest stored job is due (running ones included), or undefined. */
  nextDue(): number | undefined {
    return this.store.nextDue();
  }

  get pending(): boolean {
    return this.inflight.size > 0 || this.store.nextDue() !== undefined;
  }

  /**
   * Waits until nothing is running and nothing stored is due, including redeliveries handlers asked
   * for (sleeping in real time until they are due) unless `waitForRetries` is false. Jobs the app
   * scheduled for a later time (a delayed queued event) are not waited for: they run when the clock reaches them.
   */
  async settle(alsoWaitFor: () => Promise<void>, options: { waitForRetries?: boolean } = {}): Promise<void> {
    for (;;) {
      await alsoWaitFor();
      if (this.inflight.size > 0) {
        await Promise.allSettled([...this.inflight]);
        continue;
      }
      const now = this.now();
      const next = this.store.nextDue();
      if (next !== undefined && next <= now) {
        await this.runDue();
        continue;
      }
      const retry = options.waitForRetries === false ? undefined : this.store.nextDue({ retriesOnly: true });
      if (retry === undefined) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(retry - now, 1), 1000)));
    }
  }

  /** Stops taking work and waits for what is running; stored jobs stay for the next start. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  private kick(): void {
    if (this.kicked || this.closed) return;
    this.kicked = true;
    const tick = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      this.kicked = false;
      await this.runDue();
    });
    void this.track(tick);
  }

  private start(job: PlatformJob): Promise<void> {
    this.running.add(job.id);
    return this.track(
      this.execute(job)
        .catch((error: unknown): JobOutcome => {
          this.onError(error);
          return { kind: 'done' };
        })
        .then((outcome) => this.finish(job, outcome))
        .finally(() => this.running.delete(job.id)),
    );
  }

  private finish(job: PlatformJob, outcome: JobOutcome): void {
    const retryCount = (job.retry?.retryCount ?? 0) + 1;
    if (outcome.kind === 'retry' && retryCount <= maxRetries) {
      const retry: RetryContext = { retryCount, retryReason: outcome.reason, retryData: outcome.data };
      this.store.reschedule(job.id, this.now() + outcome.afterSeconds * 1000, retry);
    } else {
      this.store.remove(job.id);
    }
    // A redelivery of the very same event, the way Forge's at-least-once delivery can repeat one.
    if (job.duplicates > 0) {
      const { id: _id, retry: _retry, ...original } = job;
      this.add({ ...original, duplicates: job.duplicates - 1, dueMs: this.now() });
    }
  }

  private track(work: Promise<void>): Promise<void> {
    const tracked = work.catch((error: unknown) => this.onError(error));
    this.inflight.add(tracked);
    void tracked.finally(() => this.inflight.delete(tracked));
    return tracked;
  }
}
