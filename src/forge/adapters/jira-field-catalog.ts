import { route } from '@forge/api';
import { z } from 'zod';
import type { FieldCatalog, FieldOption, JiraField, JiraFieldKind } from '../../app/ports';
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

  async siteUrl(): Promise<string> {
    const answer = await this.jira.send('server info', route`/rest/api/3/serverInfo`);
    return parse(z.object({ baseUrl: z.string() }).loose(), answer.body, 'server info').baseUrl;
  }
}
