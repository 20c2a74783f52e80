/**
 * The panel at a glance: an incident manager in command of a Sev 2 sees severity, status, who is
 * in command, how long customers have been affected, the next update and paging at the top of the
 * panel, without scrolling a 1400×900 window; pictures of the panel in light and dark at 1400 and
 * 800 pixels wide go to artifacts/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import { z } from 'zod';
import { ensureCustomUiBuilt } from './support/app-ui';
import { launchBrowser, type Browser } from './support/browser';
import { startLocalSite, type LocalSite } from './support/local-site';
import { createIssueAs, incidentFieldValues, restAs } from './support/rest';
import { screenshot } from './support/screenshots';
import { waitFor } from './support/wait';

const incidentManager = 'bea.bitbucket@example.com';

let local: LocalSite;
let browser: Browser;
let page: Page;
let key = '';

function panel(): FrameLocator {
  return page.frameLocator('iframe[data-module-key="incident-cockpit"]');
}

describe('the incident at a glance', () => {
  before(async () => {
    await ensureCustomUiBuilt();
    local = await startLocalSite();
    browser = await launchBrowser();
    page = browser.page;
    const fields = await restAs(local.baseUrl, incidentManager, '/rest/api/3/field', z.array(z.object({ id: z.string(), name: z.string() })));
    const impactStart = fields.find((field) => field.name === 'Impact start')?.id ?? assert.fail('no Impact start field');
    key = await createIssueAs(local.baseUrl, incidentManager, {
      project: { key: 'HOT' },
      summary: 'Bitbucket pushes fail for some EU customers',
      [impactStart]: new Date(Date.now() - 40 * 60_000).toISOString(),
      ...(await incidentFieldValues(local.baseUrl, incidentManager, 'Sev 2', 'Bitbucket')),
    });
    await local.site.settle();
  });

  after(async () => {
    await browser?.close();
    await local?.close();
  });

  it('shows the summary at the top, without scrolling, at 1400×900', async () => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`${local.baseUrl}/browse/${key}?as=${encodeURIComponent(incidentManager)}`);
    await panel().getByTestId('take-command').click();
    await panel().getByTestId('incident-manager').filter({ hasText: 'Bea Bitbucket' }).waitFor({ timeout: 20_000 });
    const summary = panel().getByTestId('incident-summary');
    assert.match((await summary.textContent()) ?? '', /Sev 2.*Fixing.*Bea Bitbucket/s);
    assert.match((await panel().getByTestId('impact-for').textContent()) ?? '', /4\dm/);
    assert.match((await panel().getByTestId('paging-state').textContent()) ?? '', /Acknowledged|Waiting|Nobody|Not paged/);
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    const box = (await summary.boundingBox()) ?? assert.fail('the summary is laid out');
    assert.ok(box.y >= 0 && box.y + box.height <= 900, `the summary (${Math.round(box.y)}–${Math.round(box.y + box.height)} px) fits a 900 px window`);
    await screenshot(page, 'panel-light-1400');
  });

  it('keeps the issue readable at 800 px, in light and dark', async () => {
    await page.setViewportSize({ width: 800, height: 900 });
    const width = (await panel().getByTestId('incident-summary').boundingBox())?.width ?? 0;
    assert.ok(width > 400, `the panel keeps ${Math.round(width)} px at 800 px`);
    await screenshot(page, 'panel-light-800');
    await page.getByTestId('theme-toggle').click();
    await waitFor(async () => (await panel().locator('html').getAttribute('data-color-mode')) === 'dark', 'the panel switched to dark');
    await page.waitForTimeout(500);
    await screenshot(page, 'panel-dark-800');
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.waitForTimeout(300);
    await screenshot(page, 'panel-dark-1400');
  });
});
