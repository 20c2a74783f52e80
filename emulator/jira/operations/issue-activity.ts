/** An issue's history (`/changelog`), its watchers, and email notifications about it (`/notify`). */
import {
  isRecord,
  noContent,
  ok,
  pathParam,
  queryNumber,
  type OperationDefinition,
  type OperationRequest,
  type Toolkit,
} from '../context';
import { fieldErrors, JiraHttpError } from '../errors';
import { visibleIssue } from '../issues/issue-access';
import type { ProjectPermission } from '../permissions';
import type { IssueRecord } from '../store/model';
import type { JiraUser } from '../types';

/** Old permission names the notify restriction accepts, mapped to today's keys. */
const legacyPermissionKeys: Record<string, ProjectPermission> = { BROWSE: 'BROWSE_PROJECTS' };

export function issueActivityOperations(kit: Toolkit): OperationDefinition[] {
  const { services, renderer } = kit;
  const { store, present, permissions } = services;

  const getChangelog = (request: OperationRequest) => {
    const issue = visibleIssue(services, request.actor, pathParam(request, 'issueIdOrKey'));
    const entries = store.issues.changelog(issue.id).map((entry) => renderer.changelog(entry));
    const startAt = queryNumber(request, 'startAt', 0);
    const maxResults = queryNumber(request, 'maxResults', 100);
    const values = entries.slice(startAt, startAt + maxResults);
    const isLast = startAt + values.length >= entries.length;
    return ok({
      self: present.api(`/issue/${issue.key}/changelog?maxResults=${maxResults}&startAt=${startAt}`),
      ...(isLast ? {} : { nextPage: present.api(`/issue/${issue.key}/changelog?maxResults=${maxResults}&startAt=${startAt + maxResults}`) }),
      maxResults,
      startAt,
      total: entries.length,
      isLast,
      values,
    });
  };

  const getWatchers = (request: OperationRequest) => {
    const issue = visibleIssue(services, request.actor, pathParam(request, 'issueIdOrKey'));
    const watchers = store.issues.watchers(issue.id).flatMap((accountId) => {
      const user = store.users.byAccountId(accountId);
      return user ? [present.userDetails(user)] : [];
    });
    const me = request.actorAccountId;
    return ok({
      self: present.api(`/issue/${issue.key}/watchers`),
      isWatching: watchers.some((watcher) => watcher['accountId'] === me),
      watchCount: watchers.length,
      watchers,
    });
  };

  const addWatcher = (request: OperationRequest) => {
    const issue = visibleIssue(services, request.actor, pathParam(request, 'issueIdOrKey'));
    const accountId = typeof request.body === 'string' ? request.body : request.actorAccountId;
    const user = store.users.byAccountId(accountId);
    if (!user) throw fieldErrors({ accountId: `The user with account ID '${accountId}' does not exist.` });
    if (accountId !== request.actorAccountId && !permissions.has(request.actor, issue.projectId, 'MANAGE_WATCHERS')) {
      throw new JiraHttpError(403, ['You do not have the permission to manage the watcher list.']);
    }
    if (!permissions.userHas(user.accountId, issue.projectId, 'BROWSE_PROJECTS')) throw fieldErrors({ accountId: `User '${user.displayName}' cannot view the issue.` });
    store.issues.addWatcher(issue.id, user.accountId);
    return noContent();
  };

  const notify = (request: OperationRequest) => {
    const issue = visibleIssue(services, request.actor, pathParam(request, 'issueIdOrKey'));
    const body = isRecord(request.body) ? request.body : {};
    const to = isRecord(body['to']) ? body['to'] : {};
    const recipients = new Map<string, JiraUser>();
    const add = (accountId: unknown): void => {
      const user = typeof accountId === 'string' ? store.users.byAccountId(accountId) : undefined;
      if (user?.active && user.accountType === 'atlassian') recipients.set(user.accountId, user);
    };
    if (to['reporter'] === true) add(issue.fields['reporter']);
    if (to['assignee'] === true) add(issue.fields['assignee']);
    if (to['watchers'] === true) store.issues.watchers(issue.id).forEach(add);
    for (const user of Array.isArray(to['users']) ? to['users'] : []) {
      const accountId = isRecord(user) ? user['accountId'] : undefined;
      if (typeof accountId !== 'string' || !store.users.byAccountId(accountId)) throw fieldErrors({ to: `The user with account ID '${String(accountId)}' does not exist.` });
      add(accountId);
    }
    for (const groupId of groupIdsOf(to)) store.users.members(groupId).forEach((user) => add(user.accountId));

    const restrict = isRecord(body['restrict']) ? body['restrict'] : {};
    const restrictGroups = groupIdsOf(restrict);
    const restrictPermissions = (Array.isArray(restrict['permissions']) ? restrict['permissions'] : []).flatMap((permission) => {
      const key = isRecord(permission) ? permission['key'] : undefined;
      return typeof key === 'string' ? [legacyPermissionKeys[key] ?? (key as ProjectPermission)] : [];
    });
    const allowed = [...recipients.values()].filter((user) => mayReceive(issue, user, restrictGroups, restrictPermissions));
    if (allowed.length === 0) throw new JiraHttpError(400, ['No recipients were defined for the notification, or none of them can see the issue.']);
    const summary = typeof issue.fields['summary'] === 'string' ? issue.fields['summary'] : '';
    request.emit({
      kind: 'email',
      issueKey: issue.key,
      to: allowed.map((user) => ({ accountId: user.accountId, email: user.emailAddress, displayName: user.displayName })),
      subject: typeof body['subject'] === 'string' && body['subject'] !== '' ? body['subject'] : `[JIRA] (${issue.key}) ${summary}`,
      textBody: typeof body['textBody'] === 'string' ? body['textBody'] : '',
      ...(typeof body['htmlBody'] === 'string' ? { htmlBody: body['htmlBody'] } : {}),
    });
    return noContent();
  };

  const groupIdsOf = (holder: Record<string, unknown>): string[] => {
    const ids = Array.isArray(holder['groupIds']) ? holder['groupIds'].filter((id): id is string => typeof id === 'string') : [];
    for (const group of Array.isArray(holder['groups']) ? holder['groups'] : []) {
      if (!isRecord(group)) continue;
      const found = typeof group['groupId'] === 'string' ? store.users.groupById(group['groupId']) : typeof group['name'] === 'string' ? store.users.groupByName(group['name']) : undefined;
      if (!found) throw fieldErrors({ groups: `Group '${String(group['name'] ?? group['groupId'])}' does not exist.` });
      ids.push(found.groupId);
    }
    for (const id of ids) if (!store.users.groupById(id)) throw fieldErrors({ groupIds: `Group with id '${id}' does not exist.` });
    return ids;
  };

  const mayReceive = (issue: IssueRecord, user: JiraUser, groups: string[], required: ProjectPermission[]): boolean => {
    if (!permissions.userHas(user.accountId, issue.projectId, 'BROWSE_PROJECTS')) return false;
    if (groups.length > 0 && !store.users.groupsOf(user.accountId).some((group) => groups.includes(group.groupId))) return false;
    return required.every((permission) => permissions.userHas(user.accountId, issue.projectId, permission));
  };

  return [
    { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/changelog', handler: getChangelog },
    { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/watchers', handler: getWatchers },
    { method: 'POST', template: '/rest/api/3/issue/{issueIdOrKey}/watchers', handler: addWatcher },
    { method: 'POST', template: '/rest/api/3/issue/{issueIdOrKey}/notify', handler: notify },
  ];
}
