/**
 * The local site's UI Kit renderer against trees made by the real reconciler: a sample app written
 * with @forge/react (e2e/fixtures/ui-kit-harness) runs in Chromium, and every forgeDoc it commits is
 * drawn by emulator/web/src/ui-kit. What a person sees and does — text, a table, a form that
 * validates and submits through `invoke`, state changes from clicks, the charts' figures — is
 * asserted on the drawn page; a component the site cannot draw is refused by name.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from './support/browser';

let server: Server;
let browser: Browser;
let page: Page;
let origin: string;

async function bundleHarness(): Promise<{ js: Uint8Array; css: Uint8Array | undefined }> {
  const result = await build({
    entryPoints: [join(__dirname, 'fixtures', 'ui-kit-harness', 'harness.tsx')],
    outdir: '/out',
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    jsx: 'automatic',
    target: ['es2020'],
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    logLevel: 'silent',
  });
  return { js: result.outputFiles.find((file) => file.path.endsWith('.js'))?.contents ?? new Uint8Array(), css: result.outputFiles.find((file) => file.path.endsWith('.css'))?.contents };
}

function marks(chart: string): Promise<string[]> {
  return page.locator(`[data-testid="${chart}"] [data-value]`).evaluateAll((elements) => elements.map((element) => `${element.getAttribute('data-label') ?? ''}=${element.getAttribute('data-value') ?? ''}`));
}

describe('the UI Kit renderer, with trees from the real @forge/react reconciler', () => {
  before(async () => {
    const { js, css } = await bundleHarness();
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">${css === undefined ? '' : '<link rel="stylesheet" href="/main.css">'}</head><body><div id="host"></div><script src="/main.js"></script></body></html>`;
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      const [type, body] = path === '/main.js' ? ['text/javascript', js] : path === '/main.css' && css !== undefined ? ['text/css', css] : ['text/html; charset=utf-8', html];
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
    page = browser.page;
    await page.goto(`${origin}/`);
    await page.getByTestId('sample').waitFor({ timeout: 20_000 });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('draws layout, text, status and links as Design System components', async () => {
    assert.equal(await page.getByRole('heading', { name: 'Sample' }).count(), 1);
    assert.equal(await page.getByTestId('count').innerText(), 'Clicked 0 times');
    assert.equal(await page.getByRole('link', { name: 'HOT-1' }).getAttribute('href'), '/browse/HOT-1');
    assert.equal(await page.getByText('Two incidents in progress').isVisible(), true);
    assert.equal(await page.getByRole('heading', { name: 'Heads up' }).count(), 1);
  });

  it('runs the app handler on a click and draws the tree the state change produced', async () => {
    await page.getByTestId('increment').click();
    await page.getByTestId('increment').click();
    await page.getByText('Clicked 2 times').waitFor();
  });

  it('draws a DynamicTable with its head and rows, cells holding components', async () => {
    const rows = page.locator('[data-testid^="table--row-"]');
    assert.deepEqual(await rows.allInnerTexts().then((texts) => texts.map((text) => text.replace(/\s+/g, ' ').trim())), ['HOT-1 Sev 1', 'HOT-2 Sev 3']);
    assert.match(await page.getByTestId('table--head').innerText(), /Key\s+Severity/);
  });

  it('validates and submits a useForm form, and the submit handler invokes the resolver through the bridge', async () => {
    await page.getByTestId('declare').click();
    await page.getByText('Enter a summary').waitFor();
    await page.getByLabel('Summary').fill('Git pushes fail');
    await page.getByLabel('Service').click();
    await page.getByRole('option', { name: 'Jira' }).click();
    await page.getByLabel('Urgent').check({ force: true });
    await page.getByTestId('declare').click();
    await page.getByText('sent {"summary":"Git pushes fail","service":"jira","urgent":true}').waitFor();
    assert.equal(await page.getByText('Enter a summary').count(), 0);
  });

  it('draws each chart with the figures its data and accessors give', async () => {
    assert.deepEqual(await marks('bar'), ['W1=5', 'W2=5', 'W3=2']);
    assert.deepEqual(await marks('stack'), ['W1 · Sev 1=2', 'W1 · Sev 2=3', 'W2 · Sev 1=1', 'W2 · Sev 2=4']);
    assert.deepEqual(await marks('horizontal'), ['Bitbucket=42', 'Jira=17']);
    assert.deepEqual(await marks('line'), ['W1 · Sev 1=2', 'W2 · Sev 1=1', 'W1 · Sev 2=3', 'W2 · Sev 2=4']);
    assert.deepEqual(await marks('pie'), ['Sev 1=3', 'Sev 2=7']);
    assert.deepEqual(await marks('donut'), ['Sev 1=3', 'Sev 2=7']);
    assert.equal(await page.locator('[data-testid="bar"] figcaption').innerText(), 'Incidents per week');
    assert.deepEqual(await page.locator('[data-testid="stack"] [data-series]').allInnerTexts(), ['Sev 1', 'Sev 2']);
  });

  it('refuses a tree with a component it cannot draw, naming the component', async () => {
    await page.getByTestId('break').click();
    const refusal = page.getByTestId('ui-kit-unsupported');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /cannot draw the UI Kit component "Calendar"/);
    const reported = await page.evaluate(() => (window as unknown as { uiKitFailures: string[] }).uiKitFailures);
    assert.ok(reported.some((message) => message.includes('"Calendar"')), 'the failure is reported, naming the component');
  });
});
