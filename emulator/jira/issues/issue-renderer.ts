/** Issues as Jira REST v3 shows them (`IssueBean`), and as Forge events carry them. */
import { adfToHtml } from '../adf';
import type { JiraServices } from '../context';
import type { FieldDef } from '../fields/field-catalog';
import { formatJiraTime, renderJiraTime } from '../jira-time';
import type { Json } from '../presenter';
import type { ChangelogRecord, CommentRecord, IssueRecord, WorkflowTransition } from '../store/model';
import type { Actor, EventIssue } from '../types';
import { availableTransitions, issueTypeIdOf, statusById, statusIdOf } from './workflow-state';

/** Which fields a caller asked for (`fields=*all,-comment`, `fields=summary,status`, …). */
export interface FieldSelection {
  all: boolean;
  navigable: boolean;
  include: Set<string>;
  exclude: Set<string>;
}

export function parseFieldSelection(requested: string[] | undefined, fallback: string): FieldSelection {
  const entries = requested && requested.length > 0 ? requested : [fallback];
  const selection: FieldSelection = { all: false, navigable: false, include: new Set(), exclude: new Set() };
  for (const entry of entries) {
    if (entry === '*all') selection.all = true;
    else if (entry === '*navigable') selection.navigable = true;
    else if (entry.startsWith('-')) selection.exclude.add(entry.slice(1));
    else selection.include.add(entry);
  }
  return selection;
}

/** The fields Forge puts in event payloads. */
const eventFieldIds = ['summary', 'issuetype', 'creator', 'created', 'project', 'reporter', 'assignee', 'updated', 'status', 'priority', 'labels', 'resolution'];

export class IssueRenderer {
  constructor(private readonly services: JiraServices) {}

  /** Fields that belong to this issue: all system fields and the custom fields whose context covers it. */
  applicableFields(issue: IssueRecord): FieldDef[] {
    const issueTypeId = issueTypeIdOf(issue);
    return this.services.catalog.all().filter((field) => field.id !== 'issuekey' && field.id !== 'statusCategory' && this.services.catalog.appliesTo(field, issue.projectId, issueTypeId));
  }

  selectedFields(issue: IssueRecord, selection: FieldSelection): FieldDef[] {
    return this.applicableFields(issue).filter((field) => {
      if (selection.exclude.has(field.id) || selection.exclude.has(field.key)) return false;
      if (selection.all) return true;
      if (selection.navigable && field.navigable) return true;
      return selection.include.has(field.id) || selection.include.has(field.key);
    });
  }

  /** The raw stored value of a field, with the columns that are not kept in the JSON. */
  stored(issue: IssueRecord, fieldId: string): unknown {
    if (fieldId === 'created') return issue.created;
    if (fieldId === 'updated') return issue.updated;
    return issue.fields[fieldId] ?? null;
  }

  fieldValue(issue: IssueRecord, field: FieldDef, actor: Actor): unknown {
    const { present, store } = this.services;
    switch (field.id) {
      case 'issuetype': {
        const issueType = store.projects.issueType(issueTypeIdOf(issue));
        return issueType ? present.issueType(issueType) : null;
      }
      case 'project': {
        const project = store.projects.project(issue.projectId);
        return project ? present.projectRef(project) : null;
      }
      case 'status':
        return present.status(statusById(this.services, statusIdOf(issue)));
      case 'issuelinks':
        return this.issueLinks(issue, actor);
      case 'comment': {
        const comments = this.visibleComments(issue, actor).map((comment) => this.comment(issue, comment, new Set()));
        return { comments, self: present.api(`/issue/${issue.id}/comment`), maxResults: comments.length, total: comments.length, startAt: 0 };
      }
      case 'watches': {
        const watchers = store.issues.watchers(issue.id);
        const me = actor.kind === 'user' ? actor.accountId : this.services.app.accountId;
        return { self: present.api(`/issue/${issue.key}/watchers`), watchCount: watchers.length, isWatching: watchers.includes(me) };
      }
      default:
        return this.services.values.toRest(field, this.stored(issue, field.id));
    }
  }

  fields(issue: IssueRecord, selection: FieldSelection, actor: Actor): Json {
    const fields: Json = {};
    for (const field of this.selectedFields(issue, selection)) fields[field.id] = this.fieldValue(issue, field, actor);
    return fields;
  }

