/**
 * Communications against the local site's stand-ins: one update reaches both status pages, Jira's email
 * to the list, SendGrid and the chat room; a Statuspage outage leaves the others delivered and a retry
 * sends only the failed channel; repeated requests never post twice; the reminder arrives before the
 * promised next update; the final update resolves both status page incidents.
 */
import type { ComposerView, SentUpdateView } from '../src/contracts/comms';
import { connectDemoComms } from '../emulator/demo-comms';
import { renderStatusPage } from '../emulator/http/status-page-route';
import { declareBitbucketIncident, panelOn, resolve, startLocalSite, type LocalSite } from './local-site-app';

const IM = 'bea.bitbucket@example.com';

const deliveries = (update: SentUpdateView | undefined): Record<string, string> => Object.fromEntries((update?.deliveries ?? []).map((delivery) => [delivery.channel, delivery.state]));

describe('incident communications on the local site', () => {
  let local: LocalSite;
  let issue: { key: string; id: string };
  let comms: ReturnType<typeof panelOn>;

  beforeEach(async () => {
    local = await startLocalSite();
    await connectDemoComms((functionKey, payload) => resolve(local.site, 'incident-settings', functionKey, 'admin@example.com', payload));
    issue = await declareBitbucketIncident(local);
    comms = panelOn(local, issue);
    await comms.call(IM, 'openComms');
    await local.site.settle();
  });

  afterEach(async () => {
    await local.stop();
  });

  async function sendInitial(updateId = 'initial-update-0001'): Promise<ComposerView> {
    const composer = await comms.call<ComposerView>(IM, 'getCommsComposer', { kind: 'initial' });
    return comms.call<ComposerView>(IM, 'sendCommsUpdate', { updateId, kind: 'initial', internal: composer.internal, external: composer.external });
  }

  it('sends the initial update to both status pages, both email routes and the room, each once', async () => {
    const since = local.site.outbox.list().at(-1)?.seq ?? 0;
    const view = await sendInitial();
    await local.site.settle();

    expect(deliveries(view.history[0])).toEqual({ 'status-internal': 'sent', 'status-external': 'sent', 'email-jira': 'sent', 'email-list': 'sent', chat: 'sent' });
    const sent = local.site.outbox.list({ since });
    const name = `${issue.key} - Sev 1 - Git pushes fail for everyone`;
    expect(sent.filter((entry) => entry.channel === 'statuspage').map((entry) => entry.subject)).toEqual(expect.arrayContaining([`${name} — investigating`, 'Investigating issues with Bitbucket — investigating']));
    const emails = sent.filter((entry) => entry.channel === 'email' || entry.channel === 'jira-notification');
    expect(emails.find((entry) => entry.to === 'exec-team@example.com')?.subject).toBe(name);
    expect(emails.find((entry) => entry.to === 'ben.bitbucket@example.com')?.subject).toBe(name);
    expect(sent.some((entry) => entry.channel === 'slack' && JSON.stringify(entry.body).includes(issue.key) && JSON.stringify(entry.body).includes('Initial update'))).toBe(true);
    expect(renderStatusPage(local.site.forge.egress.statuspage, 'external')).toContain('data-component="Bitbucket" data-status="major_outage"');

    // The same update id again (a double click, a retried request): nothing is sent twice.
    const before = local.site.outbox.list().length;
    const again = await sendInitial();
    await local.site.settle();
    expect(local.site.outbox.list().length).toBe(before);
    expect(again.history).toHaveLength(1);
    const cockpit = await comms.call<{ checklist: { step: string; state: string }[] }>(IM, 'getCockpit');
    expect(cockpit.checklist.find((item) => item.step === 'initial-comms')?.state).toBe('done');
  });

  it('delivers every other channel while Statuspage fails, shows the failure, and a retry sends only that channel', async () => {
    local.site.faults.configure({ egress: { rate5xx: 1, hosts: ['api.statuspage.io'] }, duplicateEvents: true });
    const failed = await sendInitial('initial-update-0002');
    expect(deliveries(failed.history[0])).toEqual({ 'status-internal': 'failed', 'status-external': 'failed', 'email-jira': 'sent', 'email-list': 'sent', chat: 'sent' });
    expect(failed.history[0]?.deliveries.find((delivery) => delivery.channel === 'status-internal')?.error).toContain('503');

    local.site.faults.configure({ duplicateEvents: true });
    const since = local.site.outbox.list().at(-1)?.seq ?? 0;
    const retried = await comms.call<ComposerView>(IM, 'retryFailedCommsChannels', { updateId: 'initial-update-0002' });
    expect(deliveries(retried.history[0])).toEqual({ 'status-internal': 'sent', 'status-external': 'sent', 'email-jira': 'sent', 'email-list': 'sent', chat: 'sent' });
    await local.site.settle();
    const resent = local.site.outbox.list({ since });
    expect(resent.filter((entry) => entry.channel !== 'statuspage' && entry.channel !== 'jira-notification')).toEqual([]);
    // Jira's mail to the list went out with the first attempt; only pages (paging's own) may be new.
    expect(resent.filter((entry) => entry.channel === 'jira-notification' && entry.subject === `${issue.key} - Sev 1 - Git pushes fail for everyone`)).toEqual([]);
    expect(resent.filter((entry) => entry.channel === 'statuspage')).toHaveLength(2);
    expect(local.site.forge.egress.statuspage.incidents('intstatus01')).toHaveLength(1);

    // Retried again (a double click) or the send repeated: every channel is delivered, nothing goes out twice.
    const count = local.site.outbox.list().length;
    await comms.call<ComposerView>(IM, 'retryFailedCommsChannels', { updateId: 'initial-update-0002' });
    await sendInitial('initial-update-0002');
    await local.site.settle();
    expect(local.site.outbox.list().slice(count).filter((entry) => entry.channel !== 'jira-notification' || entry.subject?.startsWith(issue.key))).toEqual([]);
    expect(local.site.forge.egress.statuspage.incidents('intstatus01')).toHaveLength(1);
  });

  it('refuses a follow-up with gaps unless a reason is given, reminds before the promised time, and resolves both pages with the final update', async () => {
    await sendInitial();
    const followUp = await comms.call<ComposerView>(IM, 'getCommsComposer', { kind: 'follow-up' });
    const withoutNext = followUp.internal.replace('Customer impact: ', 'Customer impact: customers cannot push to Bitbucket').replace(/^Next update:.*$/m, '').replace('- \n- \n\nNext Steps', '- Pushes fail on one cluster\n- Rollback prepared\n\nNext Steps').replace(/Next Steps\n- \n- /, 'Next Steps\n- Roll back\n- Watch error rates');
    const refused = await comms.raw(IM, 'sendCommsUpdate', { updateId: 'follow-up-0001', kind: 'follow-up', internal: withoutNext, external: followUp.external });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('Say when the next update will be sent') } });

    const corrected = `${withoutNext.trim()}\nNext update: in 30 minutes via email and Statuspage`;
    const sent = await comms.call<ComposerView>(IM, 'sendCommsUpdate', { updateId: 'follow-up-0001', kind: 'follow-up', internal: corrected, external: followUp.external });
    expect(sent.history[0]).toMatchObject({ kind: 'follow-up', nextUpdateAt: expect.any(String) });
    const promised = Date.parse(sent.history[0]?.nextUpdateAt ?? '');

    const since = local.site.outbox.list().at(-1)?.seq ?? 0;
    await local.site.advanceClock(promised - 6 * 60_000 - local.site.clock.now());
    expect(local.site.outbox.list({ since }).filter((entry) => JSON.stringify(entry.body).includes('Reminder'))).toEqual([]);
    await local.site.advanceClock(2 * 60_000);
    const reminders = local.site.outbox.list({ since }).filter((entry) => JSON.stringify(entry.body).includes('Reminder: the next update'));
    expect(reminders.some((entry) => entry.channel === 'slack')).toBe(true);
    expect(reminders.some((entry) => entry.channel === 'jira-notification' && entry.to === IM)).toBe(true);

    await local.site.advanceClock(10 * 60_000);
    const late = await comms.call<{ checklist: { step: string; state: string; reason: string }[] }>(IM, 'getCockpit');
    expect(late.checklist.find((item) => item.step === 'follow-up-comms')?.reason).toContain('overdue');

    const final = await comms.call<ComposerView>(IM, 'getCommsComposer', { kind: 'final' });
    expect(final.internal).toContain('Time to recovery');
    const done = await comms.call<ComposerView>(IM, 'sendCommsUpdate', { updateId: 'final-update-0001', kind: 'final', internal: final.internal, external: final.external, overrideReason: 'Impact end is recorded with the resolution' });
    expect(done.history[0]).toMatchObject({ kind: 'final', status: 'resolved' });
    for (const pageId of ['intstatus01', 'extstatus01']) {
      const [incident] = local.site.forge.egress.statuspage.incidents(pageId);
      expect(incident?.status).toBe('resolved');
      expect(incident?.incident_updates.map((update) => update.status).reverse()).toEqual(['investigating', 'investigating', 'resolved']);
    }
    expect(renderStatusPage(local.site.forge.egress.statuspage, 'external')).toContain('All Systems Operational');
  });

  it('shows a view-only user the history and refuses them the send', async () => {
    await sendInitial();
    const viewer = await comms.call<ComposerView>('vera.viewer@example.com', 'getCommsComposer', {});
    expect(viewer.canSend).toBe(false);
    expect(viewer.history).toHaveLength(1);
    const refused = await comms.raw('vera.viewer@example.com', 'sendCommsUpdate', { updateId: 'viewer-update-01', kind: 'follow-up', internal: 'x', external: 'y', overrideReason: 'test' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
