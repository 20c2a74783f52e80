/**
 * The site's answers at the global seams: `requestJira` reaches the Jira emulator as the app or the
 * invoking user, KVS reaches SQLite, `sendEmail` and egress `fetch` reach the outbox and the local
 * stand-ins. Every call is timed into the invocation's remote-call log, with injected faults.
 */
import { ExternalEndpointNotAllowedError } from '@forge/api/out/api/errors';
import { EgressFilteringService } from '@forge/egress';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { SiteClock } from '../clock';
import { EgressRouter } from '../egress/egress-router';
import type { Actor, JiraEmulator } from '../jira/index';
import type { Outbox } from '../outbox';
import { handleEmail } from './email-seam';
import { lostResponseError, type FaultInjector } from './faults';
import { scopeMismatchBody, type JiraScopeCheck } from './jira-scopes';
import type { ForgeSqlService } from './forge-sql';
import { bodyText, decodeText, fetchResponse, jsonResponse, proxyErrorResponse } from './fetch-response';
import type { ForgeRuntime, InvocationScope, InvocationSeams, RemoteCallKind } from './invocation-scope';
import type { KvsService } from './kvs-service';
import { handleQueueApi, isQueuePath, type QueuePlatform } from './queue-api';
import { handleStargate } from './stargate';

const descriptorSchema = z.looseObject({
  type: z.string(),
  provider: z.string().optional(),
  remote: z.string().optional(),
  accountId: z.string().optional(),
});

export interface SiteIdentity {
  appId: string;
  appVersion: string;
  environmentId: string;
  installationId: string;
  cloudId: string;
  scopes: string[];
  egress: string[];
}

export class InvocationExpiredError extends Error {
  override readonly name = 'FUNCTION_TIME_OUT';
  constructor() {
    super('The invocation already ran out of time; the platform no longer serves its calls');
  }
}

export class PlatformSeams implements InvocationSeams {
  private readonly allowList: EgressFilteringService;

  constructor(
    private readonly deps: {
      identity: SiteIdentity;
      jira: JiraEmulator;
      jiraScopes: JiraScopeCheck;
      kvs: KvsService;
      egress: EgressRouter;
      outbox: Outbox;
      faults: FaultInjector;
      clock: SiteClock;
      webTriggers: { keys: string[]; urlOf: (key: string) => string };
      queues: QueuePlatform;
      sql: ForgeSqlService;
    },
  ) {
    // Addresses may omit the scheme (`events.pagerduty.com`); Forge reads those as https.
    this.allowList = new EgressFilteringService(deps.identity.egress.map((address) => (address === '*' || address.includes('://') ? address : `https://${address}`)));
  }

  async forgeFetch(scope: InvocationScope, rawDescriptor: unknown, path: string, init: RequestInit | undefined): Promise<Response> {
    const descriptor = descriptorSchema.safeParse(rawDescriptor);
    if (!descriptor.success) return proxyErrorResponse(400, 'PROXY_ERR');
    const { type, provider, remote, accountId } = descriptor.data;
    const method = (init?.method ?? 'GET').toUpperCase();
    if (type === 'kvs') return this.timed(scope, 'kvs', method, path, () => this.kvs(path, init));
    if (type === 'sql') return this.timed(scope, 'sql', method, path, () => this.sql(path, init));
    if (type === 'emails') return this.timed(scope, 'email', method, path, () => handleEmail(this.deps.outbox, init));
    if (type === 'fpp' && remote === 'jira') {
      const actor: Actor | undefined = provider === 'user' ? userActor(accountId ?? scope.accountId) : { kind: 'app' };
      return this.timed(scope, 'jira', method, path, () => this.jira(actor, method, path, init));
    }
    if (type === 'fpp' && remote === 'stargate') {
      if (isQueuePath(path)) return this.timed(scope, 'queue', method, path, async () => handleQueueApi(path, await bodyText(init), this.deps.queues));
      return this.timed(scope, 'jira', method, path, async () => handleStargate(path, await bodyText(init), this.deps.webTriggers));
    }
    return proxyErrorResponse(400, 'INVALID_REMOTE');
  }

