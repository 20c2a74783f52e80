import { RemoteCallError } from '../../errors';
import type { AdfDocument } from '../../ports';
import { RemoteCallLog } from '../../testing/remote-call-log';
import type { IncidentIssues, IssueEdit, IssuePermissions, IssueSnapshot, Person, TransitionRequest, WorkflowTransition } from '../ports';

export interface JiraIssue {
  id: string;
  key: string;
  fields: Record<string, unknown>;
}

export interface PostedComment {
  readonly issue: string;
  readonly author: string;
  readonly body: AdfDocument;
  /** The comment's text with mentions written as @name, for assertions. */
  readonly text: string;
}

export const FULL_PERMISSIONS: IssuePermissions = { browse: true, edit: true, transition: true, assign: true, comment: true };
export const VIEW_ONLY: IssuePermissions = { browse: true, edit: false, transition: false, assign: false, comment: false };

interface WorkflowStep {
  readonly id: string;
  readonly name: string;
  readonly to: string;
}

const CATEGORY: Readonly<Record<string, string>> = { New: 'new', Fixing: 'indeterminate', Resolved: 'done', Closed: 'done', Cancelled: 'done' };

/** The incident workflow: New → Fixing → Resolved → Closed, Cancelled from New or Fixing, reopen Resolved → Fixing. */
export const INCIDENT_WORKFLOW: Readonly<Record<string, readonly WorkflowStep[]>> = {
  New: [
    { id: '11', name: 'Start fixing', to: 'Fixing' },
    { id: '51', name: 'Cancel', to: 'Cancelled' },
  ],
  Fixing: [
    { id: '21', name: 'Resolve', to: 'Resolved' },
    { id: '51', name: 'Cancel', to: 'Cancelled' },
  ],
  Resolved: [
    { id: '31', name: 'Reopen', to: 'Fixing' },
    { id: '41', name: 'Close', to: 'Closed' },
  ],
};

export function jiraStatus(name: string): Record<string, unknown> {
  return { name, statusCategory: { key: CATEGORY[name] ?? 'new' } };
}

/**
 * Jira in memory, as seen by one signed-in user at a time (`as(accountId)`): issues with raw field
 * values as REST shows them, the incident workflow, per-user permissions, comments. Every request
 * is logged so tests can count Jira requests and their depth on the critical path.
 */
export class InMemoryJira {
  readonly issues = new Map<string, JiraIssue>();
  readonly users = new Map<string, Person>();
  readonly permissions = new Map<string, IssuePermissions>();
  readonly comments: PostedComment[] = [];
  /** Field ids whose values are lists (Tech lead and Communications manager hold many people). */
  readonly listFields = new Set<string>();
  private failures: Error[] = [];

  constructor(readonly log: RemoteCallLog = new RemoteCallLog()) {}

  addUser(person: Person, permissions: IssuePermissions = FULL_PERMISSIONS): Person {
    this.users.set(person.accountId, person);
    this.permissions.set(person.accountId, permissions);
    return person;
  }

  /** The next requests fail with these errors, in order. */
  failNext(...errors: Error[]): void {
    this.failures.push(...errors);
  }

  userObject(accountId: string): Record<string, unknown> | null {
    const user = this.users.get(accountId);
    return user === undefined ? null : { accountId: user.accountId, displayName: user.displayName, ...(user.emailAddress === undefined ? {} : { emailAddress: user.emailAddress }), active: true };
  }

  /** The port as `accountId` uses it. */
  as(accountId: string): IncidentIssues {
    return new UserView(this, accountId);
  }

  /** Requests logged so far whose name starts with `jira`. */
  requests(): string[] {
    return this.log.names().filter((name) => name.startsWith('jira '));
  }

  call<T>(name: string, work: () => T): Promise<T> {
    return this.log.record(`jira ${name}`, () => {
      const failure = this.failures.shift();
      if (failure !== undefined) throw failure;
      return work();
    });
  }

  /** Stores field values as Jira would answer them: users as user objects, options as given. */
  applyFields(issue: JiraIssue, fields: Readonly<Record<string, unknown>>): void {
    for (const [id, value] of Object.entries(fields)) {
      if (id === 'assignee') {
        const accountId = (value as { accountId?: string } | null)?.accountId;
        issue.fields['assignee'] = accountId === undefined ? null : this.requireUser(accountId);
      } else if (Array.isArray(value) && value.every((entry) => typeof entry === 'object' && entry !== null && 'accountId' in entry)) {
        issue.fields[id] = value.map((entry: { accountId: string }) => this.requireUser(entry.accountId));
      } else if (typeof value === 'object' && value !== null && 'accountId' in value) {
        issue.fields[id] = this.requireUser((value as { accountId: string }).accountId);
      } else {
        issue.fields[id] = value;
      }
    }
  }

  private requireUser(accountId: string): Record<string, unknown> {
    const user = this.userObject(accountId);
    if (user === null) throw new RemoteCallError('jira', 'edit issue', 400, `assignee: The user with account ID '${accountId}' does not exist.`);
    return user;
  }
}

