/** Projects, their issue types and statuses, and the create screen metadata (`createmeta`). */
import { expandSet, ok, pathParam, queryList, queryNumber, queryString, type OperationDefinition, type OperationRequest, type Toolkit } from '../context';
import { JiraHttpError, notFound } from '../errors';
import { workflowFor } from '../issues/workflow-state';
import type { Json } from '../presenter';
import type { Project } from '../store/model';
import { page } from './fields';

export function projectOperations(kit: Toolkit): OperationDefinition[] {
  const { services, renderer } = kit;
  const { store, permissions, present, catalog } = services;

  const visibleProjects = (request: OperationRequest): Project[] => store.projects.projects().filter((project) => permissions.canBrowse(request.actor, project.id));

  const visibleProject = (request: OperationRequest, idOrKey: string, status = 404): Project => {
    const project = store.projects.project(idOrKey);
    if (!project || !permissions.canBrowse(request.actor, project.id)) throw new JiraHttpError(status, [`No project could be found with key '${idOrKey}'.`]);
    return project;
  };

  const issueTypesOf = (project: Project): Json[] =>
    store.projects.projectIssueTypes(project.id).flatMap((entry) => {
      const issueType = store.projects.issueType(entry.issueTypeId);
      return issueType ? [present.issueType(issueType)] : [];
    });

  const projectJson = (request: OperationRequest, project: Project, expand: Set<string>, full: boolean): Json => {
    const json: Json = {
      expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
      self: present.api(`/project/${project.id}`),
      id: project.id,
      key: project.key,
      name: project.name,
      avatarUrls: present.avatarUrls('project', project.id),
      projectTypeKey: project.projectTypeKey,
      simplified: false,
      style: 'classic',
      isPrivate: false,
      properties: {},
    };
    if (full || expand.has('description')) json['description'] = project.description;
    if (full || expand.has('lead')) {
      const lead = store.users.byAccountId(project.leadAccountId);
      if (lead) json['lead'] = present.user(lead);
    }
    if (full || expand.has('issueTypes')) json['issueTypes'] = issueTypesOf(project);
    if (full) {
      json['assigneeType'] = 'UNASSIGNED';
      json['roles'] = Object.fromEntries(['Administrators', 'Members', 'Viewers'].map((role, index) => [role, present.api(`/project/${project.id}/role/${10002 + index}`)]));
    }
    if (expand.has('permissions')) json['permissions'] = { canEdit: permissions.has(request.actor, project.id, 'ADMINISTER_PROJECTS') };
    return json;
  };

  const getProjects = (request: OperationRequest) => {
    const expand = expandSet(queryString(request, 'expand'));
    return ok(visibleProjects(request).map((project) => projectJson(request, project, expand, false)));
  };

  const getProject = (request: OperationRequest) => {
    const project = visibleProject(request, pathParam(request, 'projectIdOrKey'));
    return ok(projectJson(request, project, expandSet(queryString(request, 'expand')), true));
  };

  const searchProjects = (request: OperationRequest) => {
    const expand = expandSet(queryString(request, 'expand'));
    const query = queryString(request, 'query')?.toLowerCase();
    const keys = queryList(request, 'keys');
    const ids = Array.isArray(request.query['id']) ? request.query['id'].map(String) : undefined;
    const action = queryString(request, 'action') ?? 'view';
    const projects = visibleProjects(request)
      .filter((project) => query === undefined || project.key.toLowerCase().includes(query) || project.name.toLowerCase().includes(query))
      .filter((project) => keys === undefined || keys.some((key) => key.toLowerCase() === project.key.toLowerCase()))
      .filter((project) => ids === undefined || ids.includes(project.id))
      .filter((project) => action !== 'create' || permissions.has(request.actor, project.id, 'CREATE_ISSUES'))
      .filter((project) => action !== 'edit' || permissions.has(request.actor, project.id, 'EDIT_ISSUES'));
    const orderBy = queryString(request, 'orderBy') ?? 'key';
    const descending = orderBy.startsWith('-');
    const sortKey = orderBy.replace(/^[+-]/, '') === 'name' ? 'name' : 'key';
    projects.sort((a, b) => a[sortKey].localeCompare(b[sortKey]) * (descending ? -1 : 1));
    const result = page(
      projects.map((project) => projectJson(request, project, expand, false)),
      queryNumber(request, 'startAt', 0),
      queryNumber(request, 'maxResults', 50),
    );
    return ok({ self: present.api('/project/search'), ...result });
  };

  const projectStatuses = (request: OperationRequest) => {
    const project = visibleProject(request, pathParam(request, 'projectIdOrKey'));
    return ok(
      store.projects.projectIssueTypes(project.id).flatMap((entry) => {
        const issueType = store.projects.issueType(entry.issueTypeId);
        if (!issueType) return [];
        const workflow = workflowFor(services, project.id, entry.issueTypeId);
        return [
          {
            self: present.api(`/issuetype/${issueType.id}`),
            id: issueType.id,
            name: issueType.name,
            subtask: issueType.subtask,
            statuses: workflow.statusIds.flatMap((id) => {
              const status = store.projects.status(id);
              return status ? [present.status(status)] : [];
            }),
          },
        ];
      }),
    );
  };

  const allIssueTypes = (request: OperationRequest) => {
    const visible = new Set(visibleProjects(request).flatMap((project) => store.projects.projectIssueTypes(project.id).map((entry) => entry.issueTypeId)));
    return ok(store.projects.issueTypes().filter((issueType) => visible.has(issueType.id)).map((issueType) => present.issueType(issueType)));
  };

  const issueType = (request: OperationRequest) => {
    const found = store.projects.issueType(pathParam(request, 'id'));
    const visible = visibleProjects(request).some((project) => store.projects.projectIssueTypes(project.id).some((entry) => entry.issueTypeId === found?.id));
    if (!found || !visible) throw notFound('The issue type with this id was not found.');
    return ok(present.issueType(found));
  };

  const projectIssueTypes = (request: OperationRequest) => {
    const projectId = String(request.query['projectId'] ?? '');
    const project = store.projects.project(projectId);
    if (!project || !permissions.canBrowse(request.actor, project.id)) throw notFound('The project was not found.');
    return ok(issueTypesOf(project));
  };

  const createMetaIssueTypes = (request: OperationRequest) => {
    const project = visibleProject(request, pathParam(request, 'projectIdOrKey'), 400);
    const issueTypes = permissions.has(request.actor, project.id, 'CREATE_ISSUES') ? issueTypesOf(project) : [];
    const startAt = queryNumber(request, 'startAt', 0);
    const maxResults = queryNumber(request, 'maxResults', 50);
    return ok({ startAt, maxResults, total: issueTypes.length, issueTypes: issueTypes.slice(startAt, startAt + maxResults) });
  };

  const createMetaFields = (request: OperationRequest) => {
    const project = visibleProject(request, pathParam(request, 'projectIdOrKey'), 400);
    const issueTypeId = pathParam(request, 'issueTypeId');
    if (!store.projects.projectIssueTypes(project.id).some((entry) => entry.issueTypeId === issueTypeId) || !permissions.has(request.actor, project.id, 'CREATE_ISSUES')) {
      throw new JiraHttpError(400, [`Issue type with id '${issueTypeId}' is not valid for project '${project.key}'.`]);
    }
    // Project and issue type first, then the screen's fields in the screen's order, as Jira's create dialog lists them.
    const fixed = catalog.all().filter((field) => field.id === 'project' || field.id === 'issuetype');
    const fields = [...fixed, ...catalog.screenFields(project.id, issueTypeId)]
      .filter((field) => catalog.appliesTo(field, project.id, issueTypeId))
      .map((field) => {
        const required = ['summary', 'project', 'issuetype', 'reporter'].includes(field.id) || catalog.configurationItem(field.id, project.id, issueTypeId)?.required === true;
        return { ...renderer.fieldMetadata(project.id, issueTypeId, field, required), fieldId: field.id };
      });
    const startAt = queryNumber(request, 'startAt', 0);
    const maxResults = queryNumber(request, 'maxResults', 50);
    const slice = fields.slice(startAt, startAt + maxResults);
    return ok({ startAt, maxResults, total: fields.length, fields: slice, results: slice });
  };

  return [
    { method: 'GET', template: '/rest/api/3/project', handler: getProjects },
    { method: 'GET', template: '/rest/api/3/project/search', handler: searchProjects },
    { method: 'GET', template: '/rest/api/3/project/{projectIdOrKey}', handler: getProject },
    { method: 'GET', template: '/rest/api/3/project/{projectIdOrKey}/statuses', handler: projectStatuses },
    { method: 'GET', template: '/rest/api/3/issuetype', handler: allIssueTypes },
    { method: 'GET', template: '/rest/api/3/issuetype/{id}', handler: issueType },
    { method: 'GET', template: '/rest/api/3/issuetype/project', handler: projectIssueTypes },
    { method: 'GET', template: '/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes', handler: createMetaIssueTypes },
    { method: 'GET', template: '/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}', handler: createMetaFields },
  ];
}
