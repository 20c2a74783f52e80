/**
 * What each JQL field means over stored issues: its comparable values, how a literal or function
 * operand turns into such values (or Jira's 400 when it names nothing), its text for `~`, and its
 * sort key.
 */
import { adfToText } from '../adf';
import type { JiraServices } from '../context';
import { JiraHttpError } from '../errors';
import type { FieldDef } from '../fields/field-catalog';
import { priorities, resolutions, statusCategories } from '../jira-defaults';
import { dateToMs } from '../jira-time';
import type { IssueRenderer } from '../issues/issue-renderer';
import { issueTypeIdOf, statusIdOf } from '../issues/workflow-state';
import type { IssueRecord } from '../store/model';
import type { Actor } from '../types';
import { evaluateDateFunction, invalidDateMessage, isDateFunction, parseJqlDate } from './jql-dates';

export type Scalar = string | number;

export interface JqlEnvironment {
  services: JiraServices;
  renderer: IssueRenderer;
  actor: Actor;
  actorAccountId: string;
  now: number;
}

export interface JqlField {
  /** The field as the query wrote it, for messages. */
  label: string;
  /** The issue's comparable values; empty means the field is EMPTY. */
  values(issue: IssueRecord): Scalar[];
  /** Turns a literal into comparable values; absent when the field does not support `=`/`IN`. */
  literal?(value: string): Scalar[];
  /** Turns a function operand into comparable values. */
  call?(name: string, args: string[]): Scalar[];
  /** The text `~` looks in; absent when the field does not support `~`. */
  text?(issue: IssueRecord): string;
  /** Sign of (issue value − target) for `<`, `>`…; absent when the field is not ordered. */
  compare?(issue: IssueRecord, target: Scalar): number | undefined;
  /** The value ORDER BY sorts on; undefined sorts as EMPTY. */
  sortKey(issue: IssueRecord): Scalar | undefined;
}

const noSuchValue = (value: string, field: string): JiraHttpError => new JiraHttpError(400, [`The value '${value}' does not exist for the field '${field}'.`]);

function numericCompare(values: Scalar[], target: Scalar): number | undefined {
  const numbers = values.filter((value): value is number => typeof value === 'number');
  if (numbers.length === 0 || typeof target !== 'number') return undefined;
  const [first] = numbers;
  return first === undefined ? undefined : Math.sign(first - target);
}

export function unknownFunction(name: string): JiraHttpError {
  return new JiraHttpError(400, [`Unable to find JQL function '${name}()'.`]);
}

