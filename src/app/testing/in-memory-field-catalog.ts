import type { FieldCatalog, FieldOption, FieldRequirement, JiraField, JiraFieldKind, ScreenTab } from '../ports';
import { RemoteCallLog } from './remote-call-log';

const TYPE_PREFIX = 'com.atlassian.jira.plugin.system.customfieldtypes:';

/** Jira's field administration in memory: fields, one or more contexts each, options per context. */
export class InMemoryFieldCatalog implements FieldCatalog {
  readonly fields: JiraField[] = [];
  readonly contexts = new Map<string, string[]>();
  readonly options = new Map<string, FieldOption[]>();
  readonly onDefaultScreen = new Set<string>();
  /** Context ids limited to a project, with the project's id. */
  readonly contextProjects = new Map<string, string>();
  /** The incident project's create screen, in order; starts with Jira's default fields. */
  createScreenFields: string[] = ['summary', 'description', 'assignee'];
  readonly fieldConfiguration = new Map<string, FieldRequirement>();
  readonly projectId = '10000';
  private nextId = 10_100;
  screenFailure: Error | undefined;

  constructor(
    readonly log: RemoteCallLog = new RemoteCallLog(),
    readonly baseUrl = 'https://example.atlassian.net',
  ) {}

  /** Adds a field as Forge would for a manifest `jira:customField`. */
  addAppField(name: string, moduleKey: string): JiraField {
    this.nextId += 1;
    const field: JiraField = { id: `customfield_${this.nextId}`, name, custom: true, customType: `ari:cloud:ecosystem::extension/app-id/env-id/static/${moduleKey}` };
    this.fields.push(field);
    this.contexts.set(field.id, [`${this.nextId}0`]);
    return field;
  }

  /** The enabled option values of a field, for assertions. */
  enabledValues(fieldId: string): string[] {
    return this.allOptions(fieldId)
      .filter((option) => !option.disabled)
      .map((option) => option.value);
  }

  allOptions(fieldId: string): FieldOption[] {
    const contextId = this.contexts.get(fieldId)?.[0];
    return contextId === undefined ? [] : (this.options.get(contextId) ?? []);
  }

  listFields(): Promise<JiraField[]> {
    return this.log.record('jira GET /field', () => [...this.fields]);
  }

  createField(field: { name: string; description: string; kind: JiraFieldKind }): Promise<JiraField> {
    return this.log.record('jira POST /field', () => {
      this.nextId += 1;
      const created: JiraField = { id: `customfield_${this.nextId}`, name: field.name, custom: true, customType: `${TYPE_PREFIX}${field.kind}` };
      this.fields.push(created);
      // Jira Cloud gives a new custom field a global default context.
      this.contexts.set(created.id, [`${this.nextId}0`]);
      return created;
    });
  }

  listContextIds(fieldId: string): Promise<string[]> {
    return this.log.record(`jira GET /field/${fieldId}/context`, () => [...(this.contexts.get(fieldId) ?? [])]);
  }

  createGlobalContext(fieldId: string, _name: string): Promise<string> {
    return this.log.record(`jira POST /field/${fieldId}/context`, () => {
      this.nextId += 1;
      const id = String(this.nextId);
      this.contexts.set(fieldId, [...(this.contexts.get(fieldId) ?? []), id]);
      return id;
    });
  }

  listOptions(_fieldId: string, contextId: string): Promise<FieldOption[]> {
    return this.log.record(`jira GET /context/${contextId}/option`, () => [...(this.options.get(contextId) ?? [])]);
  }

  createOptions(_fieldId: string, contextId: string, values: readonly string[]): Promise<FieldOption[]> {
    return this.log.record(`jira POST /context/${contextId}/option`, () => {
      const created = values.map((value) => {
        this.nextId += 1;
        return { id: String(this.nextId), value, disabled: false };
      });
      this.options.set(contextId, [...(this.options.get(contextId) ?? []), ...created]);
      return created;
    });
  }

  updateOptions(_fieldId: string, contextId: string, options: readonly FieldOption[]): Promise<void> {
    return this.log.record(`jira PUT /context/${contextId}/option`, () => {
      const current = this.options.get(contextId) ?? [];
      this.options.set(
        contextId,
        current.map((option) => options.find((update) => update.id === option.id) ?? option),
      );
    });
  }

  addToDefaultScreen(fieldId: string): Promise<void> {
    return this.log.record(`jira POST /screens/addToDefault/${fieldId}`, () => {
      if (this.screenFailure !== undefined) throw this.screenFailure;
      this.onDefaultScreen.add(fieldId);
    });
  }

  siteUrl(): Promise<string> {
    return this.log.record('jira GET /serverInfo', () => this.baseUrl);
  }

  projectScope(projectKey: string, issueTypeName: string): Promise<{ projectId: string; issueTypeId: string | undefined }> {
    return this.log.record(`jira GET /project/${projectKey}`, () => ({ projectId: this.projectId, issueTypeId: issueTypeName === 'Incident' ? '10001' : undefined }));
  }

  listContexts(fieldId: string): Promise<{ id: string; isGlobal: boolean }[]> {
    return this.log.record(`jira GET /field/${fieldId}/context`, () => (this.contexts.get(fieldId) ?? []).map((id) => ({ id, isGlobal: !this.contextProjects.has(id) })));
  }

  assignContextToProject(fieldId: string, contextId: string, projectId: string): Promise<void> {
    return this.log.record(`jira PUT /field/${fieldId}/context/${contextId}/project`, () => {
      this.contextProjects.set(contextId, projectId);
    });
  }

  createScreen(projectId: string, issueTypeId: string): Promise<ScreenTab> {
    return this.log.record(`jira GET create screen of ${projectId}/${issueTypeId}`, () => ({ screenId: '1', tabId: '1', fieldIds: [...this.createScreenFields] }));
  }

  addScreenField(_tab: ScreenTab, fieldId: string): Promise<void> {
    return this.log.record(`jira POST /screens/1/tabs/1/fields`, () => {
      this.createScreenFields.push(fieldId);
    });
  }

  moveScreenField(_tab: ScreenTab, fieldId: string, after: string | undefined): Promise<void> {
    return this.log.record(`jira POST /screens/1/tabs/1/fields/${fieldId}/move`, () => {
      const rest = this.createScreenFields.filter((id) => id !== fieldId);
      const at = after === undefined ? 0 : rest.indexOf(after) + 1;
      this.createScreenFields = [...rest.slice(0, at), fieldId, ...rest.slice(at)];
    });
  }

  configureFields(_projectId: string, _issueTypeId: string, items: readonly FieldRequirement[]): Promise<void> {
    return this.log.record('jira PUT /fieldconfiguration/fields', () => {
      for (const item of items) this.fieldConfiguration.set(item.fieldId, item);
    });
  }
}
