import { route } from '@forge/api';
import { z } from 'zod';
import type { FieldCatalog, FieldOption, FieldRequirement, JiraField, JiraFieldKind, ScreenTab } from '../../app/ports';
import { NotConfiguredError } from '../../app/errors';
import type { JiraClient } from './jira-client';
import { parse } from './jira-issue-tracker';

const TYPE_PREFIX = 'com.atlassian.jira.plugin.system.customfieldtypes:';
const SEARCHER = `${TYPE_PREFIX}multiselectsearcher`;

const fieldSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    custom: z.boolean().default(false),
    key: z.string().optional(),
    schema: z.object({ custom: z.string().optional() }).loose().optional(),
  })
  .loose();
const optionSchema = z.object({ id: z.string(), value: z.string(), disabled: z.boolean().default(false) }).loose();
const pageSchema = <T extends z.ZodType>(item: T) => z.object({ values: z.array(item), isLast: z.boolean().optional() }).loose();

function toField(field: z.output<typeof fieldSchema>): JiraField {
  return {
    id: field.id,
    name: field.name,
    custom: field.custom,
    ...(field.schema?.custom === undefined ? {} : { customType: field.schema.custom }),
    ...(field.key === undefined ? {} : { key: field.key }),
  };
}

const toOption = (option: z.output<typeof optionSchema>): FieldOption => ({ id: option.id, value: option.value, disabled: option.disabled });

/** Jira's field administration over REST v3 (as the app: it needs manage:jira-configuration). */
export class JiraFieldCatalog implements FieldCatalog {
  constructor(private readonly jira: JiraClient) {}

  async listFields(): Promise<JiraField[]> {
    const answer = await this.jira.send('list fields', route`/rest/api/3/field`);
    return parse(z.array(fieldSchema), answer.body, 'list fields').map(toField);
  }

  async createField(field: { name: string; description: string; kind: JiraFieldKind }): Promise<JiraField> {
    const answer = await this.jira.send('create field', route`/rest/api/3/field`, {
      method: 'POST',
      body: { name: field.name, description: field.description, type: `${TYPE_PREFIX}${field.kind}`, searcherKey: SEARCHER },
    });
    return toField(parse(fieldSchema, answer.body, 'create field'));
  }

  async listContextIds(fieldId: string): Promise<string[]> {
    const answer = await this.jira.send('list field contexts', route`/rest/api/3/field/${fieldId}/context`);
    return parse(pageSchema(z.object({ id: z.string() }).loose()), answer.body, 'list field contexts').values.map((context) => context.id);
  }

  async createGlobalContext(fieldId: string, name: string): Promise<string> {
    const answer = await this.jira.send('create field context', route`/rest/api/3/field/${fieldId}/context`, {
      method: 'POST',
      body: { name, description: 'Options kept in sync by Incident response', projectIds: [], issueTypeIds: [] },
    });
    return parse(z.object({ id: z.string() }).loose(), answer.body, 'create field context').id;
  }

  async listOptions(fieldId: string, contextId: string): Promise<FieldOption[]> {
    const options: FieldOption[] = [];
    for (let startAt = 0; ; ) {
      const query = new URLSearchParams({ startAt: String(startAt), maxResults: '100' });
      const answer = await this.jira.send('list field options', route`/rest/api/3/field/${fieldId}/context/${contextId}/option?${query}`);
      const page = parse(pageSchema(optionSchema), answer.body, 'list field options');
      options.push(...page.values.map(toOption));
      if (page.isLast !== false || page.values.length === 0) return options;
      startAt += page.values.length;
    }
  }

  async createOptions(fieldId: string, contextId: string, values: readonly string[]): Promise<FieldOption[]> {
    const answer = await this.jira.send('create field options', route`/rest/api/3/field/${fieldId}/context/${contextId}/option`, {
      method: 'POST',
      body: { options: values.map((value) => ({ value, disabled: false })) },
    });
    return parse(z.object({ options: z.array(optionSchema) }).loose(), answer.body, 'create field options').options.map(toOption);
  }

