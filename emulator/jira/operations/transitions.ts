/** `GET|POST /issue/{issueIdOrKey}/transitions` and `PUT /issue/{issueIdOrKey}/assignee`. */
import { expandSet, isRecord, noContent, ok, pathParam, queryString, type OperationDefinition, type OperationRequest, type Toolkit } from '../context';
import { fieldErrors, JiraHttpError } from '../errors';
import { changeItems, commitIssueChanges, planFieldChanges } from '../issues/field-changes';
import { requirePermission, visibleIssue } from '../issues/issue-access';
import { availableTransitions, issueTypeIdOf, issueWorkflow, statusById, statusIdOf } from '../issues/workflow-state';

export function transitionOperations(kit: Toolkit): OperationDefinition[] {
  const { services, renderer, events } = kit;
  const { permissions, store } = services;

  const getTransitions = (request: OperationRequest) => {
    const issue = visibleIssue(services, request.actor, pathParam(request, 'issueIdOrKey'));
    const withFields = expandSet(queryString(request, 'expand')).has('transitions.fields');
    const wanted = queryString(request, 'transitionId');
    const transitions = permissions.has(request.actor, issue.projectId, 'TRANSITION_ISSUES')
      ? availableTransitions(services, issue).filter((transition) => wanted === undefined || transition.id === wanted)
      : [];
    return ok({ expand: 'transitions', transitions: transitions.map((transition) => renderer.transition(issue, transition, withFields)) });
  };

  const doTransition = (request: OperationRequest) => {
    const issue = visibleIssue(services, request.actor, pathParam(request, 'issueIdOrKey'));
    const body = isRecord(request.body) ? request.body : {};
    const reference = isRecord(body['transition']) ? body['transition']['id'] : undefined;
    if (typeof reference !== 'string' || reference === '') throw new JiraHttpError(400, ["Missing 'transition' identifier"]);
    requirePermission(services, request.actor, issue, 'TRANSITION_ISSUES', 400, 'You do not have permission to transition this issue.');
    const transition = availableTransitions(services, issue).find((candidate) => candidate.id === reference);
    if (!transition) throw new JiraHttpError(400, [`Transition id '${reference}' is not valid for this issue.`]);

    const scope = { projectId: issue.projectId, issueTypeId: issueTypeIdOf(issue) };
    const plan = planFieldChanges(services, request.actor, issue.fields, scope, { fields: body['fields'], update: body['update'] }, 'transition', transition.screen);
    if (plan.comment && !permissions.has(request.actor, issue.projectId, 'ADD_COMMENTS')) throw fieldErrors({ comment: 'You do not have permission to comment on this issue.' });

    const now = services.now();
    const fromStatusId = statusIdOf(issue);
    const from = statusById(services, fromStatusId);
    const to = statusById(services, transition.to);
    const values = new Map(plan.values);
    if (!values.has('resolution')) {
      if (typeof transition.resolution === 'object') values.set('resolution', transition.resolution.set);
      else if (transition.resolution === 'clear') values.set('resolution', null);
    }
    if (values.has('resolution')) {
      const wasResolved = (issue.fields['resolution'] ?? null) !== null;
      const resolved = values.get('resolution') !== null;
      if (resolved && !wasResolved) values.set('resolutiondate', now);
      if (!resolved) values.set('resolutiondate', null);
    }
    values.set('status', transition.to);
    if (from.category !== to.category) values.set('statuscategorychangedate', now);

    const items = changeItems(services, issue.fields, values);
    const result = commitIssueChanges(services, events, request, issue, items, values, { comment: plan.comment });
    if (result.items.length === 0 && !result.comment) {
      // A looped transition changes nothing but still counts as activity on the issue.
      issue.updated = now;
      store.issues.save(issue);
    }
    const workflow = issueWorkflow(services, issue);
    for (const postFunction of transition.postFunctions) {
      request.emit(events.postFunction(issue, workflow, transition, fromStatusId, items, postFunction));
    }
    return noContent();
  };

  const assignIssue = (request: OperationRequest) => {
    const issue = visibleIssue(services, request.actor, pathParam(request, 'issueIdOrKey'));
    const body = isRecord(request.body) ? request.body : {};
    if (!('accountId' in body)) throw new JiraHttpError(400, ['accountId must be provided (null to unassign the issue).']);
    requirePermission(services, request.actor, issue, 'ASSIGN_ISSUES', 403, 'You do not have permission to assign issues.');
    const accountId = body['accountId'];
    let assignee: string | null = null;
    if (typeof accountId === 'string' && accountId !== '-1') {
      const user = store.users.byAccountId(accountId);
      if (!user) throw fieldErrors({ assignee: `The user with account ID '${accountId}' does not exist.` });
      if (!permissions.userHas(user.accountId, issue.projectId, 'ASSIGNABLE_USER')) throw fieldErrors({ assignee: `User '${user.displayName}' cannot be assigned issues.` });
      assignee = user.accountId;
    }
    const values = new Map<string, unknown>([['assignee', assignee]]);
    commitIssueChanges(services, events, request, issue, changeItems(services, issue.fields, values), values);
    return noContent();
  };

  return [
    { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/transitions', handler: getTransitions },
    { method: 'POST', template: '/rest/api/3/issue/{issueIdOrKey}/transitions', handler: doTransition },
    { method: 'PUT', template: '/rest/api/3/issue/{issueIdOrKey}/assignee', handler: assignIssue },
  ];
}
