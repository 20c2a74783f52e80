/**
 * Delivers Jira's product events, workflow post-functions and app lifecycle events to the handlers
 * the manifest subscribes, asynchronously and at least once: with duplicate delivery switched on,
 * each event is delivered twice; a handler returning `InvocationError` is retried (at most 4 times).
 */
import type { SiteClock } from '../clock';
import type { Actor, ForgeProductEvent, JiraSiteEvent, PostFunctionPayload } from '../jira/index';
import type { Outbox } from '../outbox';
import type { FaultInjector } from './faults';
import { functionContext, type SiteContext } from './function-context';
import type { HandlerLoader } from './handler-loader';
import type { InvocationTrigger } from './invocation-scope';
import { timeLimitsSeconds, type Invoker } from './invoker';
import type { Manifest } from './manifest';
import type { WorkQueue } from './work-queue';

export const maxRetries = 4;

interface Delivery {
  moduleKey: string;
  functionKey: string;
  trigger: InvocationTrigger;
  payload: object;
  accountId?: string;
}

interface RetryRequest {
  retryAfterSeconds: number;
  retryReason: string;
  retryData: unknown;
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
      this.schedule({ moduleKey: trigger.key, functionKey: trigger.function, trigger: 'lifecycle', payload: { ...payload, context: this.eventContext(trigger.key) } });
    }
  }

  private productEvent(event: ForgeProductEvent, actor: Actor): void {
    for (const trigger of this.deps.manifest.triggers) {
      if (!trigger.events.includes(event.eventType)) continue;
      if (trigger.filter?.ignoreSelf === true && actor.kind === 'app') continue;
      this.schedule({ moduleKey: trigger.key, functionKey: trigger.function, trigger: 'event', payload: { ...event, context: this.eventContext(trigger.key) } });
    }
  }

  private postFunction(moduleKey: string, payload: PostFunctionPayload): void {
    const module = this.deps.manifest.postFunctions.find((candidate) => candidate.key === moduleKey);
    if (!module) return;
    this.schedule({
      moduleKey,
      functionKey: module.function,
      trigger: 'postFunction',
      payload: { ...payload, context: { ...payload.context, ...this.eventContext(moduleKey) } },
    });
  }

  private schedule(delivery: Delivery): void {
    const duplicate = this.deps.faults.duplicateEvents;
    this.deps.queue.enqueue(async () => {
      await this.attempt(delivery, 0);
      // A redelivery of the very same event, the way Forge's at-least-once delivery can repeat one.
      if (duplicate) await this.attempt(delivery, 0);
    });
  }

  private async attempt(delivery: Delivery, retryCount: number, retry?: RetryRequest): Promise<void> {
    const payload =
      retry === undefined ? delivery.payload : { ...delivery.payload, retryContext: { retryCount, retryReason: retry.retryReason, retryData: retry.retryData } };
    const limitMs = timeLimitsSeconds[delivery.trigger === 'postFunction' ? 'postFunction' : delivery.trigger === 'lifecycle' ? 'lifecycle' : 'event'] * 1000 * this.deps.timeLimitScale;
    const result = await this.deps.invoker.run(
      {
        moduleKey: delivery.moduleKey,
        functionKey: delivery.functionKey,
        trigger: delivery.trigger,
        accountId: delivery.accountId,
        limitMs,
        classify: (value) => {
          const request = retryRequest(value);
          return request ? `error: retry requested (${request.retryReason})` : undefined;
        },
      },
      () => this.deps.loader.load(delivery.functionKey)(payload, functionContext(this.deps.site, delivery.accountId)),
    );
    const request = result.outcome === 'ok' ? retryRequest(result.value) : undefined;
    if (request && retryCount < maxRetries) {
      this.deps.queue.later(this.deps.clock.now() + request.retryAfterSeconds * 1000, () => this.attempt(delivery, retryCount + 1, request));
    }
  }

  private eventContext(moduleKey: string): Record<string, unknown> {
    return { cloudId: this.deps.site.cloudId, moduleKey };
  }
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
