/** Where an issue stands in its workflow, and which transitions lead on from there. */
import type { JiraServices } from '../context';
import type { IssueRecord, Status, Workflow, WorkflowTransition } from '../store/model';

export function workflowFor(services: JiraServices, projectId: string, issueTypeId: string): Workflow {
  const entry = services.store.projects.projectIssueTypes(projectId).find((candidate) => candidate.issueTypeId === issueTypeId);
  const workflow = entry ? services.store.projects.workflow(entry.workflowId) : undefined;
  if (!workflow) throw new Error(`No workflow is configured for issue type ${issueTypeId} in project ${projectId}`);
  return workflow;
}

export function issueTypeIdOf(issue: IssueRecord): string {
  return String(issue.fields['issuetype']);
}

export function statusIdOf(issue: IssueRecord): string {
  return String(issue.fields['status']);
}

export function issueWorkflow(services: JiraServices, issue: IssueRecord): Workflow {
  return workflowFor(services, issue.projectId, issueTypeIdOf(issue));
}

export function statusById(services: JiraServices, id: string): Status {
  const status = services.store.projects.status(id);
  if (!status) throw new Error(`Unknown status ${id}`);
  return status;
}

/** Transitions leaving the issue's current status, global transitions included, in workflow order. */
export function availableTransitions(services: JiraServices, issue: IssueRecord): WorkflowTransition[] {
  const current = statusIdOf(issue);
  return issueWorkflow(services, issue).transitions.filter((transition) => transition.from.length === 0 || transition.from.includes(current));
}
