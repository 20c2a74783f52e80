/**
 * The issue panel stays current while it is open: an incident manager resolves the incident with
 * Jira's own workflow button, and the panel shows Resolved (and what is left after the response)
 * without a reload; closing it leaves no next step.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import { z } from 'zod';
import { ensureCustomUiBuilt } from './support/app-ui';
import { launchBrowser, type Browser } from './support/browser';
import { startLocalSite, type LocalSite } from './support/local-site';
import { createIssueAs, incidentFieldValues, restAs } from './support/rest';
import { invokeAs } from './support/resolvers';
import { screenshot } from './support/screenshots';

const incidentManager = 'bea.bitbucket@example.com';
/** The panel must show a change made around it within this long (the issue's "Done when"). */
const CURRENT_WITHIN_MS = 2_000;

let local: LocalSite;
let browser: Browser;
let page: Page;
let key = '';

async function jiraButton(name: string): Promise<void> {
  await page.getByTestId('transitions').getByRole('button', { name, exact: true }).click();
}

describe('a panel that is always current', () => {
  before(async () => {
    await ensureCustomUiBuilt();
    local = await startLocalSite();
    await local.site.settle();
    // A Severity 3 closes without a postmortem only where the administrator exempts it, as the demo does.
    await invokeAs(local.site, 'incident-settings', 'saveLearningSettings', 'admin@example.com', {
      cleanup: { projectKey: 'HOT', issueType: 'Task' },
      postmortem: { projectKey: 'PM', issueType: 'Postmortem', dueBusinessDays: { '1': 5, '2': 10, '3': 20 }, sev3Exempt: true },
    });
    browser = await launchBrowser();
    page = browser.page;
    // A Sev 3 closes without a postmortem only where the administrator exempted them, as here.
    await local.site.settle();
    await invokeAs(local.site, 'incident-settings', 'saveLearningSettings', 'admin@example.com', {
      cleanup: { projectKey: 'HOT', issueType: 'Task' },
      postmortem: { projectKey: 'PM', issueType: 'Postmortem', dueBusinessDays: { '1': 5, '2': 10, '3': 20 }, sev3Exempt: true },
    });
    key = await createIssueAs(local.baseUrl, incidentManager, {
      project: { key: 'HOT' },
      summary: 'Bitbucket diffs render slowly',
      ...(await incidentFieldValues(local.baseUrl, incidentManager, 'Sev 3', 'Bitbucket')),
    });
    await restAs(local.baseUrl, incidentManager, `/rest/api/3/issue/${key}/transitions`, z.unknown(), { method: 'POST', body: { transition: { id: '11' } } });
    await local.site.settle();
  });

  after(async () => {
    await browser?.close();
    await local?.close();
  });

  it('shows Resolved within two seconds of Jira’s Resolve button, without a reload', async () => {
    await page.goto(`${local.baseUrl}/browse/${key}?as=${encodeURIComponent(incidentManager)}`);
    const frame: FrameLocator = page.frameLocator('iframe[data-module-key="incident-cockpit"]');
    await frame.getByTestId('cockpit').waitFor({ timeout: 20_000 });
    assert.equal((await frame.getByTestId('incident-status').textContent())?.trim(), 'Fixing');
    // A marker in the panel's own window: a reloaded frame would lose it.
    const panelFrame = page.frames().find((candidate) => candidate.url().includes('incident-cockpit')) ?? assert.fail('the panel frame is on the page');
    await panelFrame.evaluate(() => Object.assign(window, { __stillTheSamePanel: true }));

    await jiraButton('Resolve');
    await frame.getByTestId('incident-status').filter({ hasText: 'Resolved' }).waitFor({ timeout: CURRENT_WITHIN_MS });
    assert.equal(await panelFrame.evaluate(() => (window as unknown as { __stillTheSamePanel?: boolean }).__stillTheSamePanel), true);
    const next = (await frame.getByTestId('next-step').textContent()) ?? '';
    assert.doesNotMatch(next, /Initial comms|Open comms|Assess/);
    assert.match(next, /Resolve|cleanup and postmortem/);
    await screenshot(page, 'panel-current-resolved');
  });

  it('asks nothing more once the incident is closed', async () => {
    const frame: FrameLocator = page.frameLocator('iframe[data-module-key="incident-cockpit"]');
    await jiraButton('Close');
    await frame.getByTestId('incident-status').filter({ hasText: 'Closed' }).waitFor({ timeout: CURRENT_WITHIN_MS });
    assert.equal(await frame.getByTestId('next-step').count(), 0);
  });
});
