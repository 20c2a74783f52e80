/**
 * Every field the site knows: Jira's system fields, custom fields created through REST, and the
 * app's `jira:customField`s from the manifest, each with its value kind, schema and JQL clause names.
 */
import type { CustomField, FieldContext, FieldOption, ForgeFieldDefinition } from '../store/model';
import type { JiraStore } from '../store/jira-store';
import type { ManifestCustomField } from '../types';

/** How a field's value is stored, accepted and shown; see `field-values.ts`. */
export type ValueKind =
  | 'string'
  | 'url'
  | 'adf'
  | 'user'
  | 'group'
  | 'option'
  | 'datetime'
  | 'date'
  | 'number'
  | 'label'
  | 'object'
  | 'priority'
  | 'resolution'
  | 'issuetype'
  | 'project'
  | 'status'
  | 'computed';

export interface FieldDef {
  id: string;
  key: string;
  name: string;
  custom: boolean;
  kind: ValueKind;
  multi: boolean;
  schema?: Record<string, unknown>;
  clauseNames: string[];
  /** Whether create, edit and transition screens carry the field. */
  onScreens: boolean;
  orderable: boolean;
  navigable: boolean;
  searchable: boolean;
  /** Update operations the field supports (`set`, `add`, `remove`). */
  operations: string[];
  maxLength?: number;
  customField?: CustomField;
}

const typePrefix = 'com.atlassian.jira.plugin.system.customfieldtypes:';

interface CustomTypeSpec {
  kind: ValueKind;
  multi: boolean;
  schemaType: string;
  searcher: string;
}

/** The custom field types `POST /rest/api/3/field` accepts here. */
export const customFieldTypes: Record<string, CustomTypeSpec> = {
  [`${typePrefix}select`]: { kind: 'option', multi: false, schemaType: 'option', searcher: `${typePrefix}multiselectsearcher` },
  [`${typePrefix}radiobuttons`]: { kind: 'option', multi: false, schemaType: 'option', searcher: `${typePrefix}multiselectsearcher` },
  [`${typePrefix}multiselect`]: { kind: 'option', multi: true, schemaType: 'option', searcher: `${typePrefix}multiselectsearcher` },
  [`${typePrefix}multicheckboxes`]: { kind: 'option', multi: true, schemaType: 'option', searcher: `${typePrefix}multiselectsearcher` },
  [`${typePrefix}datetime`]: { kind: 'datetime', multi: false, schemaType: 'datetime', searcher: `${typePrefix}datetimerange` },
  [`${typePrefix}datepicker`]: { kind: 'date', multi: false, schemaType: 'date', searcher: `${typePrefix}daterange` },
  [`${typePrefix}userpicker`]: { kind: 'user', multi: false, schemaType: 'user', searcher: `${typePrefix}userpickergroupsearcher` },
  [`${typePrefix}multiuserpicker`]: { kind: 'user', multi: true, schemaType: 'user', searcher: `${typePrefix}userpickergroupsearcher` },
  [`${typePrefix}grouppicker`]: { kind: 'group', multi: false, schemaType: 'group', searcher: `${typePrefix}grouppickersearcher` },
  [`${typePrefix}textfield`]: { kind: 'string', multi: false, schemaType: 'string', searcher: `${typePrefix}textsearcher` },
  [`${typePrefix}textarea`]: { kind: 'adf', multi: false, schemaType: 'string', searcher: `${typePrefix}textsearcher` },
  [`${typePrefix}url`]: { kind: 'url', multi: false, schemaType: 'string', searcher: `${typePrefix}exacttextsearcher` },
  [`${typePrefix}float`]: { kind: 'number', multi: false, schemaType: 'number', searcher: `${typePrefix}exactnumber` },
  [`${typePrefix}labels`]: { kind: 'label', multi: true, schemaType: 'string', searcher: `${typePrefix}labelsearcher` },
};

const forgeKinds: Record<string, { kind: ValueKind; schemaType: string }> = {
  string: { kind: 'string', schemaType: 'string' },
  number: { kind: 'number', schemaType: 'number' },
  user: { kind: 'user', schemaType: 'user' },
  group: { kind: 'group', schemaType: 'group' },
  date: { kind: 'date', schemaType: 'date' },
  datetime: { kind: 'datetime', schemaType: 'datetime' },
  object: { kind: 'object', schemaType: 'any' },
};

