/**
 * `/__local/*`: the control API drills, end-to-end tests and the browser UI drive. Loopback
 * callers only. Health, outbox, emulated clock, settling, fault injection, the invocation log,
 * the parsed manifest, demo users, running a resolver as a user (the UI host's bridge), and
 * acting in PagerDuty (`/__local/pagerduty/*`, see pagerduty-control.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { faultConfigSchema } from '../forge/faults';
import { FunctionTimeoutError, ResolverModuleNotFoundError } from '../forge/platform';
import { readBody, decodeBody } from '../http/body';
import { sessionEmail } from '../http/jira-route';
import { sendJson } from '../http/respond';
import type { RouteHandler } from '../http/route-handler';
import type { Site } from '../site';
import { clockChange, describeZodError, invokeRequest, outboxQuery, sinceQuery } from './control-schemas';
import { pagerDutyControl } from './pagerduty-control';

/** Forge refuses front-end invoke requests above 500 KB; so does the local bridge. */
const maxInvokeBytes = 500 * 1024;

export function createControlRoute(site: Site): RouteHandler {
  return async (req, res, url) => {
    if (!url.pathname.startsWith('/__local/')) return false;
    if (!isLoopback(req.socket.remoteAddress)) {
      sendJson(res, 403, { error: 'The control API only answers callers on this machine' });
      return true;
    }
    const route = `${req.method ?? 'GET'} ${url.pathname}`;
    const query = Object.fromEntries(url.searchParams);
    if (url.pathname.startsWith('/__local/pagerduty/')) {
      const answer = await pagerDutyControl(site, route, () => jsonBody(req));
      sendJson(res, answer?.status ?? 404, answer?.body ?? { error: `No control operation ${route}` });
      return true;
    }
    switch (route) {
      case 'GET /__local/health':
        sendJson(res, 200, { status: 'ok', baseUrl: site.baseUrl, appId: site.manifest.appId, now: site.clock.nowIso() });
        return true;
      case 'GET /__local/outbox': {
        const filter = parseOr400(res, outboxQuery, query);
        if (filter) sendJson(res, 200, { entries: site.outbox.list(filter) });
        return true;
      }
      case 'GET /__local/invocations': {
        const filter = parseOr400(res, sinceQuery, query);
        if (filter) sendJson(res, 200, { invocations: site.forge.invocations.list(filter.since ?? 0) });
        return true;
      }
      case 'GET /__local/clock':
        sendJson(res, 200, clockBody(site));
        return true;
      case 'POST /__local/clock': {
        const change = parseOr400(res, clockChange, await jsonBody(req));
        if (!change) return true;
        if ('speed' in change) {
          site.clock.setSpeed(change.speed);
          sendJson(res, 200, clockBody(site));
          return true;
        }
        const target = 'advance' in change ? site.clock.now() + change.advance : change.to;
        if (target < site.clock.now()) {
          sendJson(res, 400, { error: `The clock only moves forward: ${new Date(target).toISOString()} is before ${site.clock.nowIso()}` });
          return true;
        }
        await site.advanceClock(target - site.clock.now());
        sendJson(res, 200, clockBody(site));
        return true;
      }
      case 'POST /__local/settle':
        await site.settle();
        sendJson(res, 200, { settled: true, now: site.clock.nowIso() });
        return true;
      case 'GET /__local/faults':
        sendJson(res, 200, site.faults.current());
        return true;
      case 'POST /__local/faults': {
        const config = parseOr400(res, faultConfigSchema, (await jsonBody(req)) ?? {});
        if (!config) return true;
        site.faults.configure(config);
        sendJson(res, 200, site.faults.current());
        return true;
      }
      case 'GET /__local/manifest':
        sendJson(res, 200, {
          appId: site.manifest.appId,
          modules: site.manifest.modules,
          resources: site.manifest.resources,
          webTriggers: site.manifest.webTriggers.map((w) => ({ key: w.key, url: site.webTriggerUrl(w.key) })),
        });
        return true;
      case 'GET /__local/users':
        sendJson(res, 200, { users: site.jira.users(), password: 'local' });
        return true;
      case 'POST /__local/invoke':
        await invoke(site, req, res);
        return true;
      default:
        sendJson(res, 404, { error: `No control operation ${route}` });
        return true;
    }
  };
}

async function invoke(site: Site, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const raw = await readBody(req);
  if (raw.length > maxInvokeBytes) {
    sendJson(res, 413, { error: { name: 'PayloadTooLargeError', message: `The invoke request is ${raw.length} bytes; the limit is ${maxInvokeBytes}` } });
    return;
  }
  const request = parseOr400(res, invokeRequest, decodeBody('application/json', raw));
  if (!request) return;
  const cookieUser = sessionEmail(req.headers.cookie);
  const accountId = request.accountId ?? (cookieUser === undefined ? undefined : site.jira.userByEmail(cookieUser)?.accountId);
  try {
    const result = await site.forge.invokeResolver({ ...request, accountId });
    sendJson(res, 200, { result: result ?? null });
  } catch (error) {
    const status = error instanceof ResolverModuleNotFoundError ? 404 : error instanceof FunctionTimeoutError ? 504 : 500;
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    sendJson(res, status, { error: { name, message } });
  }
}

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  return decodeBody('application/json', await readBody(req));
}

function parseOr400<T>(res: ServerResponse, schema: z.ZodType<T>, value: unknown): T | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  sendJson(res, 400, { error: describeZodError(parsed.error) });
  return undefined;
}

function clockBody(site: Site): { now: string; epochMs: number; speed: number } {
  return { now: site.clock.nowIso(), epochMs: site.clock.now(), speed: site.clock.speed() };
}

export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));
}
