/**
 * Jira's permission model, reduced to what the site needs: project permissions granted per project
 * role (Administrators, Members, Viewers) or by the permission scheme to a group or every user, the global *Administer Jira* permission, and the app,
 * which holds every permission.
 */
import type { RoleName } from './store/model';
import type { JiraStore } from './store/jira-store';
import type { Actor } from './types';

export interface PermissionDefinition {
  id: string;
  key: string;
  name: string;
  type: 'PROJECT' | 'GLOBAL';
  description: string;
}

const definitions: PermissionDefinition[] = [
  { id: '0', key: 'ADMINISTER', name: 'Administer Jira', type: 'GLOBAL', description: 'Create and administer projects, issue types, fields, workflows, and schemes for all projects.' },
  { id: '27', key: 'USER_PICKER', name: 'Browse users and groups', type: 'GLOBAL', description: 'View and select users or groups from the user picker, and share issues.' },
  { id: '10', key: 'BROWSE_PROJECTS', name: 'Browse Projects', type: 'PROJECT', description: 'Ability to browse projects and the issues within them.' },
  { id: '11', key: 'CREATE_ISSUES', name: 'Create Issues', type: 'PROJECT', description: 'Ability to create issues.' },
  { id: '12', key: 'EDIT_ISSUES', name: 'Edit Issues', type: 'PROJECT', description: 'Ability to edit issues.' },
  { id: '46', key: 'TRANSITION_ISSUES', name: 'Transition Issues', type: 'PROJECT', description: 'Ability to transition issues.' },
  { id: '13', key: 'ASSIGN_ISSUES', name: 'Assign Issues', type: 'PROJECT', description: 'Ability to assign issues to other people.' },
  { id: '17', key: 'ASSIGNABLE_USER', name: 'Assignable User', type: 'PROJECT', description: 'Users with this permission may be assigned to issues.' },
  { id: '14', key: 'RESOLVE_ISSUES', name: 'Resolve Issues', type: 'PROJECT', description: 'Ability to resolve and reopen issues.' },
  { id: '18', key: 'CLOSE_ISSUES', name: 'Close Issues', type: 'PROJECT', description: 'Ability to close issues.' },
  { id: '15', key: 'ADD_COMMENTS', name: 'Add Comments', type: 'PROJECT', description: 'Ability to comment on issues.' },
  { id: '34', key: 'EDIT_ALL_COMMENTS', name: 'Edit All Comments', type: 'PROJECT', description: 'Ability to edit all comments made on issues.' },
  { id: '35', key: 'EDIT_OWN_COMMENTS', name: 'Edit Own Comments', type: 'PROJECT', description: 'Ability to edit own comments made on issues.' },
  { id: '36', key: 'DELETE_ALL_COMMENTS', name: 'Delete All Comments', type: 'PROJECT', description: 'Ability to delete all comments made on issues.' },
  { id: '37', key: 'DELETE_OWN_COMMENTS', name: 'Delete Own Comments', type: 'PROJECT', description: 'Ability to delete own comments made on issues.' },
  { id: '21', key: 'LINK_ISSUES', name: 'Link Issues', type: 'PROJECT', description: 'Ability to link issues together and create linked issues.' },
  { id: '16', key: 'DELETE_ISSUES', name: 'Delete Issues', type: 'PROJECT', description: 'Ability to delete issues.' },
  { id: '28', key: 'SCHEDULE_ISSUES', name: 'Schedule Issues', type: 'PROJECT', description: 'Ability to view or edit an issue’s due date.' },
  { id: '30', key: 'MODIFY_REPORTER', name: 'Modify Reporter', type: 'PROJECT', description: 'Ability to modify the reporter when creating or editing an issue.' },
  { id: '32', key: 'MANAGE_WATCHERS', name: 'Manage Watchers', type: 'PROJECT', description: 'Ability to manage the watchers of an issue.' },
  { id: '31', key: 'VIEW_VOTERS_AND_WATCHERS', name: 'View Voters and Watchers', type: 'PROJECT', description: 'Ability to view the voters and watchers of an issue.' },
  { id: '23', key: 'ADMINISTER_PROJECTS', name: 'Administer Projects', type: 'PROJECT', description: 'Ability to administer a project in Jira.' },
];

export const permissionDefinitions: ReadonlyMap<string, PermissionDefinition> = new Map(definitions.map((definition) => [definition.key, definition]));

