/**
 * What resolving and learning need beyond the cockpit's ports: issues created and linked as the
 * signed-in user (cleanup tasks, the postmortem), the link types the app provisions as itself, and
 * the queue that reminds a postmortem's owner when it falls due.
 */
import type { CockpitDeps } from '../cockpit/ports';
import type { AdfDocument, IssueRef, JobQueue } from '../ports';

export interface NewIssue {
  readonly projectKey: string;
  readonly issueTypeName: string;
  readonly summary: string;
  readonly description?: AdfDocument;
  readonly assigneeAccountId?: string;
  /** YYYY-MM-DD */
  readonly dueDate?: string;
}

/** Jira issues created and linked as the signed-in user, so Jira's permissions decide. */
export interface LinkedWork {
  /** One request: the issue with its fields. */
  createIssue(issue: NewIssue): Promise<IssueRef>;
  /** One request: links `fromKey` to `toKey` with the link type's outward description ("HOT-12 has cleanup task HOT-13"). */
  link(typeName: string, fromKey: string, toKey: string): Promise<void>;
}

export interface LinkTypeDefinition {
  readonly name: string;
  readonly inward: string;
  readonly outward: string;
}

/** Jira's issue link types, administered by the app on install. */
export interface LinkTypes {
  names(): Promise<string[]>;
  create(type: LinkTypeDefinition): Promise<void>;
}

/** Labels added to an issue (keeping those it has), as the app. */
export interface IncidentLabels {
  add(issueKey: string, labels: readonly string[]): Promise<void>;
}

/** Remind the postmortem's owner when it falls due, unless it is done by then. */
export interface PostmortemReminderJob {
  readonly incidentKey: string;
  readonly postmortemKey: string;
  readonly dueDate: string;
}

export interface ResolutionDeps extends CockpitDeps {
  readonly work: LinkedWork;
  readonly reminders: JobQueue<PostmortemReminderJob>;
}
