/**
 * The local site's Custom UI host, end to end in Chromium, with the probe app (e2e/fixtures): the
 * real @forge/bridge inside the frames reaches the site through `window.__bridge`, and what the
 * host offers (context, resolvers, requestJira, flags, navigation, gadget edit views, events,
 * theme) behaves as a person would see it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import { launchBrowser, type Browser } from './support/browser';
import { startLocalSite, type LocalSite } from './support/local-site';
import { buildProbeApp } from './support/probe-app';
import { createIssueAs, userNamed } from './support/rest';
import { screenshot } from './support/screenshots';
import { waitFor } from './support/wait';

let local: LocalSite;
let browser: Browser;
let page: Page;
let issueKey: string;

function probe(frame: FrameLocator, id: string) {
  return frame.locator(`[data-probe="${id}"]`);
}

async function openIssue(key: string, as?: string): Promise<FrameLocator> {
  await page.goto(`${local.baseUrl}/browse/${key}${as === undefined ? '' : `?as=${encodeURIComponent(as)}`}`);
  const frame = page.frameLocator('iframe[data-module-key="probe-panel"]');
  await probe(frame, 'ready').waitFor({ timeout: 15_000 });
  return frame;
}

describe('the Custom UI host', () => {
  before(async () => {
    local = await startLocalSite(await buildProbeApp());
    browser = await launchBrowser();
    page = browser.page;
    issueKey = await createIssueAs(local.baseUrl, 'admin@example.com', { project: { key: 'HOT' }, summary: 'Checkout fails for EU customers' });
  });

  after(async () => {
    await browser?.close();
    await local?.close();
  });

  it('shows the issue panel with the context, the resolver answer and requestJira, all as the signed-in user', async () => {
    const jay = await userNamed(local.baseUrl, 'jay.jira@example.com');
    const frame = await openIssue(issueKey, 'jay.jira@example.com');
    assert.equal(await probe(frame, 'module').textContent(), 'probe-panel jira:issuePanel');
    assert.equal(await probe(frame, 'issue').textContent(), `issue ${issueKey}`);
    assert.equal(await probe(frame, 'account').textContent(), `context account ${jay.accountId}`);
    assert.equal(await probe(frame, 'resolver').textContent(), `resolver says ${jay.displayName} (${jay.accountId}) in jira:issuePanel`);
    assert.equal(await probe(frame, 'fetch').textContent(), `requestJira 200 ${jay.displayName}`);
    await screenshot(page, 'host-issue-panel');
  });

  it('sizes the panel frame to its content', async () => {
    await openIssue(issueKey);
    const frameHeight = await page.locator('iframe[data-module-key="probe-panel"]').evaluate((element) => element.getBoundingClientRect().height);
    const contentHeight = await page.frameLocator('iframe[data-module-key="probe-panel"]').locator('html').evaluate((element) => element.getBoundingClientRect().height);
    assert.ok(frameHeight > 100, `the frame grew from its initial 40px (it is ${frameHeight}px)`);
    assert.ok(Math.abs(frameHeight - contentHeight) <= 2, `frame ${frameHeight}px matches content ${contentHeight}px`);
  });

  it('shows a flag the app raises with showFlag', async () => {
    const frame = await openIssue(issueKey);
    await probe(frame, 'flag').click();
    const flag = page.getByRole('alert').filter({ hasText: 'Probe flag' });
    await flag.waitFor();
    assert.match((await flag.textContent()) ?? '', /Raised by the probe app/);
    await screenshot(page, 'host-flag');
  });

  it('rejects invoke with the resolver error when the resolver throws', async () => {
    const frame = await openIssue(issueKey);
    await probe(frame, 'fail').click();
    await probe(frame, 'fail-error').waitFor();
    assert.equal(await probe(frame, 'fail-error').textContent(), 'There was an error invoking the function - The probe resolver failed on purpose');
  });

  it('fails an unsupported bridge command with a clear error in the frame, the console and the site log', async () => {
    const frame = await openIssue(issueKey);
    await probe(frame, 'unsupported').click();
    await probe(frame, 'unsupported-error').waitFor();
    const expected = 'The local site does not support the bridge command "getFrameDispatch" (called by jira:issuePanel "probe-panel").';
    assert.equal(await probe(frame, 'unsupported-error').textContent(), expected);
    assert.ok(browser.console.some((line) => line.startsWith('error:') && line.includes(expected)), 'the host page logged the error');
    await waitFor(() => local.log.some((line) => line.includes(expected)), 'the site log names the command');
  });

  it('delivers an event the app emits to listeners on the page', async () => {
    const frame = await openIssue(issueKey);
    await probe(frame, 'emit').click();
    await probe(frame, 'event').waitFor();
    assert.equal(await probe(frame, 'event').textContent(), 'event {"from":"probe-panel"}');
  });

  it('follows router.navigate to the target page without reloading the host', async () => {
    const frame = await openIssue(issueKey);
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
    await probe(frame, 'navigate').click();
    await page.waitForURL(`${local.baseUrl}/jira/dashboards/10000`);
    assert.equal(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage), true);
  });

  it('opens an unconfigured gadget in its edit view and shows the view with what the edit view submitted', async () => {
    await page.goto(`${local.baseUrl}/jira/dashboards`);
    const edit = page.frameLocator('iframe[data-module-key="probe-gadget"]');
    await probe(edit, 'greeting').waitFor({ timeout: 15_000 });
    assert.equal(await probe(edit, 'module').textContent(), 'probe-gadget jira:dashboardGadget edit');
    await probe(edit, 'greeting').fill('hello from the edit view');
    await probe(edit, 'save').click();
    const view = page.frameLocator('iframe[data-module-key="probe-gadget"]');
    await probe(view, 'ready').waitFor({ timeout: 15_000 });
    assert.equal(await probe(view, 'config').textContent(), 'config {"greeting":"hello from the edit view"}');
    await page.reload();
    await probe(page.frameLocator('iframe[data-module-key="probe-gadget"]'), 'ready').waitFor({ timeout: 15_000 });
    assert.equal(await probe(page.frameLocator('iframe[data-module-key="probe-gadget"]'), 'config').textContent(), 'config {"greeting":"hello from the edit view"}');
    await screenshot(page, 'host-dashboard');
  });

  it('shows a global page at /jira/apps/<module-key>', async () => {
    await page.goto(`${local.baseUrl}/jira/apps/probe-page`);
    const frame = page.frameLocator('iframe[data-module-key="probe-page"]');
    await probe(frame, 'ready').waitFor({ timeout: 15_000 });
    assert.equal(await probe(frame, 'module').textContent(), 'probe-page jira:globalPage');
    assert.equal(await probe(frame, 'location').textContent(), 'location /');
  });

  it("keeps a global page's own history in the host URL", async () => {
    await page.goto(`${local.baseUrl}/jira/apps/probe-page`);
    const frame = page.frameLocator('iframe[data-module-key="probe-page"]');
    await probe(frame, 'ready').waitFor({ timeout: 15_000 });
    await probe(frame, 'push').click();
    await page.waitForURL(`${local.baseUrl}/jira/apps/probe-page/details`);
    await waitFor(async () => (await probe(frame, 'location').textContent()) === 'location /details', 'the app heard of its new location');
    await page.goBack();
    await page.waitForURL(`${local.baseUrl}/jira/apps/probe-page`);
    await waitFor(async () => (await probe(frame, 'location').textContent()) === 'location /', 'the app heard of the way back');
  });

  it('configures a post-function in the workflow settings and runs it with that configuration on the transition', async () => {
    await page.goto(`${local.baseUrl}/jira/settings/issues/workflows?as=admin@example.com`);
    const startFixing = page.locator('[data-testid^="transition-rules-"]').filter({ has: page.getByRole('heading', { name: 'Start fixing', exact: true }) }).first();
    await startFixing.getByRole('button', { name: 'Add Probe comment' }).click();
    const create = page.frameLocator('iframe[data-module-key="probe-post-function"]');
    await probe(create, 'comment').fill('Fixing started, says the probe');
    await probe(create, 'use').click();
    const view = startFixing.frameLocator('iframe[data-module-key="probe-post-function"]');
    await probe(view, 'rule').waitFor({ timeout: 15_000 });
    assert.equal(await probe(view, 'rule').textContent(), 'rule {"comment":"Fixing started, says the probe"}');
    await screenshot(page, 'host-workflows');

    const key = await createIssueAs(local.baseUrl, 'admin@example.com', { project: { key: 'HOT' }, summary: 'Search is slow' });
    await page.goto(`${local.baseUrl}/browse/${key}`);
    await page.getByRole('button', { name: 'Start fixing', exact: true }).click();
    await page.getByTestId('transitions').getByRole('button', { name: 'Start fixing', exact: true }).waitFor({ state: 'detached' });
    await local.site.settle();
    await page.reload();
    await page.getByText('Fixing started, says the probe').waitFor();
  });

  it('passes a theme switch on to frames that enabled theming', async () => {
    const frame = await openIssue(issueKey);
    await page.getByTestId('theme-toggle').click();
    await waitFor(async () => (await frame.locator('html').getAttribute('data-color-mode')) === 'dark', 'the frame switched to dark');
    assert.equal(await page.locator('html').getAttribute('data-color-mode'), 'dark');
    // Inputs fade between themes; let them finish before the picture.
    await page.waitForTimeout(500);
    await screenshot(page, 'host-issue-dark');
    await page.getByTestId('theme-toggle').click();
    await waitFor(async () => (await frame.locator('html').getAttribute('data-color-mode')) === 'light', 'the frame switched back to light');
  });
});
