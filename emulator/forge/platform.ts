/**
 * The Forge platform of the local site: it reads the manifest, invokes the handlers it names
 * (resolvers, product events, post-functions, scheduled and web triggers, lifecycle events) with
 * the documented payload shapes, and serves their calls through the global seams.
 */
import { randomUUID } from 'node:crypto';
import type { SiteClock } from '../clock';
import { SiteMeta, type SiteDatabase } from '../db';
import { EgressRouter } from '../egress/egress-router';
import type { JiraEmulator, WorkflowValidatorCall } from '../jira/index';
import type { Outbox } from '../outbox';
import { EventDelivery } from './event-delivery';
import type { FaultInjector } from './faults';
import { functionContext, type SiteContext } from './function-context';
import { HandlerLoader } from './handler-loader';
import { InvocationLog } from './invocation-log';
import type { InvocationTrigger } from './invocation-scope';
import { ForgeSqlService } from './forge-sql';
import { FunctionTimeoutError, Invoker, timeLimitsSeconds, type InvocationResult } from './invoker';
import { KvsService } from './kvs-service';
import { KvsStore } from './kvs-store';
import { JobStore } from './platform-jobs';
import type { Manifest } from './manifest';
import { JiraScopeCheck } from './jira-scopes';
import { PlatformSeams } from './platform-seams';
import { Scheduler } from './scheduler';
import { webTriggerResponse, type WebTriggerRequest, type WebTriggerResponse } from './webtrigger';
import { WorkQueue } from './work-queue';

/** The local site runs whatever is in the working tree; it reports one fixed version for it. */
const localAppVersion = '1.0.0';

export interface ResolverInvocation {
  /** The UI module whose `resolver.function` is called, e.g. `incident-cockpit`. */
  moduleKey: string;
  /** The resolver definition key passed to `invoke(functionKey, payload)`. */
  functionKey: string;
  payload?: unknown;
  /** The viewing user; resolvers see it as `context.accountId`. */
  accountId?: string | undefined;
  /** The `extension` part of the context (`{type: 'jira:issuePanel', issue: {key, id, type}, project: {…}}`). */
  extension?: Record<string, unknown> | undefined;
  localId?: string | undefined;
}

export class ResolverModuleNotFoundError extends Error {
  override readonly name = 'ResolverModuleNotFoundError';
}

export class WorkflowValidatorNotFoundError extends Error {
  override readonly name = 'WorkflowValidatorNotFoundError';
}

export class WebTriggerNotFoundError extends Error {
  override readonly name = 'WebTriggerNotFoundError';
}

export interface ForgePlatformOptions {
  manifest: Manifest;
  srcDir: string;
  db: SiteDatabase;
  clock: SiteClock;
  jira: JiraEmulator;
  outbox: Outbox;
  faults: FaultInjector;
  baseUrl: string;
  log: (line: string) => void;
  timeLimitScale: number;
}