interface SystemFieldSpec {
  id: string;
  name: string;
  kind: ValueKind;
  multi?: boolean;
  schema?: Record<string, unknown>;
  clauseNames: string[];
  onScreens?: boolean;
  orderable?: boolean;
  navigable?: boolean;
  searchable?: boolean;
  operations?: string[];
  maxLength?: number;
}

const systemFieldSpecs: SystemFieldSpec[] = [
  { id: 'summary', name: 'Summary', kind: 'string', schema: { type: 'string', system: 'summary' }, clauseNames: ['summary'], onScreens: true, maxLength: 255 },
  { id: 'description', name: 'Description', kind: 'adf', schema: { type: 'string', system: 'description' }, clauseNames: ['description'], onScreens: true },
  { id: 'environment', name: 'Environment', kind: 'adf', schema: { type: 'string', system: 'environment' }, clauseNames: ['environment'], onScreens: true },
  { id: 'issuetype', name: 'Issue Type', kind: 'issuetype', schema: { type: 'issuetype', system: 'issuetype' }, clauseNames: ['issuetype', 'type'] },
  { id: 'project', name: 'Project', kind: 'project', schema: { type: 'project', system: 'project' }, clauseNames: ['project'] },
  { id: 'status', name: 'Status', kind: 'status', schema: { type: 'status', system: 'status' }, clauseNames: ['status'] },
  { id: 'statusCategory', name: 'Status Category', kind: 'computed', schema: { type: 'statusCategory', system: 'statusCategory' }, clauseNames: ['statusCategory'], orderable: false, navigable: false },
  { id: 'statuscategorychangedate', name: 'Status Category Changed', kind: 'datetime', schema: { type: 'datetime', system: 'statuscategorychangedate' }, clauseNames: ['statusCategoryChangedDate'], orderable: false },
  { id: 'priority', name: 'Priority', kind: 'priority', schema: { type: 'priority', system: 'priority' }, clauseNames: ['priority'], onScreens: true },
  { id: 'resolution', name: 'Resolution', kind: 'resolution', schema: { type: 'resolution', system: 'resolution' }, clauseNames: ['resolution'] },
  { id: 'resolutiondate', name: 'Resolved', kind: 'datetime', schema: { type: 'datetime', system: 'resolutiondate' }, clauseNames: ['resolutiondate', 'resolved'], orderable: false },
  { id: 'assignee', name: 'Assignee', kind: 'user', schema: { type: 'user', system: 'assignee' }, clauseNames: ['assignee'], onScreens: true },
  { id: 'reporter', name: 'Reporter', kind: 'user', schema: { type: 'user', system: 'reporter' }, clauseNames: ['reporter'], onScreens: true },
  { id: 'creator', name: 'Creator', kind: 'user', schema: { type: 'user', system: 'creator' }, clauseNames: ['creator'], orderable: false },
  { id: 'created', name: 'Created', kind: 'datetime', schema: { type: 'datetime', system: 'created' }, clauseNames: ['created', 'createdDate'], orderable: false },
  { id: 'updated', name: 'Updated', kind: 'datetime', schema: { type: 'datetime', system: 'updated' }, clauseNames: ['updated', 'updatedDate'], orderable: false },
  { id: 'duedate', name: 'Due date', kind: 'date', schema: { type: 'date', system: 'duedate' }, clauseNames: ['due', 'duedate'], onScreens: true },
  {
    id: 'labels',
    name: 'Labels',
    kind: 'label',
    multi: true,
    schema: { type: 'array', items: 'string', system: 'labels' },
    clauseNames: ['labels'],
    onScreens: true,
    operations: ['add', 'set', 'remove'],
    maxLength: 255,
  },
  { id: 'issuelinks', name: 'Linked Issues', kind: 'computed', schema: { type: 'array', items: 'issuelinks', system: 'issuelinks' }, clauseNames: ['issueLink'], orderable: false, searchable: false },
  { id: 'comment', name: 'Comment', kind: 'computed', schema: { type: 'comments-page', system: 'comment' }, clauseNames: ['comment'], navigable: false, orderable: false },
  { id: 'watches', name: 'Watchers', kind: 'computed', schema: { type: 'watches', system: 'watches' }, clauseNames: ['watcher', 'watchers'], orderable: false, searchable: false },
  { id: 'issuekey', name: 'Key', kind: 'computed', clauseNames: ['id', 'issue', 'issuekey', 'key'], orderable: false },
];

