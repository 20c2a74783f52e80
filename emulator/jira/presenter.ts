/** The JSON shapes Jira REST v3 answers with for its shared objects (users, statuses, projects, …). */
import { priorities, resolutions, statusCategories, type LinkTypeDefinition } from './jira-defaults';
import type { FieldOption, IssueType, Project, Status } from './store/model';
import type { JiraStore } from './store/jira-store';
import type { Group } from './store/users-repo';
import type { JiraUser } from './types';

export type Json = Record<string, unknown>;

export class Presenter {
  constructor(
    readonly baseUrl: string,
    private readonly store: JiraStore,
  ) {}

  api(path: string): string {
    return `${this.baseUrl}/rest/api/3${path}`;
  }

  avatarUrls(kind: 'user' | 'project', id: string): Json {
    const urls: Json = {};
    for (const size of [48, 24, 16, 32]) urls[`${size}x${size}`] = `${this.baseUrl}/secure/${kind}avatar?size=${size}&id=${encodeURIComponent(id)}`;
    return urls;
  }

  /** The `UserDetails` shape used inside issues, comments and changelogs. */
  userDetails(user: JiraUser): Json {
    return {
      self: this.api(`/user?accountId=${encodeURIComponent(user.accountId)}`),
      accountId: user.accountId,
      emailAddress: user.emailAddress,
      avatarUrls: this.avatarUrls('user', user.accountId),
      displayName: user.displayName,
      active: user.active,
      timeZone: user.timeZone,
      accountType: user.accountType,
    };
  }

  /** The `User` shape of the user endpoints; `expand=groups` adds the groups. */
  user(user: JiraUser, expand: Set<string> = new Set()): Json {
    const json: Json = { ...this.userDetails(user), locale: user.locale };
    if (expand.has('groups')) {
      const groups = this.store.users.groupsOf(user.accountId);
      json['groups'] = { size: groups.length, items: groups.map((group) => this.groupName(group)) };
    }
    if (expand.has('applicationRoles')) json['applicationRoles'] = { size: 1, items: [] };
    return json;
  }

  userByAccountId(accountId: string): Json | null {
    const user = this.store.users.byAccountId(accountId);
    return user ? this.userDetails(user) : null;
  }

  groupName(group: Group): Json {
    return { name: group.name, groupId: group.groupId, self: this.api(`/group?groupId=${group.groupId}`) };
  }

  statusCategory(key: Status['category']): Json {
    const category = statusCategories[key];
    return { self: this.api(`/statuscategory/${category.id}`), id: category.id, key: category.key, colorName: category.colorName, name: category.name };
  }

  status(status: Status): Json {
    return {
      self: this.api(`/status/${status.id}`),
      description: status.description,
      iconUrl: `${this.baseUrl}/images/icons/statuses/generic.png`,
      name: status.name,
      id: status.id,
      statusCategory: this.statusCategory(status.category),
    };
  }

  issueType(issueType: IssueType): Json {
    return {
      self: this.api(`/issuetype/${issueType.id}`),
      id: issueType.id,
      description: issueType.description,
      iconUrl: `${this.baseUrl}/images/icons/issuetypes/${issueType.icon}.svg`,
      name: issueType.name,
      subtask: issueType.subtask,
      hierarchyLevel: issueType.subtask ? -1 : 0,
    };
  }

  /** The short project shape inside issues. */
  projectRef(project: Project): Json {
    return {
      self: this.api(`/project/${project.id}`),
      id: project.id,
      key: project.key,
      name: project.name,
      projectTypeKey: project.projectTypeKey,
      simplified: false,
      avatarUrls: this.avatarUrls('project', project.id),
    };
  }

  priority(id: string): Json | null {
    const priority = priorities.find((candidate) => candidate.id === id);
    if (!priority) return null;
    return {
      self: this.api(`/priority/${priority.id}`),
      iconUrl: `${this.baseUrl}/images/icons/priorities/${priority.icon}.svg`,
      name: priority.name,
      id: priority.id,
    };
  }

  resolution(id: string): Json | null {
    const resolution = resolutions.find((candidate) => candidate.id === id);
    if (!resolution) return null;
    return { self: this.api(`/resolution/${resolution.id}`), id: resolution.id, description: resolution.description, name: resolution.name };
  }

  linkType(type: LinkTypeDefinition): Json {
    return { id: type.id, name: type.name, inward: type.inward, outward: type.outward, self: this.api(`/issueLinkType/${type.id}`) };
  }

  linkTypes(): Json[] {
    return this.store.links.linkTypes().map((type) => this.linkType(type));
  }

  option(option: FieldOption): Json {
    return { self: this.api(`/customFieldOption/${option.id}`), value: option.value, id: option.id };
  }
}
