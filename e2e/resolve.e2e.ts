/**
 * Resolve and learn end to end in Chromium: the IM resolves a Sev 1 incident from the panel's
 * Resolve tab (one Jira request for the transition, read from the local site's invocation records),
 * creates a cleanup task and the postmortem linked to it; Jira's own Close is refused by the app's
 * workflow validator before the postmortem exists and succeeds after; the postmortem's description
 * holds the timeline entries and the impact times.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import { z } from 'zod';
import { ensureCustomUiBuilt } from './support/app-ui';
import { launchBrowser, type Browser } from './support/browser';
import { startLocalSite, type LocalSite } from './support/local-site';
import { restAs } from './support/rest';
import { accountIdOf, invokeAs } from './support/resolvers';
import { screenshot } from './support/screenshots';
import { waitFor } from './support/wait';

const IM = 'bea.bitbucket@example.com';
const ADMIN = 'admin@example.com';

let local: LocalSite;
let browser: Browser;
let key = '';
let impactEndField = '';

const panelCall = <T>(functionKey: string, payload: unknown, issueId: string): Promise<T> =>
  local.site.forge
    .invokeResolver({ moduleKey: 'incident-cockpit', functionKey, accountId: accountIdOf(local.site, IM), payload, extension: { issue: { id: issueId, key, type: 'Incident' } } })
    .then((result) => {
      const answer = result as { ok: boolean; value?: T; error?: unknown };
      assert.ok(answer.ok, `${functionKey} failed: ${JSON.stringify(answer.error)}`);
      return answer.value as T;
    });

const issueSchema = z.object({ id: z.string(), fields: z.record(z.string(), z.unknown()) });
const issue = (path: string) => restAs(local.baseUrl, IM, path, issueSchema);
const statusOf = async (): Promise<string> => z.object({ name: z.string() }).parse((await issue(`/rest/api/3/issue/${key}?fields=status`)).fields['status']).name;

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${local.baseUrl}/login`);
  await page.getByTestId(`sign-in-${email}`).click();
  await page.waitForURL(`${local.baseUrl}/jira/dashboards`);
}

async function openResolveTab(page: Page): Promise<FrameLocator> {
  await page.goto(`${local.baseUrl}/browse/${key}`);
  const frame = page.frameLocator('iframe[data-module-key="incident-cockpit"]');
  await frame.getByTestId('cockpit').waitFor({ timeout: 20_000 });
  await frame.getByTestId('tab-resolve').click();
  await frame.getByTestId('resolve-tab').waitFor({ timeout: 20_000 });
  return frame;
}

/** Jira's own Close button on the issue page; answers the flag's text when Jira refused. */
async function closeInJira(page: Page): Promise<string | undefined> {
  await page.goto(`${local.baseUrl}/browse/${key}`);
  await page.getByTestId('transition-31').click();
  const refused = page.getByText(/cannot be closed until its postmortem exists/);
  const closed = page.getByTestId('transitions').getByText('Reopen');
  await refused.or(closed).first().waitFor({ timeout: 20_000 });
  return (await refused.count()) > 0 ? (await refused.first().innerText()).trim() : undefined;
}

