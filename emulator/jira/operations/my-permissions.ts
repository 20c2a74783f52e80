/** `GET /mypermissions`: what the caller may do, site-wide or in a project or issue. */
import { ok, queryList, queryString, type OperationDefinition, type OperationRequest, type Toolkit } from '../context';
import { JiraHttpError, notFound } from '../errors';
import { permissionDefinitions, type ProjectPermission } from '../permissions';

export function myPermissionsOperations(kit: Toolkit): OperationDefinition[] {
  const { services } = kit;
  const { store, permissions } = services;

  const projectOf = (request: OperationRequest): string | undefined => {
    const issueRef = queryString(request, 'issueKey') ?? queryString(request, 'issueId');
    if (issueRef !== undefined) {
      const issue = store.issues.find(issueRef);
      if (!issue || !permissions.canBrowse(request.actor, issue.projectId)) throw notFound('Issue does not exist or you do not have permission to see it.');
      return issue.projectId;
    }
    const projectRef = queryString(request, 'projectKey') ?? queryString(request, 'projectId');
    if (projectRef !== undefined) {
      const project = store.projects.project(projectRef);
      if (!project || !permissions.canBrowse(request.actor, project.id)) throw notFound(`No project could be found with key '${projectRef}'.`);
      return project.id;
    }
    return undefined;
  };

  const myPermissions = (request: OperationRequest) => {
    const keys = queryList(request, 'permissions') ?? [];
    if (keys.length === 0) throw new JiraHttpError(400, ['The permissions query parameter is required.']);
    const unknown = keys.filter((key) => !permissionDefinitions.has(key));
    if (unknown.length > 0) throw new JiraHttpError(400, [`Permission keys ${unknown.join(', ')} are invalid or deprecated.`]);
    const projectId = projectOf(request);
    const visibleProjects = store.projects.projects().filter((project) => permissions.canBrowse(request.actor, project.id));
    const result: Record<string, unknown> = {};
    for (const key of keys) {
      const definition = permissionDefinitions.get(key);
      if (!definition) continue;
      const havePermission =
        definition.type === 'GLOBAL'
          ? permissions.hasGlobal(request.actor, key)
          : projectId !== undefined
            ? permissions.has(request.actor, projectId, key as ProjectPermission)
            : // Without a project, Jira answers whether the permission is held in at least one project.
              visibleProjects.some((project) => permissions.has(request.actor, project.id, key as ProjectPermission));
      result[key] = { ...definition, havePermission };
    }
    return ok({ permissions: result });
  };

  return [{ method: 'GET', template: '/rest/api/3/mypermissions', handler: myPermissions }];
}
