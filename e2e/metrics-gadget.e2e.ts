/**
 * The "Incident metrics" gadget on a dashboard, end to end in Chromium, over the demo organisation's
 * incident history: its TTD and TTR medians and counts equal those computed here from Jira's own
 * data, a severity filter saved in its edit view changes them, a newly resolved incident counts after
 * its event and a cancelled one never does.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { seedDemoConfiguration } from '../emulator/demo-configuration';
import { formatMinutes } from '../static/metrics-gadget/src/metrics-format';
import { ensureCustomUiBuilt } from './support/app-ui';
import { launchBrowser, type Browser } from './support/browser';
import { startLocalSite, type LocalSite } from './support/local-site';
import { screenshot } from './support/screenshots';

const GADGET = 'incident-metrics';
const viewer = 'imogen.imoc@example.com';
const HOUR = 3_600_000;

let local: LocalSite;
let browser: Browser;
let page: Page;
let fields: Record<'severity' | 'impactStart' | 'detected' | 'impactEnd', string>;

async function jira(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${local.baseUrl}${path}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from('admin@example.com:local').toString('base64')}`, 'content-type': 'application/json', accept: 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

const median = (values: number[]): number | undefined => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 === 1 ? sorted[Math.floor(middle)] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** Counts and medians computed from Jira's search alone: neither Cancelled nor labelled drill. */
async function fromJira(severity?: string): Promise<{ total: number; ttd: string; ttr: string; ttdCount: number; ttrCount: number }> {
  const issues: { fields: Record<string, unknown> }[] = [];
  let token: string | undefined;
  do {
    const page = await jira('POST', '/rest/api/3/search/jql', {
      jql: 'project = HOT AND issuetype = Incident',
      fields: ['status', 'labels', fields.severity, fields.impactStart, fields.detected, fields.impactEnd],
      maxResults: 100,
      ...(token === undefined ? {} : { nextPageToken: token }),
    });
    const body = page.body as { issues: { fields: Record<string, unknown> }[]; nextPageToken?: string };
    issues.push(...body.issues);
    token = body.nextPageToken;
  } while (token !== undefined);
  const counted = issues.filter((issue) => {
    const status = (issue.fields['status'] as { name: string }).name;
    const labels = issue.fields['labels'] as string[];
    const level = (issue.fields[fields.severity] as { value: string } | null)?.value;
    return status !== 'Cancelled' && !labels.includes('drill') && (severity === undefined || level === severity);
  });
  const at = (issue: { fields: Record<string, unknown> }, field: string) => (typeof issue.fields[field] === 'string' ? Date.parse(issue.fields[field] as string) : undefined);
  const durations = (from: string, to: string) =>
    counted.flatMap((issue) => {
      const start = at(issue, from);
      const end = at(issue, to);
      return start === undefined || end === undefined ? [] : [end - start];
    });
  const ttd = durations(fields.impactStart, fields.detected);
  const ttr = durations(fields.impactStart, fields.impactEnd);
  return { total: counted.length, ttd: formatMinutes(median(ttd)), ttr: formatMinutes(median(ttr)), ttdCount: ttd.length, ttrCount: ttr.length };
}

function gadget(): Locator {
  return page.locator(`[data-ui-kit-module="${GADGET}"]`);
}

async function shown(): Promise<{ total: string; ttd: string; ttr: string }> {
  const view = gadget();
  await view.getByTestId('incident-metrics').waitFor({ timeout: 20_000 });
  return { total: await view.getByTestId('metrics-total').innerText(), ttd: await view.getByTestId('metrics-ttd').innerText(), ttr: await view.getByTestId('metrics-ttr').innerText() };
}

async function expectFigures(expected: Awaited<ReturnType<typeof fromJira>>): Promise<void> {
  const figures = await shown();
  assert.match(figures.total, new RegExp(`${expected.total} counted`));
  assert.match(figures.ttd, new RegExp(`Median ${expected.ttd} · .* · ${expected.ttdCount} incidents`));
  assert.match(figures.ttr, new RegExp(`Median ${expected.ttr} · .* · ${expected.ttrCount} incidents`));
}

async function choose(label: string, option: string): Promise<void> {
  await gadget().getByLabel(label).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('the Incident metrics gadget on a dashboard', () => {
  before(async () => {
    await ensureCustomUiBuilt();
    local = await startLocalSite();
    await seedDemoConfiguration(local.site);
    const config = (await local.site.forge.invokeResolver({
      moduleKey: 'incident-settings',
      functionKey: 'getConfiguration',
      accountId: local.site.jira.userByEmail('admin@example.com')?.accountId,
      payload: {},
    })) as { ok: true; value: { configuration: { fields: typeof fields } } };
    fields = config.value.configuration.fields;
    browser = await launchBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await local?.close();
  });

  it('shows the demo history’s counts and TTD/TTR medians, as computed from Jira', async () => {
    await page.goto(`${local.baseUrl}/jira/dashboards?as=${encodeURIComponent(viewer)}`);
    await page.getByTestId(`gadget-${GADGET}`).waitFor({ timeout: 20_000 });
    await gadget().getByTestId('metrics-edit').waitFor({ timeout: 20_000 });
    await choose('Period', 'All time');
    await gadget().getByRole('button', { name: 'Save' }).click();
    await expectFigures(await fromJira());
    await screenshot(page, 'metrics-gadget-dashboard');
  });

  it('changes the figures when its saved filter asks for Sev 1 only', async () => {
    await page.getByTestId(`gadget-edit-${GADGET}`).click();
    await gadget().getByTestId('metrics-edit').waitFor({ timeout: 20_000 });
    await choose('Severity', 'Sev 1');
    await gadget().getByRole('button', { name: 'Save' }).click();
    const sev1 = await fromJira('Sev 1');
    assert.ok(sev1.total < (await fromJira()).total);
    await expectFigures(sev1);
  });

  it('counts a newly resolved Sev 1 incident after its event, and never a cancelled one', async () => {
    const before = await fromJira('Sev 1');
    const declare = async (summary: string) => {
      const result = (await local.site.forge.invokeResolver({
        moduleKey: 'declare-incident',
        functionKey: 'declareIncident',
        accountId: local.site.jira.userByEmail('jay.jira@example.com')?.accountId,
        payload: { summary, description: 'Seen by the synthetic checks.', severity: 1, faultyService: 'Confluence', affectedProducts: ['Confluence'] },
      })) as { ok: true; value: { issueKey: string } };
      return result.value.issueKey;
    };
    const resolved = await declare('Editor saves fail');
    const cancelled = await declare('Alert storm from a broken probe');
    await local.site.settle();
    const now = Date.now();
    const iso = (at: number) => new Date(at).toISOString().replace('Z', '+0000');
    assert.equal((await jira('PUT', `/rest/api/3/issue/${resolved}`, { fields: { [fields.impactStart]: iso(now - 2 * HOUR), [fields.detected]: iso(now - 2 * HOUR + 300_000), [fields.impactEnd]: iso(now - HOUR) } })).status, 204);
    for (const id of ['11', '21']) assert.equal((await jira('POST', `/rest/api/3/issue/${resolved}/transitions`, { transition: { id } })).status, 204);
    assert.equal((await jira('POST', `/rest/api/3/issue/${cancelled}/transitions`, { transition: { id: '51' } })).status, 204);
    await local.site.settle();
    const after = await fromJira('Sev 1');
    assert.equal(after.total, before.total + 1);
    await page.reload();
    await expectFigures(after);
  });
});
