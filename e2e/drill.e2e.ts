/**
 * A drill of the built-in scenario (customers cannot push to Bitbucket) end to end in Chromium, on
 * the emulated clock: Cal starts it from the Declare page's Rehearse with Cleo as tech lead, so only
 * Cal is paged (never Bitbucket's real on-call); every inject arrives at its emulated minute and not
 * before; Cal takes command, opens comms, sends the initial update, escalates, delegates and ends
 * the impact at times the test records; End drill then shows a scorecard whose figures are those times.
 * On the admin page an invalid scenario is refused with each offending field named, and imports once fixed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import { z } from 'zod';
import { connectDemoComms } from '../emulator/demo-comms';
import type { GetDrillResult } from '../src/contracts/drills';
import { HANDBOOK_SCENARIO } from '../src/domain/drills/handbook-scenario';
import { formatDuration } from '../src/domain/duration';
import { ensureCustomUiBuilt } from './support/app-ui';
import { launchBrowser, type Browser } from './support/browser';
import { startLocalSite, type LocalSite } from './support/local-site';
import { restAs } from './support/rest';
import { accountIdOf, invokeAs } from './support/resolvers';
import { screenshot } from './support/screenshots';

const MINUTE = 60_000;
const IM = 'cal.confluence@example.com';
const TECH_LEAD = 'cleo.confluence@example.com';
const REAL_ON_CALL = ['bea.bitbucket@example.com', 'ben.bitbucket@example.com', 'imogen.imoc@example.com', 'ivan.imoc@example.com'];

let local: LocalSite;
let browser: Browser;
let page: Page;
let key = '';
let issueId = '';
/** When the test pressed Start drill, on the emulated clock. */
let startedAt = 0;
const recorded: Record<'command' | 'comms' | 'initial' | 'escalation' | 'resolved', number> = { command: 0, comms: 0, initial: 0, escalation: 0, resolved: 0 };

const panelCall = <T>(functionKey: string, payload: unknown = {}) =>
  local.site.forge
    .invokeResolver({ moduleKey: 'incident-cockpit', functionKey, accountId: accountIdOf(local.site, IM), payload, extension: { issue: { id: issueId, key, type: 'Incident' } } })
    .then((result) => {
      const answer = result as { ok: boolean; value?: T; error?: unknown };
      assert.ok(answer.ok, `${functionKey} failed: ${JSON.stringify(answer.error)}`);
      return answer.value as T;
    });

/** Moves the emulated clock to `ms` after the recorded start (never back) and lets what falls due run. */
async function clockTo(ms: number): Promise<number> {
  const target = startedAt + ms;
  if (target > local.site.clock.now()) await local.site.advanceClock(target - local.site.clock.now());
  await local.site.settle();
  return local.site.clock.now();
}

async function firedIndexes(): Promise<number[]> {
  const view = await panelCall<GetDrillResult>('getDrill');
  return view.drill?.injects.filter((inject) => inject.firedAt !== undefined).map((inject) => inject.index) ?? [];
}

async function openPanel(): Promise<FrameLocator> {
  await page.goto(`${local.baseUrl}/browse/${key}`);
  const frame = page.frameLocator('iframe[data-module-key="incident-cockpit"]');
  await frame.getByTestId('drill-banner').waitFor({ timeout: 20_000 });
  return frame;
}

