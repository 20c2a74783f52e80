/**
 * Fills the create screen's required fields as a person would, driven by Jira's createmeta for the
 * project and issue type, so the test follows whatever fields the app adds.
 */
import type { Page } from 'playwright-core';
import { z } from 'zod';
import { restAs } from './rest';

const createField = z.looseObject({
  fieldId: z.string(),
  name: z.string(),
  required: z.boolean(),
  hasDefaultValue: z.boolean().optional(),
  schema: z.looseObject({ type: z.string(), items: z.string().optional(), system: z.string().optional(), custom: z.string().optional() }),
  allowedValues: z.array(z.unknown()).optional(),
});
const fieldPage = z.looseObject({ fields: z.array(createField).optional(), values: z.array(createField).optional(), results: z.array(createField).optional() });

export async function requiredCreateFields(baseUrl: string, email: string, projectKey: string, issueTypeId: string): Promise<z.infer<typeof createField>[]> {
  const page = await restAs(baseUrl, email, `/rest/api/3/issue/createmeta/${projectKey}/issuetypes/${issueTypeId}?maxResults=200`, fieldPage);
  return (page.fields ?? page.values ?? page.results ?? []).filter((field) => field.required && field.hasDefaultValue !== true);
}

/** Fills `summary`, then gives every other required field without a default the first value it offers. */
export async function fillRequiredFields(page: Page, fields: z.infer<typeof createField>[], summary: string): Promise<void> {
  for (const field of fields) {
    const id = field.fieldId;
    if (id === 'project' || id === 'issuetype' || field.schema.system === 'reporter') continue;
    const input = page.locator(`#create-field-${id}`);
    if (id === 'summary') {
      await input.fill(summary);
      continue;
    }
    const { type, items } = field.schema;
    if (field.allowedValues !== undefined || type === 'user' || items === 'user') {
      await input.click();
      await input.press('ArrowDown');
      await page.waitForTimeout(300);
      await input.press('Enter');
    } else if (type === 'number') await input.fill('1');
    else if (type === 'date') await input.fill(new Date().toISOString().slice(0, 10));
    else if (type === 'datetime') await input.fill(new Date().toISOString());
    else await input.fill(`${field.name} for ${summary}`);
  }
}

/** Chooses the project on the create screen by its key, as a person types it into the project picker. */
export async function chooseProject(page: Page, projectKey: string): Promise<void> {
  const input = page.locator('#create-project');
  await input.waitFor();
  await input.fill(`(${projectKey})`);
  await page.waitForTimeout(200);
  await input.press('Enter');
}
