/**
 * The incident cockpit end to end in Chromium: a Severity 1 incident is declared, the paged IM takes
 * command (one Jira request), opens comms (a room named after the key, topic with roles and links),
 * answers the assessment, delegates a tech lead and a communications manager, records an
 * observation, a theory and a disproved experiment, and hands over to the backup IM; the checklist
 * follows each step. A second browser, signed in as a view-only user, sees the same and can change nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { ensureCustomUiBuilt } from './support/app-ui';
import { z } from 'zod';
import { launchBrowser, type Browser } from './support/browser';
import { startLocalSite, type LocalSite } from './support/local-site';
import { restAs } from './support/rest';
import { accountIdOf, invokeAs } from './support/resolvers';
import { screenshot } from './support/screenshots';

const IM = 'bea.bitbucket@example.com';
const VIEWER = 'vera.viewer@example.com';

let local: LocalSite;
let imBrowser: Browser;
let viewerBrowser: Browser;
let key = '';

const accountId = (email: string): string => accountIdOf(local.site, email);
const resolver = <T>(moduleKey: string, functionKey: string, email: string, payload: unknown): Promise<T> => invokeAs<T>(local.site, moduleKey, functionKey, email, payload);

/** The admin's setup: Bea on call for Bitbucket, Imogen as IMOC, Slack connected. */
async function configure(): Promise<void> {
  const { configuration } = await resolver<{ configuration: Record<string, unknown> }>('incident-settings', 'getConfiguration', 'admin@example.com', {});
  const roster = (id: string, name: string, email: string) => ({
    id,
    name,
    layers: [{ participants: [accountId(email)], shiftLength: 'P7D', handoffTime: '09:00', timeZone: 'UTC', startDate: '2020-01-06' }],
  });
  const services = (configuration['services'] as { name: string }[]).map((service) => (service.name === 'Bitbucket' ? { ...service, rosterId: 'bitbucket' } : service));
  await resolver('incident-settings', 'saveConfiguration', 'admin@example.com', {
    configuration: {
      ...configuration,
      services,
      rosters: [roster('bitbucket', 'Bitbucket incident managers', IM), roster('imoc', 'Incident manager on call', 'imogen.imoc@example.com')],
      imoc: { rosterId: 'imoc', ackTimeoutMinutes: 15 },
      integrations: { slack: { enabled: true }, pagerDuty: { enabled: false }, webhook: { enabled: false } },
    },
  });
  await resolver('incident-settings', 'setIntegrationSecret', 'admin@example.com', { secret: { kind: 'slack-bot-token', value: 'xoxb-local-incident-response' } });
}

async function signIn(browser: Browser, email: string): Promise<Page> {
  const page = browser.page;
  await page.goto(`${local.baseUrl}/login`);
  await page.getByTestId(`sign-in-${email}`).click();
  await page.waitForURL(`${local.baseUrl}/jira/dashboards`);
  return page;
}

async function openCockpit(page: Page): Promise<FrameLocator> {
  await page.goto(`${local.baseUrl}/browse/${key}`);
  const frame = page.frameLocator('iframe[data-module-key="incident-cockpit"]');
  await frame.getByTestId('cockpit').waitFor({ timeout: 20_000 });
  return frame;
}

/** Clicks and waits for the cockpit's answer; a failure fails the test with its message. */
async function act(frame: FrameLocator, target: Locator, expectFailure = false): Promise<string> {
  await target.click();
  const outcome = frame.getByTestId('success').or(frame.getByTestId('notices')).or(frame.getByTestId('failure')).first();
  await outcome.waitFor({ timeout: 20_000 });
  const text = (await outcome.innerText()).trim();
  const failed = (await outcome.getAttribute('data-testid')) === 'failure';
  assert.equal(failed, expectFailure, text);
  await outcome.getByRole('button', { name: 'Dismiss' }).click();
  await outcome.waitFor({ state: 'detached' });
  return text;
}

async function checklist(frame: FrameLocator): Promise<Record<string, string>> {
  await frame.getByTestId('tab-checklist').click();
  const items = frame.getByTestId('checklist').locator('li');
  const states: Record<string, string> = {};
  for (const item of await items.all()) {
    const step = ((await item.getAttribute('data-testid')) ?? '').replace(/^step-/, '');
    states[step] = (await item.getAttribute('data-state')) ?? '';
  }
  return states;
}

/** Types into the person picker `id` and chooses `name` from what it finds. */
async function choosePerson(frame: FrameLocator, id: string, query: string, name: string): Promise<void> {
  await frame.locator(`#${id}`).fill(query);
  await frame.getByRole('option', { name, exact: true }).click();
  await frame.getByTestId(`${id}-picker`).filter({ hasText: name }).waitFor();
}

