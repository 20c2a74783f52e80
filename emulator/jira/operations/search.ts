/** `GET|POST /search/jql` (token-paged JQL search) and `POST /search/approximate-count`. */
import { createHash } from 'node:crypto';
import { expandSet, isRecord, ok, queryList, queryNumber, queryString, type OperationDefinition, type OperationRequest, type Toolkit } from '../context';
import { JiraHttpError } from '../errors';
import { parseFieldSelection } from '../issues/issue-renderer';
import { compileJql } from '../jql/evaluate-jql';
import { indexPlan } from '../jql/index-plan';
import { parseJql } from '../jql/parse-jql';
import type { IssueRecord } from '../store/model';

interface SearchInput {
  jql: string;
  nextPageToken?: string;
  maxResults: number;
  fields?: string[];
  expand: Set<string>;
}

const idOnlyFields = new Set(['id', 'key']);

export function searchOperations(kit: Toolkit): OperationDefinition[] {
  const { services, renderer } = kit;
  const { store, permissions } = services;

  /**
   * The issues the query matches, in its order; with `enough`, only the first `enough` of them when
   * the order is an indexed column's, so a page is read without loading every visible issue.
   */
  const findIssues = (request: OperationRequest, jql: string, enough?: number): IssueRecord[] => {
    const query = parseJql(jql);
    const env = { services, renderer, actor: request.actor, actorAccountId: request.actorAccountId, now: services.now() };
    const compiled = compileJql(query, env);
    const plan = indexPlan(query, env);
    const visible = store.projects.projects().filter((project) => permissions.canBrowse(request.actor, project.id));
    const matching: IssueRecord[] = [];
    const streamed = enough !== undefined && plan.order !== undefined;
    store.issues.scan(visible.map((project) => project.id), plan, streamed ? plan.order : undefined, (issue) => {
      if (compiled.matches(issue)) matching.push(issue);
      return !streamed || matching.length < enough;
    });
    return streamed ? matching : matching.sort((a, b) => compiled.compare(a, b));
  };

  const search = (request: OperationRequest, input: SearchInput) => {
    const offset = input.nextPageToken === undefined ? 0 : decodeToken(input.nextPageToken, input.jql);
    const fields = input.fields && input.fields.length > 0 ? input.fields : ['id'];
    const limit = fields.every((field) => idOnlyFields.has(field)) ? 5000 : 100;
    const maxResults = Math.max(1, Math.min(input.maxResults, limit));
    // One issue past the page tells whether it is the last.
    const matching = findIssues(request, input.jql, offset + maxResults + 1);
    const pageOfIssues = matching.slice(offset, offset + maxResults);
    const isLast = offset + pageOfIssues.length >= matching.length;
    const selection = parseFieldSelection(fields, 'id');
    const issueExpand = new Set([...input.expand].filter((entry) => entry !== 'names' && entry !== 'schema'));
    const body: Record<string, unknown> = {
      issues: pageOfIssues.map((issue) => renderer.issue(issue, request.actor, selection, issueExpand)),
      isLast,
    };
    if (!isLast) body['nextPageToken'] = encodeToken(offset + pageOfIssues.length, input.jql);
    const described = new Map(pageOfIssues.flatMap((issue) => renderer.selectedFields(issue, selection)).map((field) => [field.id, field]));
    if (input.expand.has('names')) body['names'] = Object.fromEntries([...described.values()].map((field) => [field.id, field.name]));
    if (input.expand.has('schema')) body['schema'] = Object.fromEntries([...described.values()].flatMap((field) => (field.schema ? [[field.id, field.schema]] : [])));
    return ok(body);
  };

  const searchGet = (request: OperationRequest) => {
    const token = queryString(request, 'nextPageToken');
    const fields = queryList(request, 'fields');
    return search(request, {
      jql: queryString(request, 'jql') ?? '',
      ...(token === undefined ? {} : { nextPageToken: token }),
      maxResults: queryNumber(request, 'maxResults', 50),
      ...(fields === undefined ? {} : { fields }),
      expand: expandSet(queryString(request, 'expand')),
    });
  };

  const searchPost = (request: OperationRequest) => {
    const body = isRecord(request.body) ? request.body : {};
    const fields = Array.isArray(body['fields']) ? body['fields'].map(String).flatMap((field) => field.split(',')).map((field) => field.trim()) : undefined;
    return search(request, {
      jql: typeof body['jql'] === 'string' ? body['jql'] : '',
      ...(typeof body['nextPageToken'] === 'string' ? { nextPageToken: body['nextPageToken'] } : {}),
      maxResults: typeof body['maxResults'] === 'number' ? body['maxResults'] : 50,
      ...(fields === undefined ? {} : { fields }),
      expand: expandSet(typeof body['expand'] === 'string' ? body['expand'] : undefined),
    });
  };

  const approximateCount = (request: OperationRequest) => {
    const body = isRecord(request.body) ? request.body : {};
    return ok({ count: findIssues(request, typeof body['jql'] === 'string' ? body['jql'] : '').length });
  };

  return [
    { method: 'GET', template: '/rest/api/3/search/jql', handler: searchGet },
    { method: 'POST', template: '/rest/api/3/search/jql', handler: searchPost },
    { method: 'POST', template: '/rest/api/3/search/approximate-count', handler: approximateCount },
  ];
}

function fingerprint(jql: string): string {
  return createHash('sha256').update(jql).digest('base64url').slice(0, 12);
}

/** Page tokens are opaque to clients; here they carry the next offset and which query they belong to. */
function encodeToken(offset: number, jql: string): string {
  return Buffer.from(JSON.stringify({ o: offset, q: fingerprint(jql) })).toString('base64url');
}

function decodeToken(token: string, jql: string): number {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (isRecord(decoded) && typeof decoded['o'] === 'number' && Number.isInteger(decoded['o']) && decoded['o'] >= 0 && decoded['q'] === fingerprint(jql)) return decoded['o'];
  } catch {
    // Falls through to Jira's answer for a token it did not issue.
  }
  throw new JiraHttpError(400, ['The provided next page token is invalid or does not match the query.']);
}