function systemField(spec: SystemFieldSpec): FieldDef {
  return {
    id: spec.id,
    key: spec.id,
    name: spec.name,
    custom: false,
    kind: spec.kind,
    multi: spec.multi ?? false,
    ...(spec.schema ? { schema: spec.schema } : {}),
    clauseNames: spec.clauseNames,
    onScreens: spec.onScreens ?? false,
    orderable: spec.orderable ?? true,
    navigable: spec.navigable ?? true,
    searchable: spec.searchable ?? true,
    operations: spec.operations ?? ['set'],
    ...(spec.maxLength === undefined ? {} : { maxLength: spec.maxLength }),
  };
}

const systemFields: FieldDef[] = systemFieldSpecs.map(systemField);

export interface AppIdentity {
  /** The UUID part of the app id (`ari:cloud:ecosystem::app/<uuid>`). */
  appUuid: string;
  environmentId: string;
}

export class FieldCatalog {
  constructor(
    private readonly store: JiraStore,
    private readonly app: AppIdentity,
  ) {}

  /** System fields, then custom fields (trashed ones left out). */
  all(): FieldDef[] {
    return [...systemFields, ...this.store.fields.all().filter((field) => !field.trashed).map((field) => this.customDef(field))];
  }

  /** A field by id (`summary`, `customfield_10010`) or, for app fields, by key. */
  byId(idOrKey: string): FieldDef | undefined {
    return this.all().find((field) => field.id === idOrKey || field.key === idOrKey);
  }

  /** Fields a JQL clause name can mean: a system clause name, `cf[N]`, `customfield_N`, or a custom field's name. */
  byClauseName(name: string): FieldDef[] {
    const lower = name.toLowerCase();
    const system = systemFields.find((field) => field.clauseNames.some((clause) => clause.toLowerCase() === lower));
    if (system) return [system];
    const numbered = /^(?:cf\[(\d+)\]|customfield_(\d+))$/i.exec(name);
    const custom = this.all().filter((field) => field.custom);
    if (numbered) {
      const id = `customfield_${numbered[1] ?? numbered[2] ?? ''}`;
      return custom.filter((field) => field.id === id);
    }
    return custom.filter((field) => field.name.toLowerCase() === lower);
  }

  /** Whether a field is part of issues of this project and issue type. */
  appliesTo(field: FieldDef, projectId: string, issueTypeId: string): boolean {
    if (!field.customField) return true;
    return this.contextFor(field.id, projectId, issueTypeId) !== undefined;
  }

  /**
   * The fields on the screen of issues of this project and issue type, in the screen's order: the
   * screen's own list once an administrator arranged it, the default screen's fields until then.
   */
  screenFields(projectId: string, issueTypeId: string): FieldDef[] {
    const arranged = this.store.screens.screenFields(screenIdOf(projectId, issueTypeId));
    const fields = this.all();
    if (arranged === undefined) return fields.filter((field) => field.onScreens);
    return arranged.flatMap((id) => fields.find((field) => field.id === id) ?? []);
  }

  isOnScreen(field: FieldDef, projectId: string, issueTypeId: string): boolean {
    return this.screenFields(projectId, issueTypeId).some((candidate) => candidate.id === field.id);
  }

  /** The field configuration's entry (required, help text) for issues of this project and issue type. */
  configurationItem(fieldId: string, projectId: string, issueTypeId: string): { required: boolean; description?: string } | undefined {
    return this.store.screens.configurationItems(screenIdOf(projectId, issueTypeId)).get(fieldId);
  }

  /** The most specific context of a custom field for a project and issue type. */
  contextFor(fieldId: string, projectId: string, issueTypeId: string): FieldContext | undefined {
    const matching = this.store.fields
      .contexts(fieldId)
      .filter((context) => (context.projectIds.length === 0 || context.projectIds.includes(projectId)) && (context.issueTypeIds.length === 0 || context.issueTypeIds.includes(issueTypeId)));
    const specificity = (context: FieldContext): number => (context.projectIds.length > 0 ? 2 : 0) + (context.issueTypeIds.length > 0 ? 1 : 0);
    return matching.sort((a, b) => specificity(b) - specificity(a))[0];
  }

