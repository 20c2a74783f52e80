/** Projects, their issue types, workflows (with statuses) and role members. */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import {
  statusCategoryKeys,
  workflowDefinitionShape,
  type IssueType,
  type Project,
  type ProjectIssueType,
  type RoleActor,
  type RoleName,
  type Status,
  type Workflow,
} from './model';

const projectRow = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  lead_account_id: z.string(),
  project_type_key: z.enum(['software', 'service_desk', 'business']),
});
const issueTypeRow = z.object({ id: z.string(), name: z.string(), description: z.string(), icon: z.string(), subtask: z.number() });
const statusRow = z.object({ id: z.string(), name: z.string(), category: z.enum(statusCategoryKeys), description: z.string() });
const workflowRow = z.object({ id: z.string(), name: z.string(), description: z.string(), definition: z.string() });
const projectIssueTypeRow = z.object({ project_id: z.string(), issue_type_id: z.string(), workflow_id: z.string(), position: z.number() });
const roleRow = z.object({ role: z.string(), actor_type: z.enum(['user', 'group']), actor: z.string() });

export class ProjectsRepo {
  constructor(private readonly db: Database) {}

  insertProject(project: Project): void {
    this.db
      .prepare(
        `INSERT INTO jira_projects (id, key, name, description, lead_account_id, project_type_key, issue_counter)
         VALUES (@id, @key, @name, @description, @leadAccountId, @projectTypeKey, 0)`,
      )
      .run(project);
  }

  projects(): Project[] {
    return this.db
      .prepare('SELECT * FROM jira_projects ORDER BY key')
      .all()
      .map((row) => toProject(projectRow.parse(row)));
  }

  /** By id, or by key (case-insensitively, as Jira accepts `hot` for `HOT`). */
  project(idOrKey: string): Project | undefined {
    const row: unknown = this.db.prepare('SELECT * FROM jira_projects WHERE id = ? OR key = ? COLLATE NOCASE').get(idOrKey, idOrKey);
    return row === undefined ? undefined : toProject(projectRow.parse(row));
  }

  /** Reserves the next issue number of a project (HOT-1, HOT-2, …). */
  nextIssueNumber(projectId: string): number {
    const row = z
      .object({ issue_counter: z.number() })
      .parse(this.db.prepare('UPDATE jira_projects SET issue_counter = issue_counter + 1 WHERE id = ? RETURNING issue_counter').get(projectId));
    return row.issue_counter;
  }

  upsertIssueType(issueType: IssueType): void {
    this.db
      .prepare(
        `INSERT INTO jira_issue_types (id, name, description, icon, subtask) VALUES (@id, @name, @description, @icon, @subtask)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, description = excluded.description`,
      )
      .run({ ...issueType, subtask: issueType.subtask ? 1 : 0 });
  }

  issueTypes(): IssueType[] {
    return this.db
      .prepare('SELECT * FROM jira_issue_types ORDER BY id')
      .all()
      .map((row) => toIssueType(issueTypeRow.parse(row)));
  }

  issueType(id: string): IssueType | undefined {
    const row: unknown = this.db.prepare('SELECT * FROM jira_issue_types WHERE id = ?').get(id);
    return row === undefined ? undefined : toIssueType(issueTypeRow.parse(row));
  }

  attachIssueType(entry: ProjectIssueType): void {
    this.db
      .prepare(
        `INSERT INTO jira_project_issue_types (project_id, issue_type_id, workflow_id, position)
         VALUES (@projectId, @issueTypeId, @workflowId, @position)`,
      )
      .run(entry);
  }

  projectIssueTypes(projectId: string): ProjectIssueType[] {
    return this.db
      .prepare('SELECT * FROM jira_project_issue_types WHERE project_id = ? ORDER BY position')
      .all(projectId)
      .map((row) => {
        const parsed = projectIssueTypeRow.parse(row);
        return { projectId: parsed.project_id, issueTypeId: parsed.issue_type_id, workflowId: parsed.workflow_id, position: parsed.position };
      });
  }

  upsertStatus(status: Status): void {
    this.db
      .prepare(
        `INSERT INTO jira_statuses (id, name, category, description) VALUES (@id, @name, @category, @description)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, category = excluded.category, description = excluded.description`,
      )
      .run(status);
  }

  statuses(): Status[] {
    return this.db
      .prepare('SELECT * FROM jira_statuses ORDER BY id')
      .all()
      .map((row) => statusRow.parse(row));
  }

  status(id: string): Status | undefined {
    const row: unknown = this.db.prepare('SELECT * FROM jira_statuses WHERE id = ?').get(id);
    return row === undefined ? undefined : statusRow.parse(row);
  }

  upsertWorkflow(workflow: Workflow): void {
    const { id, name, description, ...definition } = workflow;
    this.db
      .prepare(
        `INSERT INTO jira_workflows (id, name, description, definition) VALUES (?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, description = excluded.description, definition = excluded.definition`,
      )
      .run(id, name, description, JSON.stringify(workflowDefinitionShape.parse(definition)));
  }

  workflow(id: string): Workflow | undefined {
    const row: unknown = this.db.prepare('SELECT * FROM jira_workflows WHERE id = ?').get(id);
    if (row === undefined) return undefined;
    const parsed = workflowRow.parse(row);
    return { id: parsed.id, name: parsed.name, description: parsed.description, ...workflowDefinitionShape.parse(JSON.parse(parsed.definition)) };
  }

  workflows(): Workflow[] {
    return this.db
      .prepare('SELECT id FROM jira_workflows ORDER BY name')
      .all()
      .flatMap((row) => {
        const workflow = this.workflow(z.object({ id: z.string() }).parse(row).id);
        return workflow ? [workflow] : [];
      });
  }

  addRoleActor(projectId: string, role: RoleName, actor: RoleActor): void {
    this.db
      .prepare('INSERT OR IGNORE INTO jira_project_roles (project_id, role, actor_type, actor) VALUES (?, ?, ?, ?)')
      .run(projectId, role, actor.type, actor.id);
  }

  roleActors(projectId: string): { role: string; actor: RoleActor }[] {
    return this.db
      .prepare('SELECT role, actor_type, actor FROM jira_project_roles WHERE project_id = ?')
      .all(projectId)
      .map((row) => {
        const parsed = roleRow.parse(row);
        return { role: parsed.role, actor: { type: parsed.actor_type, id: parsed.actor } };
      });
  }
}

function toProject(row: z.infer<typeof projectRow>): Project {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    leadAccountId: row.lead_account_id,
    projectTypeKey: row.project_type_key,
  };
}

function toIssueType(row: z.infer<typeof issueTypeRow>): IssueType {
  return { id: row.id, name: row.name, description: row.description, icon: row.icon, subtask: row.subtask === 1 };
}
