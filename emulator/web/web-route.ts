/**
 * The browser side of the local site: the host page (a Jira-like single-page app) at Jira's URL
 * shapes, its assets, the Custom UI resources in their frames, and the small API the host page
 * needs beyond Jira REST (resolver invocation as the signed-in user, dashboard gadget settings,
 * the inbox, the site log).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { readBody } from '../http/body';
import { sendJson, sendText } from '../http/respond';
import type { RouteHandler } from '../http/route-handler';
import { avatarSvg, jiraIconSvg } from './avatar-svg';
import { contentSecurityPolicy, readResourceFile, sendResourceFile, type ContentPermissions } from './custom-ui-resources';
import { defaultDashboardId, UnknownGadgetError, type DashboardStore } from './dashboard-store';
import { isAddressedTo, withoutSecrets } from './inbox-filter';
import { resourceBasePath } from './src/bridge-protocol';
import { colorModeCookie, invokeRequest, logRequest, siteInfoElementId, type InvokeAnswer, type InvokeRequest, type SiteInfo, type SiteUser } from './src/api/site-info';
import type { OutboxEntry } from './src/api/outbox';
import { themeHtmlAttrs } from './theme-css';
import { UiKitBundles, uiKitPage } from './ui-kit-bundle';
import type { UiManifest } from './ui-modules';
import { postFunctionRules, UnknownPostFunctionError, WorkflowNotFoundError, type WorkflowRules } from './workflow-rules';
import type { WebAssets } from './web-assets';

export const sessionCookie = 'local_as';

export interface WebBackend {
  ui: UiManifest;
  permissions: ContentPermissions;
  ids: { cloudId: string; appId: string; environmentId: string; environmentType: string };
  licensing: boolean;
  users(): SiteUser[];
  userByEmail(email: string): SiteUser | undefined;
  displayNameOf(kind: 'user' | 'project', id: string): Promise<string | undefined>;
  invoke(request: InvokeRequest & { accountId: string }): Promise<InvokeAnswer>;
  outbox(since: number): OutboxEntry[];
  dashboards: DashboardStore;
  workflows: WorkflowRules;
  /** Holds Jira's global Administer permission (workflow settings need it). */
  isAdmin(accountId: string): Promise<boolean>;
  /** May edit the dashboard and so configure its gadgets: an administrator or a member of a group it is shared with for editing. */
  mayEditDashboard(accountId: string, dashboardId: string): Promise<boolean>;
  /** The help text the field configuration gives each field of a project's issue type (Jira's create dialog shows it under the field). */
  fieldHelp(projectKey: string, issueTypeId: string): Promise<Record<string, string>>;
  log(line: string): void;
}

function cookies(req: IncomingMessage): Map<string, string> {
  const result = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === undefined || name === '' || rest.length === 0) continue;
    try {
      result.set(name, decodeURIComponent(rest.join('=')));
    } catch {
      result.set(name, rest.join('='));
    }
  }
  return result;
}

function cookieHeader(name: string, value: string, maxAgeSeconds: number): string {
  return `${name}=${encodeURIComponent(value)}; Path=/; SameSite=Lax; Max-Age=${maxAgeSeconds}`;
}

const reservedPrefixes = ['/rest/', '/__local/', '/x/', '/__web/', '/forge/', '/secure/useravatar', '/secure/projectavatar', '/images/'];
const iconPath = /^\/images\/icons\/(issuetypes|priorities)\/([\w-]+)\.svg$/;

function wantsHtml(req: IncomingMessage): boolean {
  const accept = req.headers.accept ?? '';
  return accept.includes('text/html') || accept === '' || accept.includes('*/*');
}

function escapeScriptJson(value: unknown): string {
  // JSON inside a <script> must not be able to close the element.
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function shellHtml(info: SiteInfo, assets: WebAssets): string {
  const attrs = Object.entries(themeHtmlAttrs(info.colorMode))
    .map(([name, value]) => ` ${name}="${value}"`)
    .join('');
  const styles = assets.mainStyles.map((href) => `<link rel="stylesheet" href="${href}">`).join('');
  return `<!doctype html>
<html lang="en"${attrs}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Jira (local site)</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/__web/theme.css">
${styles}
<link rel="modulepreload" href="${assets.mainScript}">
<script type="application/json" id="${siteInfoElementId}">${escapeScriptJson(info)}</script>
</head>
<body>
<div id="root"></div>
<script type="module" src="${assets.mainScript}"></script>
</body>
</html>
`;
}

function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(Buffer.byteLength(html)), 'cache-control': 'no-store', ...headers });
  res.end(html);
}

