/** Custom fields (created through REST or declared by the app's manifest), their contexts and options. */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { CustomField, FieldContext, FieldOption } from './model';
import { nextId } from './schema';

const fieldRow = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  type: z.string(),
  searcher_key: z.string().nullable(),
  forge_key: z.string().nullable(),
  forge_type: z.string().nullable(),
  forge_list: z.number(),
  read_only: z.number(),
  trashed: z.number(),
});
const contextRow = z.object({
  id: z.string(),
  field_id: z.string(),
  name: z.string(),
  description: z.string(),
  project_ids: z.string(),
  issue_type_ids: z.string(),
});
const optionRow = z.object({ id: z.string(), context_id: z.string(), value: z.string(), disabled: z.number(), position: z.number() });
const idList = z.array(z.string());

export class FieldsRepo {
  private cache: CustomField[] | undefined;
  private defaultScreen: Set<string> | undefined;

  constructor(private readonly db: Database) {}

  /** Allocates the next `customfield_NNNNN` id. */
  nextFieldId(): string {
    return `customfield_${nextId(this.db, 'custom-field')}`;
  }

  insert(field: CustomField): void {
    this.db
      .prepare(
        `INSERT INTO jira_custom_fields (id, name, description, type, searcher_key, forge_key, forge_type, forge_list, read_only, trashed)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        field.id,
        field.name,
        field.description,
        field.type,
        field.searcherKey,
        field.forge?.key ?? null,
        field.forge?.type ?? null,
        field.forge?.list ? 1 : 0,
        field.forge?.readOnly ? 1 : 0,
        field.trashed ? 1 : 0,
      );
    this.cache = undefined;
  }

  update(field: CustomField): void {
    this.db
      .prepare(
        `UPDATE jira_custom_fields SET name = ?, description = ?, forge_type = ?, forge_list = ?, read_only = ?, trashed = ? WHERE id = ?`,
      )
      .run(field.name, field.description, field.forge?.type ?? null, field.forge?.list ? 1 : 0, field.forge?.readOnly ? 1 : 0, field.trashed ? 1 : 0, field.id);
    this.cache = undefined;
  }

  /** Every custom field, trashed ones included (they keep their values). */
  all(): CustomField[] {
    this.cache ??= this.db
      .prepare('SELECT * FROM jira_custom_fields ORDER BY CAST(substr(id, 13) AS INTEGER)')
      .all()
      .map((row) => toField(fieldRow.parse(row)));
    return this.cache;
  }

  /** Whether a field created through REST has been put on the default screen (Jira leaves new fields off every screen). */
  isOnDefaultScreen(fieldId: string): boolean {
    this.defaultScreen ??= new Set(
      this.db
        .prepare('SELECT field_id FROM jira_default_screen_fields')
        .all()
        .map((row) => z.object({ field_id: z.string() }).parse(row).field_id),
    );
    return this.defaultScreen.has(fieldId);
  }

  addToDefaultScreen(fieldId: string): void {
    this.db.prepare('INSERT OR IGNORE INTO jira_default_screen_fields (field_id) VALUES (?)').run(fieldId);
    this.defaultScreen = undefined;
  }

  insertContext(context: Omit<FieldContext, 'id'>): FieldContext {
    const created = { ...context, id: String(nextId(this.db, 'field-context')) };
    this.db
      .prepare('INSERT INTO jira_field_contexts (id, field_id, name, description, project_ids, issue_type_ids) VALUES (?, ?, ?, ?, ?, ?)')
      .run(created.id, created.fieldId, created.name, created.description, JSON.stringify(created.projectIds), JSON.stringify(created.issueTypeIds));
    return created;
  }

  updateContextProjects(contextId: string, projectIds: readonly string[]): void {
    this.db.prepare('UPDATE jira_field_contexts SET project_ids = ? WHERE id = ?').run(JSON.stringify(projectIds), contextId);
  }

  contexts(fieldId: string): FieldContext[] {
    return this.db
      .prepare('SELECT * FROM jira_field_contexts WHERE field_id = ? ORDER BY CAST(id AS INTEGER)')
      .all(fieldId)
      .map((row) => {
        const parsed = contextRow.parse(row);
        return {
          id: parsed.id,
          fieldId: parsed.field_id,
          name: parsed.name,
          description: parsed.description,
          projectIds: idList.parse(JSON.parse(parsed.project_ids)),
          issueTypeIds: idList.parse(JSON.parse(parsed.issue_type_ids)),
        };
      });
  }

  insertOption(contextId: string, value: string, disabled: boolean): FieldOption {
    const position = z
      .object({ p: z.number().nullable() })
      .parse(this.db.prepare('SELECT MAX(position) AS p FROM jira_field_options WHERE context_id = ?').get(contextId));
    const option: FieldOption = { id: String(nextId(this.db, 'field-option')), contextId, value, disabled, position: (position.p ?? -1) + 1 };
    this.db
      .prepare('INSERT INTO jira_field_options (id, context_id, value, disabled, position) VALUES (?, ?, ?, ?, ?)')
      .run(option.id, option.contextId, option.value, option.disabled ? 1 : 0, option.position);
    return option;
  }

  updateOption(option: FieldOption): void {
    this.db
      .prepare('UPDATE jira_field_options SET value = ?, disabled = ?, position = ? WHERE id = ?')
      .run(option.value, option.disabled ? 1 : 0, option.position, option.id);
  }

  deleteOption(optionId: string): void {
    this.db.prepare('DELETE FROM jira_field_options WHERE id = ?').run(optionId);
  }

  options(contextId: string): FieldOption[] {
    return this.db
      .prepare('SELECT * FROM jira_field_options WHERE context_id = ? ORDER BY position, CAST(id AS INTEGER)')
      .all(contextId)
      .map((row) => toOption(optionRow.parse(row)));
  }

  option(optionId: string): FieldOption | undefined {
    const row: unknown = this.db.prepare('SELECT * FROM jira_field_options WHERE id = ?').get(optionId);
    return row === undefined ? undefined : toOption(optionRow.parse(row));
  }
}

function toField(row: z.infer<typeof fieldRow>): CustomField {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    type: row.type,
    searcherKey: row.searcher_key,
    forge:
      row.forge_key === null
        ? null
        : { key: row.forge_key, type: row.forge_type ?? 'string', list: row.forge_list === 1, readOnly: row.read_only === 1 },
    trashed: row.trashed === 1,
  };
}

function toOption(row: z.infer<typeof optionRow>): FieldOption {
  return { id: row.id, contextId: row.context_id, value: row.value, disabled: row.disabled === 1, position: row.position };
}
