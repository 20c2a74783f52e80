import type { JobQueue, ScheduledJob } from '../ports';
import { RemoteCallLog } from './remote-call-log';

/** The job queue in memory: jobs wait until a test takes the ones its clock made due. */
export class InMemoryJobQueue<J> implements JobQueue<J> {
  readonly waiting: ScheduledJob<J>[] = [];

  constructor(readonly log: RemoteCallLog = new RemoteCallLog()) {}

  schedule(jobs: readonly ScheduledJob<J>[]): Promise<void> {
    return this.log.record(`queue.push ${jobs.length}`, () => {
      this.waiting.push(...jobs);
    });
  }

  /** Removes and returns the jobs due at `now`, earliest first. */
  takeDue(now: number): ScheduledJob<J>[] {
    const due = this.waiting.filter((job) => job.at <= now).sort((a, b) => a.at - b.at);
    for (const job of due) this.waiting.splice(this.waiting.indexOf(job), 1);
    return due;
  }
}