describe('a drill of the handbook scenario, played by its participants', () => {
  before(async () => {
    await ensureCustomUiBuilt();
    local = await startLocalSite();
    await local.site.settle();
    await connectDemoComms((functionKey, payload) => invokeAs(local.site, 'incident-settings', functionKey, 'admin@example.com', payload));
    browser = await launchBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await local?.close();
  });

  it('starts from Rehearse on the Declare page and pages only the participant playing the incident manager', async () => {
    await page.goto(`${local.baseUrl}/jira/apps/declare-incident?as=${encodeURIComponent(IM)}`);
    const frame = page.frameLocator('iframe[data-module-key="declare-incident"]');
    await frame.getByTestId('mode-rehearse').click();
    await frame.getByTestId('rehearse-form').waitFor({ timeout: 20_000 });
    const techLead = frame.locator('[id="drill-tech-lead"]');
    await techLead.click();
    await techLead.fill('Cleo');
    await frame.getByRole('option', { name: 'Cleo', exact: false }).first().click();
    const since = local.site.outbox.list().at(-1)?.seq ?? 0;
    startedAt = local.site.clock.now();
    await frame.getByTestId('start-drill').click();
    key = (await frame.getByTestId('drill-key').innerText({ timeout: 20_000 })).trim();
    await local.site.settle();
    const issue = await restAs(local.baseUrl, IM, `/rest/api/3/issue/${key}?fields=summary,labels`, z.object({ id: z.string(), fields: z.object({ summary: z.string(), labels: z.array(z.string()) }) }));
    issueId = issue.id;
    assert.equal(issue.fields.summary, `[DRILL] ${HANDBOOK_SCENARIO.start.summary}`);
    assert.ok(issue.fields.labels.includes('drill'));
    const paged = local.site.outbox.list({ since, channel: 'jira-notification' }).map((entry) => entry.to);
    assert.deepEqual(paged, [IM], 'only the IM player is paged');
    await screenshot(page, 'drill-started');
  });

  it('delivers every inject at its emulated minute while the participants respond, and never before', async () => {
    const actions: Record<number, () => Promise<void>> = {
      2: async () => {
        const frame = await openPanel();
        await frame.getByTestId('take-command').click();
        await frame.getByTestId('take-command-card').waitFor({ state: 'detached', timeout: 20_000 });
        recorded.command = local.site.clock.now();
      },
      3: async () => {
        await panelCall('openComms');
        recorded.comms = local.site.clock.now();
      },
      7: async () => {
        await panelCall('sendCommsUpdate', {
          updateId: 'drill-initial-0001',
          kind: 'initial',
          internal: 'We are investigating failing pushes to Bitbucket. Next update: in 30 minutes via Slack.',
          external: 'We are investigating issues with Bitbucket.',
          overrideReason: 'drill',
        });
        recorded.initial = local.site.clock.now();
      },
      14: async () => {
        // Bea owns Bitbucket for real but is no participant: the escalation is recorded, and she is not paged.
        await panelCall('escalateIncident', { target: { kind: 'user', accountId: accountIdOf(local.site, 'bea.bitbucket@example.com') }, reason: 'Storage is owned by the Bitbucket team', requestId: 'drill-escalate-0001' });
        recorded.escalation = local.site.clock.now();
      },
      15: async () => {
        await panelCall('delegateRole', { role: 'tech-lead', accountId: accountIdOf(local.site, TECH_LEAD) });
        await panelCall('delegateRole', { role: 'communications-manager', accountId: accountIdOf(local.site, 'cora.comms@example.com') });
      },
    };
    const minutes = [...new Set([...HANDBOOK_SCENARIO.injects.map((inject) => inject.atMinute), ...Object.keys(actions).map(Number)])].sort((a, b) => a - b);
    for (const minute of minutes) {
      const due = HANDBOOK_SCENARIO.injects.flatMap((inject, index) => (inject.atMinute === minute ? [index] : []));
      if (due.length > 0) {
        await clockTo(minute * MINUTE - 5_000);
        const early = await firedIndexes();
        assert.ok(due.every((index) => !early.includes(index)), `no inject of minute ${minute} before its time`);
      }
      await clockTo(minute * MINUTE + 20_000);
      if (due.length > 0) {
        const fired = await firedIndexes();
        assert.ok(due.every((index) => fired.includes(index)), `the injects of minute ${minute} arrived`);
      }
      await actions[minute]?.();
    }
    const sent = local.site.outbox.list();
    assert.deepEqual(sent.filter((entry) => REAL_ON_CALL.includes(entry.to)).map((entry) => `${entry.channel} ${entry.to}`), [], 'nobody outside the drill was paged or mailed');
    assert.deepEqual(sent.filter((entry) => entry.channel === 'statuspage' || entry.channel === 'email'), [], 'no status page and no email list');
    const view = await panelCall<GetDrillResult>('getDrill');
    for (const inject of view.drill?.injects ?? []) {
      const firedAt = Date.parse(inject.firedAt ?? '');
      const dueAt = Date.parse(view.drill?.startedAt ?? '') + inject.atMinute * MINUTE;
      assert.ok(firedAt >= dueAt && firedAt < dueAt + MINUTE, `inject ${inject.index} fired at its emulated minute ${inject.atMinute}`);
    }
    // A fresh site has no support project configured, so the cases are told on the drill itself.
    const comments = JSON.stringify(await restAs(local.baseUrl, IM, `/rest/api/3/issue/${key}/comment`, z.unknown()));
    for (const inject of HANDBOOK_SCENARIO.injects) {
      const said = inject.kind === 'support-case' || inject.kind === 'change' ? inject.summary : inject.kind === 'observation' || inject.kind === 'experiment-outcome' ? inject.text : inject.kind === 'alert' ? inject.title : undefined;
      if (said !== undefined) assert.ok(comments.includes(JSON.stringify(said).slice(1, -1)), `the drill shows: ${said}`);
    }
  });

  it('ends with a scorecard whose figures are the times the test recorded', async () => {
    await clockTo(32 * MINUTE + 20_000);
    const fields = await invokeAs<{ configuration: { fields: { impactEnd: string } } }>(local.site, 'incident-settings', 'getConfiguration', 'admin@example.com', {});
    recorded.resolved = local.site.clock.now() - 30_000;
    await restAs(local.baseUrl, IM, `/rest/api/3/issue/${key}`, z.unknown(), { method: 'PUT', body: { fields: { [fields.configuration.fields.impactEnd]: new Date(recorded.resolved).toISOString().replace('Z', '+0000') } } });
    await local.site.settle();
    const frame = await openPanel();
    await frame.getByTestId('end-drill').click();
    await frame.getByTestId('drill-scorecard').waitFor({ timeout: 20_000 });
    const actual = async (measure: string) => frame.locator(`[data-testid="scorecard-line"][data-measure="${measure}"]`).getAttribute('data-actual');
    const after = (at: number) => formatDuration(at - startedAt);
    assert.equal(await actual('Take command'), after(recorded.command));
    assert.equal(await actual('Open comms'), after(recorded.comms));
    assert.equal(await actual('Initial comms'), after(recorded.initial));
    assert.equal(await actual('First escalation'), after(recorded.escalation));
    assert.equal(await actual('Roles delegated'), '2');
    assert.equal(await actual('Resolve'), after(recorded.resolved));
    const fired = await frame.locator('[data-testid="drill-inject"]').count();
    assert.equal(fired, HANDBOOK_SCENARIO.injects.length, 'the banner lists every inject as arrived');
    const comments = await restAs(local.baseUrl, IM, `/rest/api/3/issue/${key}/comment`, z.unknown());
    assert.match(JSON.stringify(comments), /DRILL scorecard/);
    await screenshot(page, 'drill-scorecard');
  });

  it('refuses an invalid scenario on the admin page, naming each offending field, and imports it once fixed', async () => {
    await page.goto(`${local.baseUrl}/jira/settings/apps/incident-settings?as=${encodeURIComponent('admin@example.com')}`);
    const frame = page.frameLocator('iframe[data-module-key="incident-settings"]');
    await frame.getByTestId('admin-settings').waitFor({ timeout: 20_000 });
    await frame.getByTestId('tab-drills').click();
    await frame.getByTestId('drill-scenarios').getByText('Customers cannot push to Bitbucket (built in)').waitFor({ timeout: 20_000 });
    const mine = { ...JSON.parse(JSON.stringify(HANDBOOK_SCENARIO)), id: 'our-rehearsal', title: 'Our rehearsal' } as Record<string, unknown>;
    const broken = { ...mine, injects: [{ kind: 'alert', atMinute: -1, title: 'x' }], targets: { takeCommandMinutes: 0 } };
    await frame.getByTestId('scenario-json').fill(JSON.stringify(broken));
    await frame.getByTestId('import-scenario').click();
    const problems = frame.getByTestId('scenario-problems');
    await problems.waitFor({ timeout: 20_000 });
    const text = await problems.innerText();
    assert.match(text, /injects\[0\]\.atMinute/);
    assert.match(text, /targets\.takeCommandMinutes/);
    await frame.getByTestId('scenario-json').fill(JSON.stringify(mine));
    await frame.getByTestId('import-scenario').click();
    await frame.getByTestId('drill-scenarios').getByText('Our rehearsal').waitFor({ timeout: 20_000 });
    await screenshot(page, 'drill-scenarios');
  });
});
