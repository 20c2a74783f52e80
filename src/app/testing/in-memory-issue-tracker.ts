import { ForbiddenError, RemoteCallError } from '../errors';
import type { AdfDocument, CreateIssueRequest, CreatePermission, IssueAccess, IssueData, IssueRef, IssueTracker, Notification } from '../ports';
import { RemoteCallLog } from './remote-call-log';

export interface StoredIssue {
  id: string;
  key: string;
  fields: Record<string, unknown>;
}

export interface RecordedComment {
  readonly issue: string;
  readonly body: AdfDocument;
  /** The comment's text, paragraphs joined by newlines, for assertions. */
  readonly text: string;
}

export interface RecordedNotification extends Notification {
  readonly issue: string;
}

/**
 * Jira issues in memory. JQL is limited to what the app sends: clauses joined by AND, each
 * `labels = "X"`, `project = X`, `project != X` or `project in (A, B)`; anything else is refused
 * so a test never passes on a query the real Jira would read differently.
 */
export class InMemoryIssueTracker implements IssueTracker {
  readonly issues = new Map<string, StoredIssue>();
  readonly comments: RecordedComment[] = [];
  readonly notifications: RecordedNotification[] = [];
  readonly appFieldValues: { fieldId: string; issueIds: readonly string[]; value: unknown }[] = [];
  administrator = true;
  /** Display names Jira shows the caller, by account id; others are unknown to it. */
  readonly people = new Map<string, string>();
  /** Issues the caller may not see (as a user without permission would find them). */
  readonly hidden = new Set<string>();
  private nextId = 10_000;
  private readonly counters = new Map<string, number>();
  private failures: Error[] = [];

  constructor(readonly log: RemoteCallLog = new RemoteCallLog()) {}

  failNext(...errors: Error[]): void {
    this.failures.push(...errors);
  }

  /** Puts an issue in place without a remote call, as if it had been created earlier. */
  seed(projectKey: string, fields: Record<string, unknown>): StoredIssue {
    const number = (this.counters.get(projectKey) ?? 0) + 1;
    this.counters.set(projectKey, number);
    this.nextId += 1;
    const issue: StoredIssue = {
      id: String(this.nextId),
      key: `${projectKey}-${number}`,
      fields: { project: { key: projectKey }, labels: [], ...fields },
    };
    this.issues.set(issue.key, issue);
    return issue;
  }

  createIssue(request: CreateIssueRequest): Promise<IssueRef> {
    return this.call('jira POST /issue', () => {
      const issue = this.seed(request.projectKey, { ...request.fields, issuetype: { name: request.issueTypeName } });
      return { id: issue.id, key: issue.key };
    });
  }

  getIssue(issueIdOrKey: string, fieldIds: readonly string[]): Promise<IssueData | undefined> {
    return this.call(`jira GET /issue/${issueIdOrKey}`, () => {
      const issue = this.find(issueIdOrKey);
      if (issue === undefined || this.hidden.has(issue.key)) return undefined;
      const fields = fieldIds.includes('*all') ? issue.fields : Object.fromEntries(fieldIds.filter((id) => id in issue.fields).map((id) => [id, issue.fields[id]]));
      return { id: issue.id, key: issue.key, fields: JSON.parse(JSON.stringify(fields)) as Record<string, unknown> };
    });
  }

  addComment(issueIdOrKey: string, body: AdfDocument): Promise<void> {
    return this.call(`jira POST /issue/${issueIdOrKey}/comment`, () => {
      const issue = this.require(issueIdOrKey);
      this.comments.push({ issue: issue.key, body, text: adfText(body) });
    });
  }

  notify(issueIdOrKey: string, notification: Notification): Promise<void> {
    return this.call(`jira POST /issue/${issueIdOrKey}/notify`, () => {
      const issue = this.require(issueIdOrKey);
      this.notifications.push({ issue: issue.key, ...notification });
    });
  }

  countIssues(jql: string): Promise<number> {
    return this.call(`jira POST /search/approximate-count ${jql}`, () => {
      const matches = compileJql(jql);
      return [...this.issues.values()].filter(matches).length;
    });
  }

  setAppFieldValue(fieldId: string, issueIds: readonly string[], value: unknown): Promise<void> {
    return this.call(`jira PUT /app/field/${fieldId}/value`, () => {
      for (const id of issueIds) {
        const issue = [...this.issues.values()].find((candidate) => candidate.id === id);
        if (issue === undefined) throw new RemoteCallError('jira', 'PUT /app/field/value', 404, `Issue ${id} does not exist`);
        issue.fields[fieldId] = value;
      }
      this.appFieldValues.push({ fieldId, issueIds, value });
    });
  }

  /** Whether the user may create issues; the in-memory project's lead is Imogen. */
  mayCreate = true;

