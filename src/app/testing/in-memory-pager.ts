import type { PageDestination, PageMessage, Pager } from '../ports';
import { RemoteCallLog } from './remote-call-log';

export interface SentPage {
  readonly destination: PageDestination;
  readonly message: PageMessage;
}

/** Records pages instead of sending them; can be told to fail the next sends. */
export class InMemoryPager implements Pager {
  readonly sent: SentPage[] = [];
  readonly attempts: SentPage[] = [];
  prepared = 0;
  private failures: Error[] = [];

  constructor(readonly log: RemoteCallLog = new RemoteCallLog()) {}

  failNext(...errors: Error[]): void {
    this.failures.push(...errors);
  }

  prepare(): Promise<void> {
    return this.log.record('secrets.get', () => {
      this.prepared += 1;
    });
  }

  send(destination: PageDestination, message: PageMessage): Promise<void> {
    return this.log.record(`page.send ${destination.kind}`, () => {
      this.attempts.push({ destination, message });
      const failure = this.failures.shift();
      if (failure !== undefined) throw failure;
      this.sent.push({ destination, message });
    });
  }

  /** Account ids (or roster ids for PagerDuty) that were paged, in order. */
  recipients(): string[] {
    return this.sent.map(({ destination }) =>
      destination.kind === 'pagerduty' ? `pagerduty:${destination.rosterId}` : destination.kind === 'webhook' ? `webhook:${destination.url}` : destination.accountId,
    );
  }
}
