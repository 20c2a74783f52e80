import type { FieldCatalog, FieldOption, JiraField, JiraFieldKind } from '../ports';
import { RemoteCallLog } from './remote-call-log';

const TYPE_PREFIX = 'com.atlassian.jira.plugin.system.customfieldtypes:';

/** Jira's field administration in memory: fields, one or more contexts each, options per context. */
export class InMemoryFieldCatalog implements FieldCatalog {
  readonly fields: JiraField[] = [];
  readonly contexts = new Map<string, string[]>();
  readonly options = new Map<string, FieldOption[]>();
  readonly onDefaultScreen = new Set<string>();
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
}
