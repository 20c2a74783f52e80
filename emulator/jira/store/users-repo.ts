/** Accounts and groups. */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { JiraUser } from '../types';
import { uuidFor } from './stable-ids';

const userRow = z.object({
  account_id: z.string(),
  email: z.string(),
  display_name: z.string(),
  account_type: z.enum(['atlassian', 'app']),
  active: z.number(),
  time_zone: z.string(),
  locale: z.string(),
  site_admin: z.number(),
});
const groupRow = z.object({ group_id: z.string(), name: z.string() });

export interface Group {
  groupId: string;
  name: string;
}

export type NewUser = Omit<JiraUser, 'groups'>;

export class UsersRepo {
  constructor(private readonly db: Database) {}

  upsert(user: NewUser): void {
    this.db
      .prepare(
        `INSERT INTO jira_users (account_id, email, display_name, account_type, active, time_zone, locale, site_admin)
         VALUES (@accountId, @emailAddress, @displayName, @accountType, @active, @timeZone, @locale, @siteAdmin)
         ON CONFLICT(account_id) DO UPDATE SET email = excluded.email, display_name = excluded.display_name,
           account_type = excluded.account_type, active = excluded.active, site_admin = excluded.site_admin`,
      )
      .run({ ...user, active: user.active ? 1 : 0, siteAdmin: user.siteAdmin ? 1 : 0 });
  }

  byAccountId(accountId: string): JiraUser | undefined {
    const row: unknown = this.db.prepare('SELECT * FROM jira_users WHERE account_id = ?').get(accountId);
    return row === undefined ? undefined : this.toUser(userRow.parse(row));
  }

  byEmail(email: string): JiraUser | undefined {
    const row: unknown = this.db.prepare('SELECT * FROM jira_users WHERE email = ?').get(email);
    return row === undefined ? undefined : this.toUser(userRow.parse(row));
  }

  all(): JiraUser[] {
    return this.db
      .prepare('SELECT * FROM jira_users ORDER BY display_name COLLATE NOCASE, account_id')
      .all()
      .map((row) => this.toUser(userRow.parse(row)));
  }

  count(): number {
    const row = z.object({ n: z.number() }).parse(this.db.prepare('SELECT COUNT(*) AS n FROM jira_users').get());
    return row.n;
  }

  ensureGroup(name: string): Group {
    const existing = this.groupByName(name);
    if (existing) return existing;
    const group = { groupId: uuidFor('group', name), name };
    this.db.prepare('INSERT INTO jira_groups (group_id, name) VALUES (?, ?)').run(group.groupId, group.name);
    return group;
  }

  addMember(groupId: string, accountId: string): void {
    this.db.prepare('INSERT OR IGNORE INTO jira_group_members (group_id, account_id) VALUES (?, ?)').run(groupId, accountId);
  }

  groupByName(name: string): Group | undefined {
    const row: unknown = this.db.prepare('SELECT * FROM jira_groups WHERE name = ?').get(name);
    return row === undefined ? undefined : toGroup(groupRow.parse(row));
  }

  groupById(groupId: string): Group | undefined {
    const row: unknown = this.db.prepare('SELECT * FROM jira_groups WHERE group_id = ?').get(groupId);
    return row === undefined ? undefined : toGroup(groupRow.parse(row));
  }

  groups(): Group[] {
    return this.db
      .prepare('SELECT * FROM jira_groups ORDER BY name COLLATE NOCASE')
      .all()
      .map((row) => toGroup(groupRow.parse(row)));
  }

  groupsOf(accountId: string): Group[] {
    return this.db
      .prepare(
        `SELECT g.* FROM jira_groups g JOIN jira_group_members m ON m.group_id = g.group_id
         WHERE m.account_id = ? ORDER BY g.name COLLATE NOCASE`,
      )
      .all(accountId)
      .map((row) => toGroup(groupRow.parse(row)));
  }

  members(groupId: string): JiraUser[] {
    return this.db
      .prepare(
        `SELECT u.* FROM jira_users u JOIN jira_group_members m ON m.account_id = u.account_id
         WHERE m.group_id = ? ORDER BY u.display_name COLLATE NOCASE`,
      )
      .all(groupId)
      .map((row) => this.toUser(userRow.parse(row)));
  }

  private toUser(row: z.infer<typeof userRow>): JiraUser {
    return {
      accountId: row.account_id,
      emailAddress: row.email,
      displayName: row.display_name,
      accountType: row.account_type,
      active: row.active === 1,
      timeZone: row.time_zone,
      locale: row.locale,
      siteAdmin: row.site_admin === 1,
      groups: this.groupsOf(row.account_id).map((group) => group.name),
    };
  }
}

function toGroup(row: z.infer<typeof groupRow>): Group {
  return { groupId: row.group_id, name: row.name };
}