  async updateOptions(fieldId: string, contextId: string, options: readonly FieldOption[]): Promise<void> {
    await this.jira.send('update field options', route`/rest/api/3/field/${fieldId}/context/${contextId}/option`, {
      method: 'PUT',
      body: { options: options.map((option) => ({ id: option.id, value: option.value, disabled: option.disabled })) },
    });
  }

  async addToDefaultScreen(fieldId: string): Promise<void> {
    await this.jira.send('add field to default screen', route`/rest/api/3/screens/addToDefault/${fieldId}`, { method: 'POST' });
  }

  async projectScope(projectKey: string, issueTypeName: string): Promise<{ projectId: string; issueTypeId: string | undefined }> {
    const answer = await this.jira.send('read project', route`/rest/api/3/project/${projectKey}`);
    const project = parse(z.object({ id: z.string(), issueTypes: z.array(z.object({ id: z.string(), name: z.string() }).loose()).default([]) }).loose(), answer.body, 'read project');
    return { projectId: project.id, issueTypeId: project.issueTypes.find((type) => type.name === issueTypeName)?.id };
  }

  async listContexts(fieldId: string): Promise<{ id: string; isGlobal: boolean }[]> {
    const answer = await this.jira.send('list field contexts', route`/rest/api/3/field/${fieldId}/context`);
    return parse(pageSchema(z.object({ id: z.string(), isGlobalContext: z.boolean().default(false) }).loose()), answer.body, 'list field contexts').values.map((context) => ({
      id: context.id,
      isGlobal: context.isGlobalContext,
    }));
  }

  async assignContextToProject(fieldId: string, contextId: string, projectId: string): Promise<void> {
    await this.jira.send('limit field context to project', route`/rest/api/3/field/${fieldId}/context/${contextId}/project`, { method: 'PUT', body: { projectIds: [projectId] } });
  }

  // Jira's chain from a project to its create screen: issue type screen scheme → its mapping for the
  // issue type (or the default mapping) → screen scheme → create screen (or the default screen) → first tab.
  async createScreen(projectId: string, issueTypeId: string): Promise<ScreenTab> {
    const schemes = await this.jira.send('read issue type screen scheme', route`/rest/api/3/issuetypescreenscheme/project?projectId=${projectId}`);
    const schemeId = parse(pageSchema(z.object({ issueTypeScreenScheme: z.object({ id: z.string() }).loose() }).loose()), schemes.body, 'read issue type screen scheme').values[0]?.issueTypeScreenScheme.id;
    if (schemeId === undefined) throw new NotConfiguredError(`project ${projectId} has no issue type screen scheme (a team-managed project?)`);
    const mappings = await this.jira.send('read screen scheme mapping', route`/rest/api/3/issuetypescreenscheme/mapping?issueTypeScreenSchemeId=${schemeId}`);
    const items = parse(pageSchema(z.object({ issueTypeId: z.string(), screenSchemeId: z.string() }).loose()), mappings.body, 'read screen scheme mapping').values;
    const screenSchemeId = (items.find((item) => item.issueTypeId === issueTypeId) ?? items.find((item) => item.issueTypeId === 'default'))?.screenSchemeId;
    if (screenSchemeId === undefined) throw new NotConfiguredError(`no screen scheme for issue type ${issueTypeId}`);
    const screenSchemes = await this.jira.send('read screen scheme', route`/rest/api/3/screenscheme?id=${screenSchemeId}`);
    const screens = parse(pageSchema(z.object({ screens: z.object({ default: z.number(), create: z.number().optional() }).loose() }).loose()), screenSchemes.body, 'read screen scheme').values[0]?.screens;
    if (screens === undefined) throw new NotConfiguredError(`screen scheme ${screenSchemeId} not found`);
    const screenId = String(screens.create ?? screens.default);
    const tabs = parse(z.array(z.object({ id: z.number() }).loose()), (await this.jira.send('read screen tabs', route`/rest/api/3/screens/${screenId}/tabs`)).body, 'read screen tabs');
    const tabId = tabs[0] === undefined ? undefined : String(tabs[0].id);
    if (tabId === undefined) throw new NotConfiguredError(`screen ${screenId} has no tab`);
    const fields = parse(z.array(z.object({ id: z.string() }).loose()), (await this.jira.send('read screen fields', route`/rest/api/3/screens/${screenId}/tabs/${tabId}/fields`)).body, 'read screen fields');
    return { screenId, tabId, fieldIds: fields.map((field) => field.id) };
  }

