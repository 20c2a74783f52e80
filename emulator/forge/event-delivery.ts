/**
 * Delivers Jira's product events, workflow post-functions, app lifecycle events and the app's own
 * queued events (`@forge/events` consumers) to the handlers the manifest names, asynchronously and
 * at least once: each delivery is a stored job (./platform-jobs.ts) until its invocation ends; with
 * duplicate delivery switched on, each event is delivered twice; a handler returning
 * `InvocationError` is retried (at most 4 times).
 */
import { randomUUID } from 'node:crypto';
import type { SiteClock } from '../clock';
import type { Actor, ForgeProductEvent, JiraSiteEvent, PostFunctionPayload } from '../jira/index';
import type { Outbox } from '../outbox';
import type { FaultInjector } from './faults';
import { functionContext, type SiteContext } from './function-context';
import type { HandlerLoader } from './handler-loader';
import { timeLimitsSeconds, type Invoker } from './invoker';
import type { Manifest } from './manifest';
import type { JobKind, PlatformJob } from './platform-jobs';
import type { JobOutcome, WorkQueue } from './work-queue';

export { maxRetries } from './work-queue';

/** What `Queue.push` sends for each event (`@forge/events`). */
export interface PushedEvent {
  body: Record<string, unknown>;
  delayInSeconds?: number;
}

export class EventDelivery {
  constructor(
    private readonly deps: {
      manifest: Manifest;
      loader: HandlerLoader;
      invoker: Invoker;
      queue: WorkQueue;
      faults: FaultInjector;
      outbox: Outbox;
      clock: SiteClock;
      site: SiteContext;
      timeLimitScale: number;
    },
  ) {}

  /** The listener the site registers with the Jira emulator. */
  onJiraEvent(event: JiraSiteEvent, cause: { actor: Actor }): void {
    switch (event.kind) {
      case 'product-event':
        this.productEvent(event.event, cause.actor);
        return;
      case 'post-function':
        this.postFunction(event.moduleKey, event.payload);
        return;
      case 'email':
        for (const recipient of event.to) {
          this.deps.outbox.record({
            channel: 'jira-notification',
            to: recipient.email,
            subject: event.subject,
            body: { text: event.textBody, ...(event.htmlBody === undefined ? {} : { html: event.htmlBody }), issueKey: event.issueKey, displayName: recipient.displayName },
            request: { issueKey: event.issueKey, to: event.to.map((r) => r.email) },
          });
        }
        return;
    }
  }

  /** Fires an app event (`avi:forge:installed:app`, `avi:forge:upgraded:app`) to its subscribers. */
  lifecycle(payload: { eventType: string } & Record<string, unknown>): void {
    for (const trigger of this.deps.manifest.triggers.filter((t) => t.events.includes(payload.eventType))) {
      this.schedule({ kind: 'lifecycle', moduleKey: trigger.key, functionKey: trigger.function, payload: { ...payload, context: this.eventContext(trigger.key) } });
    }
  }

  /**
   * Takes the events of one `Queue.push` for the queue's consumers, each due after its
   * `delayInSeconds`; answers how many consumers take the queue (none: the events go nowhere, as on Forge).
   */
  push(queueName: string, pushId: string, events: readonly PushedEvent[]): number {
    const consumers = this.deps.manifest.consumers.filter((consumer) => consumer.queue === queueName);
    const now = this.deps.clock.now();
    for (const consumer of consumers) {
      for (const event of events) {
        const asyncEvent = { ...event, queueName, jobId: pushId, eventId: randomUUID() };
        this.deps.queue.add({
          kind: 'consumer',
          moduleKey: consumer.key,
          functionKey: consumer.function,
          payload: asyncEvent,
          dueMs: now + (event.delayInSeconds ?? 0) * 1000,
          duplicates: this.deps.faults.duplicateEvents ? 1 : 0,
          pushId,
        });
      }
    }
    return consumers.length;
  }

  /** Runs one stored job's invocation and says whether the handler asked for a retry. */
  async execute(job: PlatformJob): Promise<JobOutcome> {
    const retryContext = job.retry === undefined ? {} : { retryContext: job.retry };
    const payload = typeof job.payload === 'object' && job.payload !== null ? { ...job.payload, ...retryContext } : job.payload;
    const result = await this.deps.invoker.run(
      {
        moduleKey: job.moduleKey,
        functionKey: job.functionKey,
        trigger: job.kind === 'consumer' ? 'consumer' : job.kind,
        accountId: job.accountId,
        limitMs: this.limitMs(job),
        classify: (value) => {
          const request = retryRequest(value);
          return request ? `error: retry requested (${request.retryReason})` : undefined;
        },
      },
      () => this.deps.loader.load(job.functionKey)(payload, functionContext(this.deps.site, job.accountId)),
    );
    const request = result.outcome === 'ok' ? retryRequest(result.value) : undefined;
    return request === undefined ? { kind: 'done' } : { kind: 'retry', afterSeconds: request.retryAfterSeconds, reason: request.retryReason, data: request.retryData };
  }

  private productEvent(event: ForgeProductEvent, actor: Actor): void {
    for (const trigger of this.deps.manifest.triggers) {
      if (!trigger.events.includes(event.eventType)) continue;
      if (trigger.filter?.ignoreSelf === true && actor.kind === 'app') continue;
      this.schedule({ kind: 'event', moduleKey: trigger.key, functionKey: trigger.function, payload: { ...event, context: this.eventContext(trigger.key) } });
    }
  }

  private postFunction(moduleKey: string, payload: PostFunctionPayload): void {
    const module = this.deps.manifest.postFunctions.find((candidate) => candidate.key === moduleKey);
    if (!module) return;
    this.schedule({
      kind: 'postFunction',
      moduleKey,
      functionKey: module.function,
      payload: { ...payload, context: { ...payload.context, ...this.eventContext(moduleKey) } },
    });
  }

  private schedule(delivery: { kind: JobKind; moduleKey: string; functionKey: string; payload: object }): void {
    this.deps.queue.add({ ...delivery, dueMs: this.deps.clock.now(), duplicates: this.deps.faults.duplicateEvents ? 1 : 0 });
  }

  private limitMs(job: PlatformJob): number {
    const scale = this.deps.timeLimitScale;
    if (job.kind === 'consumer') {
      const declared = this.deps.loader.functionModule(job.functionKey).timeoutSeconds ?? timeLimitsSeconds.consumerDefault;
      return Math.min(declared, timeLimitsSeconds.consumerMax) * 1000 * scale;
    }
    return timeLimitsSeconds[job.kind] * 1000 * scale;
  }

  private eventContext(moduleKey: string): Record<string, unknown> {
    return { cloudId: this.deps.site.cloudId, moduleKey };
  }
}

interface RetryRequest {
  retryAfterSeconds: number;
  retryReason: string;
  retryData: unknown;
}

/** `new InvocationError(...)` from `@forge/events` returns `{_retry: true, retryOptions}`. */
function retryRequest(value: unknown): RetryRequest | undefined {
  if (typeof value !== 'object' || value === null || !('_retry' in value) || value._retry !== true) return undefined;
  const options = 'retryOptions' in value && typeof value.retryOptions === 'object' && value.retryOptions !== null ? (value.retryOptions as Record<string, unknown>) : {};
  return {
    retryAfterSeconds: typeof options.retryAfter === 'number' && options.retryAfter > 0 ? options.retryAfter : 1,
    retryReason: typeof options.retryReason === 'string' ? options.retryReason : 'FUNCTION_RETRY_REQUEST',
    retryData: options.retryData,
  };
}