class UserView implements IncidentIssues {
  constructor(
    private readonly jira: InMemoryJira,
    private readonly accountId: string,
  ) {}

  private allowed(): IssuePermissions {
    return this.jira.permissions.get(this.accountId) ?? { browse: false, edit: false, transition: false, assign: false, comment: false };
  }

  private issue(key: string): JiraIssue {
    const issue = this.jira.issues.get(key);
    if (issue === undefined || !this.allowed().browse) throw new RemoteCallError('jira', `issue ${key}`, 404, 'Issue does not exist or you do not have permission to see it.');
    return issue;
  }

  get(issueKey: string): Promise<IssueSnapshot | undefined> {
    return this.jira.call(`GET /issue/${issueKey}`, () => {
      const issue = this.jira.issues.get(issueKey);
      if (issue === undefined || !this.allowed().browse) return undefined;
      const status = (issue.fields['status'] as { name?: string } | undefined)?.name ?? 'New';
      const transitions: WorkflowTransition[] = this.allowed().transition
        ? (INCIDENT_WORKFLOW[status] ?? []).map((step) => ({ id: step.id, name: step.name, toStatusName: step.to, toStatusCategory: CATEGORY[step.to] ?? 'new' }))
        : [];
      return { id: issue.id, key: issue.key, fields: structuredClone(issue.fields), transitions, listFields: new Set(this.jira.listFields) };
    });
  }

  permissions(issueKey: string): Promise<IssuePermissions> {
    return this.jira.call(`GET /mypermissions ${issueKey}`, () => (this.jira.issues.has(issueKey) ? this.allowed() : { ...this.allowed(), browse: false }));
  }

  transition(issueKey: string, request: TransitionRequest): Promise<void> {
    return this.jira.call(`POST /issue/${issueKey}/transitions`, () => {
      const issue = this.issue(issueKey);
      if (!this.allowed().transition) throw new RemoteCallError('jira', 'transition issue', 403, 'You do not have permission to transition this issue.');
      const status = (issue.fields['status'] as { name?: string } | undefined)?.name ?? 'New';
      const step = (INCIDENT_WORKFLOW[status] ?? []).find((candidate) => candidate.id === request.transitionId);
      if (step === undefined) throw new RemoteCallError('jira', 'transition issue', 400, `Transition id '${request.transitionId}' is not valid for this issue.`);
      this.jira.applyFields(issue, { ...request.fields, ...(request.assigneeAccountId === undefined ? {} : { assignee: { accountId: request.assigneeAccountId } }) });
      issue.fields['status'] = jiraStatus(step.to);
      if (request.addLabels !== undefined) issue.fields['labels'] = [...new Set([...((issue.fields['labels'] as string[] | undefined) ?? []), ...request.addLabels])];
      if (request.comment !== undefined) this.comment(issue, request.comment);
    });
  }

  update(issueKey: string, edit: IssueEdit): Promise<void> {
    return this.jira.call(`PUT /issue/${issueKey}`, () => {
      const issue = this.issue(issueKey);
      if (!this.allowed().edit) throw new RemoteCallError('jira', 'edit issue', 403, 'You do not have permission to edit this issue.');
      if ('assignee' in edit.fields && !this.allowed().assign) throw new RemoteCallError('jira', 'edit issue', 403, 'You do not have permission to assign issues.');
      const copy = structuredClone(issue.fields);
      try {
        this.jira.applyFields(issue, edit.fields);
      } catch (error) {
        // Jira applies an edit whole or not at all.
        issue.fields = copy;
        throw error;
      }
      if (edit.comment !== undefined) this.comment(issue, edit.comment);
    });
  }

  person(accountId: string): Promise<Person | undefined> {
    return this.jira.call(`GET /user ${accountId}`, () => this.jira.users.get(accountId));
  }

  searchAssignable(issueKey: string, query: string): Promise<Person[]> {
    return this.jira.call(`GET /user/assignable/search ${issueKey}`, () => {
      this.issue(issueKey);
      const wanted = query.toLowerCase();
      return [...this.jira.users.values()].filter((user) => user.displayName.toLowerCase().includes(wanted) || (user.emailAddress ?? '').toLowerCase().startsWith(wanted));
    });
  }

  private comment(issue: JiraIssue, body: AdfDocument): void {
    this.jira.comments.push({ issue: issue.key, author: this.accountId, body, text: adfPlainText(body) });
  }
}

/** The text of an ADF document, one line per paragraph, mentions as their @name. */
export function adfPlainText(doc: AdfDocument): string {
  const inline = (node: unknown): string => {
    if (typeof node !== 'object' || node === null) return '';
    const record = node as { type?: string; text?: string; attrs?: { text?: string; id?: string }; content?: unknown[] };
    if (record.type === 'text') return record.text ?? '';
    if (record.type === 'mention') return record.attrs?.text ?? `@${record.attrs?.id ?? ''}`;
    return (record.content ?? []).map(inline).join('');
  };
  return doc.content.map(inline).join('\n');
}