  async addScreenField(tab: ScreenTab, fieldId: string): Promise<void> {
    await this.jira.send('add field to screen', route`/rest/api/3/screens/${tab.screenId}/tabs/${tab.tabId}/fields`, { method: 'POST', body: { fieldId } });
  }

  async moveScreenField(tab: ScreenTab, fieldId: string, after: string | undefined): Promise<void> {
    const baseUrl = await this.siteUrl();
    const body = after === undefined ? { position: 'First' } : { after: `${baseUrl.replace(/\/+$/, '')}/rest/api/3/screens/${tab.screenId}/tabs/${tab.tabId}/fields/${after}` };
    await this.jira.send('move field on screen', route`/rest/api/3/screens/${tab.screenId}/tabs/${tab.tabId}/fields/${fieldId}/move`, { method: 'POST', body });
  }

  async configureFields(projectId: string, issueTypeId: string, items: readonly FieldRequirement[]): Promise<void> {
    const configurationId = await this.fieldConfigurationId(projectId, issueTypeId);
    await this.jira.send('update field configuration', route`/rest/api/3/fieldconfiguration/${configurationId}/fields`, {
      method: 'PUT',
      body: { fieldConfigurationItems: items.map((item) => ({ id: item.fieldId, isRequired: item.required, description: item.description })) },
    });
  }

  // A project without a field configuration scheme of its own uses Jira's default field configuration.
  private async fieldConfigurationId(projectId: string, issueTypeId: string): Promise<string> {
    const schemes = await this.jira.send('read field configuration scheme', route`/rest/api/3/fieldconfigurationscheme/project?projectId=${projectId}`);
    const schemeId = parse(pageSchema(z.object({ fieldConfigurationScheme: z.object({ id: z.string() }).loose().optional() }).loose()), schemes.body, 'read field configuration scheme').values[0]
      ?.fieldConfigurationScheme?.id;
    if (schemeId !== undefined) {
      const mappings = await this.jira.send('read field configuration mapping', route`/rest/api/3/fieldconfigurationscheme/mapping?fieldConfigurationSchemeId=${schemeId}`);
      const items = parse(pageSchema(z.object({ issueTypeId: z.string(), fieldConfigurationId: z.string() }).loose()), mappings.body, 'read field configuration mapping').values;
      const id = (items.find((item) => item.issueTypeId === issueTypeId) ?? items.find((item) => item.issueTypeId === 'default'))?.fieldConfigurationId;
      if (id !== undefined) return id;
    }
    const defaults = await this.jira.send('read default field configuration', route`/rest/api/3/fieldconfiguration?isDefault=true`);
    const id = parse(pageSchema(z.object({ id: z.union([z.string(), z.number()]) }).loose()), defaults.body, 'read default field configuration').values[0]?.id;
    if (id === undefined) throw new NotConfiguredError('Jira has no default field configuration');
    return String(id);
  }

  async siteUrl(): Promise<string> {
    const answer = await this.jira.send('server info', route`/rest/api/3/serverInfo`);
    return parse(z.object({ baseUrl: z.string() }).loose(), answer.body, 'server info').baseUrl;
  }
}
