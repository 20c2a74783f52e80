/**
 * The ports the cockpit's use cases need beyond the shared ones in ../ports: the incident issue as
 * the signed-in user sees and changes it, the incident's chat room, and the change records near an
 * impact start. Adapters throw RemoteCallError (../errors) and never leak platform errors.
 */
import { AppError } from '../errors';
import type { AdfDocument, AppStore, Clock, IssueData } from '../ports';

/** What Jira lets the signed-in user do with this issue. */
export interface IssuePermissions {
  readonly browse: boolean;
  readonly edit: boolean;
  readonly transition: boolean;
  readonly assign: boolean;
  readonly comment: boolean;
}

export interface WorkflowTransition {
  readonly id: string;
  readonly name: string;
  readonly toStatusName: string;
  /** Jira's status category of the target: new, indeterminate or done. */
  readonly toStatusCategory?: string;
}

export interface Person {
  readonly accountId: string;
  readonly displayName: string;
  /** Only when Jira shows it (the user's privacy settings decide). */
  readonly emailAddress?: string;
}

export interface TransitionRequest {
  readonly transitionId: string;
  readonly assigneeAccountId?: string;
  /** Field values set in the same request, keyed by field id. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** A comment added in the same request. */
  readonly comment?: AdfDocument;
  /** Labels added in the same request, keeping those the issue has. */
  readonly addLabels?: readonly string[];
}

/** Field values and a comment, applied by Jira in one request: all of it or none. */
export interface IssueEdit {
  readonly fields: Readonly<Record<string, unknown>>;
  readonly comment?: AdfDocument;
}

/** An issue with every field, the transitions the user may take now and whether each field holds many values. */
export interface IssueSnapshot extends IssueData {
  readonly transitions: readonly WorkflowTransition[];
  /** Field ids whose value is a list (Jira's schema type "array"). */
  readonly listFields: ReadonlySet<string>;
}

/** The incident issue as the signed-in user sees and changes it: Jira's permissions decide. */
export interface IncidentIssues {
  /** The issue in one request, or undefined when it does not exist or the user may not see it. */
  get(issueKey: string): Promise<IssueSnapshot | undefined>;
  permissions(issueKey: string): Promise<IssuePermissions>;
  /** One request: the transition with its fields, assignee and comment; Jira applies all or nothing. */
  transition(issueKey: string, request: TransitionRequest): Promise<void>;
  /** One request: field values (the assignee included) and a comment. */
  update(issueKey: string, edit: IssueEdit): Promise<void>;
  person(accountId: string): Promise<Person | undefined>;
  /** People who may be assigned this issue, matching `query` (name or email). */
  searchAssignable(issueKey: string, query: string): Promise<Person[]>;
}

export interface ChatRoom {
  readonly id: string;
  readonly name: string;
  readonly url: string;
}

/** Someone to find in the chat workspace: by a configured chat user id, or by their email. */
export interface ChatMember {
  readonly accountId: string;
  readonly chatUserId?: string;
  readonly email?: string;
}

export interface InviteOutcome {
  /** Account ids now in the room (newly invited or already there). */
  readonly inRoom: readonly string[];
  /** Account ids the chat workspace does not know. */
  readonly notFound: readonly string[];
}

/** Thrown by createRoom when a room of that name exists but was not created by the app for this incident. */
export class RoomNameTakenError extends AppError {
  override readonly name = 'RoomNameTakenError';
  constructor(readonly roomName: string) {
    super(`A chat room named ${roomName} already exists`);
  }
}

/** The incident's chat room (Slack). */
export interface ChatRooms {
  /** Whether an integration is set up; without one the IM pastes links by hand. */
  isConfigured(): Promise<boolean>;
  createRoom(name: string): Promise<ChatRoom>;
  setTopic(roomId: string, topic: string): Promise<void>;
  invite(roomId: string, members: readonly ChatMember[]): Promise<InviteOutcome>;
  post(roomId: string, text: string): Promise<void>;
  /** Shows `text` as the member's status; undefined clears it. */
  setStatus(member: ChatMember, text: string | undefined): Promise<void>;
}

/** A Jira issue that records a change (a deployment, a configuration change, a feature flag). */
export interface ChangeIssue {
  readonly key: string;
  readonly summary: string;
  /** Its issue type's name, e.g. "Deployment". */
  readonly issueType: string;
  readonly labels: readonly string[];
  /** Who made the change (the assignee, else the reporter), by display name. */
  readonly by?: string;
  readonly created: number;
  readonly resolved?: number;
}

/** The issues that record changes, found with JQL as the signed-in user. */
export interface ChangeRecords {
  /**
   * At most `limit` issues matching `jql`, in its order.
   *
   * @throws NotConfiguredError when Jira refuses the query (the administrator's JQL names a project or field it does not know).
   */
  search(jql: string, limit: number): Promise<readonly ChangeIssue[]>;
}

/** Everything the cockpit's use cases run on. */
export interface CockpitDeps {
  readonly issues: IncidentIssues;
  readonly store: AppStore;
  readonly chat: ChatRooms;
  readonly changes: ChangeRecords;
  readonly clock: Clock;
  /** A fresh unique id (timeline entries, role assignments). */
  readonly newId: () => string;
}

/** Who is acting and on which issue: from the resolver's context, never from the payload. */
export interface CockpitCaller {
  readonly accountId: string;
  readonly issueKey: string;
  readonly issueId: string;
}