describe('resolve and learn on the local site', () => {
  before(async () => {
    await ensureCustomUiBuilt();
    local = await startLocalSite();
    await local.site.settle();
    await invokeAs(local.site, 'incident-settings', 'saveLearningSettings', ADMIN, {
      cleanup: { projectKey: 'HOT', issueType: 'Task' },
      postmortem: { projectKey: 'PM', issueType: 'Postmortem', dueBusinessDays: { '1': 5, '2': 10, '3': 20 }, sev3Exempt: true },
    });
    const fields = await invokeAs<{ configuration: { fields?: { impactEnd: string } } }>(local.site, 'incident-settings', 'getConfiguration', ADMIN, {});
    impactEndField = fields.configuration.fields?.impactEnd ?? '';
    const declared = await invokeAs<{ issueKey: string }>(local.site, 'declare-incident', 'declareIncident', 'jay.jira@example.com', {
      summary: 'Git pushes fail for everyone',
      description: 'Every push answers 500.',
      severity: 1,
      faultyService: 'Bitbucket',
      affectedProducts: ['Bitbucket'],
    });
    key = declared.issueKey;
    await local.site.settle();
    // The response so far, through the panel's own resolvers: Bea in command, what she saw and decided.
    const { id } = await issue(`/rest/api/3/issue/${key}?fields=summary`);
    const view = await panelCall<{ command: { takeCommandTransitionId?: string; detectedMissing: boolean } }>('getCockpit', {}, id);
    await panelCall('takeCommand', { transitionId: view.command.takeCommandTransitionId }, id);
    await panelCall('recordTimelineEntry', { entry: { kind: 'observation', text: 'Every push answers 500 since the deploy' } }, id);
    await panelCall('recordTimelineEntry', { entry: { kind: 'decision', text: 'Roll back bitbucket-web 8.14.2' } }, id);
    browser = await launchBrowser();
    await signIn(browser.page, IM);
  });

  after(async () => {
    await browser?.close();
    await local?.close();
  });

  it('resolves from the panel in exactly one Jira request, with the impact end, and names the final update as next step', async () => {
    const frame = await openResolveTab(browser.page);
    const since = local.site.forge.invocations.list().at(-1)?.seq ?? 0;

    await frame.getByTestId('resolve-submit').click();
    await frame.getByTestId('resolve-next-steps').waitFor({ timeout: 20_000 });

    const resolve = local.site.forge.invocations.list(since).find((record) => record.functionKey === 'resolveIncident');
    assert.deepEqual(
      resolve?.remoteCalls.filter((call) => call.kind === 'jira' && call.method !== 'GET').map((call) => `${call.method} ${call.path.split('?')[0] ?? ''}`),
      [`POST /rest/api/3/issue/${key}/transitions`],
    );
    assert.match(await frame.getByTestId('resolve-next-steps').innerText(), /Send the final update/);
    assert.equal(await statusOf(), 'Resolved');
    assert.equal(typeof (await issue(`/rest/api/3/issue/${key}?fields=${impactEndField}`)).fields[impactEndField], 'string');
    await screenshot(browser.page, 'resolve-resolved');
  });

  it('creates a cleanup task linked to the incident, with its assignee and status', async () => {
    const frame = await openResolveTab(browser.page);
    await frame.locator('#cleanup-summary').fill('Add a canary for git pushes');
    await frame.locator('#cleanup-assignee').fill('tara');
    await frame.getByRole('option', { name: 'Tara Techlead', exact: true }).click();
    await frame.locator('#cleanup-due').fill('2031-01-10');
    await frame.getByTestId('cleanup-submit').click();
    await frame.getByTestId('cleanup-tasks').getByText('Add a canary for git pushes').waitFor({ timeout: 20_000 });
    const listed = await frame.getByTestId('cleanup-tasks').innerText();
    assert.match(listed, /to do/i);
    const taskKey = /HOT-\d+/.exec(listed)?.[0] ?? '';
    const task = await issue(`/rest/api/3/issue/${taskKey}?fields=assignee,duedate,issuelinks`);
    assert.equal(z.object({ displayName: z.string() }).loose().parse(task.fields['assignee']).displayName, 'Tara Techlead');
    assert.equal(task.fields['duedate'], '2031-01-10');
    assert.deepEqual(z.array(z.object({ inwardIssue: z.object({ key: z.string() }) }).loose()).parse(task.fields['issuelinks']).map((link) => link.inwardIssue.key), [key]);
  });

  it('is refused by Jira when closing before the postmortem exists, with the app’s message', async () => {
    const refusal = await closeInJira(browser.page);
    assert.match(refusal ?? '', new RegExp(`${key} cannot be closed until its postmortem exists`));
    assert.equal(await statusOf(), 'Resolved');
    await screenshot(browser.page, 'resolve-close-refused');
  });

  it('creates the postmortem linked to the incident, its description holding the timeline and the impact times', async () => {
    const frame = await openResolveTab(browser.page);
    await frame.getByTestId('postmortem-submit').click();
    const line = frame.getByTestId('postmortem');
    await line.waitFor({ timeout: 20_000 });
    const postmortemKey = /PM-\d+/.exec(await line.innerText())?.[0] ?? '';
    assert.ok(postmortemKey !== '', 'the panel names the postmortem');

    const postmortem = await issue(`/rest/api/3/issue/${postmortemKey}?fields=description,issuelinks,duedate,assignee`);
    const description = JSON.stringify(postmortem.fields['description']);
    for (const text of ['Every push answers 500 since the deploy', 'Roll back bitbucket-web 8.14.2', 'Impact start', 'Detected', 'Impact end', 'Time to recover (TTR)', 'Add a canary for git pushes']) {
      assert.ok(description.includes(text), `the postmortem says "${text}"`);
    }
    const incident = await issue(`/rest/api/3/issue/${key}?fields=${impactEndField}`);
    const end = new Date(String(incident.fields[impactEndField])).toISOString();
    assert.ok(description.includes(`${end.slice(0, 10)} ${end.slice(11, 16)} UTC`), 'the postmortem states the impact end');
    assert.deepEqual(z.array(z.object({ inwardIssue: z.object({ key: z.string() }) }).loose()).parse(postmortem.fields['issuelinks']).map((link) => link.inwardIssue.key), [key]);
    assert.equal(z.object({ displayName: z.string() }).loose().parse(postmortem.fields['assignee']).displayName, 'Bea Bitbucket');
  });

  it('closes once the postmortem exists', async () => {
    assert.equal(await closeInJira(browser.page), undefined);
    await waitFor(async () => (await statusOf()) === 'Closed', 'the incident is Closed');
    await screenshot(browser.page, 'resolve-closed');
  });
});
