/**
 * Asynchronous platform work (event deliveries, retries) and what `settle` waits for. Work runs
 * after the current call stack, like Forge delivering an event after the REST call that caused it;
 * delayed work (retries) becomes due on the emulated clock.
 */

interface DelayedJob {
  dueMs: number;
  run: () => Promise<void>;
}

export class WorkQueue {
  private readonly inflight = new Set<Promise<void>>();
  private delayed: DelayedJob[] = [];
  private closed = false;

  constructor(
    private readonly now: () => number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Runs `job` soon, outside the caller's stack. */
  enqueue(job: () => Promise<void>): void {
    if (this.closed) return;
    this.track(
      new Promise<void>((resolve) => setImmediate(resolve)).then(job),
    );
  }

  /** Runs `job` once the emulated clock reaches `dueMs`. */
  later(dueMs: number, job: () => Promise<void>): void {
    if (this.closed) return;
    this.delayed.push({ dueMs, run: job });
  }

  /** Starts every delayed job that is due and waits for those to finish. */
  async runDue(): Promise<void> {
    const now = this.now();
    const due = this.delayed.filter((job) => job.dueMs <= now);
    this.delayed = this.delayed.filter((job) => job.dueMs > now);
    await Promise.all(due.map((job) => this.track(Promise.resolve().then(job.run))));
  }

  get pending(): boolean {
    return this.inflight.size > 0 || this.delayed.length > 0;
  }

  /** Waits until nothing is running or waiting, sleeping (real time) until delayed work is due. */
  async settle(alsoWaitFor: () => Promise<void>): Promise<void> {
    for (;;) {
      await alsoWaitFor();
      if (this.inflight.size > 0) {
        await Promise.allSettled([...this.inflight]);
        continue;
      }
      if (this.delayed.length === 0) return;
      const wait = Math.min(...this.delayed.map((job) => job.dueMs)) - this.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 1000)));
      await this.runDue();
    }
  }

  /** Stops taking work, forgets delayed work and waits for what is running. */
  async close(): Promise<void> {
    this.closed = true;
    this.delayed = [];
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  private track(work: Promise<void>): Promise<void> {
    const tracked = work.catch((error: unknown) => this.onError(error));
    this.inflight.add(tracked);
    void tracked.finally(() => this.inflight.delete(tracked));
    return tracked;
  }
}