  async egressFetch(scope: InvocationScope, request: Request): Promise<Response> {
    const url = new URL(request.url);
    const label = `${url.origin}${url.pathname}`;
    if (!this.allowList.isValidUrl(request.url)) {
      await this.timed(scope, 'egress', request.method, label, async () => proxyErrorResponse(403, 'REQUEST_EGRESS_ALLOWLIST_ERR'));
      throw new ExternalEndpointNotAllowedError(request.url);
    }
    return this.timed(scope, 'egress', request.method, label, async () => {
      const fault = this.deps.faults.decide('egress', new URL(request.url).hostname);
      if (fault.kind === 'rate-limited') return jsonResponse(429, EgressRouter.rateLimitedBody(url), { 'retry-after': String(fault.retryAfterSeconds) });
      if (fault.kind === 'server-error') return jsonResponse(fault.status, { message: 'Service Unavailable' });
      const text = request.body === null ? undefined : await request.text();
      const answer = await this.deps.egress.handle({
        method: request.method,
        url,
        headers: request.headers,
        text,
        body: decodeText(request.headers.get('content-type'), text),
      });
      if (fault.kind === 'lost-response') throw lostResponseError('egress', `${request.method} ${label}`);
      return fetchResponse(answer.status, answer.headers ?? {}, answer.body);
    });
  }

  runtime(scope: InvocationScope): ForgeRuntime {
    const { identity } = this.deps;
    return {
      appContext: {
        appId: identity.appId,
        appVersion: identity.appVersion,
        environmentId: identity.environmentId,
        environmentType: 'DEVELOPMENT',
        invocationId: scope.invocationId,
        installationId: identity.installationId,
        moduleKey: scope.moduleKey,
        permissions: { scopes: identity.scopes, external: { fetch: { backend: identity.egress } } },
      },
      contextAri: `ari:cloud:jira::site/${identity.cloudId}`,
      lambdaContext: { getRemainingTimeInMillis: () => Math.max(0, Math.round(scope.deadlineMono - performance.now())) },
      proxy: { token: 'local-site', url: 'http://local-site.invalid' },
      tracing: { traceId: scope.invocationId.replaceAll('-', ''), spanId: scope.invocationId.slice(0, 16).replaceAll('-', '') },
      metrics: noMetrics,
      externalAuth: [],
    };
  }

  private async kvs(path: string, init: RequestInit | undefined): Promise<Response> {
    const text = await bodyText(init);
    const answer = this.deps.kvs.handle(path, text === undefined ? undefined : decodeText('application/json', text));
    return answer.body === undefined ? new Response(null, { status: answer.status }) : jsonResponse(answer.status, answer.body);
  }

  private async sql(path: string, init: RequestInit | undefined): Promise<Response> {
    const answer = this.deps.sql.handle(path, decodeText('application/json', await bodyText(init)));
    return jsonResponse(answer.status, answer.body);
  }

  private async jira(actor: Actor | undefined, method: string, path: string, init: RequestInit | undefined): Promise<Response> {
    if (actor === undefined) return proxyErrorResponse(401, 'NEEDS_AUTHENTICATION_ERR');
    if (this.deps.jiraScopes.decide(method, path).kind === 'refused') return jsonResponse(401, scopeMismatchBody);
    const fault = this.deps.faults.decide('jira');
    if (fault.kind === 'rate-limited') {
      return jsonResponse(429, { errorMessages: ['Rate limit exceeded.'], errors: {} }, { 'retry-after': String(fault.retryAfterSeconds) });
    }
    if (fault.kind === 'server-error') return jsonResponse(fault.status, { errorMessages: ['Service unavailable. Try again later.'], errors: {} });
    const headers = new Headers(init?.headers);
    const text = await bodyText(init);
    const response = await this.deps.jira.handle({
      method,
      path,
      headers: Object.fromEntries(headers),
      body: decodeText(headers.get('content-type') ?? 'application/json', text),
      actor,
    });
    if (fault.kind === 'lost-response') throw lostResponseError('jira', `${method} ${path.split('?')[0] ?? path}`);
    return fetchResponse(response.status, response.headers, response.body);
  }

  /** Runs one remote call with injected latency, recording it in the invocation's log. */
  private async timed(scope: InvocationScope, kind: RemoteCallKind, method: string, path: string, call: () => Promise<Response>): Promise<Response> {
    if (scope.expired) throw new InvocationExpiredError();
    const startMono = performance.now();
    const startedAt = this.deps.clock.nowIso();
    let status = 0;
    try {
      await this.deps.faults.delay();
      const response = await call();
      status = response.status;
      return response;
    } finally {
      const endMono = performance.now();
      scope.calls.push({ kind, method, path, status, startedAt, durationMs: Math.round(endMono - startMono), startMono, endMono });
    }
  }
}

function userActor(accountId: string | undefined): Actor | undefined {
  return accountId === undefined ? undefined : { kind: 'user', accountId };
}

const noMetrics: ForgeRuntime['metrics'] = {
  counter: () => ({ incr: () => undefined, decr: () => undefined }),
  timing: () => ({ measure: () => ({ stop: () => undefined }) }),
  gauge: () => ({ set: () => undefined }),
};