  createPermission(projectKey: string): Promise<CreatePermission> {
    return this.call(`jira GET /mypermissions?projectKey=${projectKey}`, () => ({ allowed: this.mayCreate, projectName: 'Incidents', leadName: 'Imogen Imoc' }));
  }

  canAdminister(): Promise<boolean> {
    return this.call('jira GET /mypermissions', () => this.administrator);
  }

  displayNames(accountIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
    return this.call(`jira GET /user/bulk ${[...accountIds].sort().join(',')}`, () => {
      const known = accountIds.flatMap((accountId) => {
        const name = this.people.get(accountId);
        return name === undefined ? [] : [[accountId, name] as const];
      });
      return new Map(known);
    });
  }

  /** Issues returned by searchIssues whatever the JQL (the in-memory tracker does not evaluate it); the JQL is logged. */
  readonly searchResults: StoredIssue[] = [];
  /** What the caller may do on each issue, by key; unlisted issues allow everything visible. */
  readonly access = new Map<string, IssueAccess>();

  searchIssues(jql: string, _fieldIds: readonly string[], max: number): Promise<IssueData[]> {
    return this.call(`jira POST /search/jql ${jql}`, () => this.searchResults.slice(0, max).map((issue) => ({ id: issue.id, key: issue.key, fields: { ...issue.fields } })));
  }

  issuePermissions(issueIdOrKey: string): Promise<IssueAccess> {
    return this.call(`jira GET /mypermissions ${issueIdOrKey}`, () => {
      const issue = this.find(issueIdOrKey);
      if (issue === undefined || this.hidden.has(issue.key)) return { browse: false, edit: false, comment: false };
      return this.access.get(issue.key) ?? { browse: true, edit: true, comment: true };
    });
  }

  private find(issueIdOrKey: string): StoredIssue | undefined {
    return this.issues.get(issueIdOrKey) ?? [...this.issues.values()].find((issue) => issue.id === issueIdOrKey);
  }

  private require(issueIdOrKey: string): StoredIssue {
    const issue = this.find(issueIdOrKey);
    if (issue === undefined) throw new RemoteCallError('jira', `issue ${issueIdOrKey}`, 404, 'Issue does not exist or you do not have permission to see it.');
    if (this.hidden.has(issue.key)) throw new ForbiddenError(`see ${issue.key}`);
    return issue;
  }

  private call<T>(name: string, work: () => T): Promise<T> {
    return this.log.record(name, () => {
      const failure = this.failures.shift();
      if (failure !== undefined) throw failure;
      return work();
    });
  }
}

type IssuePredicate = (issue: StoredIssue) => boolean;

function compileJql(jql: string): IssuePredicate {
  const clauses = jql.split(/\s+AND\s+/i).map((clause) => compileClause(clause.trim()));
  return (issue) => clauses.every((clause) => clause(issue));
}

const unquote = (value: string): string => value.trim().replace(/^"(.*)"$/, '$1');
const projectOf = (issue: StoredIssue): string | undefined => (issue.fields.project as { key?: string } | undefined)?.key;

function compileClause(clause: string): IssuePredicate {
  let match = /^labels\s*=\s*(.+)$/i.exec(clause);
  if (match?.[1] !== undefined) {
    const label = unquote(match[1]);
    return (issue) => Array.isArray(issue.fields.labels) && (issue.fields.labels as unknown[]).includes(label);
  }
  match = /^project\s*(=|!=)\s*(.+)$/i.exec(clause);
  if (match?.[2] !== undefined) {
    const key = unquote(match[2]);
    const equal = match[1] === '=';
    return (issue) => (projectOf(issue) === key) === equal;
  }
  match = /^project\s+in\s*\((.+)\)$/i.exec(clause);
  if (match?.[1] !== undefined) {
    const keys = match[1].split(',').map(unquote);
    return (issue) => keys.includes(projectOf(issue) ?? '');
  }
  // Jira answers 400 to JQL it cannot parse; this double knows only the clauses the app sends.
  throw new RemoteCallError('jira', 'search issues', 400, `The in-memory tracker does not understand the JQL clause: ${clause}`);
}

/** The plain text of an ADF document: text nodes joined, one line per block. */
export function adfText(doc: AdfDocument): string {
  const blockText = (node: unknown): string => {
    if (typeof node !== 'object' || node === null) return '';
    const record = node as { type?: string; text?: string; content?: unknown[] };
    if (record.type === 'text') return record.text ?? '';
    const inner = (record.content ?? []).map(blockText);
    return record.type === 'paragraph' || record.type === 'listItem' || record.type === 'heading' ? inner.join('') : inner.join('\n');
  };
  return doc.content.map(blockText).join('\n');
}