export class ForgePlatform {
  readonly invocations: InvocationLog;
  readonly egress: EgressRouter;
  readonly kvs: KvsService;
  /** The manifest's scopes, checked on every Jira request the app makes (functions and UI bridge). */
  readonly jiraScopes: JiraScopeCheck;
  /** The app's Forge SQL database. */
  readonly sql: ForgeSqlService;
  readonly scheduler: Scheduler;
  readonly site: SiteContext;
  private readonly loader: HandlerLoader;
  private readonly invoker: Invoker;
  private readonly queue: WorkQueue;
  private readonly jobs: JobStore;
  private readonly events: EventDelivery;
  private readonly meta: SiteMeta;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly options: ForgePlatformOptions) {
    const { manifest, db, clock, jira, outbox, faults, log } = options;
    this.meta = new SiteMeta(db);
    const cloudId = this.meta.get('site.cloudId') ?? randomUUID();
    this.meta.set('site.cloudId', cloudId);
    const environmentId = this.meta.get('site.environmentId') ?? randomUUID();
    this.meta.set('site.environmentId', environmentId);
    this.site = { cloudId, appId: manifest.appId, environmentId };
    this.invocations = new InvocationLog(db);
    this.loader = new HandlerLoader(options.srcDir, manifest.functions);
    this.kvs = new KvsService(new KvsStore(db, () => clock.now()), manifest.entities);
    // A site database without the marker is new (or --fresh): the app's SQL database starts empty with it.
    this.sql = ForgeSqlService.open(db.name, this.meta.get('forge.sql') === undefined);
    this.meta.set('forge.sql', 'mysql');
    this.egress = new EgressRouter({ db, outbox, now: () => clock.now(), users: () => jira.users() });
    this.jiraScopes = new JiraScopeCheck(manifest.scopes);
    const seams = new PlatformSeams({
      identity: {
        appId: manifest.appId,
        appVersion: localAppVersion,
        environmentId,
        installationId: cloudId,
        cloudId,
        scopes: manifest.scopes,
        egress: manifest.egress,
      },
      jira,
      jiraScopes: this.jiraScopes,
      kvs: this.kvs,
      egress: this.egress,
      outbox,
      faults,
      clock,
      webTriggers: { keys: manifest.webTriggers.map((w) => w.key), urlOf: (key) => this.webTriggerUrl(key) },
      queues: {
        push: (queue, pushId, events) => {
          const consumers = this.events.push(queue, pushId, events);
          this.jobs.recordPush(pushId, queue, consumers * events.length);
          if (consumers === 0) log(`Events pushed to queue "${queue}", which no consumer in manifest.yml takes: they are dropped`);
          return consumers;
        },
        stats: (pushId) => {
          const total = this.jobs.pushTotal(pushId);
          return total === undefined ? undefined : { total, pending: this.jobs.pendingOfPush(pushId) };
        },
        cancel: (pushId) => this.jobs.pushTotal(pushId) !== undefined && (this.jobs.cancelPush(pushId, this.queue.runningIds) || true),
      },
      sql: this.sql,
    });
    this.invoker = new Invoker({ seams, clock, log: this.invocations });
    this.jobs = new JobStore(db);
    this.queue = new WorkQueue(this.jobs, () => clock.now(), (job) => this.events.execute(job), (error) => log(`Background work failed: ${String(error)}`));
    this.scheduler = new Scheduler(db, manifest.scheduledTriggers);
    this.events = new EventDelivery({
      manifest,
      loader: this.loader,
      invoker: this.invoker,
      queue: this.queue,
      faults,
      outbox,
      clock,
      site: this.site,
      timeLimitScale: options.timeLimitScale,
    });
  }

  /** Subscribes to Jira's events, registers schedules and fires the install or upgrade event once. */
  async start(): Promise<void> {
    const { jira, manifest, clock } = this.options;
    this.unsubscribe = jira.onEvent((event, cause) => this.events.onJiraEvent(event, cause));
    jira.setWorkflowValidatorRunner((call) => this.runWorkflowValidator(call));
    this.scheduler.register(clock.now());
    // Deliveries stored before a restart (or a crash) go out now: at least once, as on Forge.
    void this.queue.runDue();
    const installed = this.meta.get('forge.manifestFingerprint');
    if (installed !== manifest.fingerprint) {
      this.meta.set('forge.manifestFingerprint', manifest.fingerprint);
      const installer = jira.users().find((user) => user.accountType === 'atlassian' && user.siteAdmin) ?? jira.users()[0];
      this.events.lifecycle({
        eventType: installed === undefined ? 'avi:forge:installed:app' : 'avi:forge:upgraded:app',
        id: randomUUID(),
        installerAccountId: installer?.accountId,
        app: { id: manifest.appId, version: localAppVersion },
        environment: { id: this.site.environmentId },
        installationId: this.site.cloudId,
      });
    }
  }

  webTriggerUrl(key: string): string {
    return `${this.options.baseUrl}/x/${encodeURIComponent(key)}`;
  }

  /** Calls a resolver definition as `accountId` would through `@forge/bridge`'s `invoke`; throws what the resolver threw. */
  async invokeResolver(call: ResolverInvocation): Promise<unknown> {
    const module = this.options.manifest.resolverModules.get(call.moduleKey);
    const functionKey = module?.resolver?.function;
    if (module === undefined || functionKey === undefined) {
      throw new ResolverModuleNotFoundError(`The manifest has no module "${call.moduleKey}" with a resolver`);
    }
    const context = {
      localId: call.localId ?? `ari:cloud:ecosystem::extension/${this.site.appId}/${this.site.environmentId}/static/${call.moduleKey}`,
      cloudId: this.site.cloudId,
      siteUrl: this.options.baseUrl,
      moduleKey: call.moduleKey,
      environmentId: this.site.environmentId,
      environmentType: 'DEVELOPMENT',
      extension: { type: module.kind, ...(call.extension ?? {}) },
      ...(call.accountId === undefined ? {} : { accountId: call.accountId }),
    };
    const result = await this.invoker.run(
      { moduleKey: call.moduleKey, functionKey: call.functionKey, trigger: 'resolver', accountId: call.accountId, limitMs: this.limitMs('resolver') },
      () => this.loader.load(functionKey)({ call: { functionKey: call.functionKey, payload: call.payload }, context }, functionContext(this.site, call.accountId)),
    );
    return unwrap(result);
  }

  /** Runs a `jira:workflowValidator`'s function as Jira does before a transition; resolves with its answer. */
  async runWorkflowValidator(call: WorkflowValidatorCall): Promise<unknown> {
    const module = this.options.manifest.workflowValidators.find((candidate) => candidate.key === call.moduleKey);
    if (!module) throw new WorkflowValidatorNotFoundError(`No jira:workflowValidator "${call.moduleKey}" in manifest.yml`);
    const limitMs = timeLimitsSeconds.workflowValidator * 1000 * this.options.timeLimitScale;
    const result = await this.invoker.run({ moduleKey: module.key, functionKey: module.function, trigger: 'workflowValidator', accountId: call.accountId, limitMs }, () =>
      this.loader.load(module.function)({ ...call.payload, context: { cloudId: this.site.cloudId, moduleKey: module.key } }, functionContext(this.site, call.accountId)),
    );
    return unwrap(result);
  }

  /** Runs the web trigger `key` for an HTTP request and returns its (validated) response. */
  async invokeWebTrigger(key: string, request: WebTriggerRequest): Promise<WebTriggerResponse> {
    const module = this.options.manifest.webTriggers.find((candidate) => candidate.key === key);
    if (!module) throw new WebTriggerNotFoundError(`No web trigger "${key}" in manifest.yml`);
    const result = await this.invoker.run({ moduleKey: key, functionKey: module.function, trigger: 'webtrigger', limitMs: this.limitMs('webtrigger') }, () =>
      this.loader.load(module.function)({ ...request, context: { cloudId: this.site.cloudId, moduleKey: key } }, functionContext(this.site, undefined)),
    );
    if (result.outcome === 'timeout') return { statusCode: 424, body: 'Failed dependency: the web trigger function timed out' };
    if (result.outcome === 'error') {
      this.options.log(`Web trigger ${key} failed: ${result.record.outcome}`);
      return { statusCode: 500, body: 'Internal Server Error' };
    }
    const response = webTriggerResponse.safeParse(result.value);
    if (!response.success) return { statusCode: 500, body: 'The web trigger function returned an invalid response' };
    return response.data;
  }

  /**
   * Runs `body` as an invocation of `moduleKey` by `accountId` (tests and tools use it to call
   * `@forge/api` directly); resolves with its result or rejects with what it threw.
   */
  async runInInvocation<T>(
    spec: { moduleKey: string; functionKey?: string; accountId?: string; trigger?: InvocationTrigger; limitMs?: number },
    body: () => Promise<T> | T,
  ): Promise<T> {
    const trigger = spec.trigger ?? 'resolver';
    const result = await this.invoker.run(
      { moduleKey: spec.moduleKey, functionKey: spec.functionKey ?? spec.moduleKey, trigger, accountId: spec.accountId, limitMs: spec.limitMs ?? this.limitMs('resolver') },
      body,
    );
    return unwrap(result);
  }

  /** Runs scheduled triggers and delayed work that the emulated clock made due; resolves when they end. */
  async runDue(): Promise<void> {
    const now = this.options.clock.now();
    const runs = this.scheduler.takeDue(now).map((trigger) => {
      const fn = this.loader.functionModule(trigger.function);
      const limitSeconds = Math.min(fn.timeoutSeconds ?? timeLimitsSeconds.scheduledDefault, timeLimitsSeconds.scheduledMax);
      return this.invoker.run(
        { moduleKey: trigger.key, functionKey: trigger.function, trigger: 'scheduled', limitMs: limitSeconds * 1000 * this.options.timeLimitScale },
        () => this.loader.load(trigger.function)({ context: { cloudId: this.site.cloudId, moduleKey: trigger.key } }, functionContext(this.site, undefined)),
      );
    });
    await Promise.all([...runs, this.queue.runDue()]);
  }

  /** Resolves when every queued event, retry and running invocation has finished (work the app delayed to a later time excepted). */
  settle(): Promise<void> {
    return this.queue.settle(() => this.invoker.idle());
  }

  /** Resolves when nothing runs and nothing stored is due now; later work, retries included, waits for the clock. */
  drain(): Promise<void> {
    return this.queue.settle(() => this.invoker.idle(), { waitForRetries: false });
  }

  /** The emulated instant the next scheduled run or stored delivery is due, or undefined when nothing is stored. */
  nextDue(): number | undefined {
    const candidates = [...this.options.manifest.scheduledTriggers.map((trigger) => this.scheduler.nextDue(trigger.key)), this.queue.nextDue()];
    const due = candidates.filter((value): value is number => value !== undefined);
    return due.length === 0 ? undefined : Math.min(...due);
  }

  async close(): Promise<void> {
    this.unsubscribe?.();
    await this.queue.close();
    await this.invoker.idle();
    this.sql.close();
  }

  private limitMs(kind: 'resolver' | 'webtrigger'): number {
    return timeLimitsSeconds[kind] * 1000 * this.options.timeLimitScale;
  }
}

function unwrap<T>(result: InvocationResult<T>): T {
  if (result.outcome === 'ok') return result.value;
  throw result.error;
}

export { FunctionTimeoutError };
