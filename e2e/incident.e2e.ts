/**
 * The app on the local site, end to end in Chromium: a person signs in, declares an incident on the
 * create screen, opens it, and the app's issue panel loads through the real @forge/bridge with what
 * the app's own resolver returned.
 */
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { readUiManifest } from '../emulator/web/ui-modules';
import { ensureCustomUiBuilt } from './support/app-ui';
import { launchBrowser, type Browser } from './support/browser';
import { chooseProject, fillRequiredFields, requiredCreateFields } from './support/create-screen';
import { startLocalSite, type LocalSite } from './support/local-site';
import { timeToInteractivePanel } from './support/panel-timing';
import { restAs } from './support/rest';
import { screenshot } from './support/screenshots';
import { z } from 'zod';

const incidentManager = 'imogen.imoc@example.com';
const panel = readUiManifest(resolve(__dirname, '..', 'manifest.yml')).modules.find((module) => module.kind === 'jira:issuePanel');

let local: LocalSite;
let browser: Browser;
let page: Page;
let incidentKey = '';

describe('an incident on the local site', () => {
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

  it('signs in by choosing a person on the sign-in page', async () => {
    await page.goto(`${local.baseUrl}/login`);
    await page.getByTestId(`sign-in-${incidentManager}`).click();
    await page.waitForURL(`${local.baseUrl}/jira/dashboards`);
    const me = await restAs(local.baseUrl, incidentManager, '/rest/api/3/myself', z.object({ displayName: z.string() }));
    assert.match((await page.getByTestId('top-bar').textContent()) ?? '', new RegExp(me.displayName));
    await screenshot(page, 'incident-dashboard');
  });

  it('lets a keyboard user skip straight to the page content', async () => {
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to main content');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  });

  it('creates an incident on the create screen and opens it', async () => {
    const types = await restAs(local.baseUrl, incidentManager, '/rest/api/3/issue/createmeta/HOT/issuetypes', z.object({ issueTypes: z.array(z.object({ id: z.string(), name: z.string() })) }));
    const incidentType = types.issueTypes[0];
    assert.ok(incidentType !== undefined, 'project HOT has an issue type');
    const fields = await requiredCreateFields(local.baseUrl, incidentManager, 'HOT', incidentType.id);

    await page.getByTestId('create-button').click();
    await chooseProject(page, 'HOT');
    await page.locator('#create-field-summary').waitFor();
    await fillRequiredFields(page, fields, 'Bitbucket pushes fail for EU customers');
    await screenshot(page, 'incident-create');
    await page.getByTestId('create-submit').click();
    await page.waitForURL(/\/browse\/HOT-\d+$/);
    incidentKey = new URL(page.url()).pathname.split('/').pop() ?? '';
    assert.equal(await page.getByTestId('issue-summary').textContent(), 'Bitbucket pushes fail for EU customers');
    assert.equal(await page.getByTestId('issue-key').textContent(), incidentKey);
  });

  it("shows the app's issue panel with data its resolver returned", async () => {
    assert.ok(panel !== undefined, 'manifest.yml declares a jira:issuePanel');
    await page.goto(`${local.baseUrl}/browse/${incidentKey}`);
    await timeToInteractivePanel(page, panel.key);
    const invocations = local.site.forge.invocations.list(0).filter((record) => record.moduleKey === panel.key && record.trigger === 'resolver');
    assert.ok(invocations.length > 0, 'the panel invoked its resolver');
    assert.ok(
      invocations.every((record) => record.outcome === 'ok'),
      `every resolver call succeeded: ${invocations.map((record) => `${record.functionKey} ${record.outcome}`).join(', ')}`,
    );
    const frame = page.frameLocator(`iframe[data-module-key="${panel.key}"]`);
    const text = (await frame.locator('body').innerText()).trim();
    assert.ok(text.length > 0, 'the panel shows content');
    assert.doesNotMatch(text, /error invoking the function/i);
    await screenshot(page, 'incident-issue');
  });
});
