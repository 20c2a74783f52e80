/**
 * The Declare incident page and the app's settings page on the local site, end to end in
 * Chromium: a responder declares a Sev 1 Bitbucket incident and gets its key; an administrator
 * edits a service, is stopped by a roster with an unknown time zone (and nothing is saved), then
 * fixes it and saves; the administrator also changes the handover limits, one refused until it is in range.
 * The selects (faulty service, people) work from the keyboard alone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import { z } from 'zod';
import { ensureCustomUiBuilt } from './support/app-ui';
import { launchBrowser, type Browser } from './support/browser';
import { startLocalSite, type LocalSite } from './support/local-site';
import { restAs } from './support/rest';
import { screenshot } from './support/screenshots';

const responder = 'bea.bitbucket@example.com';
const administrator = 'admin@example.com';

let local: LocalSite;
let browser: Browser;
let page: Page;

function byId(frame: FrameLocator, id: string) {
  // Field ids are configuration paths such as rosters[0].layers[0].timeZone: not valid CSS ids.
  return frame.locator(`[id="${id}"]`);
}

async function openDeclarePage(): Promise<FrameLocator> {
  await page.goto(`${local.baseUrl}/jira/apps/declare-incident?as=${encodeURIComponent(responder)}`);
  const frame = page.frameLocator('iframe[data-module-key="declare-incident"]');
  await frame.getByTestId('declare-form').waitFor({ timeout: 20_000 });
  return frame;
}

async function openSettings(tab: string): Promise<FrameLocator> {
  await page.goto(`${local.baseUrl}/jira/settings/apps/incident-settings?as=${encodeURIComponent(administrator)}`);
  const frame = page.frameLocator('iframe[data-module-key="incident-settings"]');
  await frame.getByTestId('admin-settings').waitFor({ timeout: 20_000 });
  await frame.getByTestId(`tab-${tab}`).click();
  return frame;
}

async function choose(frame: FrameLocator, inputId: string, text: string): Promise<void> {
  const input = byId(frame, inputId);
  await input.click();
  await input.fill(text);
  await frame.getByRole('option', { name: text, exact: false }).first().click();
}

/** The value a `datetime-local` input takes for an instant, in the browser's (and this process's) time zone. */
function localInputValue(at: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

const fieldList = z.array(z.object({ id: z.string(), name: z.string() }));
const issueFields = z.object({ key: z.string(), fields: z.record(z.string(), z.unknown()) });
const option = z.object({ value: z.string() });

describe('declaring an incident and configuring the app', () => {
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

  it('tells a reporter what is missing before anything is created', async () => {
    const frame = await openDeclarePage();
    assert.match((await frame.locator('#impactStart-help').textContent()) ?? '', /When did customers start to be affected\? Leave empty if unknown\./);
    await byId(frame, 'impactStart').fill(localInputValue(new Date(Date.now() + 60 * 60_000)));
    await frame.getByTestId('declare-submit').click();
    assert.match((await frame.getByTestId('summary-error').textContent()) ?? '', /Say what's wrong/);
    assert.match((await frame.getByTestId('faultyService-error').textContent()) ?? '', /"Unknown"/);
    assert.match((await frame.getByTestId('impactStart-error').textContent()) ?? '', /cannot be in the future/);
  });

  it('declares a Sev 1 Bitbucket incident and shows its key with a link to it', async () => {
    const frame = await openDeclarePage();
    await byId(frame, 'summary').fill('Bitbucket pushes fail for all customers');
    await byId(frame, 'description').fill('Every git push answers 500. Reach me on +1 555 0100.');
    await frame.getByTestId('severity-1').click();
    assert.match((await frame.getByTestId('paging-warning').textContent()) ?? '', /people will be paged/);
    await choose(frame, 'faultyService', 'Bitbucket');
    await frame.getByRole('checkbox', { name: 'Bitbucket' }).check();
    const impactStart = new Date(Date.now() - 45 * 60_000);
    impactStart.setSeconds(0, 0);
    await byId(frame, 'impactStart').fill(localInputValue(impactStart));
    await frame.getByTestId('declare-submit').click();

    const key = ((await frame.getByTestId('declared-key').textContent({ timeout: 20_000 })) ?? '').trim();
    assert.match(key, /^HOT-\d+$/);
    await screenshot(page, 'declare-incident-declared');

    const fields = await restAs(local.baseUrl, responder, '/rest/api/3/field', fieldList);
    const idOf = (name: string) => fields.find((field) => field.name === name)?.id ?? assert.fail(`no ${name} field`);
    const issue = await restAs(local.baseUrl, responder, `/rest/api/3/issue/${key}`, issueFields);
    assert.equal(issue.fields['summary'], 'Bitbucket pushes fail for all customers');
    assert.equal(option.parse(issue.fields[idOf('Severity')]).value, 'Sev 1');
    assert.equal(option.parse(issue.fields[idOf('Faulty service')]).value, 'Bitbucket');
    assert.equal(Date.parse(z.string().parse(issue.fields[idOf('Impact start')])), impactStart.getTime());

    await frame.getByRole('link', { name: `Open ${key}` }).click();
    await page.waitForURL(new RegExp(`/browse/${key}$`));
  });

  it('lets a keyboard user choose a service and escalation targets without the mouse', async () => {
    const declare = await openDeclarePage();
    const service = byId(declare, 'faultyService');
    await service.focus();
    await service.press('ArrowDown');
    await declare.getByRole('listbox').waitFor();
    await service.press('ArrowDown');
    await service.press('Enter');
    assert.match(await declare.getByTestId('faulty-service').innerText(), /Jira Cloud/);
    assert.equal(await declare.getByTestId('summary-error').count(), 0, 'Enter chose the option without submitting the form');
    await service.pressSequentially('conf');
    await service.press('Enter');
    assert.match(await declare.getByTestId('faulty-service').innerText(), /Confluence/);

    const settings = await openSettings('escalation');
    await settings.getByRole('button', { name: 'Add escalation policy' }).click();
    const people = byId(settings, 'escalationPolicies[0].levels[0].users');
    await people.focus();
    await people.pressSequentially('Bea');
    await settings.getByRole('option', { name: 'Bea Bitbucket' }).waitFor({ timeout: 20_000 });
    await people.press('Enter');
    const level = settings.getByTestId('escalationPolicies[0].levels[0]');
    await level.getByRole('button', { name: 'Remove Bea Bitbucket' }).waitFor();
    await people.press('Backspace');
    await level.getByRole('button', { name: 'Remove Bea Bitbucket' }).waitFor({ state: 'detached' });
  });

  it("refuses to save a roster whose time zone does not exist, names the field, and saves nothing", async () => {
    let frame = await openSettings('services');
    const owningTeam = byId(frame, 'services[0].owningTeam');
    const before = await owningTeam.inputValue();
    await owningTeam.fill('Source control');

    await frame.getByTestId('tab-rosters').click();
    await frame.getByTestId('add-roster').click();
    await byId(frame, 'rosters[0].name').fill('Bitbucket incident managers');
    await choose(frame, 'rosters[0].layers[0].participants', 'Bea');
    await byId(frame, 'rosters[0].layers[0].timeZone').fill('Mars/Olympus');
    await frame.getByTestId('save-configuration').click();

    const error = frame.getByTestId('rosters[0].layers[0].timeZone-error');
    assert.match((await error.textContent()) ?? '', /"Mars\/Olympus" is not an IANA time zone/);
    assert.match((await frame.getByTestId('save-problems').textContent()) ?? '', /Roster "Bitbucket incident managers" › layer 1 › time zone/);
    await screenshot(page, 'settings-invalid-time-zone');

    frame = await openSettings('services');
    assert.equal(await byId(frame, 'services[0].owningTeam').inputValue(), before);
  });

  it('changes how long each role works an incident before a handover prompt, refusing a limit out of range', async () => {
    let frame = await openSettings('handovers');
    const im = byId(frame, 'fatigueLimitMinutes.incident-manager');
    await im.waitFor({ timeout: 20_000 });
    assert.equal(await frame.getByRole('button', { name: /^Save/ }).count(), 1, 'the only Save on the tab is its own');
    assert.equal(await frame.getByTestId('save-bar').count(), 0);
    assert.equal(await im.inputValue(), '240');
    await im.fill('20');
    await byId(frame, 'fatigueLimitMinutes.tech-lead').fill('300');
    await frame.getByTestId('save-handovers').click();
    assert.match((await frame.getByTestId('fatigueLimitMinutes.incident-manager-error').textContent()) ?? '', /between 30 and 1440 minutes/);
    await screenshot(page, 'settings-handover-limit-refused');

    await im.fill('180');
    await frame.getByTestId('save-handovers').click();
    await frame.getByText('Handover limits saved').waitFor({ timeout: 20_000 });

    frame = await openSettings('handovers');
    assert.equal(await byId(frame, 'fatigueLimitMinutes.incident-manager').inputValue(), '180');
    assert.equal(await byId(frame, 'fatigueLimitMinutes.tech-lead').inputValue(), '300');
    assert.equal(await byId(frame, 'fatigueLimitMinutes.communications-manager').inputValue(), '');
  });

  it('saves the service and the roster once the time zone is fixed', async () => {
    let frame = await openSettings('services');
    await byId(frame, 'services[0].owningTeam').fill('Source control');
    await frame.getByTestId('tab-rosters').click();
    await frame.getByTestId('add-roster').click();
    await byId(frame, 'rosters[0].name').fill('Bitbucket incident managers');
    await choose(frame, 'rosters[0].layers[0].participants', 'Bea');
    await byId(frame, 'rosters[0].layers[0].timeZone').fill('Europe/Berlin');
    await frame.getByTestId('save-configuration').click();
    await frame.getByText('All changes saved').first().waitFor({ timeout: 20_000 });

    frame = await openSettings('services');
    assert.equal(await byId(frame, 'services[0].owningTeam').inputValue(), 'Source control');
    await frame.getByTestId('tab-on-call').click();
    const onCall = frame.getByTestId('on-call-table');
    // Names arrive from Jira's user API after the schedule itself.
    await onCall.getByText('Bea Bitbucket').waitFor({ timeout: 20_000 });
    assert.match((await onCall.textContent()) ?? '', /Bitbucket incident managers[\s\S]*Bea Bitbucket/);
  });
});