export function jqlField(name: string, env: JqlEnvironment): JqlField {
  const { services, renderer } = env;
  const { store, catalog } = services;
  const lower = name.toLowerCase();
  const stored = (issue: IssueRecord, id: string): unknown => renderer.stored(issue, id);
  // Statuses are read once per query, not once per issue looked at.
  let statusesById: Map<string, ReturnType<typeof store.projects.statuses>[number]> | undefined;
  const statusOf = (issue: IssueRecord) => (statusesById ??= new Map(store.projects.statuses().map((status) => [status.id, status]))).get(statusIdOf(issue));

  const storedUsers = (id: string) => (issue: IssueRecord): string[] => {
    const value = stored(issue, id);
    if (Array.isArray(value)) return value.map(String);
    return typeof value === 'string' ? [value] : [];
  };

  const textOf = (issue: IssueRecord, id: string): string => {
    const field = catalog.byId(id);
    return field ? services.values.searchText(field, stored(issue, id)) : '';
  };

  const textField = (label: string, read: (issue: IssueRecord) => string, exact: boolean): JqlField => ({
    label,
    values: (issue) => {
      const value = read(issue).trim();
      return value === '' ? [] : [value.toLowerCase()];
    },
    ...(exact ? { literal: (value: string) => [value.toLowerCase()] } : {}),
    text: read,
    sortKey: (issue) => read(issue).toLowerCase() || undefined,
  });

  switch (lower) {
    case 'project':
      return {
        label: 'project',
        values: (issue) => [issue.projectId],
        literal: (value) => {
          const project = store.projects.projects().find((candidate) => candidate.id === value || candidate.key.toLowerCase() === value.toLowerCase() || candidate.name.toLowerCase() === value.toLowerCase());
          if (!project || !services.permissions.canBrowse(env.actor, project.id)) throw noSuchValue(value, 'project');
          return [project.id];
        },
        sortKey: (issue) => store.projects.project(issue.projectId)?.key,
      };
    case 'key':
    case 'issuekey':
    case 'issue':
    case 'id': {
      const target = (value: string): IssueRecord => {
        const issue = store.issues.find(value);
        if (!issue || !services.permissions.canBrowse(env.actor, issue.projectId)) throw new JiraHttpError(400, [`An issue with key '${value}' does not exist for field '${name}'.`]);
        return issue;
      };
      return {
        label: name,
        values: (issue) => [issue.id],
        literal: (value) => [target(value).id],
        compare: (issue, value) => {
          const other = store.issues.find(String(value));
          if (!other || other.projectId !== issue.projectId) return undefined;
          return Math.sign(issue.num - other.num);
        },
        sortKey: (issue) => `${store.projects.project(issue.projectId)?.key ?? ''}-${String(issue.num).padStart(10, '0')}`,
      };
    }
    case 'status':
      return {
        label: 'status',
        values: (issue) => [statusIdOf(issue)],
        literal: (value) => {
          const matches = store.projects.statuses().filter((status) => status.id === value || status.name.toLowerCase() === value.toLowerCase());
          if (matches.length === 0) throw noSuchValue(value, 'status');
          return matches.map((status) => status.id);
        },
        sortKey: (issue) => statusOf(issue)?.name.toLowerCase(),
      };
    case 'statuscategory':
      return {
        label: 'statusCategory',
        values: (issue) => {
          const status = statusOf(issue);
          return status ? [status.category] : [];
        },
        literal: (value) => {
          const category = Object.values(statusCategories).find((candidate) => candidate.key === value.toLowerCase() || candidate.name.toLowerCase() === value.toLowerCase() || String(candidate.id) === value);
          if (!category) throw noSuchValue(value, 'statusCategory');
          return [category.key];
        },
        sortKey: (issue) => statusOf(issue)?.category,
      };
    case 'issuetype':
    case 'type':
      return {
        label: name,
        values: (issue) => [issueTypeIdOf(issue)],
        literal: (value) => {
          const matches = store.projects.issueTypes().filter((issueType) => issueType.id === value || issueType.name.toLowerCase() === value.toLowerCase());
          if (matches.length === 0) throw noSuchValue(value, name);
          return matches.map((issueType) => issueType.id);
        },
        sortKey: (issue) => store.projects.issueType(issueTypeIdOf(issue))?.name.toLowerCase(),
      };
    case 'resolution':
      return {
        label: 'resolution',
        values: (issue) => {
          const value = stored(issue, 'resolution');
          return typeof value === 'string' ? [value] : [];
        },
        literal: (value) => {
          if (value.toLowerCase() === 'unresolved') return [];
          const resolution = resolutions.find((candidate) => candidate.id === value || candidate.name.toLowerCase() === value.toLowerCase());
          if (!resolution) throw noSuchValue(value, 'resolution');
          return [resolution.id];
        },
        sortKey: (issue) => resolutions.find((resolution) => resolution.id === stored(issue, 'resolution'))?.name.toLowerCase(),
      };
    case 'priority': {
      const rank = (id: unknown): number | undefined => {
        const priority = priorities.find((candidate) => candidate.id === id);
        return priority ? priorities.length + 1 - Number(priority.id) : undefined;
      };
      return {
        label: 'priority',
        values: (issue) => {
          const value = stored(issue, 'priority');
          return typeof value === 'string' ? [value] : [];
        },
        literal: (value) => {
          const priority = priorities.find((candidate) => candidate.id === value || candidate.name.toLowerCase() === value.toLowerCase());
          if (!priority) throw noSuchValue(value, 'priority');
          return [priority.id];
        },
        compare: (issue, target) => {
          const mine = rank(stored(issue, 'priority'));
          const theirs = rank(String(target));
          return mine === undefined || theirs === undefined ? undefined : Math.sign(mine - theirs);
        },
        sortKey: (issue) => rank(stored(issue, 'priority')),
      };
    }
    case 'assignee':
    case 'reporter':
    case 'creator':
      return userField(env, lower, storedUsers(lower));
    case 'labels':
      return {
        label: 'labels',
        values: (issue) => {
          const value = stored(issue, 'labels');
          return Array.isArray(value) ? value.map((label) => String(label).toLowerCase()) : [];
        },
        literal: (value) => [value.toLowerCase()],
        sortKey: (issue) => {
          const value = stored(issue, 'labels');
          return Array.isArray(value) && value.length > 0 ? value.map(String).join(' ').toLowerCase() : undefined;
        },
      };
    case 'created':
    case 'createddate':
      return dateField(env, 'created', (issue) => issue.created);
    case 'updated':
    case 'updateddate':
      return dateField(env, 'updated', (issue) => issue.updated);
    case 'resolved':
    case 'resolutiondate':
      return dateField(env, 'resolved', (issue) => {
        const value = stored(issue, 'resolutiondate');
        return typeof value === 'number' ? value : undefined;
      });
    case 'statuscategorychangeddate':
      return dateField(env, 'statusCategoryChangedDate', (issue) => {
        const value = stored(issue, 'statuscategorychangedate');
        return typeof value === 'number' ? value : undefined;
      });
    case 'due':
    case 'duedate':
      return dateField(env, 'due', (issue) => {
        const value = stored(issue, 'duedate');
        return typeof value === 'string' ? dateToMs(value) : undefined;
      });
    case 'summary':
      return textField('summary', (issue) => textOf(issue, 'summary'), false);
    case 'description':
      return textField('description', (issue) => textOf(issue, 'description'), false);
    case 'environment':
      return textField('environment', (issue) => textOf(issue, 'environment'), false);
    case 'comment':
      return textField('comment', (issue) => commentsText(issue), false);
    case 'text':
      return textField(
        'text',
        (issue) =>
          [
            textOf(issue, 'summary'),
            textOf(issue, 'description'),
            textOf(issue, 'environment'),
            commentsText(issue),
            ...catalog
              .all()
              .filter((field) => field.custom && (field.kind === 'string' || field.kind === 'adf' || field.kind === 'url'))
              .map((field) => services.values.searchText(field, stored(issue, field.id))),
          ].join('\n'),
        false,
      );
    default:
      return customJqlField(name, env);
  }

  function commentsText(issue: IssueRecord): string {
    return renderer
      .visibleComments(issue, env.actor)
      .map((comment) => adfToText(comment.body))
      .join('\n');
  }
}

