/**
 * Turns the `fields` and `update` parts of a create, edit or transition request into new stored
 * values, enforcing what Jira enforces (screens, permissions, assignable users), and records the
 * result: changelog, watchers, comments and the events that follow.
 */
import { adfProblem } from '../adf';
import { isRecord, type JiraServices, type OperationRequest } from '../context';
import { fieldErrors, JiraHttpError } from '../errors';
import type { EventFactory } from '../events';
import type { FieldDef } from '../fields/field-catalog';
import { FieldValueError, type IssueScope } from '../fields/field-values';
import { visibilityShape, type CommentRecord, type IssueRecord, type StoredFields, type Visibility } from '../store/model';
import type { Actor, ChangeItem } from '../types';

export type Screen = 'create' | 'edit' | 'transition';

export interface FieldInput {
  fields?: unknown;
  update?: unknown;
}

export interface PlannedChanges {
  /** New stored values by field id; only fields the request touched. */
  values: Map<string, unknown>;
  comment?: { body: unknown; visibility: Visibility | null };
}

const notOnScreen = (id: string): string => `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`;

/** Works out the new values without storing anything; throws Jira's 400 naming every bad field. */
export function planFieldChanges(services: JiraServices, actor: Actor, current: StoredFields, scope: IssueScope, input: FieldInput, screen: Screen, screenFields = true): PlannedChanges {
  const fields = input.fields === undefined ? {} : input.fields;
  const update = input.update === undefined ? {} : input.update;
  if (!isRecord(fields)) throw new JiraHttpError(400, ["The 'fields' property must be an object."]);
  if (!isRecord(update)) throw new JiraHttpError(400, ["The 'update' property must be an object."]);
  const errors: Record<string, string> = {};
  const values = new Map<string, unknown>();
  const plan: PlannedChanges = { values };

  const settable = (id: string): FieldDef | undefined => {
    const field = services.catalog.byId(id);
    if (!field || !screenFields) return undefined;
    if (services.catalog.isOnScreen(field, scope.projectId, scope.issueTypeId) && services.catalog.appliesTo(field, scope.projectId, scope.issueTypeId)) return field;
    if (field.id === 'resolution' && screen === 'transition') return field;
    return undefined;
  };

  for (const [id, value] of Object.entries(fields)) {
    if (id in update) {
      errors[id] = `Field '${id}' cannot be set using both 'fields' and 'update'.`;
      continue;
    }
    const field = settable(id);
    if (!field) {
      errors[id] = notOnScreen(id);
      continue;
    }
    try {
      values.set(field.id, services.values.parse(field, value, scope));
    } catch (error) {
      if (!(error instanceof FieldValueError)) throw error;
      errors[id] = error.reason;
    }
  }

  for (const [id, operations] of Object.entries(update)) {
    if (id === 'comment' && screen !== 'create') {
      const comment = parseCommentUpdate(operations);
      if (typeof comment === 'string') errors['comment'] = comment;
      else plan.comment = comment;
      continue;
    }
    const field = settable(id);
    if (!field) {
      errors[id] = notOnScreen(id);
      continue;
    }
    if (!Array.isArray(operations)) {
      errors[id] = `Field '${id}' expects a list of operations.`;
      continue;
    }
    try {
      values.set(field.id, applyOperations(services, field, current[field.id] ?? null, operations, scope));
    } catch (error) {
      if (!(error instanceof FieldValueError)) throw error;
      errors[id] = error.reason;
    }
  }

  checkPeopleFields(services, actor, current, scope, values, screen, errors);
  if (values.has('summary') && values.get('summary') === null) errors['summary'] = 'You must specify a summary of the issue.';
  if (Object.keys(errors).length > 0) throw fieldErrors(errors);
  return plan;
}

function applyOperations(services: JiraServices, field: FieldDef, current: unknown, operations: unknown[], scope: IssueScope): unknown {
  let value = current;
  for (const operation of operations) {
    if (!isRecord(operation) || Object.keys(operation).length !== 1) throw new FieldValueError(`Each operation on '${field.id}' must have exactly one of: ${field.operations.join(', ')}.`);
    const [name, argument] = Object.entries(operation)[0] ?? ['', undefined];
    if (!field.operations.includes(name)) {
      throw new FieldValueError(`Field '${field.id}' does not support operation '${name}'. Supported operation(s) are: '${field.operations.join(',')}'`);
    }
    if (name === 'set') {
      value = services.values.parse(field, argument, scope);
      continue;
    }
    const element = services.values.parseOne(field, argument, scope);
    const existing = Array.isArray(value) ? value : [];
    const same = (candidate: unknown): boolean => JSON.stringify(candidate) === JSON.stringify(element);
    const next = name === 'add' ? (existing.some(same) ? existing : [...existing, element]) : existing.filter((candidate) => !same(candidate));
    value = next.length === 0 ? null : next;
  }
  return value;
}

