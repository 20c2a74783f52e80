/** Users and groups: `/myself`, `/user`, `/user/search`, `/users/search`, `/user/bulk`, `/group/member`, `/groups/picker`. */
import { escapeHtml } from '../adf';
import { expandSet, ok, queryList, queryNumber, queryString, type OperationDefinition, type OperationRequest, type Toolkit } from '../context';
import { JiraHttpError, notFound } from '../errors';
import type { JiraUser } from '../types';
import { page } from './fields';

export function userOperations(kit: Toolkit): OperationDefinition[] {
  const { services } = kit;
  const { store, present, permissions } = services;

  const matches = (user: JiraUser, query: string): boolean => {
    const wanted = query.toLowerCase().trim();
    if (wanted === '') return true;
    const words = user.displayName.toLowerCase().split(/\s+/);
    return user.displayName.toLowerCase().startsWith(wanted) || words.some((word) => word.startsWith(wanted)) || user.emailAddress.toLowerCase().startsWith(wanted) || user.accountId === query;
  };

  const myself = (request: OperationRequest) => {
    const user = store.users.byAccountId(request.actorAccountId);
    if (!user) throw new JiraHttpError(401, ['You are not authenticated. Authentication required to perform this operation.']);
    return ok(present.user(user, expandSet(queryString(request, 'expand'))));
  };

  const getUser = (request: OperationRequest) => {
    const accountId = queryString(request, 'accountId');
    if (accountId === undefined) throw new JiraHttpError(400, ['The accountId query parameter needs to be provided.']);
    const user = store.users.byAccountId(accountId);
    if (!user) throw notFound('Specified user does not exist or you do not have required permissions');
    return ok(present.user(user, expandSet(queryString(request, 'expand'))));
  };

  const findUsers = (request: OperationRequest) => {
    const query = queryString(request, 'query');
    const accountId = queryString(request, 'accountId');
    if (query === undefined && accountId === undefined) throw new JiraHttpError(400, ["One of 'query' or 'accountId' query parameters must be provided."]);
    const found = store.users.all().filter((user) => user.active && (accountId === undefined || user.accountId === accountId) && (query === undefined || matches(user, query)));
    const startAt = queryNumber(request, 'startAt', 0);
    return ok(found.slice(startAt, startAt + queryNumber(request, 'maxResults', 50)).map((user) => present.user(user)));
  };

  const allUsers = (request: OperationRequest) => {
    const startAt = queryNumber(request, 'startAt', 0);
    return ok(store.users.all().slice(startAt, startAt + queryNumber(request, 'maxResults', 50)).map((user) => present.user(user)));
  };

  const bulkUsers = (request: OperationRequest) => {
    const ids = queryList(request, 'accountId') ?? [];
    const users = ids.flatMap((id) => {
      const user = store.users.byAccountId(id);
      return user ? [present.user(user)] : [];
    });
    return ok(page(users, queryNumber(request, 'startAt', 0), queryNumber(request, 'maxResults', 10)));
  };

  const assignableUsers = (request: OperationRequest) => {
    const issueKey = queryString(request, 'issueKey') ?? queryString(request, 'issueId');
    const projectKey = queryString(request, 'project');
    const issue = issueKey === undefined ? undefined : store.issues.find(issueKey);
    const project = issue ? store.projects.project(issue.projectId) : projectKey === undefined ? undefined : store.projects.project(projectKey);
    if (!project || !permissions.canBrowse(request.actor, project.id)) throw new JiraHttpError(404, [`Issue or project does not exist or you do not have permission to see it.`]);
    const query = queryString(request, 'query') ?? '';
    const found = store.users.all().filter((user) => user.accountType === 'atlassian' && permissions.userHas(user.accountId, project.id, 'ASSIGNABLE_USER') && matches(user, query));
    const startAt = queryNumber(request, 'startAt', 0);
    return ok(found.slice(startAt, startAt + queryNumber(request, 'maxResults', 50)).map((user) => present.user(user)));
  };

  const groupMembers = (request: OperationRequest) => {
    if (!permissions.hasGlobal(request.actor, 'ADMINISTER')) throw new JiraHttpError(403, ['You need the Administer Jira global permission to view group members.']);
    const name = queryString(request, 'groupname');
    const groupId = queryString(request, 'groupId');
    if (name === undefined && groupId === undefined) throw new JiraHttpError(400, ['Either a group name or a group id must be provided.']);
    const group = groupId !== undefined ? store.users.groupById(groupId) : store.users.groupByName(name ?? '');
    if (!group) throw notFound(`Group not found: ${groupId ?? name ?? ''}`);
    const includeInactive = request.query['includeInactiveUsers'] === true;
    const members = store.users.members(group.groupId).filter((user) => includeInactive || user.active);
    const result = page(members.map((user) => present.userDetails(user)), queryNumber(request, 'startAt', 0), queryNumber(request, 'maxResults', 50));
    return ok({ self: present.api(`/group/member?groupId=${group.groupId}`), ...result });
  };

  const findGroups = (request: OperationRequest) => {
    const query = (queryString(request, 'query') ?? '').toLowerCase();
    const excluded = new Set([...(queryList(request, 'exclude') ?? []), ...(queryList(request, 'excludeId') ?? [])]);
    const accountId = queryString(request, 'accountId');
    const userGroups = accountId === undefined ? undefined : new Set(store.users.groupsOf(accountId).map((group) => group.groupId));
    const matching = store.users
      .groups()
      .filter((group) => group.name.toLowerCase().includes(query) && !excluded.has(group.name) && !excluded.has(group.groupId))
      .filter((group) => userGroups === undefined || userGroups.has(group.groupId));
    const shown = matching.slice(0, queryNumber(request, 'maxResults', 20));
    return ok({
      header: `Showing ${shown.length} of ${matching.length} matching groups`,
      total: matching.length,
      groups: shown.map((group) => ({ name: group.name, html: highlight(group.name, query), labels: [], groupId: group.groupId })),
    });
  };

  return [
    { method: 'GET', template: '/rest/api/3/myself', handler: myself },
    { method: 'GET', template: '/rest/api/3/user', handler: getUser },
    { method: 'GET', template: '/rest/api/3/user/search', handler: findUsers },
    { method: 'GET', template: '/rest/api/3/users/search', handler: allUsers },
    { method: 'GET', template: '/rest/api/3/user/bulk', handler: bulkUsers },
    { method: 'GET', template: '/rest/api/3/user/assignable/search', handler: assignableUsers },
    { method: 'GET', template: '/rest/api/3/group/member', handler: groupMembers },
    { method: 'GET', template: '/rest/api/3/groups/picker', handler: findGroups },
  ];
}

function highlight(name: string, query: string): string {
  const at = query === '' ? -1 : name.toLowerCase().indexOf(query);
  if (at < 0) return escapeHtml(name);
  return `${escapeHtml(name.slice(0, at))}<b>${escapeHtml(name.slice(at, at + query.length))}</b>${escapeHtml(name.slice(at + query.length))}`;
}