function dateField(env: JqlEnvironment, label: string, read: (issue: IssueRecord) => number | undefined): JqlField {
  return {
    label,
    values: (issue) => {
      const value = read(issue);
      return value === undefined ? [] : [value];
    },
    literal: (value) => {
      const ms = parseJqlDate(value, env.now);
      if (ms === undefined) throw new JiraHttpError(400, [invalidDateMessage(value, label)]);
      return [ms];
    },
    call: (fn, args) => {
      if (!isDateFunction(fn)) throw unknownFunction(fn);
      try {
        return [evaluateDateFunction(fn, args, env.now)];
      } catch (error) {
        if (error instanceof RangeError) throw new JiraHttpError(400, [error.message]);
        throw error;
      }
    },
    compare: (issue, target) => {
      const value = read(issue);
      return value === undefined || typeof target !== 'number' ? undefined : Math.sign(value - target);
    },
    sortKey: read,
  };
}

function userField(env: JqlEnvironment, label: string, read: (issue: IssueRecord) => string[]): JqlField {
  const { store } = env.services;
  return {
    label,
    values: read,
    literal: (value) => {
      const lowerValue = value.toLowerCase();
      const user = store.users.all().find((candidate) => candidate.accountId === value || candidate.emailAddress.toLowerCase() === lowerValue || candidate.displayName.toLowerCase() === lowerValue);
      if (!user) throw noSuchValue(value, label);
      return [user.accountId];
    },
    call: (fn, args) => {
      if (fn.toLowerCase() === 'currentuser') return [env.actorAccountId];
      if (fn.toLowerCase() === 'membersof') {
        const [groupName = ''] = args;
        const group = store.users.groupByName(groupName) ?? store.users.groupById(groupName);
        if (!group) throw new JiraHttpError(400, [`Function 'membersOf' can not generate a list of usernames for group '${groupName}'; the group does not exist.`]);
        return store.users.members(group.groupId).map((user) => user.accountId);
      }
      throw unknownFunction(fn);
    },
    sortKey: (issue) => {
      const [accountId] = read(issue);
      return accountId === undefined ? undefined : (store.users.byAccountId(accountId)?.displayName.toLowerCase() ?? accountId);
    },
  };
}

