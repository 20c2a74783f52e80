/** Finding an issue the caller may see: Jira answers "does not exist" whether it is missing or hidden. */
import type { JiraServices } from '../context';
import { issueNotFound, JiraHttpError } from '../errors';
import type { ProjectPermission } from '../permissions';
import type { IssueRecord } from '../store/model';
import type { Actor } from '../types';

export function visibleIssue(services: JiraServices, actor: Actor, idOrKey: string): IssueRecord {
  const issue = services.store.issues.find(idOrKey);
  if (!issue || !services.permissions.canBrowse(actor, issue.projectId)) throw issueNotFound();
  return issue;
}

/** Throws Jira's refusal (status and message) when the caller lacks a project permission on the issue. */
export function requirePermission(services: JiraServices, actor: Actor, issue: IssueRecord, permission: ProjectPermission, status: number, message: string): void {
  if (!services.permissions.has(actor, issue.projectId, permission)) throw new JiraHttpError(status, [message]);
}