describe('the incident cockpit on the local site', () => {
  before(async () => {
    await ensureCustomUiBuilt();
    local = await startLocalSite();
    await local.site.settle();
    await configure();
    const declared = await resolver<{ issueKey: string }>('declare-incident', 'declareIncident', 'jay.jira@example.com', {
      summary: 'Git pushes fail for everyone',
      description: 'Every push answers 500. Call Jay on +1 555 0100.',
      severity: 1,
      faultyService: 'Bitbucket',
      affectedProducts: ['Bitbucket'],
    });
    key = declared.issueKey;
    await local.site.settle();
    imBrowser = await launchBrowser();
    viewerBrowser = await launchBrowser();
  });

  after(async () => {
    await imBrowser?.close();
    await viewerBrowser?.close();
    await local?.close();
  });

  it('pages the on-call IM, who takes command in one Jira request and is named as the one who acknowledged', async () => {
    const pages = local.site.outbox.list({ channel: 'jira-notification' });
    assert.ok(pages.some((page) => page.to === IM && (page.subject ?? '').includes(key)), 'the on-call Bitbucket IM was paged');
    const frame = await openCockpit(await signIn(imBrowser, IM));
    await frame.getByTestId('paging').getByText('Bea Bitbucket (Jira notification)').waitFor({ timeout: 20_000 });
    assert.doesNotMatch(await frame.getByTestId('paging').innerText(), new RegExp(accountId(IM)));
    assert.equal(await checklist(frame).then((states) => states['raise']), 'pending');
    const since = local.site.forge.invocations.list().at(-1)?.seq ?? 0;

    await frame.getByTestId('take-command').click();
    await frame.getByTestId('take-command-card').waitFor({ state: 'detached', timeout: 20_000 });

    const take = local.site.forge.invocations.list(since).find((record) => record.functionKey === 'takeCommand');
    // One Jira request changes the incident; the permission check is a read made alongside the app's own reads.
    const jiraCalls = take?.remoteCalls.filter((call) => call.kind === 'jira').map((call) => `${call.method} ${call.path.split('?')[0] ?? ''}`) ?? [];
    assert.deepEqual(
      jiraCalls.filter((call) => !call.startsWith('GET ')),
      [`POST /rest/api/3/issue/${key}/transitions`],
    );
    assert.deepEqual(
      jiraCalls.filter((call) => call.startsWith('GET ')),
      ['GET /rest/api/3/mypermissions'],
    );
    assert.match(await frame.getByTestId('incident-manager').innerText(), /Bea Bitbucket/);
    const states = await checklist(frame);
    assert.equal(states['raise'], 'done');
    assert.equal(states['detect'], 'done');

    // Taking the incident acknowledges the page as Bea: the card names her, not her account id.
    await local.site.settle();
    const reopened = await openCockpit(imBrowser.page);
    const paging = reopened.getByTestId('paging');
    await paging.getByText(/Acknowledged by Bea Bitbucket at [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M/).waitFor({ timeout: 20_000 });
    assert.doesNotMatch(await paging.innerText(), new RegExp(accountId(IM)));
  });

  it('opens comms: a room named after the key, its topic with roles and links, in the outbox', async () => {
    const frame = await openCockpit(imBrowser.page);
    await frame.getByTestId('tab-comms').click();
    await act(frame, frame.getByTestId('open-comms'));
    await frame.locator('#link-videoCall').fill('https://meet.example.com/hot');
    await frame.locator('#link-stateDocument').fill('https://wiki.example.com/hot-state');
    await act(frame, frame.getByTestId('save-links'));

    const slack = local.site.outbox.list({ channel: 'slack' });
    assert.ok(slack.some((entry) => entry.subject === 'conversations.create' && entry.to === `#${key.toLowerCase()}`), 'a room named after the key');
    const topic = JSON.stringify(slack.filter((entry) => entry.subject === 'conversations.setTopic').at(-1)?.body);
    assert.match(topic, new RegExp(`${key} \\[Sev 1\\] Git pushes fail for everyone \\| IM: Bea Bitbucket`));
    assert.match(topic, /Video: https:\/\/meet\.example\.com\/hot \| Doc: https:\/\/wiki\.example\.com\/hot-state/);
    assert.equal((await checklist(frame))['open-comms'], 'done');
    await screenshot(imBrowser.page, 'cockpit-comms');
  });

  it('answers the assessment, each answer kept and the step done', async () => {
    const frame = await openCockpit(imBrowser.page);
    await frame.getByTestId('tab-assess').click();
    await frame.locator('#q-customer-impact').fill('Nobody can push to Bitbucket');
    await act(frame, frame.getByTestId('save-customer-impact'));
    for (const [question, fill] of [
      ['customer-experience', async () => frame.locator('#q-customer-experience').fill('git push answers 500')],
      ['customers-affected', async () => frame.locator('#q-customers-affected-reach').selectOption('all')],
      ['impact-started', async () => frame.locator('#q-impact-started').fill(await localInput(imBrowser.page, local.site.clock.now() - 20 * 60_000))],
      ['support-cases', async () => frame.locator('#q-support-cases').fill('4')],
      ['other-factors', async () => frame.getByText('Twitter', { exact: true }).click()],
    ] as const) {
      await frame.getByTestId(`answer-${question}`).click();
      await fill();
      await act(frame, frame.getByTestId(`save-${question}`));
    }
    assert.match(await frame.getByTestId('question-customers-affected').innerText(), /All customers/);
    await act(frame, frame.getByTestId('severity-submit'));
    assert.equal((await checklist(frame))['assess'], 'done');
  });

  it('delegates a tech lead, a communications manager and a backup IM', async () => {
    const frame = await openCockpit(imBrowser.page);
    await frame.getByTestId('tab-roles').click();
    for (const [role, query, name] of [
      ['tech-lead', 'tara', 'Tara Techlead'],
      ['communications-manager', 'cora', 'Cora Comms'],
      ['backup-incident-manager', 'ben', 'Ben Bitbucket'],
    ] as const) {
      await frame.locator('#delegate-role').selectOption(role);
      await choosePerson(frame, 'delegate-person', query, name);
      await act(frame, frame.getByTestId('delegate-submit'));
    }
    const roles = await frame.getByTestId('current-roles').innerText();
    assert.match(roles, /Tech Lead: Tara Techlead/);
    assert.match(roles, /Communications Manager: Cora Comms/);
    assert.equal((await checklist(frame))['delegate'], 'done');
    const topic = JSON.stringify(local.site.outbox.list({ channel: 'slack' }).filter((entry) => entry.subject === 'conversations.setTopic').at(-1)?.body);
    assert.match(topic, /IM: Bea Bitbucket · Backup IM: Ben Bitbucket · TL: Tara Techlead · CM: Cora Comms/);
  });

  it('records an observation, a theory and a disproved experiment, mirrored to the issue', async () => {
    const frame = await openCockpit(imBrowser.page);
    await frame.getByTestId('tab-timeline').click();
    await frame.locator('#entry-text').fill('Push error rate 100% since the 8.14.2 deploy');
    await act(frame, frame.getByTestId('record-submit'));
    await frame.getByTestId('kind-theory').check();
    await frame.locator('#entry-text').fill('The diff cache in 8.14.2 corrupts pack files');
    await act(frame, frame.getByTestId('record-submit'));
    await frame.getByTestId('kind-experiment').check();
    await frame.locator('#entry-text').fill('Disable the diff cache on one node');
    await frame.locator('#entry-theory').selectOption({ label: 'The diff cache in 8.14.2 corrupts pack files' });
    await act(frame, frame.getByTestId('record-submit'));
    await act(frame, frame.getByTestId('conclude-disproved'));

    const timeline = await frame.getByTestId('timeline').innerText();
    assert.match(timeline, /disproved/i);
    const comments = JSON.stringify(await restAs(local.baseUrl, 'admin@example.com', `/rest/api/3/issue/${key}/comment`, z.unknown()));
    for (const text of ['Push error rate 100% since the 8.14.2 deploy', 'The diff cache in 8.14.2 corrupts pack files', 'Experiment concluded', 'disproved']) assert.ok(comments.includes(text), `a comment says "${text}"`);
    assert.equal((await checklist(frame))['review'], 'done');
    await screenshot(imBrowser.page, 'cockpit-timeline');
  });

  it('shows a view-only user the same state and lets them change nothing', async () => {
    const frame = await openCockpit(await signIn(viewerBrowser, VIEWER));
    await frame.getByTestId('read-only').waitFor();
    const [seen, own] = [await checklist(frame), await checklist(await openCockpit(imBrowser.page))];
    assert.deepEqual(seen, own);
    for (const tab of ['comms', 'assess', 'roles', 'timeline']) {
      await frame.getByTestId(`tab-${tab}`).click();
      for (const action of ['open-comms', 'save-links', 'severity-submit', 'delegate-submit', 'handover-submit', 'record-submit', 'take-command']) {
        assert.equal(await frame.getByTestId(action).count(), 0, `no ${action} on the ${tab} tab for a view-only user`);
      }
    }
    await screenshot(viewerBrowser.page, 'cockpit-view-only');
  });

  it('hands over to the backup IM: assignee, topic and checklist follow', async () => {
    const frame = await openCockpit(imBrowser.page);
    await frame.getByTestId('tab-roles').click();
    await frame.getByTestId('handover-person-picker').filter({ hasText: 'Ben Bitbucket' }).waitFor();
    await act(frame, frame.getByTestId('handover-submit'));

    assert.match(await frame.getByTestId('incident-manager').innerText(), /Ben Bitbucket/);
    const topic = JSON.stringify(local.site.outbox.list({ channel: 'slack' }).filter((entry) => entry.subject === 'conversations.setTopic').at(-1)?.body);
    assert.match(topic, /IM: Ben Bitbucket/);
    const states = await checklist(frame);
    for (const step of ['detect', 'raise', 'open-comms', 'assess', 'delegate', 'review']) assert.equal(states[step], 'done', step);
    const viewer = await openCockpit(viewerBrowser.page);
    assert.match(await viewer.getByTestId('incident-manager').innerText(), /Ben Bitbucket/);
  });
});

/** The `datetime-local` value for an instant in the browser's own time zone. */
async function localInput(page: Page, at: number): Promise<string> {
  return page.evaluate((ms) => {
    const date = new Date(ms);
    return new Date(ms - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  }, at);
}
