/** The Jira emulator's tables (all prefixed `jira_`), created on demand in the site's shared database. */
import type { Database } from 'better-sqlite3';

const statements = `
CREATE TABLE IF NOT EXISTS jira_sequences (name TEXT PRIMARY KEY, next INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS jira_users (
  account_id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  account_type TEXT NOT NULL,
  active INTEGER NOT NULL,
  time_zone TEXT NOT NULL,
  locale TEXT NOT NULL,
  site_admin INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS jira_groups (group_id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS jira_group_members (
  group_id TEXT NOT NULL,
  account_id TEXT NOT NULL,
  PRIMARY KEY (group_id, account_id)
);
CREATE TABLE IF NOT EXISTS jira_statuses (id TEXT PRIMARY KEY, name TEXT NOT NULL, category TEXT NOT NULL, description TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jira_workflows (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, description TEXT NOT NULL, definition TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jira_issue_types (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL,
  icon TEXT NOT NULL,
  subtask INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS jira_projects (
  id TEXT PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  lead_account_id TEXT NOT NULL,
  project_type_key TEXT NOT NULL,
  issue_counter INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS jira_project_issue_types (
  project_id TEXT NOT NULL,
  issue_type_id TEXT NOT NULL,
  workflow_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (project_id, issue_type_id)
);
CREATE TABLE IF NOT EXISTS jira_project_roles (
  project_id TEXT NOT NULL,
  role TEXT NOT NULL,
  actor_type TEXT NOT NULL,
  actor TEXT NOT NULL,
  PRIMARY KEY (project_id, role, actor_type, actor)
);
CREATE TABLE IF NOT EXISTS jira_custom_fields (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  type TEXT NOT NULL,
  searcher_key TEXT,
  forge_key TEXT UNIQUE,
  forge_type TEXT,
  forge_list INTEGER NOT NULL DEFAULT 0,
  read_only INTEGER NOT NULL DEFAULT 0,
  trashed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS jira_field_contexts (
  id TEXT PRIMARY KEY,
  field_id TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  project_ids TEXT NOT NULL,
  issue_type_ids TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS jira_field_options (
  id TEXT PRIMARY KEY,
  context_id TEXT NOT NULL,
  value TEXT NOT NULL,
  disabled INTEGER NOT NULL,
  position INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS jira_field_options_context ON jira_field_options (context_id, position);
CREATE TABLE IF NOT EXISTS jira_issues (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL,
  num INTEGER NOT NULL,
  key TEXT NOT NULL UNIQUE,
  fields TEXT NOT NULL,
  created INTEGER NOT NULL,
  updated INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS jira_issues_project ON jira_issues (project_id, num);
CREATE INDEX IF NOT EXISTS jira_issues_status ON jira_issues (project_id, json_extract(fields, '$.status'));
CREATE INDEX IF NOT EXISTS jira_issues_resolution ON jira_issues (project_id, json_extract(fields, '$.resolution'));
CREATE INDEX IF NOT EXISTS jira_issues_created ON jira_issues (project_id, created);
CREATE INDEX IF NOT EXISTS jira_issues_updated ON jira_issues (project_id, updated);
CREATE TABLE IF NOT EXISTS jira_comments (
  id TEXT PRIMARY KEY,
  issue_id TEXT NOT NULL,
  author TEXT NOT NULL,
  update_author TEXT NOT NULL,
  body TEXT NOT NULL,
  visibility TEXT,
  created INTEGER NOT NULL,
  updated INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS jira_comments_issue ON jira_comments (issue_id, created);
CREATE TABLE IF NOT EXISTS jira_changelog (
  id TEXT PRIMARY KEY,
  issue_id TEXT NOT NULL,
  author TEXT NOT NULL,
  created INTEGER NOT NULL,
  items TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS jira_changelog_issue ON jira_changelog (issue_id, created);
CREATE TABLE IF NOT EXISTS jira_issue_links (
  id TEXT PRIMARY KEY,
  type_id TEXT NOT NULL,
  source_issue_id TEXT NOT NULL,
  destination_issue_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS jira_issue_link_types (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  inward TEXT NOT NULL,
  outward TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS jira_remote_links (
  id INTEGER PRIMARY KEY,
  issue_id TEXT NOT NULL,
  global_id TEXT,
  link TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS jira_watchers (issue_id TEXT NOT NULL, account_id TEXT NOT NULL, PRIMARY KEY (issue_id, account_id));
CREATE TABLE IF NOT EXISTS jira_default_screen_fields (field_id TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS jira_permission_grants (
  project_id TEXT NOT NULL,
  permission TEXT NOT NULL,
  holder_type TEXT NOT NULL,
  holder TEXT NOT NULL,
  PRIMARY KEY (project_id, permission, holder_type, holder)
);
CREATE TABLE IF NOT EXISTS jira_screen_fields (screen_id TEXT NOT NULL, field_id TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (screen_id, field_id));
CREATE TABLE IF NOT EXISTS jira_field_configuration_items (
  configuration_id TEXT NOT NULL,
  field_id TEXT NOT NULL,
  required INTEGER NOT NULL,
  description TEXT,
  PRIMARY KEY (configuration_id, field_id)
);
`;

export function createJiraSchema(db: Database): void {
  db.exec(statements);
}

/** Hands out Jira-style numeric ids (`10000`, `10001`, …), one counter per kind, kept in the database. */
export function nextId(db: Database, sequence: string, first = 10000): number {
  const row = db
    .prepare('INSERT INTO jira_sequences (name, next) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET next = next + 1 RETURNING next')
    .get(sequence, first) as { next: number };
  return row.next;
}
