/**
 * Routes a REST call to the operation that implements it, after the contract has judged it:
 * unknown or unimplemented operations answer 501, removed ones 410, bad requests 400.
 */
import type { OperationDefinition, OperationHandler } from './context';
import { JiraHttpError, unauthorized } from './errors';
import type { OpenApiContract } from './openapi-validator';
import type { Actor } from './types';

export interface RoutedRequest {
  handler: OperationHandler;
  template: string;
  pathParams: Record<string, string>;
  query: Record<string, unknown>;
}

/** Endpoints Jira Cloud has withdrawn, with the answer Jira now gives. */
const removed: Record<string, string> = {
  '/rest/api/3/search':
    'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046',
  '/rest/api/2/search':
    'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046',
};

export class JiraRouter {
  private readonly operations = new Map<string, OperationDefinition>();

  constructor(
    private readonly contract: OpenApiContract,
    definitions: OperationDefinition[],
  ) {
    for (const definition of definitions) {
      const match = contract.match(definition.method, definition.template.replace(/\{[^}]+\}/g, 'x'));
      if (match.kind !== 'operation' || match.template !== definition.template) {
        throw new Error(`${definition.method} ${definition.template} is not an operation of the Jira REST contract`);
      }
      this.operations.set(`${definition.method} ${definition.template}`, definition);
    }
  }

  /** Every implemented operation, as `METHOD template`. */
  implemented(): string[] {
    return [...this.operations.keys()].sort();
  }

  /** Finds and validates the operation; throws the Jira error answer when there is none or the request is bad. */
  route(method: string, url: URL, body: unknown, actor: Actor): RoutedRequest {
    const upper = method.toUpperCase();
    const pathname = url.pathname.replace(/\/+$/, '') || '/';
    const gone = removed[pathname];
    if (gone !== undefined && (upper === 'GET' || upper === 'POST')) throw new JiraHttpError(410, [gone]);
    const match = this.contract.match(upper, pathname);
    if (match.kind === 'unknown') throw new JiraHttpError(501, [`Not implemented on the local site: ${upper} ${pathname}`]);
    if (match.kind === 'method-not-allowed') {
      throw new JiraHttpError(405, [`Method ${upper} is not allowed for ${pathname}; it supports ${match.allowed.join(', ')}.`], {}, { allow: match.allowed.join(', ') });
    }
    const definition = this.operations.get(`${upper} ${match.template}`);
    if (!definition) throw new JiraHttpError(501, [`Not implemented on the local site: ${upper} ${match.template}`]);
    if (actor.kind === 'anonymous' && !definition.anonymous) throw unauthorized();
    const { query } = this.contract.validateRequest(upper, match.template, match.pathParams, url.searchParams, body);
    return { handler: definition.handler, template: match.template, pathParams: match.pathParams, query };
  }
}