function parseCommentUpdate(operations: unknown): NonNullable<PlannedChanges['comment']> | string {
  if (!Array.isArray(operations) || operations.length !== 1) return "Comment updates take exactly one 'add' operation.";
  const [operation] = operations;
  const add = isRecord(operation) ? operation['add'] : undefined;
  if (!isRecord(add)) return "Comment updates take exactly one 'add' operation.";
  const problem = adfProblem(add['body']);
  if (problem !== undefined) return problem;
  const visibility = add['visibility'] === undefined ? null : visibilityShape.safeParse(add['visibility']);
  if (visibility !== null && !visibility.success) return 'The comment visibility is invalid.';
  return { body: add['body'], visibility: visibility === null ? null : visibility.data };
}

function checkPeopleFields(
  services: JiraServices,
  actor: Actor,
  current: StoredFields,
  scope: IssueScope,
  values: Map<string, unknown>,
  screen: Screen,
  errors: Record<string, string>,
): void {
  const { permissions, store } = services;
  if (values.has('assignee') && errors['assignee'] === undefined && values.get('assignee') !== (current['assignee'] ?? null)) {
    const assignee = values.get('assignee');
    if (!permissions.has(actor, scope.projectId, 'ASSIGN_ISSUES')) {
      errors['assignee'] = 'You do not have permission to assign issues.';
    } else if (typeof assignee === 'string' && !permissions.userHas(assignee, scope.projectId, 'ASSIGNABLE_USER')) {
      errors['assignee'] = `User '${store.users.byAccountId(assignee)?.displayName ?? assignee}' cannot be assigned issues.`;
    }
  }
  if (values.has('reporter') && errors['reporter'] === undefined) {
    const reporter = values.get('reporter');
    const self = actor.kind === 'user' && reporter === actor.accountId;
    if (reporter === null) errors['reporter'] = 'Reporter is required.';
    else if (!(screen === 'create' && self) && !permissions.has(actor, scope.projectId, 'MODIFY_REPORTER')) errors['reporter'] = notOnScreen('reporter');
  }
}

/** Fields Jira keeps up to date without writing them into the history. */
const unlogged = new Set(['resolutiondate', 'statuscategorychangedate', 'created', 'updated']);

/** The changelog items between the stored values and the planned ones, in catalog order. */
export function changeItems(services: JiraServices, current: StoredFields, values: Map<string, unknown>): ChangeItem[] {
  const items: ChangeItem[] = [];
  for (const field of services.catalog.all()) {
    if (!values.has(field.id) || unlogged.has(field.id)) continue;
    const before = current[field.id] ?? null;
    const after = values.get(field.id) ?? null;
    if (JSON.stringify(before) === JSON.stringify(after)) continue;
    items.push(changeItem(services, field, before, after));
  }
  return items;
}

export function changeItem(services: JiraServices, field: FieldDef, before: unknown, after: unknown): ChangeItem {
  const from = services.values.changeStrings(field, before);
  const to = services.values.changeStrings(field, after);
  return {
    field: field.custom ? field.name : field.id,
    fieldtype: field.custom ? 'custom' : 'jira',
    fieldId: field.id,
    from: from.value,
    fromString: from.text,
    to: to.value,
    toString: to.text,
  };
}

export interface CommitOptions {
  comment?: PlannedChanges['comment'] | undefined;
  /** Whether the change goes into the issue's history (app field updates may opt out). */
  changelog?: boolean;
}

export interface CommitResult {
  items: ChangeItem[];
  changelogId?: string;
  comment?: CommentRecord;
}

/**
 * Stores new values (already validated) on an issue, with one changelog entry for all of them, and
 * queues the events Jira raises: updated (and assigned) for field changes, commented for a comment.
 */
export function commitIssueChanges(
  services: JiraServices,
  events: EventFactory,
  request: OperationRequest,
  issue: IssueRecord,
  items: ChangeItem[],
  newValues: Map<string, unknown>,
  options: CommitOptions = {},
): CommitResult {
  const now = services.now();
  const { store } = services;
  for (const [id, value] of newValues) issue.fields[id] = value;
  if (items.length === 0 && options.comment === undefined) return { items };
  issue.updated = now;
  store.issues.save(issue);
  const result: CommitResult = { items };
  if (items.length > 0 && options.changelog !== false) {
    const entry = store.issues.addChangelog({ issueId: issue.id, author: request.actorAccountId, created: now, items });
    result.changelogId = entry.id;
  }
  if (options.comment) {
    result.comment = store.comments.insert({
      issueId: issue.id,
      author: request.actorAccountId,
      updateAuthor: request.actorAccountId,
      body: options.comment.body,
      visibility: options.comment.visibility,
      created: now,
      updated: now,
    });
    if (request.actor.kind === 'user') store.issues.addWatcher(issue.id, request.actor.accountId);
  }
  if (items.length > 0) {
    request.emit(events.updated(issue, request.actorAccountId, result.changelogId ?? '', items));
    if (items.some((item) => item.fieldId === 'assignee')) request.emit(events.assigned(issue, request.actorAccountId, result.changelogId ?? '', items));
  }
  if (result.comment) request.emit(events.commented(issue, result.comment, request.actorAccountId));
  return result;
}