function redirect(res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(302, { location, 'cache-control': 'no-store', ...headers });
  res.end();
}

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const raw = await readBody(req);
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

const gadgetPath = /^\/__web\/dashboards\/(\d+)\/gadgets\/(\d+)\/configuration$/;
const postFunctionsPath = /^\/__web\/workflows\/([^/]+)\/transitions\/([^/]+)\/post-functions$/;
const dashboardPath = /^\/__web\/dashboards\/(\d+)$/;

export function createWebRoute(backend: WebBackend, assets: Promise<WebAssets>, themeCss: Promise<string>): RouteHandler {
  const resourcePermissions = backend.permissions;
  const uiKitBundles = new UiKitBundles();

  function sessionUser(req: IncomingMessage): SiteUser | undefined {
    const email = cookies(req).get(sessionCookie);
    return email === undefined || email === '' ? undefined : backend.userByEmail(email);
  }

  function siteInfo(req: IncomingMessage, origin: string): SiteInfo {
    const theme = cookies(req).get(colorModeCookie);
    return {
      user: sessionUser(req) ?? null,
      users: backend.users(),
      colorMode: theme === 'dark' ? 'dark' : 'light',
      cloudId: backend.ids.cloudId,
      siteUrl: origin,
      appId: backend.ids.appId,
      environmentId: backend.ids.environmentId,
      environmentType: backend.ids.environmentType,
      licensing: backend.licensing,
      modules: backend.ui.modules.map((module) => ({
        kind: module.kind,
        key: module.key,
        title: module.title,
        ...(module.description === undefined ? {} : { description: module.description }),
        resources: module.resources,
        uiKit: module.uiKit,
        nativeEntryPoints: module.nativeEntryPoints,
        hasResolver: module.resolverFunction !== undefined,
        properties: module.properties,
      })),
    };
  }

  function dashboardModules(): string[] {
    return backend.ui.modules.filter((module) => module.kind === 'jira:dashboardGadget').map((module) => module.key);
  }

  async function serveApi(req: IncomingMessage, res: ServerResponse, url: URL, origin: string): Promise<void> {
    const method = req.method ?? 'GET';
    const path = url.pathname;
    if (path.startsWith('/__web/assets/')) {
      const file = (await assets).files.get(path);
      if (file === undefined) return sendText(res, 404, `No asset ${path}`);
      res.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.contents.length), 'cache-control': 'public, max-age=31536000, immutable' });
      res.end(method === 'HEAD' ? undefined : Buffer.from(file.contents));
      return;
    }
    if (path === '/__web/theme.css') {
      const css = await themeCss;
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'content-length': String(Buffer.byteLength(css)), 'cache-control': 'public, max-age=3600' });
      res.end(method === 'HEAD' ? undefined : css);
      return;
    }
    if (path === '/__web/session' && method === 'GET') return sendJson(res, 200, siteInfo(req, origin));
    if (path === '/__web/log' && method === 'POST') {
      const parsed = logRequest.safeParse(await jsonBody(req));
      if (!parsed.success) return sendJson(res, 400, { errorMessages: [z.prettifyError(parsed.error)], errors: {} });
      backend.log(`[browser ${parsed.data.level}] ${parsed.data.message}`);
      res.writeHead(204);
      res.end();
      return;
    }
    const user = sessionUser(req);
    if (user === undefined) return sendJson(res, 401, { errorMessages: ['Sign in to the local site first.'], errors: {} });
    if (path === '/__web/invoke' && method === 'POST') {
      const parsed = invokeRequest.safeParse(await jsonBody(req));
      if (!parsed.success) return sendJson(res, 400, { errorMessages: [z.prettifyError(parsed.error)], errors: {} });
      return sendJson(res, 200, await backend.invoke({ ...parsed.data, accountId: user.accountId }));
    }
    if (path === '/__web/outbox' && method === 'GET') {
      const since = Number(url.searchParams.get('since') ?? '0');
      const all = backend.outbox(Number.isFinite(since) ? since : 0);
      // The outbox carries credentials (PagerDuty routing keys): everything, unmasked, is for site administrators.
      const admin = await backend.isAdmin(user.accountId);
      if (url.searchParams.get('scope') === 'all') {
        if (!admin) return sendJson(res, 403, { errorMessages: ['Only site administrators can read everything the site sent.'], errors: {} });
        return sendJson(res, 200, { entries: all });
      }
      const mine = all.filter((entry) => isAddressedTo(entry, user));
      return sendJson(res, 200, { entries: admin ? mine : mine.map(withoutSecrets) });
    }
    if (path === '/__web/field-help' && method === 'GET') {
      return sendJson(res, 200, { help: await backend.fieldHelp(url.searchParams.get('projectKey') ?? '', url.searchParams.get('issueTypeId') ?? '') });
    }
    if (path === '/__web/dashboards' && method === 'GET') return sendJson(res, 200, { dashboards: backend.dashboards.dashboards(), defaultDashboardId });
    const dashboardMatch = dashboardPath.exec(path);
    if (dashboardMatch !== null && method === 'GET') {
      const dashboard = backend.dashboards.dashboard(dashboardMatch[1] ?? '', dashboardModules());
      if (dashboard === undefined) return sendJson(res, 404, { errorMessages: [`The dashboard ${dashboardMatch[1] ?? ''} does not exist.`], errors: {} });
      return sendJson(res, 200, { ...dashboard, editable: await backend.mayEditDashboard(user.accountId, dashboard.id) });
    }
    const gadgetMatch = gadgetPath.exec(path);
    if (gadgetMatch !== null && method === 'PUT') {
      if (!(await backend.mayEditDashboard(user.accountId, gadgetMatch[1] ?? ''))) {
        return sendJson(res, 403, { errorMessages: ['You do not have permission to edit this dashboard, so you cannot configure its gadgets.'], errors: {} });
      }
      const parsed = z.record(z.string(), z.unknown()).safeParse(await jsonBody(req));
      if (!parsed.success) return sendJson(res, 400, { errorMessages: ['A gadget configuration must be a JSON object.'], errors: {} });
      try {
        return sendJson(res, 200, backend.dashboards.configure(gadgetMatch[1] ?? '', gadgetMatch[2] ?? '', parsed.data));
      } catch (error) {
        if (error instanceof UnknownGadgetError) return sendJson(res, 404, { errorMessages: [error.message], errors: {} });
        throw error;
      }
    }
    if (path === '/__web/workflows' || postFunctionsPath.test(path)) {
      if (!(await backend.isAdmin(user.accountId))) return sendJson(res, 403, { errorMessages: ['Only Jira administrators can change workflows.'], errors: {} });
      if (path === '/__web/workflows' && method === 'GET') return sendJson(res, 200, { workflows: backend.workflows.list() });
      const match = postFunctionsPath.exec(path);
      if (match !== null && method === 'PUT') {
        const parsed = postFunctionRules.safeParse(await jsonBody(req));
        if (!parsed.success) return sendJson(res, 400, { errorMessages: [z.prettifyError(parsed.error)], errors: {} });
        try {
          return sendJson(res, 200, backend.workflows.setPostFunctions(decodeURIComponent(match[1] ?? ''), decodeURIComponent(match[2] ?? ''), parsed.data.postFunctions));
        } catch (error) {
          if (error instanceof WorkflowNotFoundError) return sendJson(res, 404, { errorMessages: [error.message], errors: {} });
          if (error instanceof UnknownPostFunctionError) return sendJson(res, 400, { errorMessages: [error.message], errors: {} });
          throw error;
        }
      }
    }
    sendJson(res, 404, { errorMessages: [`Nothing is served at ${method} ${path}`], errors: {} });
  }

  async function serveResource(req: IncomingMessage, res: ServerResponse, url: URL, origin: string): Promise<void> {
    const [, , encodedKey = '', ...rest] = url.pathname.split('/');
    const resourceKey = decodeURIComponent(encodedKey);
    const folder = backend.ui.resourceFolders.get(resourceKey);
    if (folder === undefined) return sendText(res, 404, `The manifest declares no resource "${resourceKey}"`);
    if (rest.length === 0) return redirect(res, resourceBasePath(resourceKey) + url.search);
    const csp = contentSecurityPolicy(resourcePermissions, origin, resourceBasePath(resourceKey));
    const uiKitEntry = backend.ui.uiKitEntries.get(resourceKey);
    if (uiKitEntry !== undefined) return serveUiKitResource(req, res, uiKitEntry, rest.join('/'), csp);
    const file = readResourceFile({
      resourceKey,
      folder,
      relativePath: rest.map(decodeURIComponent).join('/'),
      frameScriptUrl: (await assets).frameScript,
      csp,
    });
    sendResourceFile(res, file, req.method === 'HEAD');
  }

  /** A UI Kit resource is its frame page and the bundle of its entry file, made here as Forge makes it at deploy. */
  async function serveUiKitResource(req: IncomingMessage, res: ServerResponse, entry: string, relativePath: string, csp: string): Promise<void> {
    const headOnly = req.method === 'HEAD';
    const headers = { 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
    if (relativePath === '' || relativePath === 'index.html') {
      const body = uiKitPage((await assets).frameScript);
      return sendResourceFile(res, { status: 200, headers: { ...headers, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp }, body }, headOnly);
    }
    if (relativePath !== 'main.js') return sendText(res, 404, `A UI Kit resource serves only its page and main.js, not ${relativePath}`);
    try {
      const js = await uiKitBundles.script(entry);
      sendResourceFile(res, { status: 200, headers: { ...headers, 'content-type': 'text/javascript; charset=utf-8' }, body: Buffer.from(js) }, headOnly);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      backend.log(message);
      sendText(res, 500, message);
    }
  }

  async function serveAvatar(res: ServerResponse, url: URL, kind: 'user' | 'project'): Promise<void> {
    const id = url.searchParams.get('id') ?? '';
    const size = Number(url.searchParams.get('size') ?? '48');
    const name = (await backend.displayNameOf(kind, id)) ?? id;
    const svg = avatarSvg({ id, name, size: Number.isFinite(size) ? size : 48, shape: kind === 'user' ? 'circle' : 'square' });
    res.writeHead(200, { 'content-type': 'image/svg+xml', 'content-length': String(Buffer.byteLength(svg)), 'cache-control': 'public, max-age=3600' });
    res.end(svg);
  }

  return async (req, res, url) => {
    const method = req.method ?? 'GET';
    const host = req.headers.host ?? url.host;
    const origin = `http://${host}`;
    if (url.pathname.startsWith('/__web/')) {
      await serveApi(req, res, url, origin);
      return true;
    }
    if (url.pathname.startsWith('/forge/')) {
      await serveResource(req, res, url, origin);
      return true;
    }
    if (url.pathname === '/secure/useravatar' || url.pathname === '/secure/projectavatar') {
      await serveAvatar(res, url, url.pathname === '/secure/useravatar' ? 'user' : 'project');
      return true;
    }
    const icon = iconPath.exec(url.pathname);
    if (icon !== null) {
      const svg = jiraIconSvg(icon[1] === 'priorities' ? 'priorities' : 'issuetypes', icon[2] ?? '');
      res.writeHead(200, { 'content-type': 'image/svg+xml', 'content-length': String(Buffer.byteLength(svg)), 'cache-control': 'public, max-age=3600' });
      res.end(svg);
      return true;
    }
    if ((method !== 'GET' && method !== 'HEAD') || reservedPrefixes.some((prefix) => url.pathname.startsWith(prefix)) || !wantsHtml(req)) return false;

    if (url.pathname === '/logout') {
      redirect(res, '/login', { 'set-cookie': cookieHeader(sessionCookie, '', 0) });
      return true;
    }
    const as = url.searchParams.get('as');
    if (as !== null) {
      const user = backend.userByEmail(as.trim());
      url.searchParams.delete('as');
      const target = (url.pathname === '/login' ? url.searchParams.get('next') ?? '/' : url.pathname + (url.searchParams.size > 0 ? `?${url.searchParams.toString()}` : '')) + url.hash;
      if (user === undefined) {
        redirect(res, `/login?unknown=${encodeURIComponent(as)}&next=${encodeURIComponent(target)}`);
        return true;
      }
      redirect(res, target.startsWith('/') && !target.startsWith('//') ? target : '/', { 'set-cookie': cookieHeader(sessionCookie, user.emailAddress, 60 * 60 * 24 * 30) });
      return true;
    }
    if (url.pathname === '/') {
      redirect(res, '/jira/dashboards');
      return true;
    }
    sendHtml(res, 200, shellHtml(siteInfo(req, origin), await assets));
    return true;
  };
}
