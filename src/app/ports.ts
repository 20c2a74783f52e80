/**
 * The ports use cases are written against. Adapters in src/forge implement them over Forge
 * (requestJira, @forge/kvs, egress fetch); in-memory implementations serve the tests.
 * Adapters report failures as RemoteCallError (./errors) and never leak platform errors.
 */

/** Time as the app sees it: the local site moves it on, tests pin it. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** An issue as Jira returns it: ids plus raw field values keyed by field id. */
export interface IssueData {
  readonly id: string;
  readonly key: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

export interface IssueRef {
  readonly id: string;
  readonly key: string;
}

/** Atlassian Document Format, as Jira's comment API takes it. */
export interface AdfDocument {
  readonly type: 'doc';
  readonly version: 1;
  readonly content: readonly unknown[];
}

export interface CreateIssueRequest {
  readonly projectKey: string;
  readonly issueTypeName: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

export interface Notification {
  readonly subject: string;
  readonly textBody: string;
  readonly htmlBody: string;
  readonly accountIds: readonly string[];
}

/** Jira issues, seen either as the signed-in user (their permissions apply) or as the app. */
export interface IssueTracker {
  createIssue(request: CreateIssueRequest): Promise<IssueRef>;
  /** The issue with the given fields, or undefined when it does not exist or the caller may not see it. */
  getIssue(issueIdOrKey: string, fieldIds: readonly string[]): Promise<IssueData | undefined>;
  addComment(issueIdOrKey: string, body: AdfDocument): Promise<void>;
  /** Jira's own notification (email and in-app) to the given users about the issue. */
  notify(issueIdOrKey: string, notification: Notification): Promise<void>;
  /** How many issues match `jql`. */
  countIssues(jql: string): Promise<number>;
  /** Sets the value of an app-owned field (a manifest custom field) on the given issues. */
  setAppFieldValue(fieldId: string, issueIds: readonly string[], value: unknown): Promise<void>;
  /** Whether the caller has Jira's global ADMINISTER permission. */
  canAdminister(): Promise<boolean>;
  /** Whether the caller may create issues in the project, and who could grant it (the project's lead). */
  createPermission(projectKey: string): Promise<CreatePermission>;
  /** Display names of the given accounts, in one request; accounts Jira does not show the caller are left out. */
  displayNames(accountIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
  /** Issues matching `jql` with the given fields, at most `max` (one request). */
  searchIssues(jql: string, fieldIds: readonly string[], max: number): Promise<IssueData[]>;
  /** What the caller may do on the issue (Jira's own permissions, one request); all false when they cannot see it. */
  issuePermissions(issueIdOrKey: string): Promise<IssueAccess>;
}

/** The caller's permissions on one issue that decide who may silence or widen paging. */
export interface IssueAccess {
  readonly browse: boolean;
  readonly edit: boolean;
  readonly comment: boolean;
}

export type JiraFieldKind = 'select' | 'multicheckboxes';

export interface JiraField {
  readonly id: string;
  readonly name: string;
  readonly custom: boolean;
  /** The custom field type, e.g. "com.atlassian.jira.plugin.system.customfieldtypes:select", or a Forge extension id. */
  readonly customType?: string;
  readonly key?: string;
}

export interface FieldOption {
  readonly id: string;
  readonly value: string;
  readonly disabled: boolean;
}

/** Jira's field administration, used once on install/upgrade and whenever services or products change. */
export interface FieldCatalog {
  listFields(): Promise<JiraField[]>;
  createField(field: { name: string; description: string; kind: JiraFieldKind }): Promise<JiraField>;
  listContextIds(fieldId: string): Promise<string[]>;
  createGlobalContext(fieldId: string, name: string): Promise<string>;
  listOptions(fieldId: string, contextId: string): Promise<FieldOption[]>;
  createOptions(fieldId: string, contextId: string, values: readonly string[]): Promise<FieldOption[]>;
  updateOptions(fieldId: string, contextId: string, options: readonly FieldOption[]): Promise<void>;
  addToDefaultScreen(fieldId: string): Promise<void>;
  siteUrl(): Promise<string>;
  /** The project's id and the id of its issue type with this name. */
  projectScope(projectKey: string, issueTypeName: string): Promise<{ projectId: string; issueTypeId: string | undefined }>;
  listContexts(fieldId: string): Promise<{ id: string; isGlobal: boolean }[]>;
  assignContextToProject(fieldId: string, contextId: string, projectId: string): Promise<void>;
  /** The create screen of a company-managed project's issue type: its first tab and the fields on it, in order. */
  createScreen(projectId: string, issueTypeId: string): Promise<ScreenTab>;
  addScreenField(tab: ScreenTab, fieldId: string): Promise<void>;
  /** Moves a field to the top of the tab, or right after another field. */
  moveScreenField(tab: ScreenTab, fieldId: string, after: string | undefined): Promise<void>;
  /** Makes fields required (or not) and sets their help text in the project's field configuration for the issue type. */
  configureFields(projectId: string, issueTypeId: string, items: readonly FieldRequirement[]): Promise<void>;
}

export interface CreatePermission {
  readonly allowed: boolean;
  readonly projectName?: string;
  readonly leadName?: string;
}

export interface ScreenTab {
  readonly screenId: string;
  readonly tabId: string;
  readonly fieldIds: readonly string[];
}

export interface FieldRequirement {
  readonly fieldId: string;
  readonly required: boolean;
  readonly description: string;
}

export interface StoredEntry {
  readonly key: string;
  readonly value: unknown;
}

export interface SetOptions {
  /** Forget the entry after this many seconds (bounded bookkeeping, e.g. de-duplication claims). */
  readonly ttlSeconds?: number;
}

/** The app's key-value storage (Forge KVS). Values are JSON; readers validate them. */
export interface AppStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown, options?: SetOptions): Promise<void>;
  /** Writes only if the key is absent; true when this call created it. Atomic: of concurrent callers exactly one wins. */
  setIfAbsent(key: string, value: unknown, options?: SetOptions): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Every entry whose key starts with `prefix`. */
  listByPrefix(prefix: string): Promise<StoredEntry[]>;
  /** Several values in one request; missing keys are absent from the map. */
  getMany(keys: readonly string[]): Promise<ReadonlyMap<string, unknown>>;
}

/** One entry of an index by due time: what to look at (`ref`) and when. */
export interface DueEntry {
  readonly key: string;
  readonly dueAt: number;
  readonly ref: string;
}

/**
 * Work ordered by when it falls due (a Forge custom entity with an index on the due time), so a
 * periodic run reads what is due and nothing else, however much is stored.
 */
export interface DueIndex {
  put(entries: readonly DueEntry[]): Promise<void>;
  remove(keys: readonly string[]): Promise<void>;
  /** Entries due at or before `upTo`, earliest first, one page per call. */
  due(upTo: number, page: { readonly limit: number; readonly cursor?: string }): Promise<{ entries: DueEntry[]; cursor?: string }>;
}

/** Secret storage (Forge KVS secrets): values are never returned to the UI or logged. */
export interface SecretStore {
  getSecret(name: string): Promise<string | undefined>;
  setSecret(name: string, value: string): Promise<void>;
  deleteSecret(name: string): Promise<void>;
}

export type PagingChannelKind = 'jira' | 'slack' | 'pagerduty' | 'webhook';

/** Where one page goes. The credentials a channel needs are looked up by the adapter, never carried here. */
export type PageDestination =
  | { readonly kind: 'jira'; readonly accountId: string }
  | { readonly kind: 'slack'; readonly accountId: string; readonly slackUserId: string }
  | { readonly kind: 'pagerduty'; readonly rosterId: string; readonly accountId?: string }
  | { readonly kind: 'webhook'; readonly url: string; readonly accountId?: string; readonly rosterId?: string };

/** What every page says: the issue key, severity, summary and a link, plus why the recipient is paged. */
export interface PageMessage {
  readonly issueId: string;
  readonly issueKey: string;
  readonly issueUrl: string;
  /** Absent when the incident has no severity yet (a manual escalation can still page). */
  readonly severity?: 1 | 2 | 3;
  readonly severityLabel: string;
  readonly summary: string;
  readonly faultyService?: string;
  /** One line on why this page was sent ("Sev 1 incident declared for Bitbucket"). */
  readonly reason: string;
  /** Escalation level (from 0) and round, for the recipient and for de-duplication downstream. */
  readonly level: number;
  readonly round: number;
  /** The same for every delivery of this level of this incident's episode: PagerDuty's dedup_key. */
  readonly dedupKey: string;
  /** The title every channel leads with: "[Sev 1] HOT-12: Can't push to Bitbucket". */
  readonly title: string;
  /** The full text for channels without formatting. */
  readonly text: string;
}

export interface Pager {
  /**
   * Loads what sending needs (integration secrets) so that it can run alongside the other first
   * calls of an invocation instead of after them.
   */
  prepare(): Promise<void>;
  /** Sends one page; throws RemoteCallError (retryable or not) or NotConfiguredError. */
  send(destination: PageDestination, message: PageMessage): Promise<void>;
}

/** A job the app schedules for itself, to run no earlier than `at` (epoch ms). */
export interface ScheduledJob<J> {
  readonly job: J;
  readonly at: number;
}

/**
 * Work the app schedules for itself (Forge's async event queue): each job runs at least once, close
 * to its time and never before it, even far in the future. Jobs can run twice, so what they do is idempotent.
 */
export interface JobQueue<J> {
  schedule(jobs: readonly ScheduledJob<J>[]): Promise<void>;
}
