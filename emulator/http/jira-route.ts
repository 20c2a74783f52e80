/**
 * `/rest/*`: the Jira REST API for browsers and scripts. The caller is the user of HTTP Basic auth
 * (`<email>:local`) or, for the browser UI, of the `local_as=<email>` session cookie.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { scopeMismatchBody, type JiraScopeCheck } from '../forge/jira-scopes';
import type { Actor, JiraEmulator, JiraResponse } from '../jira/index';
import { decodeBody, readBody } from './body';
import { flatHeaders, sendJson } from './respond';
import type { RouteHandler } from './route-handler';

export const sessionCookieName = 'local_as';

/** Set by the UI host on the app's `requestJira` (see bridge-commands.ts): those calls carry the app's scopes. */
const appRequestHeader = 'x-local-site-app-request';

export function createJiraRoute(jira: JiraEmulator, appScopes?: JiraScopeCheck): RouteHandler {
  return async (req, res, url) => {
    if (!url.pathname.startsWith('/rest/')) return false;
    const actor = actorOf(jira, req);
    if (actor === undefined) {
      sendJson(res, 401, { errorMessages: ['You are not authenticated. Authentication required to perform this operation.'], errors: {} }, {
        'www-authenticate': 'Basic realm="local site"',
      });
      return true;
    }
    const headers = flatHeaders(req.headers);
    if (appScopes !== undefined && headers[appRequestHeader] !== undefined && appScopes.decide(req.method ?? 'GET', url.pathname).kind === 'refused') {
      sendJson(res, 401, scopeMismatchBody);
      return true;
    }
    const body = decodeBody(headers['content-type'], await readBody(req));
    const response = await jira.handle({ method: req.method ?? 'GET', path: url.pathname + url.search, headers, body, actor });
    writeJiraResponse(res, response);
    return true;
  };
}

function actorOf(jira: JiraEmulator, req: IncomingMessage): Actor | undefined {
  const authorization = req.headers.authorization;
  const cookieEmail = authorization === undefined ? sessionEmail(req.headers.cookie) : undefined;
  if (cookieEmail !== undefined) {
    const user = jira.userByEmail(cookieEmail);
    return user === undefined ? undefined : { kind: 'user', accountId: user.accountId };
  }
  return jira.authenticate(authorization);
}

/** The email in the `local_as` cookie, if the browser UI set one. */
export function sessionEmail(cookieHeader: string | undefined): string | undefined {
  if (cookieHeader === undefined) return undefined;
  for (const part of cookieHeader.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === sessionCookieName && rest.length > 0) {
      const value = decodeURIComponent(rest.join('='));
      return value === '' ? undefined : value;
    }
  }
  return undefined;
}

/** Writes a Jira emulator answer: JSON unless the emulator already chose another content type. */
export function writeJiraResponse(res: ServerResponse, response: JiraResponse): void {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) headers[name.toLowerCase()] = value;
  if (response.body === undefined || response.status === 204) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  const isJson = headers['content-type'] === undefined || headers['content-type'].includes('json');
  const text = typeof response.body === 'string' && !isJson ? response.body : JSON.stringify(response.body);
  if (headers['content-type'] === undefined) headers['content-type'] = 'application/json;charset=UTF-8';
  res.writeHead(response.status, headers);
  res.end(text);
}
