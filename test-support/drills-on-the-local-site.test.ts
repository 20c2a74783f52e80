/**
 * Drills on the local site, with the app's handlers unchanged: a drill of the handbook's scenario
 * pages only its participants (an escalation to a real roster reaches nobody outside them), sends
 * its updates to its chat room only (never a status page or an email list), fires its injects at
 * their emulated minutes, and is left out of the metrics and the in-progress gadget's list. An
 * invalid scenario is refused with errors that name each offending field.
 */
import { connectDemoComms } from '../emulator/demo-comms';
import type { IncidentMetricsView } from '../src/contracts/metrics-gadget';
import type { CheckDrillScenarioResult, GetDrillResult, StartDrillResult } from '../src/contracts/drills';
import { jqlForProject } from '../static/incidents-gadget/src/gadget-config';
import { personId, resolve, rest, startLocalSite, type LocalSite } from './local-site-app';

const MINUTE = 60_000;
const PLAYER = 'jay.jira@example.com';
const ON_CALL = ['bea.bitbucket@example.com', 'imogen.imoc@example.com', 'cal.confluence@example.com'];

describe('drills on the local site', () => {
  let local: LocalSite;
  let drill: StartDrillResult;
  let issueId = '';

  const panel = <T>(functionKey: string, payload: unknown = {}) =>
    resolve<T>(local.site, 'incident-cockpit', functionKey, PLAYER, payload, { issue: { id: issueId, key: drill.issueKey, type: 'Incident' } });

  beforeAll(async () => {
    local = await startLocalSite();
    await connectDemoComms((functionKey, payload) => resolve(local.site, 'incident-settings', functionKey, 'admin@example.com', payload));
    drill = await resolve<StartDrillResult>(local.site, 'declare-incident', 'startDrill', PLAYER, { scenarioId: 'bitbucket-push-failures' });
    await local.site.settle();
    const issue = await rest(local.site, 'admin@example.com', 'GET', `/rest/api/3/issue/${drill.issueKey}?fields=summary,labels`);
    issueId = (issue.body as { id: string }).id;
  });

  afterAll(() => local.stop());

  it('raises the drill as an incident marked [DRILL] and labelled drill, and pages only its participant', async () => {
    const issue = await rest(local.site, 'admin@example.com', 'GET', `/rest/api/3/issue/${drill.issueKey}?fields=summary,labels`);
    const fields = (issue.body as { fields: { summary: string; labels: string[] } }).fields;
    expect(fields.summary).toBe('[DRILL] Bitbucket pushes failing for customers');
    expect(fields.labels).toContain('drill');
    const paged = local.site.outbox.list({ channel: 'jira-notification' }).map((entry) => entry.to);
    expect(paged).toEqual([PLAYER]);
  });

  it('fires each inject at its emulated minute, and a support case moves only the drill’s own count', async () => {
    const fired = async () => {
      const view = await panel<GetDrillResult>('getDrill');
      return view.drill?.injects.filter((inject) => inject.firedAt !== undefined).map((inject) => inject.atMinute) ?? [];
    };
    expect(await fired()).toEqual([]);
    await local.site.advanceClock(4 * MINUTE + 1_000);
    await local.site.settle();
    expect(await fired()).toEqual([1, 4]);
    await local.site.advanceClock(8 * MINUTE);
    await local.site.settle();
    expect(await fired()).toEqual([1, 4, 6, 8, 10, 12]);
    const cases = await rest(local.site, 'admin@example.com', 'POST', '/rest/api/3/search/jql', { jql: `project = SUP AND labels = ${drill.issueKey}`, fields: ['summary'], maxResults: 10 });
    expect((cases.body as { issues: unknown[] }).issues).toHaveLength(2);
    const incident = await rest(local.site, 'admin@example.com', 'GET', `/rest/api/3/issue/${drill.issueKey}?fields=${local.fields.severity},${local.fields.supportCases}`);
    const values = (incident.body as { fields: Record<string, unknown> }).fields;
    expect(values[local.fields.severity]).toMatchObject({ value: 'Sev 1' });
    expect(values[local.fields.supportCases]).toBe(2);
  });

  it('pages no one outside the participants when the IM escalates to a real roster, and touches no external channel', async () => {
    await panel('openComms');
    await local.site.settle();
    await panel('escalateIncident', { target: { kind: 'roster', rosterId: 'imoc' }, reason: 'Storage is owned by the platform team', requestId: 'drill-escalation-1' });
    await panel('sendCommsUpdate', {
      updateId: 'drill-update-0001',
      kind: 'initial',
      internal: 'We are investigating failing pushes to Bitbucket.',
      external: 'We are investigating issues with Bitbucket.',
      overrideReason: 'drill',
    });
    await local.site.advanceClock(30 * MINUTE);
    await local.site.settle();
    const sent = local.site.outbox.list();
    const notified = sent.filter((entry) => entry.channel === 'jira-notification').map((entry) => entry.to);
    expect(notified.filter((to) => ON_CALL.includes(to))).toEqual([]);
    expect(sent.filter((entry) => ['statuspage', 'email', 'pagerduty', 'webhook'].includes(entry.channel))).toEqual([]);
    const room = sent.filter((entry) => entry.channel === 'slack' && JSON.stringify(entry.body).includes('Initial update'));
    expect(room).toHaveLength(1);
    expect(JSON.stringify(room[0]?.body)).toContain('DRILL');
  });

  it('is absent from the metrics once resolved and from the in-progress gadget while open', async () => {
    const listed = await rest(local.site, 'admin@example.com', 'POST', '/rest/api/3/search/jql', { jql: jqlForProject('HOT'), fields: ['summary'], maxResults: 100 });
    expect((listed.body as { issues: { key: string }[] }).issues.map((issue) => issue.key)).not.toContain(drill.issueKey);
    const metrics = () => resolve<IncidentMetricsView>(local.site, 'incident-metrics', 'getIncidentMetrics', 'imogen.imoc@example.com', { filter: { period: 'all-time' } });
    const before = await metrics();
    const now = local.site.clock.now();
    const iso = (at: number) => new Date(at).toISOString().replace('Z', '+0000');
    await rest(local.site, 'admin@example.com', 'PUT', `/rest/api/3/issue/${drill.issueKey}`, { fields: { [local.fields.impactStart]: iso(now - 40 * MINUTE), [local.fields.impactEnd]: iso(now - MINUTE) } });
    for (const transition of ['11', '21']) await rest(local.site, 'admin@example.com', 'POST', `/rest/api/3/issue/${drill.issueKey}/transitions`, { transition: { id: transition } });
    await local.site.settle();
    const after = await metrics();
    expect(after.total).toBe(before.total);
    expect(after.resolved).toBe(before.resolved);
  });

  it('ends when resolved in Jira, with one scorecard posted on the drill, each line with its handbook step', async () => {
    const resolved = await panel<GetDrillResult>('getDrill');
    expect(resolved.drill?.ended?.scorecard.ending).toBe('resolved');
    const ended = await panel<GetDrillResult>('endDrill');
    expect(ended.drill?.ended?.scorecard.ending).toBe('resolved');
    expect(ended.drill?.ended?.scorecard.lines.map((line) => line.measure)).toEqual(expect.arrayContaining(['Take command', 'Open comms', 'Initial comms', 'First escalation', 'Resolve']));
    const comments = await rest(local.site, 'admin@example.com', 'GET', `/rest/api/3/issue/${drill.issueKey}/comment`);
    expect(JSON.stringify(comments.body).split('DRILL scorecard')).toHaveLength(2);
  });

  it('refuses an invalid scenario, naming each offending field', async () => {
    const document = {
      schemaVersion: 1,
      id: 'Bad Id',
      title: 'Broken',
      start: { summary: 'x', service: 'Bitbucket', severity: 4 },
      injects: [{ kind: 'alert', atMinute: -1, title: 'x' }, { kind: 'page-everyone', atMinute: 2 }],
      targets: { takeCommandMinutes: 0 },
    };
    const refused = (await local.site.forge.invokeResolver({
      moduleKey: 'incident-settings',
      functionKey: 'importDrillScenario',
      accountId: personId(local.site, 'admin@example.com'),
      payload: { json: JSON.stringify(document) },
    })) as { ok: boolean; error?: { code: string; field?: string } };
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'id' } });
    const checked = await resolve<CheckDrillScenarioResult>(local.site, 'incident-settings', 'checkDrillScenario', 'admin@example.com', { json: JSON.stringify(document) });
    expect(checked.problems.map((problem) => problem.field)).toEqual(['id', 'start.severity', 'injects[0].atMinute', 'injects[1].kind', 'targets.takeCommandMinutes']);
    const malformed = await resolve<CheckDrillScenarioResult>(local.site, 'incident-settings', 'checkDrillScenario', 'admin@example.com', { json: '{"schemaVersion": 1,' });
    expect(malformed.problems[0]?.field).toBe('json');
  });
});
