/**
 * The "Incidents in progress" dashboard gadget on the local site, end to end in Chromium: on the
 * dashboard it first opens in its edit view, is configured there, then lists the incidents in
 * progress with their severity; its Edit button narrows the list with the admin's own JQL. The gadget
 * is UI Kit, so the host page draws it (no frame of its own to look into).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { ensureCustomUiBuilt } from './support/app-ui';
import { launchBrowser, type Browser } from './support/browser';
import { startLocalSite, type LocalSite } from './support/local-site';
import { screenshot } from './support/screenshots';

const GADGET = 'incidents-in-progress';
const viewer = 'imogen.imoc@example.com';

let local: LocalSite;
let browser: Browser;
let page: Page;
const keys: Record<'critical' | 'minor', string> = { critical: '', minor: '' };

async function declare(severity: 1 | 3, summary: string): Promise<string> {
  const reporter = local.site.jira.users().find((user) => user.emailAddress === 'jay.jira@example.com');
  assert.ok(reporter !== undefined, 'the local site has Jay');
  const result = (await local.site.forge.invokeResolver({
    moduleKey: 'declare-incident',
    functionKey: 'declareIncident',
    accountId: reporter.accountId,
    payload: { summary, description: 'Customers see errors. Call Jay on +1 555 0100.', severity, faultyService: 'Bitbucket', affectedProducts: ['Bitbucket'] },
  })) as { ok: boolean; value?: { issueKey: string }; error?: unknown };
  assert.ok(result.ok && result.value !== undefined, `declaring failed: ${JSON.stringify(result.error)}`);
  return result.value.issueKey;
}

function gadget(): Locator {
  return page.locator(`[data-ui-kit-module="${GADGET}"]`);
}

function rowsOf(view: Locator): Locator {
  return view.locator('[data-testid^="incidents-table--row-"]');
}

/** The gadget's rows as "<key> <severity>" for the incidents this test declared, in the order shown. */
async function listed(): Promise<string[]> {
  const rows = rowsOf(gadget());
  const texts = await rows.allInnerTexts();
  return texts.flatMap((text) => {
    const key = Object.values(keys).find((candidate) => new RegExp(`\\b${candidate}\\b`).test(text));
    const severity = /Sev \d/.exec(text)?.[0] ?? 'no severity';
    return key === undefined ? [] : [`${key} ${severity}`];
  });
}

describe('the Incidents in progress gadget on a dashboard', () => {
  before(async () => {
    await ensureCustomUiBuilt();
    local = await startLocalSite();
    await local.site.settle();
    keys.critical = await declare(1, 'Git pushes fail for everyone');
    keys.minor = await declare(3, 'Pipeline badges show the wrong colour');
    await local.site.settle();
    browser = await launchBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await local?.close();
  });

  it('shows a view-only person its default list and no Edit, even before anyone configured it', async () => {
    await page.goto(`${local.baseUrl}/jira/dashboards?as=${encodeURIComponent('vera.viewer@example.com')}`);
    await page.getByTestId(`gadget-${GADGET}`).waitFor({ timeout: 20_000 });
    await gadget().getByTestId('incidents-table--table').waitFor({ timeout: 20_000 });
    assert.deepEqual(await listed(), [`${keys.minor} Sev 3`, `${keys.critical} Sev 1`]);
    assert.equal(await gadget().getByTestId('gadget-edit').count(), 0);
    assert.equal(await page.getByTestId(`gadget-edit-${GADGET}`).count(), 0);
  });

  it('opens in its edit view on the dashboard until it is configured', async () => {
    await page.goto(`${local.baseUrl}/jira/dashboards?as=${encodeURIComponent(viewer)}`);
    await page.getByTestId(`gadget-${GADGET}`).waitFor({ timeout: 20_000 });
    const edit = gadget();
    await edit.getByTestId('gadget-edit').waitFor({ timeout: 20_000 });
    assert.equal(await edit.getByLabel('Incident project').inputValue(), 'HOT');
    assert.equal(await edit.getByLabel('Incidents to list (JQL)').inputValue(), 'project = HOT AND statusCategory != Done AND (labels is EMPTY OR labels not in (drill)) ORDER BY created DESC');
  });

  it('saves its configuration and lists the declared incidents, the Sev 1 with its severity', async () => {
    const edit = gadget();
    const refresh = edit.getByLabel('Refresh automatically');
    await refresh.click();
    await page.getByRole('option', { name: 'Every minute' }).click();
    await edit.getByTestId('gadget-save').click();

    const view = gadget();
    await view.getByTestId('incidents-table--table').waitFor({ timeout: 20_000 });
    assert.deepEqual(await listed(), [`${keys.minor} Sev 3`, `${keys.critical} Sev 1`]);
    const critical = rowsOf(view).filter({ hasText: keys.critical });
    assert.match(await critical.innerText(), /Git pushes fail for everyone/);
    await view.getByText(/auto-refresh every minute/).waitFor();
    await screenshot(page, 'incidents-gadget-dashboard');
  });

  it('keeps its configuration on the dashboard, and its Edit view narrows the list to Sev 1 with JQL', async () => {
    await page.reload();
    await gadget().getByTestId('incidents-table--table').waitFor({ timeout: 20_000 });
    assert.deepEqual(await listed(), [`${keys.minor} Sev 3`, `${keys.critical} Sev 1`]);

    await page.getByTestId(`gadget-edit-${GADGET}`).click();
    const edit = gadget();
    await edit.getByTestId('gadget-edit').waitFor({ timeout: 20_000 });
    await edit.getByLabel('Incidents to list (JQL)').fill('project = HOT AND "Severity" = "Sev 1" ORDER BY created DESC');
    await edit.getByTestId('gadget-save').click();

    await gadget().getByTestId('incidents-table--table').waitFor({ timeout: 20_000 });
    assert.deepEqual(await listed(), [`${keys.critical} Sev 1`]);
    await screenshot(page, 'incidents-gadget-sev1');
  });
});
