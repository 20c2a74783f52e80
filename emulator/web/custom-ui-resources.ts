/**
 * Serves each Custom UI resource folder (`static/<surface>/build`) at `/forge/<resource-key>/`, the
 * way Forge's CDN serves it to a Jira page: the app's own files, unchanged, except that the HTML page
 * gets the bridge script before anything else, and every page carries a content security policy
 * built from the manifest's `permissions`. The policy keeps the app's only way to the site through
 * `@forge/bridge`, as on Forge.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { z } from 'zod';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const address = z.union([z.string(), z.looseObject({ address: z.string() })]);
const addresses = z.array(address).optional();

/** The parts of manifest.yml `permissions` that shape a Custom UI page's content security policy. */
export const contentPermissions = z.looseObject({
  content: z.looseObject({ scripts: z.array(z.string()).optional(), styles: z.array(z.string()).optional() }).optional(),
  external: z
    .looseObject({
      fetch: z.looseObject({ client: addresses }).optional(),
      images: addresses,
      fonts: addresses,
      styles: addresses,
      scripts: addresses,
      frames: addresses,
      media: addresses,
    })
    .optional(),
});
export type ContentPermissions = z.infer<typeof contentPermissions>;

function hosts(list: z.infer<typeof addresses>): string[] {
  return (list ?? []).map((entry) => (typeof entry === 'string' ? entry : entry.address));
}

/**
 * The policy for one resource's pages. Connections may go only to the resource's own folder and
 * the declared client fetch hosts: the site's REST API must be reached through the bridge.
 */
export function contentSecurityPolicy(permissions: ContentPermissions, origin: string, resourceBase: string): string {
  const unsafe = (list: string[] | undefined): string[] => (list ?? []).filter((value) => value === 'unsafe-inline' || value === 'unsafe-eval').map((value) => `'${value}'`);
  const external = permissions.external ?? {};
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...unsafe(permissions.content?.scripts), ...hosts(external.scripts)]],
    ['style-src', ["'self'", ...unsafe(permissions.content?.styles), ...hosts(external.styles)]],
    ['img-src', ["'self'", 'data:', 'blob:', ...hosts(external.images)]],
    ['font-src', ["'self'", 'data:', ...hosts(external.fonts)]],
    ['media-src', ["'self'", 'blob:', ...hosts(external.media)]],
    ['frame-src', ["'self'", ...hosts(external.frames)]],
    ['connect-src', [origin + resourceBase, ...hosts(external.fetch?.client)]],
    ['frame-ancestors', ["'self'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

/** Puts the bridge script first in `<head>`, so `window.__bridge` exists before any app code runs. */
export function injectBridgeScript(html: string, scriptUrl: string): string {
  const tag = `<script src="${scriptUrl}"></script>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head !== null) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  const htmlTag = /<html(\s[^>]*)?>/i.exec(html);
  if (htmlTag !== null) return html.slice(0, htmlTag.index + htmlTag[0].length) + `<head>${tag}</head>` + html.slice(htmlTag.index + htmlTag[0].length);
  return tag + html;
}

export interface ResourceFile {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

function notBuilt(resourceKey: string, folder: string): ResourceFile {
  const message = `The Custom UI resource "${resourceKey}" has no built page at ${folder}/index.html. Run "npm run build:ui" and reload.`;
  return {
    status: 404,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    body: `<!doctype html><meta charset="utf-8"><title>Not built</title><p style="font:14px system-ui;margin:16px">${message}</p>`,
  };
}

/**
 * Reads `relativePath` (as in the URL after `/forge/<key>/`) from the resource folder. Paths that
 * climb out of the folder are refused; the folder's `index.html` gets the bridge script.
 */
export function readResourceFile(options: {
  resourceKey: string;
  folder: string;
  relativePath: string;
  frameScriptUrl: string;
  csp: string;
}): ResourceFile {
  const { resourceKey, folder, frameScriptUrl, csp } = options;
  const relative = options.relativePath === '' ? 'index.html' : options.relativePath;
  const target = normalize(join(folder, relative));
  if (target !== folder && !target.startsWith(folder + sep)) {
    return { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Path leaves the resource folder' };
  }
  const isPage = extname(target) === '.html';
  if (!existsSync(target) || !statSync(target).isFile()) {
    if (relative === 'index.html') return notBuilt(resourceKey, folder);
    return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `No file ${relative} in resource ${resourceKey}` };
  }
  // Builds change while the site runs (npm run build:ui in another terminal): never cache.
  const headers: Record<string, string> = {
    'content-type': contentTypes[extname(target).toLowerCase()] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  };
  if (isPage) {
    headers['content-security-policy'] = csp;
    return { status: 200, headers, body: injectBridgeScript(readFileSync(target, 'utf8'), frameScriptUrl) };
  }
  return { status: 200, headers, body: readFileSync(target) };
}

export function sendResourceFile(res: ServerResponse, file: ResourceFile, headOnly: boolean): void {
  const body = typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : file.body;
  res.writeHead(file.status, { ...file.headers, 'content-length': String(body.length) });
  res.end(headOnly ? undefined : body);
}
