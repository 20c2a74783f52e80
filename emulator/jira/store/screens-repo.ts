/**
 * Permission-scheme grants beyond project roles, the order of fields on each project's screen, and
 * each project's field configuration (which fields are required, and their help text).
 *
 * The site gives every project its own screen and field configuration, both identified by the
 * project's id: enough to behave like a company-managed Jira project through the REST API without
 * modelling shared schemes.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';

export type GrantHolder = { type: 'group'; id: string } | { type: 'applicationRole' };

export interface FieldConfigurationItem {
  fieldId: string;
  required: boolean;
  description?: string;
}

const grantRow = z.object({ permission: z.string(), holder_type: z.string(), holder: z.string() });
const screenRow = z.object({ field_id: z.string() });
const itemRow = z.object({ field_id: z.string(), required: z.number(), description: z.string().nullable() });

export class ScreensRepo {
  constructor(private readonly db: Database) {}

  addGrant(projectId: string, permission: string, holder: GrantHolder): void {
    this.db
      .prepare('INSERT OR IGNORE INTO jira_permission_grants (project_id, permission, holder_type, holder) VALUES (?, ?, ?, ?)')
      .run(projectId, permission, holder.type, holder.type === 'group' ? holder.id : '');
  }

  grants(projectId: string): { permission: string; holder: GrantHolder }[] {
    return this.db
      .prepare('SELECT permission, holder_type, holder FROM jira_permission_grants WHERE project_id = ?')
      .all(projectId)
      .map((row) => {
        const parsed = grantRow.parse(row);
        const holder: GrantHolder = parsed.holder_type === 'group' ? { type: 'group', id: parsed.holder } : { type: 'applicationRole' };
        return { permission: parsed.permission, holder };
      });
  }

  /** The screen's fields in order, or undefined while the screen still shows the default screen's fields. */
  screenFields(screenId: string): string[] | undefined {
    const rows = this.db.prepare('SELECT field_id FROM jira_screen_fields WHERE screen_id = ? ORDER BY position').all(screenId);
    return rows.length === 0 ? undefined : rows.map((row) => screenRow.parse(row).field_id);
  }

  setScreenFields(screenId: string, fieldIds: readonly string[]): void {
    const replace = this.db.transaction(() => {
      this.db.prepare('DELETE FROM jira_screen_fields WHERE screen_id = ?').run(screenId);
      const insert = this.db.prepare('INSERT INTO jira_screen_fields (screen_id, field_id, position) VALUES (?, ?, ?)');
      fieldIds.forEach((fieldId, position) => insert.run(screenId, fieldId, position));
    });
    replace();
  }

  configurationItems(configurationId: string): Map<string, FieldConfigurationItem> {
    const rows = this.db.prepare('SELECT field_id, required, description FROM jira_field_configuration_items WHERE configuration_id = ?').all(configurationId);
    return new Map(
      rows.map((row) => {
        const parsed = itemRow.parse(row);
        const item: FieldConfigurationItem = { fieldId: parsed.field_id, required: parsed.required === 1, ...(parsed.description === null ? {} : { description: parsed.description }) };
        return [item.fieldId, item];
      }),
    );
  }

  setConfigurationItem(configurationId: string, item: FieldConfigurationItem): void {
    this.db
      .prepare(
        'INSERT INTO jira_field_configuration_items (configuration_id, field_id, required, description) VALUES (?, ?, ?, ?) ON CONFLICT (configuration_id, field_id) DO UPDATE SET required = excluded.required, description = excluded.description',
      )
      .run(configurationId, item.fieldId, item.required ? 1 : 0, item.description ?? null);
  }
}
