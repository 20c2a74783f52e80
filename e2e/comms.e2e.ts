/**
 * Incident communications end to end in Chromium: a Severity 1 incident is declared; the IM sends the
 * initial update from the Updates tab within two emulated minutes (internal status page incident named
 * key - severity - summary, external "Investigating issues with …", email to the list, a room message);
 * a follow-up that fails the completeness check (no next-update time) is corrected and sent; the promised
 * update is missed and the reminder arrives at the right emulated time; the incident resolves and the
 * final update goes out with the recap; both status pages show the history and the resolved state.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import { z } from 'zod';
import { connectDemoComms } from '../emulator/demo-comms';
import { ensureCustomUiBuilt } from './support/app-ui';
import { launchBrowser, type Browser } from './support/browser';
import { startLocalSite, type LocalSite } from './support/local-site';
import { restAs } from './support/rest';
import { accountIdOf, invokeAs } from './support/resolvers';
import { screenshot } from './support/screenshots';

const IM = 'bea.bitbucket@example.com';
const SUMMARY = 'Git pushes fail for everyone';

let local: LocalSite;
let browser: Browser;
let page: Page;
let key = '';
let issueId = '';
let declaredAt = 0;

async function openUpdates(): Promise<FrameLocator> {
  await page.goto(`${local.baseUrl}/browse/${key}`);
  const frame = page.frameLocator('iframe[data-module-key="incident-cockpit"]');
  await frame.getByTestId('cockpit').waitFor({ timeout: 20_000 });
  await frame.getByTestId('tab-updates').click();
  await frame.getByTestId('updates-composer').waitFor({ timeout: 20_000 });
  return frame;
}

async function send(frame: FrameLocator): Promise<void> {
  await frame.getByTestId('send-update').click();
  await frame.getByTestId('composer-success').or(frame.getByTestId('composer-failure')).first().waitFor({ timeout: 20_000 });
  const failure = frame.getByTestId('composer-failure');
  assert.equal(await failure.count(), 0, (await failure.count()) > 0 ? await failure.innerText() : '');
}

const outboxText = (since: number) => local.site.outbox.list({ since }).map((entry) => ({ ...entry, text: JSON.stringify(entry.body) }));

describe('incident communications on the local site', () => {
  before(async () => {
    await ensureCustomUiBuilt();
    local = await startLocalSite();
    await local.site.settle();
    await connectDemoComms((functionKey, payload) => invokeAs(local.site, 'incident-settings', functionKey, 'admin@example.com', payload));
    const declared = await invokeAs<{ issueKey: string }>(local.site, 'declare-incident', 'declareIncident', 'jay.jira@example.com', {
      summary: SUMMARY,
      description: 'Every push answers 500. Call Jay on +1 555 0100.',
      severity: 1,
      faultyService: 'Bitbucket',
      affectedProducts: ['Bitbucket'],
    });
    key = declared.issueKey;
    declaredAt = local.site.clock.now();
    await local.site.settle();
    issueId = (await restAs(local.baseUrl, 'admin@example.com', `/rest/api/3/issue/${key}?fields=summary`, z.object({ id: z.string() }))).id;
    const opened = await local.site.forge.invokeResolver({ moduleKey: 'incident-cockpit', functionKey: 'openComms', accountId: accountIdOf(local.site, IM), payload: {}, extension: { issue: { id: issueId, key, type: 'Incident' } } });
    assert.ok((opened as { ok: boolean }).ok, JSON.stringify(opened));
    await local.site.settle();
    browser = await launchBrowser();
    page = browser.page;
    await page.goto(`${local.baseUrl}/login`);
    await page.getByTestId(`sign-in-${IM}`).click();
    await page.waitForURL(`${local.baseUrl}/jira/dashboards`);
  });

  after(async () => {
    await browser?.close();
    await local?.close();
  });

  it('sends the initial update to both status pages, the email list and the room within two minutes', async () => {
    const since = local.site.outbox.list().at(-1)?.seq ?? 0;
    const frame = await openUpdates();
    await frame.getByTestId('preview-status-internal').waitFor();
    assert.match(await frame.getByTestId('preview-status-internal').innerText(), new RegExp(`${key} - Sev 1 - ${SUMMARY}`));
    await send(frame);
    await local.site.settle();
    assert.ok(local.site.clock.now() - declaredAt <= 2 * 60_000, 'initial comms went out within two emulated minutes');
    const sent = outboxText(since);
    const name = `${key} - Sev 1 - ${SUMMARY}`;
    assert.ok(sent.some((entry) => entry.channel === 'statuspage' && entry.subject === `${name} — investigating`), 'internal status page incident named key - severity - summary');
    assert.ok(sent.some((entry) => entry.channel === 'statuspage' && entry.subject === 'Investigating issues with Bitbucket — investigating'), 'external status page incident');
    const mail = sent.find((entry) => entry.channel === 'email' && entry.to === 'exec-team@example.com');
    assert.equal(mail?.subject, name);
    assert.ok(mail?.text.includes('We are investigating an incident affecting Bitbucket'), 'the email has the internal status page content');
    assert.ok(sent.some((entry) => entry.channel === 'jira-notification' && entry.to === 'ben.bitbucket@example.com' && entry.subject === name), 'Jira mails the incident-managers group');
    assert.ok(sent.some((entry) => entry.channel === 'slack' && entry.text.includes(`Initial update: ${name}`)), 'the room gets the update');
    await frame.getByTestId('history-item').first().waitFor();
    assert.equal(await frame.getByTestId('delivery-status-external').first().getAttribute('data-state'), 'sent');
    await screenshot(page, 'comms-initial-sent');
  });

  it('points out the missing next-update time in a follow-up, then sends it corrected', async () => {
    const frame = await openUpdates();
    await frame.getByTestId('composer-kind-follow-up').click();
    const draft = [
      'Pushes to Bitbucket fail for every customer; a bad storage deploy is suspected.',
      '',
      'Current Status',
      '- Pushes answer 500 on every cluster',
      '- The storage deploy of 09:40 is the prime suspect',
      '',
      'Next Steps',
      '- Roll the storage deploy back',
      '- Watch push error rates',
      '',
      'Customer impact: customers cannot push code',
      'Internal customers affected: all engineering teams',
      'External customers affected: all',
      'Root cause: currently unknown',
      'ETA: no ETA yet',
    ].join('\n');
    await frame.getByTestId('draft-internal').fill(draft);
    await frame.getByTestId('internal-gaps').filter({ hasText: 'Say when the next update will be sent' }).waitFor({ timeout: 10_000 });
    await frame.getByTestId('draft-internal').fill(`${draft}\nNext update: in 30 minutes via email and Statuspage`);
    await frame.getByTestId('internal-gaps-ok').waitFor({ timeout: 10_000 });
    await send(frame);
    await frame.getByTestId('history-item').filter({ hasText: 'Follow-up update' }).waitFor();
    await screenshot(page, 'comms-follow-up-sent');
  });

  it('reminds the IM in the room and by Jira notification five minutes before the promised update, and marks it overdue', async () => {
    const since = local.site.outbox.list().at(-1)?.seq ?? 0;
    const composer = await local.site.forge.invokeResolver({ moduleKey: 'incident-cockpit', functionKey: 'getCommsComposer', accountId: accountIdOf(local.site, IM), payload: {}, extension: { issue: { id: issueId, key, type: 'Incident' } } });
    const promised = Date.parse(z.object({ value: z.object({ history: z.array(z.object({ nextUpdateAt: z.string() })) }) }).parse(composer).value.history[0]?.nextUpdateAt ?? '');
    await local.site.advanceClock(promised - 6 * 60_000 - local.site.clock.now());
    assert.deepEqual(outboxText(since).filter((entry) => entry.text.includes('Reminder')), [], 'no reminder before its time');
    await local.site.advanceClock(2 * 60_000);
    const reminders = outboxText(since).filter((entry) => entry.text.includes('Reminder: the next update'));
    assert.ok(reminders.some((entry) => entry.channel === 'slack'), 'reminder in the room');
    assert.ok(reminders.some((entry) => entry.channel === 'jira-notification' && entry.to === IM), 'reminder to the IM');
    assert.ok(Math.abs(Date.parse(reminders[0]?.at ?? '') - (promised - 5 * 60_000)) <= 60_000, 'the reminder came 5 minutes before the promise');
    await local.site.advanceClock(10 * 60_000);
    const frame = await openUpdates();
    await frame.getByTestId('next-due').filter({ hasText: 'overdue' }).waitFor();
  });

  it('sends the final update with the recap when the incident resolves, and both status pages show it resolved', async () => {
    const fields = (await invokeAs<{ configuration: { fields: { impactEnd: string } } }>(local.site, 'incident-settings', 'getConfiguration', 'admin@example.com', {})).configuration.fields;
    await restAs(local.baseUrl, IM, `/rest/api/3/issue/${key}`, z.unknown(), { method: 'PUT', body: { fields: { [fields.impactEnd]: new Date(local.site.clock.now() - 60_000).toISOString().replace('Z', '+0000') } } });
    for (const target of ['Fixing', 'Resolved']) {
      const { transitions } = await restAs(local.baseUrl, IM, `/rest/api/3/issue/${key}/transitions`, z.object({ transitions: z.array(z.object({ id: z.string(), to: z.object({ name: z.string() }) })) }));
      const transition = transitions.find((candidate) => candidate.to.name === target);
      if (transition !== undefined) await restAs(local.baseUrl, IM, `/rest/api/3/issue/${key}/transitions`, z.unknown(), { method: 'POST', body: { transition: { id: transition.id } } });
    }
    await local.site.settle();
    const frame = await openUpdates();
    await frame.getByTestId('composer-kind-final').click();
    await frame.getByTestId('draft-internal').filter({ hasText: 'Time to recovery' }).waitFor();
    await frame.getByTestId('internal-gaps-ok').waitFor({ timeout: 10_000 });
    await send(frame);
    await frame.getByTestId('history-item').filter({ hasText: 'Final update' }).waitFor();

    for (const slug of ['internal', 'external']) {
      await page.goto(`${local.baseUrl}/status/${slug}`);
      assert.equal(await page.getByTestId('incident').getAttribute('data-status'), 'resolved');
      assert.deepEqual(await page.getByTestId('incident-update').evaluateAll((items) => items.map((item) => item.getAttribute('data-status'))), ['resolved', 'investigating', 'investigating']);
      assert.equal((await page.getByTestId('banner').innerText()).trim(), 'All Systems Operational');
      assert.equal(await page.locator('[data-component="Bitbucket"]').getAttribute('data-status'), 'operational');
      await screenshot(page, `comms-status-${slug}`);
    }
  });
});