  /** The options of a select or checkbox field for issues of this project and issue type, disabled ones included. */
  optionsFor(fieldId: string, projectId: string, issueTypeId: string): FieldOption[] {
    const context = this.contextFor(fieldId, projectId, issueTypeId);
    return context ? this.store.fields.options(context.id) : [];
  }

  /** Every option of a field across its contexts (JQL looks options up by value this way). */
  allOptions(fieldId: string): FieldOption[] {
    return this.store.fields.contexts(fieldId).flatMap((context) => this.store.fields.options(context.id));
  }

  /** Registers the manifest's app fields: new keys get an id, known keys follow renames, dropped keys are trashed. */
  syncAppFields(declared: ManifestCustomField[]): void {
    const existing = this.store.fields.all().filter((field) => field.forge !== null);
    for (const entry of declared) {
      const forge: ForgeFieldDefinition = { key: entry.key, type: entry.type, list: entry.collection === 'list', readOnly: entry.readOnly ?? false };
      const known = existing.find((field) => field.forge?.key === entry.key);
      const field: CustomField = {
        id: known?.id ?? this.store.fields.nextFieldId(),
        name: entry.name,
        description: entry.description ?? '',
        type: 'forge',
        searcherKey: null,
        forge,
        trashed: false,
      };
      if (known) {
        this.store.fields.update(field);
      } else {
        this.store.fields.insert(field);
        this.store.fields.insertContext({ fieldId: field.id, name: `Default Configuration Scheme for ${field.name}`, description: 'Default configuration scheme generated by Jira', projectIds: [], issueTypeIds: [] });
      }
    }
    for (const field of existing) {
      if (!declared.some((entry) => entry.key === field.forge?.key) && !field.trashed) this.store.fields.update({ ...field, trashed: true });
    }
  }

  /** The app field's Jira key, as Forge names it. */
  appFieldKey(moduleKey: string): string {
    return `${this.app.appUuid}__DEVELOPMENT__${moduleKey}`;
  }

  private customDef(field: CustomField): FieldDef {
    const customId = Number(field.id.replace('customfield_', ''));
    const base = {
      id: field.id,
      name: field.name,
      custom: true,
      clauseNames: [`cf[${customId}]`, field.name],
      orderable: true,
      navigable: true,
      searchable: true,
      customField: field,
    };
    if (field.forge) {
      const spec = forgeKinds[field.forge.type] ?? { kind: 'object' as const, schemaType: 'any' };
      const custom = `ari:cloud:ecosystem::extension/${this.app.appUuid}/${this.app.environmentId}/static/${field.forge.key}`;
      return {
        ...base,
        key: this.appFieldKey(field.forge.key),
        kind: spec.kind,
        multi: field.forge.list,
        schema: field.forge.list ? { type: 'array', items: spec.schemaType, custom, customId } : { type: spec.schemaType, custom, customId },
        onScreens: !field.forge.readOnly,
        operations: field.forge.list ? ['add', 'set', 'remove'] : ['set'],
        ...(spec.kind === 'string' ? { maxLength: 255 } : {}),
      };
    }
    const spec = customFieldTypes[field.type] ?? { kind: 'string' as const, multi: false, schemaType: 'string', searcher: '' };
    return {
      ...base,
      key: field.id,
      kind: spec.kind,
      multi: spec.multi,
      schema: spec.multi ? { type: 'array', items: spec.schemaType, custom: field.type, customId } : { type: spec.schemaType, custom: field.type, customId },
      onScreens: this.store.fields.isOnDefaultScreen(field.id),
      operations: spec.multi ? ['add', 'set', 'remove'] : ['set'],
      ...(spec.kind === 'string' ? { maxLength: 255 } : {}),
    };
  }
}

/**
 * The site gives each project and issue type its own screen, screen scheme and field configuration,
 * all identified by the digits of the project id followed by the issue type id (numeric, as Jira's are).
 */
export function screenIdOf(projectId: string, issueTypeId: string): string {
  return `${projectId}${issueTypeId}`;
}
