/**
 * The handbook's Raise step is open to whoever notices an incident. In Chromium on the local site,
 * the demo's support agent (no role in the Incidents project beyond viewing it) declares an
 * incident from the Declare page and another from Jira's own Create dialog, where Severity and
 * Faulty service come first, are required and carry the handbook's help text.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { z } from 'zod';
import { ensureCustomUiBuilt } from './support/app-ui';
import { launchBrowser, type Browser } from './support/browser';
import { chooseProject } from './support/create-screen';
import { startLocalSite, type LocalSite } from './support/local-site';
import { restAs } from './support/rest';
import { screenshot } from './support/screenshots';

const supportAgent = 'sam.support@example.com';

let local: LocalSite;
let browser: Browser;
let page: Page;

const fieldList = z.array(z.object({ id: z.string(), name: z.string() }));
const createdIssue = z.object({ key: z.string(), fields: z.object({ reporter: z.object({ displayName: z.string() }) }).loose() });
const option = z.object({ value: z.string() });

async function fieldIds(): Promise<(name: string) => string> {
  const fields = await restAs(local.baseUrl, supportAgent, '/rest/api/3/field', fieldList);
  return (name) => fields.find((field) => field.name === name)?.id ?? assert.fail(`no ${name} field`);
}

async function chooseOption(inputId: string, text: string): Promise<void> {
  const input = page.locator(`#${inputId}`);
  await input.click();
  await input.fill(text);
  await page.getByRole('option', { name: text, exact: true }).first().click();
}

describe('anyone who notices an incident can raise it', () => {
  before(async () => {
    await ensureCustomUiBuilt();
    local = await startLocalSite();
    browser = await launchBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await local?.close();
  });

  it('lets the support agent declare an incident from the Declare page', async () => {
    await page.goto(`${local.baseUrl}/jira/apps/declare-incident?as=${encodeURIComponent(supportAgent)}`);
    const frame = page.frameLocator('iframe[data-module-key="declare-incident"]');
    await frame.getByTestId('declare-form').waitFor({ timeout: 20_000 });
    await frame.locator('[id="summary"]').fill('Customers report Bitbucket pull requests do not load');
    await frame.locator('[id="description"]').fill('Three tickets in ten minutes. Sam Support, ext. 4410.');
    await frame.getByTestId('severity-2').click();
    const service = frame.locator('[id="faultyService"]');
    await service.click();
    await service.fill('Bitbucket');
    await frame.getByRole('option', { name: 'Bitbucket' }).first().click();
    await frame.getByTestId('declare-submit').click();
    const key = ((await frame.getByTestId('declared-key').textContent({ timeout: 20_000 })) ?? '').trim();
    assert.match(key, /^HOT-\d+$/);
    const issue = await restAs(local.baseUrl, supportAgent, `/rest/api/3/issue/${key}`, createdIssue);
    assert.equal(issue.fields.reporter.displayName, 'Sam Support');
  });

  it('lets the support agent raise an incident from Jira’s Create dialog, Severity and Faulty service first and required', async () => {
    const idOf = await fieldIds();
    const severity = idOf('Severity');
    const service = idOf('Faulty service');
    await page.goto(`${local.baseUrl}/jira/dashboards?as=${encodeURIComponent(supportAgent)}`);
    await page.getByTestId('create-button').click();
    await chooseProject(page, 'HOT');
    await page.locator('#create-field-summary').waitFor();

    const rows = await page.locator('[data-testid^="create-row-"]').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-testid')));
    assert.deepEqual(rows.slice(0, 3), [`create-row-${severity}`, `create-row-${service}`, 'create-row-summary']);
    assert.match((await page.getByTestId(`create-row-${severity}`).locator('label').textContent()) ?? '', /Severity \*/);
    assert.match((await page.getByTestId(`create-row-${service}`).locator('label').textContent()) ?? '', /Faulty service \*/);
    assert.match((await page.getByTestId(`create-help-${severity}`).textContent()) ?? '', /people will be paged/);
    assert.match((await page.getByTestId(`create-help-${service}`).textContent()) ?? '', /Take your best guess/);
    await screenshot(page, 'raise-create-dialog');

    await page.locator('#create-field-summary').fill('Bitbucket web is slow for EU customers');
    await page.getByTestId('create-submit').click();
    assert.match((await page.getByTestId(`create-error-${severity}`).textContent()) ?? '', /Severity is required/);
    assert.match((await page.getByTestId(`create-error-${service}`).textContent()) ?? '', /Faulty service is required/);

    await chooseOption(`create-field-${severity}`, 'Sev 3');
    await chooseOption(`create-field-${service}`, 'Bitbucket');
    await page.getByTestId('create-submit').click();
    await page.waitForURL(/\/browse\/HOT-\d+$/);
    const key = new URL(page.url()).pathname.split('/').pop() ?? '';
    const issue = await restAs(local.baseUrl, supportAgent, `/rest/api/3/issue/${key}`, createdIssue.extend({ fields: z.record(z.string(), z.unknown()) }));
    assert.equal(option.parse(issue.fields[severity]).value, 'Sev 3');
    assert.equal(option.parse(issue.fields[service]).value, 'Bitbucket');

    // Nobody gave a detection time on Jira's screen: the incident was detected when it was raised.
    await local.site.settle();
    const after = await restAs(local.baseUrl, supportAgent, `/rest/api/3/issue/${key}`, z.object({ fields: z.record(z.string(), z.unknown()) }));
    assert.equal(Date.parse(z.string().parse(after.fields[idOf('Detected')])), Date.parse(z.string().parse(after.fields['created'])));
  });

  it('keeps the incident fields off the support project’s create screen', async () => {
    const idOf = await fieldIds();
    const meta = await restAs(local.baseUrl, supportAgent, '/rest/api/3/issue/createmeta/SUP/issuetypes', z.object({ issueTypes: z.array(z.object({ id: z.string() })) }));
    const typeId = meta.issueTypes[0]?.id ?? assert.fail('SUP has an issue type');
    const fields = await restAs(local.baseUrl, supportAgent, `/rest/api/3/issue/createmeta/SUP/issuetypes/${typeId}`, z.object({ fields: z.array(z.object({ fieldId: z.string() })) }));
    const ids = fields.fields.map((field) => field.fieldId);
    assert.ok(!ids.includes(idOf('Severity')) && !ids.includes(idOf('Faulty service')), `SUP's create screen: ${ids.join(', ')}`);
  });
});
