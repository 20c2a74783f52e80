/** `GET|POST /issue/{issueIdOrKey}/comment` and `GET|PUT|DELETE /issue/{issueIdOrKey}/comment/{id}`. */
import { adfProblem } from '../adf';
import {
  created,
  expandSet,
  isRecord,
  noContent,
  ok,
  pathParam,
  queryNumber,
  queryString,
  type OperationDefinition,
  type OperationRequest,
  type Toolkit,
} from '../context';
import { fieldErrors, JiraHttpError, notFound } from '../errors';
import { commitIssueChanges } from '../issues/field-changes';
import { visibleIssue } from '../issues/issue-access';
import { visibilityShape, type CommentRecord, type IssueRecord, type Visibility } from '../store/model';

export function commentOperations(kit: Toolkit): OperationDefinition[] {
  const { services, renderer, events } = kit;
  const { permissions, store } = services;

  const parseBody = (body: unknown): { body: unknown; visibility: Visibility | null | undefined } => {
    const record = isRecord(body) ? body : {};
    const problem = adfProblem(record['body']);
    if (problem !== undefined) throw fieldErrors({ comment: problem });
    if (record['visibility'] === undefined) return { body: record['body'], visibility: undefined };
    if (record['visibility'] === null) return { body: record['body'], visibility: null };
    const visibility = visibilityShape.safeParse(record['visibility']);
    if (!visibility.success || (visibility.data.value === undefined && !visibility.data.identifier)) throw fieldErrors({ commentLevel: 'The comment visibility is invalid.' });
    return { body: record['body'], visibility: visibility.data };
  };

  const visibleComment = (request: OperationRequest, issue: IssueRecord): CommentRecord => {
    const comment = store.comments.find(pathParam(request, 'id'));
    if (!comment || comment.issueId !== issue.id || !renderer.canSeeComment(issue, comment, request.actor)) {
      throw notFound(`Can not find a comment for key: ${pathParam(request, 'id')}.`);
    }
    return comment;
  };

  const mayChange = (request: OperationRequest, issue: IssueRecord, comment: CommentRecord, own: 'EDIT_OWN_COMMENTS' | 'DELETE_OWN_COMMENTS', all: 'EDIT_ALL_COMMENTS' | 'DELETE_ALL_COMMENTS'): boolean =>
    permissions.has(request.actor, issue.projectId, all) || (comment.author === request.actorAccountId && permissions.has(request.actor, issue.projectId, own));

  const getComments = (request: OperationRequest) => {
    const issue = visibleIssue(services, request.actor, pathParam(request, 'issueIdOrKey'));
    const expand = expandSet(queryString(request, 'expand'));
    const startAt = queryNumber(request, 'startAt', 0);
    const maxResults = Math.min(queryNumber(request, 'maxResults', 100), 5000);
    const comments = renderer.visibleComments(issue, request.actor);
    if (queryString(request, 'orderBy') === '-created') comments.reverse();
    return ok({
      startAt,
      maxResults,
      total: comments.length,
      comments: comments.slice(startAt, startAt + maxResults).map((comment) => renderer.comment(issue, comment, expand)),
    });
  };

  const addComment = (request: OperationRequest) => {
    const issue = visibleIssue(services, request.actor, pathParam(request, 'issueIdOrKey'));
    if (!permissions.has(request.actor, issue.projectId, 'ADD_COMMENTS')) throw new JiraHttpError(400, ['You do not have permission to comment on this issue.']);
    const parsed = parseBody(request.body);
    const result = commitIssueChanges(services, events, request, issue, [], new Map(), { comment: { body: parsed.body, visibility: parsed.visibility ?? null } });
    if (!result.comment) throw new Error('The comment was not stored');
    return created(renderer.comment(issue, result.comment, expandSet(queryString(request, 'expand'))));
  };

  const getComment = (request: OperationRequest) => {
    const issue = visibleIssue(services, request.actor, pathParam(request, 'issueIdOrKey'));
    return ok(renderer.comment(issue, visibleComment(request, issue), expandSet(queryString(request, 'expand'))));
  };

  const updateComment = (request: OperationRequest) => {
    const issue = visibleIssue(services, request.actor, pathParam(request, 'issueIdOrKey'));
    const comment = visibleComment(request, issue);
    if (!mayChange(request, issue, comment, 'EDIT_OWN_COMMENTS', 'EDIT_ALL_COMMENTS')) throw new JiraHttpError(400, ['You do not have the permission to edit this comment.']);
    const parsed = parseBody(request.body);
    const updated: CommentRecord = {
      ...comment,
      body: parsed.body,
      visibility: parsed.visibility === undefined ? comment.visibility : parsed.visibility,
      updateAuthor: request.actorAccountId,
      updated: services.now(),
    };
    store.comments.update(updated);
    return ok(renderer.comment(issue, updated, expandSet(queryString(request, 'expand'))));
  };

  const deleteComment = (request: OperationRequest) => {
    const issue = visibleIssue(services, request.actor, pathParam(request, 'issueIdOrKey'));
    const comment = visibleComment(request, issue);
    if (!mayChange(request, issue, comment, 'DELETE_OWN_COMMENTS', 'DELETE_ALL_COMMENTS')) throw new JiraHttpError(400, ['You do not have the permission to delete this comment.']);
    store.comments.delete(comment.id);
    return noContent();
  };

  return [
    { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/comment', handler: getComments },
    { method: 'POST', template: '/rest/api/3/issue/{issueIdOrKey}/comment', handler: addComment },
    { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/comment/{id}', handler: getComment },
    { method: 'PUT', template: '/rest/api/3/issue/{issueIdOrKey}/comment/{id}', handler: updateComment },
    { method: 'DELETE', template: '/rest/api/3/issue/{issueIdOrKey}/comment/{id}', handler: deleteComment },
  ];
}
