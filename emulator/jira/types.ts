/** The Jira emulator's public types: what the HTTP layer and the Forge side exchange with it. */
import type { Database } from 'better-sqlite3';

export type Actor = { kind: 'user'; accountId: string } | { kind: 'app' } | { kind: 'anonymous' };

export interface JiraRequest {
  method: string;
  /** Path and query, e.g. `/rest/api/3/issue/HOT-1?expand=changelog`. */
  path: string;
  headers: Record<string, string>;
  /** Parsed JSON, or undefined when the request had no body. */
  body?: unknown;
  actor: Actor;
}

export interface JiraResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** A `jira:customField` entry of the app's manifest. */
export interface ManifestCustomField {
  key: string;
  name: string;
  description?: string | undefined;
  /** `string | number | user | group | date | datetime | object` */
  type: string;
  /** `list` makes the field hold many values. */
  collection?: string | undefined;
  readOnly?: boolean | undefined;
}

export interface JiraEmulatorOptions {
  db: Database;
  now: () => number;
  /** e.g. `http://localhost:8080`; every `self` link starts with it. */
  baseUrl: string;
  customFields: ManifestCustomField[];
  /** The manifest's `app.id`, e.g. `ari:cloud:ecosystem::app/<uuid>`. */
  appId: string;
  /** The app user's display name; defaults to a name derived from the app id. */
  appName?: string;
  /** The Forge environment id used in Forge field schemas; defaults to a stable id derived from the app id. */
  environmentId?: string;
}

export interface JiraUser {
  accountId: string;
  emailAddress: string;
  displayName: string;
  active: boolean;
  accountType: 'atlassian' | 'app';
  timeZone: string;
  locale: string;
  groups: string[];
  /** Holds the global *Administer Jira* permission. */
  siteAdmin: boolean;
}

/** One changed field of a changelog entry, as Jira reports it. */
export interface ChangeItem {
  field: string;
  fieldtype: string;
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface EventUser {
  accountId: string;
}

/** The issue as Forge product events carry it: the core fields, users reduced to their account id. */
export interface EventIssue {
  id: string;
  key: string;
  fields: Record<string, unknown>;
}

interface ProductEventBase {
  issue: EventIssue;
  /** The user (or app user) whose action caused the event. */
  atlassianId: string;
  timestamp: number;
}

export type ForgeProductEvent =
  | (ProductEventBase & { eventType: 'avi:jira:created:issue'; associatedUsers: EventUser[] })
  | (ProductEventBase & {
      eventType: 'avi:jira:updated:issue';
      associatedUsers: EventUser[];
      associatedStatuses?: { id: string; name: string }[];
      changelog: { id: string; items: ChangeItem[] };
    })
  | (ProductEventBase & { eventType: 'avi:jira:assigned:issue'; associatedUsers: EventUser[]; changelog: { id: string; items: ChangeItem[] } })
  | (ProductEventBase & { eventType: 'avi:jira:deleted:issue' })
  | (ProductEventBase & {
      eventType: 'avi:jira:commented:issue';
      comment: { id: string; author: EventUser; updateAuthor: EventUser; body: unknown; created: string; updated: string; jsdPublic: boolean };
    });

/** What a `jira:workflowPostFunction` handler receives after the transition it is configured on. */
export interface PostFunctionPayload {
  issue: EventIssue;
  transition: {
    from: { id: string };
    to: { id: string };
    transitionId: number;
    transitionName: string;
    workflowId: string;
    workflowName: string;
    executionId: string;
  };
  workflow: { workflowId: string; workflowName: string };
  changelog: ChangeItem[];
  /** The configuration stored on the transition: parsed when it is JSON, else the raw text. */
  configuration: unknown;
  /** The Forge side adds `cloudId` and the rest of the invocation context. */
  context: { moduleKey: string };
}

export interface EmailRecipient {
  accountId: string;
  email: string;
  displayName: string;
}

/** An email Jira would send for `POST /issue/{key}/notify`; the site records it instead of sending it. */
export interface EmailNotification {
  kind: 'email';
  issueKey: string;
  to: EmailRecipient[];
  subject: string;
  textBody: string;
  htmlBody?: string;
}

export type JiraSiteEvent =
  | { kind: 'product-event'; event: ForgeProductEvent }
  | { kind: 'post-function'; moduleKey: string; payload: PostFunctionPayload }
  | EmailNotification;

export type JiraEventListener = (event: JiraSiteEvent, cause: { actor: Actor }) => void;

