/**
 * Screens and field configurations of company-managed projects, as an administrator (or an app
 * with `manage:jira-configuration`) reaches them through REST: issue type screen scheme → screen
 * scheme → screen → tab → fields, and field configuration scheme → field configuration → items,
 * plus assigning a field context to projects.
 */
import { isRecord, noContent, ok, pathParam, queryList, queryNumber, type OperationDefinition, type OperationRequest, type Toolkit } from '../context';
import { JiraHttpError, notFound } from '../errors';
import { screenIdOf, type FieldDef } from '../fields/field-catalog';
import { page } from './fields';

export function screenOperations(kit: Toolkit): OperationDefinition[] {
  const { services } = kit;
  const { catalog, store, permissions } = services;

  const requireAdmin = (request: OperationRequest): void => {
    if (!permissions.hasGlobal(request.actor, 'ADMINISTER')) throw new JiraHttpError(403, ['Only Jira administrators can access screens and field configurations.']);
  };
  const paged = <T>(request: OperationRequest, values: T[]) => ok(page(values, queryNumber(request, 'startAt', 0), queryNumber(request, 'maxResults', 50)));

  /** Every (project, issue type) pair, so an id made by `screenIdOf` can be read back. */
  const scopes = () =>
    store.projects.projects().flatMap((project) => store.projects.projectIssueTypes(project.id).map((entry) => ({ projectId: project.id, issueTypeId: entry.issueTypeId, key: project.key })));
  const scopeOf = (id: string) => {
    const scope = scopes().find((candidate) => screenIdOf(candidate.projectId, candidate.issueTypeId) === id);
    if (!scope) throw notFound(`The screen with id ${id} does not exist.`);
    return scope;
  };
  const projectsAsked = (request: OperationRequest, name: string): string[] => queryList(request, name) ?? store.projects.projects().map((project) => project.id);
  const fieldName = (field: FieldDef) => ({ id: field.id, name: field.name });

  const issueTypeScreenSchemesOfProjects = (request: OperationRequest) => {
    requireAdmin(request);
    const values = projectsAsked(request, 'projectId').flatMap((projectId) => {
      const project = store.projects.project(projectId);
      return project ? [{ issueTypeScreenScheme: { id: project.id, name: `${project.key}: Issue Type Screen Scheme`, description: '' }, projectIds: [project.id] }] : [];
    });
    return paged(request, values);
  };

  const issueTypeScreenSchemeMappings = (request: OperationRequest) => {
    requireAdmin(request);
    const wanted = queryList(request, 'issueTypeScreenSchemeId');
    const values = scopes()
      .filter((scope) => wanted === undefined || wanted.includes(scope.projectId))
      .map((scope) => ({ issueTypeScreenSchemeId: scope.projectId, issueTypeId: scope.issueTypeId, screenSchemeId: screenIdOf(scope.projectId, scope.issueTypeId) }));
    return paged(request, values);
  };

  const screenSchemes = (request: OperationRequest) => {
    requireAdmin(request);
    const wanted = queryList(request, 'id');
    const values = scopes()
      .map((scope) => ({ scope, id: screenIdOf(scope.projectId, scope.issueTypeId) }))
      .filter(({ id }) => wanted === undefined || wanted.includes(id))
      .map(({ scope, id }) => ({ id: Number(id), name: `${scope.key}: ${store.projects.issueType(scope.issueTypeId)?.name ?? scope.issueTypeId} Screen Scheme`, description: '', screens: { default: Number(id) } }));
    return paged(request, values);
  };

  const tabs = (request: OperationRequest) => {
    requireAdmin(request);
    const id = pathParam(request, 'screenId');
    scopeOf(id);
    return ok([{ id: Number(id), name: 'Field Tab' }]);
  };

  const tabScope = (request: OperationRequest) => {
    requireAdmin(request);
    const id = pathParam(request, 'screenId');
    if (pathParam(request, 'tabId') !== id) throw notFound(`The screen tab with id ${pathParam(request, 'tabId')} does not exist.`);
    return { id, ...scopeOf(id) };
  };

  const tabFields = (request: OperationRequest) => {
    const { projectId, issueTypeId } = tabScope(request);
    return ok(catalog.screenFields(projectId, issueTypeId).map(fieldName));
  };

  const addTabField = (request: OperationRequest) => {
    const { id, projectId, issueTypeId } = tabScope(request);
    const fieldId = isRecord(request.body) && typeof request.body['fieldId'] === 'string' ? request.body['fieldId'] : '';
    const field = catalog.byId(fieldId);
    if (!field || !field.orderable) throw new JiraHttpError(400, [`The field ${fieldId} does not exist or cannot be added to a screen.`]);
    const current = catalog.screenFields(projectId, issueTypeId).map((candidate) => candidate.id);
    if (current.includes(field.id)) throw new JiraHttpError(400, [`The field ${field.id} is already present on the screen.`]);
    store.screens.setScreenFields(id, [...current, field.id]);
    return ok(fieldName(field));
  };

  const moveTabField = (request: OperationRequest) => {
    const { id, projectId, issueTypeId } = tabScope(request);
    const fieldId = pathParam(request, 'id');
    const current = catalog.screenFields(projectId, issueTypeId).map((candidate) => candidate.id);
    const from = current.indexOf(fieldId);
    if (from < 0) throw notFound(`The field ${fieldId} is not on the screen.`);
    const body = isRecord(request.body) ? request.body : {};
    const rest = current.filter((candidate) => candidate !== fieldId);
    let to: number;
    if (typeof body['after'] === 'string') {
      const afterId = body['after'].split('/').pop() ?? '';
      const index = rest.indexOf(afterId);
      if (index < 0) throw new JiraHttpError(400, [`The field ${afterId} is not on the screen.`]);
      to = index + 1;
    } else {
      const position = { First: 0, Last: rest.length, Earlier: Math.max(0, from - 1), Later: Math.min(rest.length, from + 1) }[String(body['position'])];
      if (position === undefined) throw new JiraHttpError(400, ['Specify either position or after.']);
      to = position;
    }
    store.screens.setScreenFields(id, [...rest.slice(0, to), fieldId, ...rest.slice(to)]);
    return noContent();
  };

  const fieldConfigurationSchemesOfProjects = (request: OperationRequest) => {
    requireAdmin(request);
    const values = projectsAsked(request, 'projectId').flatMap((projectId) => {
      const project = store.projects.project(projectId);
      return project ? [{ fieldConfigurationScheme: { id: project.id, name: `${project.key}: Field Configuration Scheme`, description: '' }, projectIds: [project.id] }] : [];
    });
    return paged(request, values);
  };

  const fieldConfigurationMappings = (request: OperationRequest) => {
    requireAdmin(request);
    const wanted = queryList(request, 'fieldConfigurationSchemeId');
    const values = scopes()
      .filter((scope) => wanted === undefined || wanted.includes(scope.projectId))
      .map((scope) => ({ fieldConfigurationSchemeId: scope.projectId, issueTypeId: scope.issueTypeId, fieldConfigurationId: screenIdOf(scope.projectId, scope.issueTypeId) }));
    return paged(request, values);
  };

  const configurationScope = (request: OperationRequest) => {
    requireAdmin(request);
    const id = pathParam(request, 'id');
    const scope = scopes().find((candidate) => screenIdOf(candidate.projectId, candidate.issueTypeId) === id);
    if (!scope) throw notFound(`The field configuration ${id} was not found.`);
    return { id, ...scope };
  };

  const fieldConfigurationItems = (request: OperationRequest) => {
    const { id } = configurationScope(request);
    const items = store.screens.configurationItems(id);
    const values = catalog
      .all()
      .filter((field) => field.orderable)
      .map((field) => {
        const item = items.get(field.id);
        return { id: field.id, isHidden: false, isRequired: item?.required ?? false, ...(item?.description === undefined ? {} : { description: item.description }) };
      });
    return paged(request, values);
  };

  const updateFieldConfigurationItems = (request: OperationRequest) => {
    const { id } = configurationScope(request);
    const body = isRecord(request.body) ? request.body : {};
    const items = Array.isArray(body['fieldConfigurationItems']) ? body['fieldConfigurationItems'] : [];
    const current = store.screens.configurationItems(id);
    for (const item of items) {
      if (!isRecord(item) || typeof item['id'] !== 'string' || !catalog.byId(item['id'])) throw new JiraHttpError(400, ['Each field configuration item needs the id of an existing field.']);
      const before = current.get(item['id']);
      const description = typeof item['description'] === 'string' ? item['description'] : before?.description;
      store.screens.setConfigurationItem(id, {
        fieldId: item['id'],
        required: typeof item['isRequired'] === 'boolean' ? item['isRequired'] : (before?.required ?? false),
        ...(description === undefined ? {} : { description }),
      });
    }
    return noContent();
  };

  const assignContextToProjects = (request: OperationRequest) => {
    requireAdmin(request);
    const field = catalog.byId(pathParam(request, 'fieldId'));
    if (!field?.custom) throw notFound('The custom field was not found.');
    const context = store.fields.contexts(field.id).find((candidate) => candidate.id === pathParam(request, 'contextId'));
    if (!context) throw notFound('The context was not found.');
    const projectIds = isRecord(request.body) && Array.isArray(request.body['projectIds']) ? request.body['projectIds'].map(String) : [];
    if (projectIds.length === 0 || projectIds.some((projectId) => !store.projects.project(projectId))) throw new JiraHttpError(400, ['The projectIds must name existing projects.']);
    const taken = store.fields.contexts(field.id).some((other) => other.id !== context.id && other.projectIds.some((projectId) => projectIds.includes(projectId)));
    if (taken) throw new JiraHttpError(400, ['A project in the request is already assigned to another context of this field.']);
    store.fields.updateContextProjects(context.id, [...new Set([...context.projectIds, ...projectIds])]);
    return noContent();
  };

  return [
    { method: 'GET', template: '/rest/api/3/issuetypescreenscheme/project', handler: issueTypeScreenSchemesOfProjects },
    { method: 'GET', template: '/rest/api/3/issuetypescreenscheme/mapping', handler: issueTypeScreenSchemeMappings },
    { method: 'GET', template: '/rest/api/3/screenscheme', handler: screenSchemes },
    { method: 'GET', template: '/rest/api/3/screens/{screenId}/tabs', handler: tabs },
    { method: 'GET', template: '/rest/api/3/screens/{screenId}/tabs/{tabId}/fields', handler: tabFields },
    { method: 'POST', template: '/rest/api/3/screens/{screenId}/tabs/{tabId}/fields', handler: addTabField },
    { method: 'POST', template: '/rest/api/3/screens/{screenId}/tabs/{tabId}/fields/{id}/move', handler: moveTabField },
    { method: 'GET', template: '/rest/api/3/fieldconfigurationscheme/project', handler: fieldConfigurationSchemesOfProjects },
    { method: 'GET', template: '/rest/api/3/fieldconfigurationscheme/mapping', handler: fieldConfigurationMappings },
    { method: 'GET', template: '/rest/api/3/fieldconfiguration/{id}/fields', handler: fieldConfigurationItems },
    { method: 'PUT', template: '/rest/api/3/fieldconfiguration/{id}/fields', handler: updateFieldConfigurationItems },
    { method: 'PUT', template: '/rest/api/3/field/{fieldId}/context/{contextId}/project', handler: assignContextToProjects },
  ];
}
