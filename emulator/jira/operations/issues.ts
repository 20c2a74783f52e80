/** `POST /issue`, `GET|PUT|DELETE /issue/{issueIdOrKey}`. */
import {
  created,
  expandSet,
  isRecord,
  noContent,
  ok,
  pathParam,
  queryBoolean,
  queryList,
  queryString,
  type OperationDefinition,
  type OperationRequest,
  type Toolkit,
} from '../context';
import { fieldErrors, JiraHttpError } from '../errors';
import { defaultPriorityId } from '../jira-defaults';
import { changeItems, commitIssueChanges, planFieldChanges } from '../issues/field-changes';
import { requirePermission, visibleIssue } from '../issues/issue-access';
import { parseFieldSelection } from '../issues/issue-renderer';
import { issueTypeIdOf, workflowFor } from '../issues/workflow-state';
import type { IssueRecord, Project } from '../store/model';

export function issueOperations(kit: Toolkit): OperationDefinition[] {
  const { services, renderer, events } = kit;
  const { store, permissions } = services;

  const resolveProject = (value: unknown, request: OperationRequest): Project => {
    const reference = isRecord(value) ? (value['id'] ?? value['key']) : undefined;
    const project = typeof reference === 'string' ? store.projects.project(reference) : undefined;
    if (!project || !permissions.canBrowse(request.actor, project.id)) throw fieldErrors({ project: 'Specify a valid project ID or key' });
    return project;
  };

  const resolveIssueType = (value: unknown, project: Project): string => {
    if (!isRecord(value)) throw fieldErrors({ issuetype: 'Specify an issue type' });
    const ids = store.projects.projectIssueTypes(project.id).map((entry) => entry.issueTypeId);
    const match = ids.find((id) => id === value['id'] || store.projects.issueType(id)?.name === value['name']);
    if (match === undefined) throw fieldErrors({ issuetype: 'Specify a valid issue type' });
    return match;
  };

  // The field configuration's required fields must carry a value, with Jira's "<name> is required." per field.
  const requireConfiguredFields = (values: ReadonlyMap<string, unknown>, scope: { projectId: string; issueTypeId: string }): void => {
    const missing: Record<string, string> = {};
    for (const field of services.catalog.screenFields(scope.projectId, scope.issueTypeId)) {
      if (field.id === 'summary' || services.catalog.configurationItem(field.id, scope.projectId, scope.issueTypeId)?.required !== true) continue;
      if (!services.catalog.appliesTo(field, scope.projectId, scope.issueTypeId)) continue;
      const value = values.get(field.id);
      if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) missing[field.id] = `${field.name} is required.`;
    }
    if (Object.keys(missing).length > 0) throw fieldErrors(missing);
  };

  const createIssue = (request: OperationRequest) => {
    const body = isRecord(request.body) ? request.body : {};
    const fields = isRecord(body['fields']) ? { ...body['fields'] } : {};
    const project = resolveProject(fields['project'], request);
    const issueTypeId = resolveIssueType(fields['issuetype'], project);
    if (!permissions.has(request.actor, project.id, 'CREATE_ISSUES')) {
      throw fieldErrors({ project: 'You do not have permission to create issues in this project.' });
    }
    delete fields['project'];
    delete fields['issuetype'];
    if (fields['summary'] === undefined && !(isRecord(body['update']) && 'summary' in body['update'])) throw fieldErrors({ summary: 'You must specify a summary of the issue.' });
    const scope = { projectId: project.id, issueTypeId };
    const plan = planFieldChanges(services, request.actor, {}, scope, { fields, update: body['update'] }, 'create');
    requireConfiguredFields(plan.values, scope);
    const workflow = workflowFor(services, project.id, issueTypeId);
    const initial = services.store.projects.status(workflow.initialStatusId);
    const now = services.now();
    const num = store.projects.nextIssueNumber(project.id);
    const issue: IssueRecord = {
      id: store.issues.nextIssueId(),
      projectId: project.id,
      num,
      key: `${project.key}-${num}`,
      fields: {
        issuetype: issueTypeId,
        status: workflow.initialStatusId,
        statuscategorychangedate: now,
        priority: defaultPriorityId,
        resolution: null,
        resolutiondate: initial?.category === 'done' ? now : null,
        reporter: request.actorAccountId,
        creator: request.actorAccountId,
        assignee: null,
        labels: null,
        ...Object.fromEntries(plan.values),
      },
      created: now,
      updated: now,
    };
    store.issues.insert(issue);
    for (const watcher of new Set([issue.fields['reporter'], request.actor.kind === 'user' ? request.actor.accountId : undefined])) {
      if (typeof watcher === 'string') store.issues.addWatcher(issue.id, watcher);
    }
    request.emit(events.created(issue, request.actorAccountId));
    return created({ id: issue.id, key: issue.key, self: services.present.api(`/issue/${issue.id}`) });
  };

  const getIssue = (request: OperationRequest) => {
    const issue = visibleIssue(services, request.actor, pathParam(request, 'issueIdOrKey'));
    const selection = parseFieldSelection(queryList(request, 'fields'), '*all');
    return ok(renderer.issue(issue, request.actor, selection, expandSet(queryString(request, 'expand'))));
  };

  const editIssue = (request: OperationRequest) => {
    const issue = visibleIssue(services, request.actor, pathParam(request, 'issueIdOrKey'));
    requirePermission(services, request.actor, issue, 'EDIT_ISSUES', 400, 'You do not have permission to edit issues in this project.');
    const body = isRecord(request.body) ? request.body : {};
    if (body['transition'] !== undefined) throw new JiraHttpError(400, ['Transitions cannot be made through the edit issue operation; use POST /rest/api/3/issue/{issueIdOrKey}/transitions.']);
    const scope = { projectId: issue.projectId, issueTypeId: issueTypeIdOf(issue) };
    const plan = planFieldChanges(services, request.actor, issue.fields, scope, { fields: body['fields'], update: body['update'] }, 'edit');
    if (plan.comment && !permissions.has(request.actor, issue.projectId, 'ADD_COMMENTS')) throw fieldErrors({ comment: 'You do not have permission to comment on this issue.' });
    const items = changeItems(services, issue.fields, plan.values);
    commitIssueChanges(services, events, request, issue, items, plan.values, { comment: plan.comment });
    if (queryBoolean(request, 'returnIssue', false)) {
      return ok(renderer.issue(issue, request.actor, parseFieldSelection(undefined, '*all'), expandSet(queryString(request, 'expand'))));
    }
    return noContent();
  };

  const deleteIssue = (request: OperationRequest) => {
    const issue = visibleIssue(services, request.actor, pathParam(request, 'issueIdOrKey'));
    requirePermission(services, request.actor, issue, 'DELETE_ISSUES', 403, 'You do not have permission to delete issues in this project.');
    const eventIssue = events.deleted(issue, request.actorAccountId);
    store.issues.delete(issue.id);
    request.emit(eventIssue);
    return noContent();
  };

  return [
    { method: 'POST', template: '/rest/api/3/issue', handler: createIssue },
    { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}', handler: getIssue },
    { method: 'PUT', template: '/rest/api/3/issue/{issueIdOrKey}', handler: editIssue },
    { method: 'DELETE', template: '/rest/api/3/issue/{issueIdOrKey}', handler: deleteIssue },
  ];
}
