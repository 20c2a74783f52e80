/** `/x/<webtrigger-key>[/…]`: runs the manifest's web trigger and writes the response it returns. */
import type { ForgePlatform } from '../forge/platform';
import { webTriggerRequest } from '../forge/webtrigger';
import { readBody } from './body';
import { sendJson } from './respond';
import type { RouteHandler } from './route-handler';

export function createWebTriggerRoute(forge: ForgePlatform, webTriggerKeys: readonly string[]): RouteHandler {
  return async (req, res, url) => {
    const match = /^\/x\/([^/]+)(\/.*)?$/.exec(url.pathname);
    if (!match?.[1]) return false;
    const key = decodeURIComponent(match[1]);
    if (!webTriggerKeys.includes(key)) {
      sendJson(res, 404, { message: `No web trigger "${key}" in manifest.yml` });
      return true;
    }
    const body = (await readBody(req)).toString('utf8');
    const response = await forge.invokeWebTrigger(key, webTriggerRequest(req.method ?? 'GET', url, req.headers, body));
    const headers: Record<string, string[]> = { ...(response.headers ?? {}) };
    res.writeHead(response.statusCode, headers);
    res.end(response.body ?? '');
    return true;
  };
}
