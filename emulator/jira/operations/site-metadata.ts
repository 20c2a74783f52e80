/** Site-wide reference data: statuses, status categories, priorities, resolutions, server information. */
import { ok, pathParam, type OperationDefinition, type OperationRequest, type Toolkit } from '../context';
import { notFound } from '../errors';
import { priorities, resolutions, statusCategories } from '../jira-defaults';
import { formatJiraTime } from '../jira-time';

/** When this emulation of Jira Cloud was built; reported as the server's build date. */
const buildDate = Date.UTC(2026, 10, 1);

export function siteMetadataOperations(kit: Toolkit): OperationDefinition[] {
  const { services } = kit;
  const { store, present } = services;

  const getStatuses = () => ok(store.projects.statuses().map((status) => present.status(status)));

  const getStatus = (request: OperationRequest) => {
    const wanted = pathParam(request, 'idOrName');
    const status = store.projects.statuses().find((candidate) => candidate.id === wanted || candidate.name.toLowerCase() === wanted.toLowerCase());
    if (!status) throw notFound(`The status with ID or name '${wanted}' was not found.`);
    return ok(present.status(status));
  };

  const getStatusCategories = () => ok(Object.values(statusCategories).map((category) => present.statusCategory(category.key)));

  const getPriorities = () =>
    ok(priorities.map((priority) => ({ ...present.priority(priority.id), description: priority.description, statusColor: priority.statusColor, isDefault: priority.id === '3' })));

  const getResolutions = () => ok(resolutions.map((resolution) => present.resolution(resolution.id)));

  const serverInfo = () =>
    ok({
      baseUrl: services.present.baseUrl,
      displayUrl: services.present.baseUrl,
      version: '1001.0.0-SNAPSHOT',
      versionNumbers: [1001, 0, 0],
      deploymentType: 'Cloud',
      buildNumber: 100_000,
      buildDate: formatJiraTime(buildDate),
      serverTime: formatJiraTime(services.now()),
      scmInfo: 'local-site',
      serverTitle: 'Jira',
      serverTimeZone: 'Etc/UTC',
    });

  return [
    { method: 'GET', template: '/rest/api/3/status', handler: getStatuses },
    { method: 'GET', template: '/rest/api/3/status/{idOrName}', handler: getStatus },
    { method: 'GET', template: '/rest/api/3/statuscategory', handler: getStatusCategories },
    { method: 'GET', template: '/rest/api/3/priority', handler: getPriorities },
    { method: 'GET', template: '/rest/api/3/resolution', handler: getResolutions },
    { method: 'GET', template: '/rest/api/3/serverInfo', handler: serverInfo, anonymous: true },
  ];
}