export type ProjectPermission =
  | 'BROWSE_PROJECTS'
  | 'CREATE_ISSUES'
  | 'EDIT_ISSUES'
  | 'TRANSITION_ISSUES'
  | 'ASSIGN_ISSUES'
  | 'ASSIGNABLE_USER'
  | 'RESOLVE_ISSUES'
  | 'CLOSE_ISSUES'
  | 'ADD_COMMENTS'
  | 'EDIT_ALL_COMMENTS'
  | 'EDIT_OWN_COMMENTS'
  | 'DELETE_ALL_COMMENTS'
  | 'DELETE_OWN_COMMENTS'
  | 'LINK_ISSUES'
  | 'DELETE_ISSUES'
  | 'SCHEDULE_ISSUES'
  | 'MODIFY_REPORTER'
  | 'MANAGE_WATCHERS'
  | 'VIEW_VOTERS_AND_WATCHERS'
  | 'ADMINISTER_PROJECTS';

const viewer: ProjectPermission[] = ['BROWSE_PROJECTS', 'VIEW_VOTERS_AND_WATCHERS'];
const member: ProjectPermission[] = [
  ...viewer,
  'CREATE_ISSUES',
  'EDIT_ISSUES',
  'TRANSITION_ISSUES',
  'ASSIGN_ISSUES',
  'ASSIGNABLE_USER',
  'RESOLVE_ISSUES',
  'CLOSE_ISSUES',
  'ADD_COMMENTS',
  'EDIT_OWN_COMMENTS',
  'DELETE_OWN_COMMENTS',
  'LINK_ISSUES',
  'SCHEDULE_ISSUES',
  'MANAGE_WATCHERS',
];
const administrator: ProjectPermission[] = [...member, 'EDIT_ALL_COMMENTS', 'DELETE_ALL_COMMENTS', 'DELETE_ISSUES', 'MODIFY_REPORTER', 'ADMINISTER_PROJECTS'];

const grants: Record<RoleName, ReadonlySet<ProjectPermission>> = {
  Administrators: new Set(administrator),
  Members: new Set(member),
  Viewers: new Set(viewer),
};

export class Permissions {
  constructor(private readonly store: JiraStore) {}

  /** The roles `accountId` holds in a project, directly or through a group. */
  rolesOf(accountId: string, projectId: string): Set<string> {
    const groupIds = new Set(this.store.users.groupsOf(accountId).map((group) => group.groupId));
    const roles = new Set<string>();
    for (const { role, actor } of this.store.projects.roleActors(projectId)) {
      if ((actor.type === 'user' && actor.id === accountId) || (actor.type === 'group' && groupIds.has(actor.id))) roles.add(role);
    }
    return roles;
  }

  projectPermissionsOf(actor: Actor, projectId: string): Set<ProjectPermission> {
    if (actor.kind === 'app') return new Set(administrator);
    if (actor.kind === 'anonymous') return new Set();
    return this.userProjectPermissions(actor.accountId, projectId);
  }

  userProjectPermissions(accountId: string, projectId: string): Set<ProjectPermission> {
    const user = this.store.users.byAccountId(accountId);
    if (!user?.active) return new Set();
    const granted = new Set<ProjectPermission>();
    for (const role of this.rolesOf(accountId, projectId)) {
      for (const permission of grants[role as RoleName] ?? []) granted.add(permission);
    }
    // The permission scheme's grants to groups or to every user of the site, as Jira's "Create Issues: Any logged in user".
    const extra = this.store.screens.grants(projectId);
    if (extra.length > 0) {
      const groupIds = new Set(this.store.users.groupsOf(accountId).map((group) => group.groupId));
      for (const { permission, holder } of extra) {
        if (holder.type === 'applicationRole' || groupIds.has(holder.id)) granted.add(permission as ProjectPermission);
      }
    }
    return granted;
  }

  has(actor: Actor, projectId: string, permission: ProjectPermission): boolean {
    return this.projectPermissionsOf(actor, projectId).has(permission);
  }

  userHas(accountId: string, projectId: string, permission: ProjectPermission): boolean {
    return this.userProjectPermissions(accountId, projectId).has(permission);
  }

  canBrowse(actor: Actor, projectId: string): boolean {
    return this.has(actor, projectId, 'BROWSE_PROJECTS');
  }

  /** Global permissions: every signed-in user may pick users; site admins administer Jira. */
  hasGlobal(actor: Actor, key: string): boolean {
    if (actor.kind === 'app') return true;
    if (actor.kind === 'anonymous') return false;
    if (key === 'USER_PICKER') return true;
    if (key === 'ADMINISTER') return this.store.users.byAccountId(actor.accountId)?.siteAdmin ?? false;
    return false;
  }
}