function customJqlField(name: string, env: JqlEnvironment): JqlField {
  const { services, renderer } = env;
  const candidates = services.catalog.byClauseName(name);
  const [field] = candidates;
  if (!field || !field.searchable) throw new JiraHttpError(400, [`Field '${name}' does not exist or you do not have permission to view it.`]);
  if (candidates.length > 1) throw new JiraHttpError(400, [`Field '${name}' is ambiguous: use cf[${field.id.replace('customfield_', '')}] or another id.`]);
  return fieldFromDefinition(name, field, env, renderer);
}

function fieldFromDefinition(name: string, field: FieldDef, env: JqlEnvironment, renderer: IssueRenderer): JqlField {
  const { services } = env;
  const { store, catalog } = services;
  const raw = (issue: IssueRecord): unknown[] => {
    const value = renderer.stored(issue, field.id);
    if (value === null || value === undefined) return [];
    return Array.isArray(value) ? value : [value];
  };
  const base = { label: name };
  switch (field.kind) {
    case 'option':
      return {
        ...base,
        values: (issue) => raw(issue).map(String),
        literal: (value) => {
          const matches = catalog.allOptions(field.id).filter((option) => option.id === value || option.value.toLowerCase() === value.toLowerCase());
          if (matches.length === 0) throw new JiraHttpError(400, [`The option '${value}' for field '${name}' does not exist.`]);
          return matches.map((option) => option.id);
        },
        sortKey: (issue) => {
          const [first] = raw(issue);
          const option = first === undefined ? undefined : store.fields.option(String(first));
          return option?.position;
        },
      };
    case 'user': {
      const users = (issue: IssueRecord): string[] => raw(issue).map(String);
      return userField(env, name, users);
    }
    case 'group':
      return {
        ...base,
        values: (issue) => raw(issue).map(String),
        literal: (value) => {
          const group = store.users.groupByName(value) ?? store.users.groupById(value);
          if (!group) throw new JiraHttpError(400, [`The value '${value}' does not exist for the field '${name}'.`]);
          return [group.groupId];
        },
        sortKey: (issue) => {
          const [groupId] = raw(issue);
          return groupId === undefined ? undefined : store.users.groupById(String(groupId))?.name.toLowerCase();
        },
      };
    case 'datetime':
    case 'date': {
      const read = (issue: IssueRecord): number | undefined => {
        const [value] = raw(issue);
        if (typeof value === 'number') return value;
        return typeof value === 'string' ? dateToMs(value) : undefined;
      };
      return dateField(env, name, read);
    }
    case 'number':
      return {
        ...base,
        values: (issue) => raw(issue).filter((value): value is number => typeof value === 'number'),
        literal: (value) => {
          const number = Number(value);
          if (value.trim() === '' || !Number.isFinite(number)) throw new JiraHttpError(400, [`'${value}' is not a valid number for field '${name}'.`]);
          return [number];
        },
        compare: (issue, target) => numericCompare(raw(issue).filter((value): value is number => typeof value === 'number'), target),
        sortKey: (issue) => {
          const [value] = raw(issue);
          return typeof value === 'number' ? value : undefined;
        },
      };
    case 'label':
      return {
        ...base,
        values: (issue) => raw(issue).map((value) => String(value).toLowerCase()),
        literal: (value) => [value.toLowerCase()],
        sortKey: (issue) => raw(issue).map(String).join(' ').toLowerCase() || undefined,
      };
    case 'string':
    case 'url':
    case 'adf': {
      const text = (issue: IssueRecord): string => services.values.searchText(field, renderer.stored(issue, field.id));
      // Jira's text fields only search by words; app string fields and URL fields also match exactly.
      const exact = field.kind === 'url' || field.customField?.forge !== null;
      return {
        ...base,
        values: (issue) => (text(issue).trim() === '' ? [] : [text(issue).toLowerCase()]),
        ...(exact ? { literal: (value: string) => [value.toLowerCase()] } : {}),
        text,
        sortKey: (issue) => text(issue).toLowerCase() || undefined,
      };
    }
    default:
      throw new JiraHttpError(400, [`Field '${name}' does not support searching.`]);
  }
}