  /** `GET /issue/{key}` and search results: `IssueBean` with the requested fields and expansions. */
  issue(issue: IssueRecord, actor: Actor, selection: FieldSelection, expand: Set<string>): Json {
    const selected = this.selectedFields(issue, selection);
    const json: Json = {
      expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
      id: issue.id,
      self: this.services.present.api(`/issue/${issue.id}`),
      key: issue.key,
    };
    if (selected.length > 0) {
      const fields: Json = {};
      for (const field of selected) fields[field.id] = this.fieldValue(issue, field, actor);
      json['fields'] = fields;
    }
    if (expand.has('renderedFields')) {
      const rendered: Json = {};
      for (const field of selected) {
        if (field.id === 'comment') {
          const comments = this.visibleComments(issue, actor).map((comment) => this.comment(issue, comment, new Set(['renderedBody'])));
          rendered[field.id] = { comments, maxResults: comments.length, total: comments.length, startAt: 0 };
        } else if (field.id === 'created' || field.id === 'updated') {
          rendered[field.id] = renderJiraTime(field.id === 'created' ? issue.created : issue.updated);
        } else {
          rendered[field.id] = this.services.values.rendered(field, this.stored(issue, field.id));
        }
      }
      json['renderedFields'] = rendered;
    }
    if (expand.has('names')) json['names'] = Object.fromEntries(selected.map((field) => [field.id, field.name]));
    if (expand.has('schema')) json['schema'] = Object.fromEntries(selected.flatMap((field) => (field.schema ? [[field.id, field.schema]] : [])));
    if (expand.has('transitions')) json['transitions'] = availableTransitions(this.services, issue).map((transition) => this.transition(issue, transition, false));
    if (expand.has('changelog')) {
      const histories = this.services.store.issues.changelog(issue.id).map((entry) => this.changelog(entry));
      json['changelog'] = { startAt: 0, maxResults: histories.length, total: histories.length, histories };
    }
    return json;
  }

  /** The issue as Forge events and post-functions carry it. */
  eventIssue(issue: IssueRecord): EventIssue {
    const fields: Json = {};
    for (const id of eventFieldIds) {
      const field = this.services.catalog.byId(id);
      if (!field) continue;
      if (field.kind === 'user') fields[id] = this.services.values.toEvent(field, this.stored(issue, id));
      else fields[id] = this.fieldValue(issue, field, { kind: 'app' });
    }
    return { id: issue.id, key: issue.key, fields };
  }

  transition(issue: IssueRecord, transition: WorkflowTransition, withFields: boolean): Json {
    const to = statusById(this.services, transition.to);
    const json: Json = {
      id: transition.id,
      name: transition.name,
      to: this.services.present.status(to),
      hasScreen: transition.screen,
      isGlobal: transition.from.length === 0,
      isInitial: false,
      isAvailable: true,
      isConditional: false,
      isLooped: transition.to === statusIdOf(issue) && transition.from.length === 0,
    };
    if (withFields) {
      const fields: Json = {};
      if (transition.screen) {
        const onScreen = new Set(this.services.catalog.screenFields(issue.projectId, issueTypeIdOf(issue)).map((field) => field.id));
        const screenFields = this.applicableFields(issue).filter((field) => onScreen.has(field.id) || field.id === 'resolution');
        for (const field of screenFields) fields[field.id] = this.fieldMetadata(issue.projectId, issueTypeIdOf(issue), field, false);
      }
      json['fields'] = fields;
    }
    return json;
  }

  /** `FieldMetadata` / `FieldCreateMetadata`: what a screen shows for a field, options included. */
  fieldMetadata(projectId: string, issueTypeId: string, field: FieldDef, required: boolean): Json {
    const json: Json = {
      required,
      schema: field.schema ?? { type: 'string' },
      name: field.name,
      key: field.key,
      operations: field.operations,
      hasDefaultValue: field.id === 'priority',
    };
    const allowed = this.allowedValues(projectId, issueTypeId, field);
    if (allowed !== undefined) json['allowedValues'] = allowed;
    if (field.kind === 'user') json['autoCompleteUrl'] = this.services.present.api('/user/search?query=');
    if (field.id === 'priority') json['defaultValue'] = this.services.present.priority('3');
    return json;
  }

