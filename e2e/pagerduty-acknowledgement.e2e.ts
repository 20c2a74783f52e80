/**
 * Acknowledging a page in PagerDuty, end to end in Chromium: the administrator pastes the V3
 * webhook subscription's signing secret on the settings page and reads the URL to subscribe; a Sev 1
 * pages the Bitbucket roster through PagerDuty; Bea acknowledges in PagerDuty, whose signed webhook
 * reaches the app; the issue panel says who acknowledged, and the site's outbox shows the requests
 * PagerDuty received and sent, readable and without the routing key.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import { z } from 'zod';
import { ensureCustomUiBuilt } from './support/app-ui';
import { launchBrowser, type Browser } from './support/browser';
import { startLocalSite, type LocalSite } from './support/local-site';
import { accountIdOf, invokeAs } from './support/resolvers';
import { screenshot } from './support/screenshots';

const ADMIN = 'admin@example.com';
const RESPONDER = 'bea.bitbucket@example.com';
const ROUTING_KEY = 'R0UT1NGKEYR0UT1NGKEYR0UT1NGKEY12';
const SIGNING_SECRET = 'pd-subscription-secret-4f1c2a9b';

let local: LocalSite;
let browser: Browser;
let page: Page;
let ackUrl = '';
let key = '';

const accountId = (email: string): string => accountIdOf(local.site, email);
const resolver = <T>(moduleKey: string, functionKey: string, email: string, payload: unknown): Promise<T> => invokeAs<T>(local.site, moduleKey, functionKey, email, payload);

/** The Bitbucket roster (Bea) is paged through PagerDuty with its routing key. */
async function configure(): Promise<void> {
  const { configuration } = await resolver<{ configuration: Record<string, unknown> }>('incident-settings', 'getConfiguration', ADMIN, {});
  const services = (configuration['services'] as { name: string }[]).map((service) => (service.name === 'Bitbucket' ? { ...service, rosterId: 'bitbucket' } : service));
  await resolver('incident-settings', 'saveConfiguration', ADMIN, {
    configuration: {
      ...configuration,
      services,
      rosters: [{ id: 'bitbucket', name: 'Bitbucket incident managers', layers: [{ participants: [accountId(RESPONDER)], shiftLength: 'P7D', handoffTime: '09:00', timeZone: 'UTC', startDate: '2020-01-06' }] }],
      paging: { rosterChannels: { bitbucket: { kind: 'pagerduty' } }, personChannels: {} },
      integrations: { slack: { enabled: false }, pagerDuty: { enabled: true }, webhook: { enabled: false } },
    },
  });
  await resolver('incident-settings', 'setIntegrationSecret', ADMIN, { secret: { kind: 'pagerduty-routing-key', rosterId: 'bitbucket', value: ROUTING_KEY } });
}

