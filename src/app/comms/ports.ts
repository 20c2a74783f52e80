/**
 * The ports communications need beyond the cockpit's: the Statuspage pages, email to addresses outside
 * Jira, and Jira's own email to people and groups. Adapters look up their credentials themselves and
 * throw RemoteCallError (../errors) or NotConfiguredError; they never leak platform errors.
 */
import type { ComponentStatus, StatuspageImpact, StatuspageStatus } from '../../domain/comms/statuspage-status';
import type { CockpitDeps } from '../cockpit/ports';
import type { IssueTracker, JobQueue, SecretStore } from '../ports';
import type { StatusPageRole } from './comms-settings';

export interface StatusPagePost {
  readonly name: string;
  readonly status: StatuspageStatus;
  readonly body: string;
  readonly impact: StatuspageImpact;
  readonly componentIds: readonly string[];
  readonly componentStatus: ComponentStatus;
}

/** The internal and external Statuspage pages. */
export interface StatusPages {
  /** Opens an incident on the page; answers its id. */
  create(page: StatusPageRole, pageId: string, post: StatusPagePost): Promise<{ incidentId: string }>;
  /** Posts an update to an open incident, moving its status and its components. */
  update(page: StatusPageRole, pageId: string, incidentId: string, post: StatusPagePost): Promise<void>;
}

export interface OutgoingMail {
  readonly from: string;
  readonly replyTo?: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
}

/** Email to addresses outside Jira (SendGrid). */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

/** Jira's email to its users and groups about an issue (its notify API). */
export interface JiraMail {
  send(issueKey: string, mail: { subject: string; text: string; accountIds: readonly string[]; groups: readonly string[] }): Promise<void>;
}

/** A reminder that the next update is owed soon. */
export interface ReminderJob {
  readonly issueId: string;
  readonly issueKey: string;
  readonly updateId: string;
  readonly dueAt: number;
}

/** Everything the communications use cases run on. */
export interface CommsDeps extends CockpitDeps {
  readonly secrets: SecretStore;
  readonly statusPages: StatusPages;
  readonly mailer: Mailer;
  readonly jiraMail: JiraMail;
  /** Jira as the app: reminders and review requests notify people whatever the sender may do. */
  readonly appTracker: IssueTracker;
  readonly reminders: JobQueue<ReminderJob>;
}