  private allowedValues(projectId: string, issueTypeId: string, field: FieldDef): unknown[] | undefined {
    const { present, catalog } = this.services;
    if (field.kind === 'option') return catalog.optionsFor(field.id, projectId, issueTypeId).filter((option) => !option.disabled).map((option) => present.option(option));
    if (field.kind === 'priority') return ['1', '2', '3', '4', '5'].map((id) => present.priority(id));
    if (field.kind === 'resolution') return ['10000', '10001', '10002', '10003'].map((id) => present.resolution(id));
    if (field.kind === 'issuetype') {
      return this.services.store.projects
        .projectIssueTypes(projectId)
        .flatMap((entry) => {
          const issueType = this.services.store.projects.issueType(entry.issueTypeId);
          return issueType && entry.issueTypeId === issueTypeId ? [present.issueType(issueType)] : [];
        });
    }
    if (field.kind === 'project') {
      const project = this.services.store.projects.project(projectId);
      return project ? [present.projectRef(project)] : [];
    }
    return undefined;
  }

  changelog(entry: ChangelogRecord): Json {
    const author = this.services.store.users.byAccountId(entry.author);
    return {
      id: entry.id,
      ...(author ? { author: this.services.present.userDetails(author) } : {}),
      created: formatJiraTime(entry.created),
      // The published schema types `from`/`to` as strings, so absent values are left out rather than null.
      items: entry.items.map((item) => Object.fromEntries(Object.entries(item).filter(([, value]) => value !== null))),
    };
  }

  visibleComments(issue: IssueRecord, actor: Actor): CommentRecord[] {
    return this.services.store.comments.forIssue(issue.id).filter((comment) => this.canSeeComment(issue, comment, actor));
  }

  canSeeComment(issue: IssueRecord, comment: CommentRecord, actor: Actor): boolean {
    const visibility = comment.visibility;
    if (visibility === null || actor.kind === 'app') return true;
    if (actor.kind !== 'user') return false;
    if (visibility.type === 'role') return this.services.permissions.rolesOf(actor.accountId, issue.projectId).has(visibility.value ?? visibility.identifier ?? '');
    const groups = this.services.store.users.groupsOf(actor.accountId);
    return groups.some((group) => group.name === visibility.value || group.groupId === visibility.identifier);
  }

  comment(issue: IssueRecord, comment: CommentRecord, expand: Set<string>): Json {
    const { present, store } = this.services;
    const author = store.users.byAccountId(comment.author);
    const updateAuthor = store.users.byAccountId(comment.updateAuthor);
    const json: Json = {
      self: present.api(`/issue/${issue.id}/comment/${comment.id}`),
      id: comment.id,
      ...(author ? { author: present.userDetails(author) } : {}),
      body: comment.body,
      ...(updateAuthor ? { updateAuthor: present.userDetails(updateAuthor) } : {}),
      created: formatJiraTime(comment.created),
      updated: formatJiraTime(comment.updated),
      jsdPublic: true,
    };
    if (comment.visibility !== null) json['visibility'] = comment.visibility;
    if (expand.has('renderedBody')) json['renderedBody'] = adfToHtml(comment.body);
    return json;
  }

  private issueLinks(issue: IssueRecord, actor: Actor): Json[] {
    const { store, present } = this.services;
    const types = store.links.linkTypes();
    return store.links.linksOf(issue.id).flatMap((link) => {
      const type = types.find((candidate) => candidate.id === link.typeId);
      // Seen from the source, the other issue lies in the outward direction ("HOT-1 blocks HOT-2").
      const outward = link.sourceIssueId === issue.id;
      const other = store.issues.find(outward ? link.destinationIssueId : link.sourceIssueId);
      if (!type || !other || !this.services.permissions.canBrowse(actor, other.projectId)) return [];
      return [{ id: link.id, self: present.api(`/issueLink/${link.id}`), type: present.linkType(type), [outward ? 'outwardIssue' : 'inwardIssue']: this.linkedIssue(other) }];
    });
  }

  /** The short issue shape inside links. */
  linkedIssue(issue: IssueRecord): Json {
    const { present, store } = this.services;
    const issueType = store.projects.issueType(issueTypeIdOf(issue));
    const priority = present.priority(String(issue.fields['priority'] ?? '3'));
    return {
      id: issue.id,
      key: issue.key,
      self: present.api(`/issue/${issue.id}`),
      fields: {
        summary: String(issue.fields['summary'] ?? ''),
        status: present.status(statusById(this.services, statusIdOf(issue))),
        ...(priority ? { priority } : {}),
        ...(issueType ? { issuetype: present.issueType(issueType) } : {}),
      },
    };
  }
}