async function control<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
  const response = await fetch(`${local.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  assert.equal(response.status, 200, `${path} answered ${response.status}: ${text}`);
  return schema.parse(JSON.parse(text));
}

async function openPagingSettings(): Promise<FrameLocator> {
  await page.goto(`${local.baseUrl}/jira/settings/apps/incident-settings?as=${encodeURIComponent(ADMIN)}`);
  const frame = page.frameLocator('iframe[data-module-key="incident-settings"]');
  await frame.getByTestId('admin-settings').waitFor({ timeout: 20_000 });
  await frame.getByTestId('tab-paging').click();
  return frame;
}

describe('acknowledging a page in PagerDuty', () => {
  before(async () => {
    await ensureCustomUiBuilt();
    local = await startLocalSite();
    await local.site.settle();
    await configure();
    browser = await launchBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await local?.close();
  });

  it('keeps the PagerDuty webhook signing secret the administrator pastes, showing only that it is set', async () => {
    const frame = await openPagingSettings();
    const status = frame.getByTestId('pagerDutyWebhookSecret-status');
    assert.equal((await status.innerText()).trim(), 'Not set');
    await frame.getByTestId('show-acknowledgement-webhook').click();
    ackUrl = await frame.locator('#ack-webhook-url').inputValue({ timeout: 20_000 });
    assert.match(ackUrl, /\/x\/acknowledge-webhook$/);

    await frame.locator('#pagerDutyWebhookSecret').fill('too short');
    await frame.getByTestId('pagerDutyWebhookSecret-store').click();
    assert.match(await frame.getByTestId('pagerDutyWebhookSecret-error').innerText(), /16 to 256 characters, no spaces/);

    await frame.locator('#pagerDutyWebhookSecret').fill(SIGNING_SECRET);
    await frame.getByTestId('pagerDutyWebhookSecret-store').click();
    await frame.getByText('PagerDuty webhook signing secret saved.').waitFor({ timeout: 20_000 });
    assert.equal((await status.innerText()).trim(), 'Set');
    assert.equal(await frame.locator('#pagerDutyWebhookSecret').inputValue(), '');
    await screenshot(page, 'settings-pagerduty-webhook-secret');

    const reopened = await openPagingSettings();
    assert.equal((await reopened.getByTestId('pagerDutyWebhookSecret-status').innerText()).trim(), 'Set');
  });

  it('takes Bea’s acknowledgement in PagerDuty, and the issue panel says who acknowledged and when', async () => {
    const declared = await resolver<{ issueKey: string }>('declare-incident', 'declareIncident', 'jay.jira@example.com', {
      summary: 'Git pushes fail for everyone',
      description: 'Every push answers 500. Call Jay on +1 555 0100.',
      severity: 1,
      faultyService: 'Bitbucket',
      affectedProducts: ['Bitbucket'],
    });
    key = declared.issueKey;
    await local.site.settle();
    const trigger = local.site.outbox.list({ channel: 'pagerduty' }).find((entry) => entry.to === ROUTING_KEY);
    assert.ok(trigger !== undefined, 'the Bitbucket roster was paged through PagerDuty');
    const dedupKey = z.object({ dedup_key: z.string() }).parse(trigger.body).dedup_key;

    // What the administrator does in PagerDuty, following the settings page: subscribe the URL it showed.
    await control('/__local/pagerduty/webhook-subscription', { url: ackUrl, secret: SIGNING_SECRET }, z.object({ id: z.string() }));
    const acknowledged = await control('/__local/pagerduty/acknowledge', { dedupKey, as: RESPONDER }, z.object({ webhook: z.object({ status: z.number() }) }));
    assert.equal(acknowledged.webhook.status, 200);
    await local.site.settle();

    await page.goto(`${local.baseUrl}/browse/${key}?as=${encodeURIComponent(RESPONDER)}`);
    const panel = page.frameLocator('iframe[data-module-key="incident-cockpit"]');
    const paging = panel.getByTestId('paging');
    await paging.waitFor({ timeout: 20_000 });
    const shown = await paging.innerText();
    assert.match(shown, /^acknowledged$/im);
    assert.match(shown, /Acknowledged by Bea Bitbucket via PagerDuty at [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M/);
    await screenshot(page, 'cockpit-acknowledged-in-pagerduty');
  });

  it('shows in the outbox what PagerDuty was sent and what it sent back, readable and without the routing key', async () => {
    await page.goto(`${local.baseUrl}/inbox?as=${encodeURIComponent(ADMIN)}`);
    await page.getByTestId('inbox-tab-all').click();
    const [event, delivery] = local.site.outbox.list({ channel: 'pagerduty' });
    assert.ok(event !== undefined && delivery !== undefined, 'PagerDuty was sent an event and sent back a webhook');

    const eventCard = page.getByTestId(`outbox-entry-${event.seq}`);
    await page.getByTestId(`outbox-request-toggle-${event.seq}`).click();
    const eventRequest = page.getByTestId(`outbox-request-${event.seq}`);
    assert.match(await eventRequest.innerText(), /POST https:\/\/events\.pagerduty\.com\/v2\/enqueue/);
    assert.match(await page.getByTestId(`outbox-request-${event.seq}-body`).innerText(), /"event_action": "trigger"/);
    assert.doesNotMatch(await eventCard.innerText(), new RegExp(ROUTING_KEY));

    const deliveryCard = page.getByTestId(`outbox-entry-${delivery.seq}`);
    assert.match(await deliveryCard.innerText(), /Bea Bitbucket acknowledged the PagerDuty incident/);
    assert.equal(await page.getByTestId(`outbox-request-${delivery.seq}`).count(), 0, 'requests are collapsed until asked for');
    await page.getByTestId(`outbox-request-toggle-${delivery.seq}`).click();
    const deliveryRequest = await page.getByTestId(`outbox-request-${delivery.seq}`).innerText();
    assert.match(deliveryRequest, /x-pagerduty-signature: v1=[0-9a-f]{64}/);
    assert.match(deliveryRequest, /"event_type": "incident\.acknowledged"/);
    assert.match(deliveryRequest, /Answer: 200/);
    await screenshot(page, 'inbox-pagerduty-requests');
  });
});
