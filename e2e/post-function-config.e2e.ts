/**
 * The "Page on-call" post-function's configuration in the workflow settings, end to end in
 * Chromium. Its views are UI Kit: the host page draws them, and Jira's Update button takes the
 * configuration from the callback the app registered with `workflowRules.onConfigure`, after the
 * app's resolver validated it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { ensureCustomUiBuilt } from './support/app-ui';
import { launchBrowser, type Browser } from './support/browser';
import { startLocalSite, type LocalSite } from './support/local-site';
import { screenshot } from './support/screenshots';

let local: LocalSite;
let browser: Browser;
let page: Page;

function transition(name: string): Locator {
  return page.locator('[data-testid^="transition-rules-"]').filter({ has: page.getByRole('heading', { name, exact: true }) }).first();
}

function summaryOf(card: Locator): Locator {
  return card.locator('[data-ui-kit-module="page-on-call"][data-entry-point="view"]').getByTestId('post-function-summary');
}

describe('the Page on-call post-function in the workflow settings', () => {
  before(async () => {
    await ensureCustomUiBuilt();
    local = await startLocalSite();
    await local.site.settle();
    browser = await launchBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await local?.close();
  });

  it('describes each configured rule, and an edit pages the roster of the faulty service for Sev 1 only', async () => {
    await page.goto(`${local.baseUrl}/jira/settings/issues/workflows?as=admin@example.com`);
    const escalate = transition('Escalate to IMOC');
    await summaryOf(escalate).waitFor({ timeout: 20_000 });
    assert.match(await summaryOf(escalate).innerText(), /IMOC/);

    await escalate.getByRole('button', { name: 'Edit' }).click();
    const editor = page.getByTestId('post-function-editor');
    await editor.getByTestId('post-function-config').waitFor({ timeout: 20_000 });
    // A named roster needs one to choose: the form refuses to save without it.
    await editor.getByLabel('A named roster').check({ force: true });
    await page.getByTestId('post-function-save').click();
    await editor.getByText('Choose the roster to page.').waitFor();
    await editor.getByLabel("The faulty service's roster").check({ force: true });
    await editor.getByLabel('Page only for some severities').check({ force: true });
    // Nothing chosen yet: Update keeps the editor open and says why.
    await page.getByTestId('post-function-save').click();
    await editor.getByText('Tick at least one severity, or page for every severity.').waitFor();
    assert.equal(await editor.count(), 1);
    await editor.getByLabel(/^Sev 1/).check({ force: true });
    await page.getByTestId('post-function-save').click();
    await editor.waitFor({ state: 'detached', timeout: 20_000 });

    // The saved rule is the workflow's: a fresh look at the settings describes it.
    await page.reload();
    await summaryOf(escalate).filter({ hasText: 'only for Sev 1 incidents' }).waitFor({ timeout: 20_000 });
    const summary = await summaryOf(escalate).innerText();
    assert.match(summary, /faulty service's roster/);
    assert.match(summary, /only for Sev 1 incidents/);
    await screenshot(page, 'post-function-config-ui-kit');
  });
});
