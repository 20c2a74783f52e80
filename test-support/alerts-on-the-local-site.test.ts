/**
 * Monitoring alerts on the local site: Alertmanager, Grafana and a generic JSON source fire at the
 * app's alert web trigger, which opens one incident per alert group with the routed service and
 * severity, records repeats, new alerts and resolutions on it, refuses what it must, caps storms
 * and raises an incident when a heartbeat stops.
 */
import { createHmac } from 'node:crypto';
import { DEMO_ALERT_SOURCES, seedDemoAlertSources, type DemoAlertSource } from '../emulator/demo-alert-sources';
import { personId, resolve, rest, startLocalSite, type LocalSite } from './local-site-app';

const MINUTE = 60_000;
const ADMIN = 'admin@example.com';

interface IncidentIssue {
  key: string;
  fields: Record<string, unknown>;
}

function sourceUrl(local: LocalSite, sourceId: string): string {
  return `${local.site.webTriggerUrl('alert-webhook')}?source=${sourceId}`;
}

function tokenOf(sourceId: string): string {
  const demo = DEMO_ALERT_SOURCES.find((entry) => entry.source.id === sourceId);
  if (demo === undefined) throw new Error(`No demo source ${sourceId}`);
  return demo.token;
}

async function fire(local: LocalSite, sourceId: string, body: unknown, given?: Record<string, string>) {
  const headers = given ?? { authorization: `Bearer ${sourceId === 'nagios' ? 'nagios-token-0000000000' : tokenOf(sourceId)}` };
  // A connection of its own per request: after a long clock advance the site has closed idle keep-alive
  // sockets, and reusing one fails before the request arrives (ECONNRESET).
  const response = await fetch(sourceUrl(local, sourceId), { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function incidents(local: LocalSite): Promise<IncidentIssue[]> {
  const { fields } = local;
  const wanted = ['summary', 'status', 'description', fields.severity, fields.faultyService, fields.affectedProducts, fields.impactStart, fields.detected].join(',');
  const answer = await rest(local.site, ADMIN, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = HOT ORDER BY created ASC')}&fields=${wanted}&maxResults=100`);
  return (answer.body as { issues: IncidentIssue[] }).issues;
}

async function commentsOf(local: LocalSite, key: string): Promise<string[]> {
  const answer = await rest(local.site, ADMIN, 'GET', `/rest/api/3/issue/${key}/comment`);
  return (answer.body as { comments: { body: unknown }[] }).comments.map((comment) => textOf(comment.body));
}

function textOf(node: unknown): string {
  if (typeof node !== 'object' || node === null) return '';
  const record = node as { text?: string; content?: unknown[] };
  return (record.text ?? '') + (record.content ?? []).map(textOf).join(' ');
}

function valueOf(field: unknown): unknown {
  return typeof field === 'object' && field !== null && 'value' in field ? (field as { value: unknown }).value : field;
}

function statusCategory(issue: IncidentIssue): string {
  return (issue.fields['status'] as { statusCategory: { key: string } }).statusCategory.key;
}

function alertmanagerBody(status: 'firing' | 'resolved', alerts: { fingerprint: string; alertname?: string; severity?: string; summary?: string }[], groupKey = '{}/{service="bitbucket"}:{alertname="GitPushErrors"}') {
  return {
    receiver: 'incident-response',
    status,
    alerts: alerts.map((alert) => ({
      status,
      labels: { alertname: alert.alertname ?? 'GitPushErrors', service: 'bitbucket', severity: alert.severity ?? 'critical', instance: `git-${alert.fingerprint}:9100` },
      annotations: { summary: alert.summary ?? 'Git pushes fail with HTTP 500', runbook_url: 'https://runbooks.example.com/git-push' },
      startsAt: '2026-03-02T09:58:00.000Z',
      endsAt: status === 'resolved' ? '2026-03-02T10:30:00.000Z' : '0001-01-01T00:00:00Z',
      generatorURL: 'https://prometheus.example.com/graph?g0.expr=rate(git_push_errors%5B5m%5D)',
      fingerprint: alert.fingerprint,
    })),
    groupLabels: { alertname: 'GitPushErrors' },
    commonLabels: { alertname: 'GitPushErrors', service: 'bitbucket' },
    commonAnnotations: {},
    externalURL: 'https://alertmanager.example.com',
    version: '4',
    groupKey,
    truncatedAlerts: 0,
  };
}

function grafanaBody(status: 'firing' | 'resolved', fingerprints: string[]) {
  return {
    receiver: 'incident-response',
    status,
    orgId: 1,
    alerts: fingerprints.map((fingerprint) => ({
      status,
      labels: { alertname: 'PageLoadSlow', team: 'confluence', severity: 'critical', region: fingerprint },
      annotations: { summary: 'Confluence pages take over 10 s to load' },
      startsAt: '2026-03-02T09:55:00+00:00',
      endsAt: status === 'resolved' ? '2026-03-02T10:20:00+00:00' : '0001-01-01T00:00:00Z',
      generatorURL: 'https://grafana.example.com/alerting/grafana/abc/view',
      fingerprint,
      silenceURL: 'https://grafana.example.com/alerting/silence/new?matchers=alertname%3DPageLoadSlow',
      dashboardURL: 'https://grafana.example.com/d/confluence-latency',
      panelURL: 'https://grafana.example.com/d/confluence-latency?viewPanel=2',
      values: { B: 12.5, C: 1 },
    })),
    groupLabels: { alertname: 'PageLoadSlow' },
    commonLabels: { alertname: 'PageLoadSlow', team: 'confluence' },
    commonAnnotations: {},
    externalURL: 'https://grafana.example.com/',
    version: '1',
    groupKey: '{}:{alertname="PageLoadSlow"}',
    truncatedAlerts: 0,
    title: '[FIRING:1] PageLoadSlow',
    state: status === 'firing' ? 'alerting' : 'ok',
    message: 'Confluence pages are slow',
  };
}

function uptimeBody(state: 'down' | 'resolved', checkId = 'jira-login') {
  return { state, check: { id: checkId, name: `Jira login check ${checkId} fails`, priority: 'high', service: 'jira-cloud', since: '2026-03-02T09:50:00Z', url: `https://uptime.example.com/checks/${checkId}` } };
}

function signGrafana(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

describe('alerts from monitoring on the local site', () => {
  let local: LocalSite;

  async function startWith(sources: readonly DemoAlertSource[] = DEMO_ALERT_SOURCES) {
    local = await startLocalSite();
    await seedDemoAlertSources(local.site, personId(local.site, ADMIN), sources);
  }

  afterEach(async () => {
    await local.stop();
  });

  it('opens one Sev 1 Bitbucket incident for a firing Alertmanager group, pages its on-call, records a repeat and a second alert on it, and leaves it open when the group resolves', async () => {
    await startWith();
    const receivedAt = local.site.clock.now();
    const first = await fire(local, 'prometheus', alertmanagerBody('firing', [{ fingerprint: 'a1' }]));
    expect(first).toEqual({ status: 202, body: expect.objectContaining({ accepted: 1, status: 'firing' }) });
    await local.site.settle();

    const [incident, ...others] = await incidents(local);
    expect(others).toEqual([]);
    expect(incident?.fields['summary']).toBe('GitPushErrors: Git pushes fail with HTTP 500 [Prometheus Alertmanager]');
    expect(valueOf(incident?.fields[local.fields.severity])).toBe('Sev 1');
    expect(valueOf(incident?.fields[local.fields.faultyService])).toBe('Bitbucket');
    expect((incident?.fields[local.fields.affectedProducts] as unknown[]).map(valueOf)).toEqual(['Bitbucket']);
    expect(Date.parse(String(incident?.fields[local.fields.impactStart]))).toBe(Date.parse('2026-03-02T09:58:00.000Z'));
    expect(Math.abs(Date.parse(String(incident?.fields[local.fields.detected])) - receivedAt)).toBeLessThan(MINUTE);
    expect(textOf(incident?.fields['description'])).toContain('instance=git-a1:9100');
    const links = (await rest(local.site, ADMIN, 'GET', `/rest/api/3/issue/${incident?.key}/remotelink`)).body as { object: { url: string } }[];
    expect(links.map((link) => link.object.url).sort()).toEqual(['https://prometheus.example.com/graph?g0.expr=rate(git_push_errors%5B5m%5D)', 'https://runbooks.example.com/git-push']);
    // The on-call Bitbucket incident manager is paged as for any Sev 1.
    expect(local.site.outbox.list({ channel: 'jira-notification' }).map((entry) => entry.to)).toContain('bea.bitbucket@example.com');

    await local.site.advanceClock(MINUTE);
    const repeat = await fire(local, 'prometheus', alertmanagerBody('firing', [{ fingerprint: 'a1' }]));
    const second = await fire(local, 'prometheus', alertmanagerBody('firing', [{ fingerprint: 'a1' }, { fingerprint: 'a2', summary: 'Git pushes time out' }]));
    expect(repeat.status).toBe(202);
    expect(second.status).toBe(202);
    await local.site.advanceClock(MINUTE);

    expect((await incidents(local)).map((issue) => issue.key)).toEqual([incident?.key]);
    const comments = await commentsOf(local, incident?.key ?? '');
    expect(comments).toHaveLength(1);
    expect(comments[0]).toContain('1 more alert(s) from Prometheus Alertmanager');
    expect(comments[0]).toContain('GitPushErrors: Git pushes time out');
    expect(comments[0]).toContain('repeated alerts of this group 2 time(s)');

    await local.site.advanceClock(MINUTE);
    const resolved = await fire(local, 'prometheus', alertmanagerBody('resolved', [{ fingerprint: 'a1' }, { fingerprint: 'a2' }]));
    expect(resolved.body).toEqual(expect.objectContaining({ status: 'resolved' }));
    await local.site.advanceClock(MINUTE);

    const [after] = await incidents(local);
    expect(statusCategory(after as IncidentIssue)).not.toBe('done');
    const finalComments = await commentsOf(local, incident?.key ?? '');
    expect(finalComments).toHaveLength(2);
    expect(finalComments[1]).toContain('2 alert(s) resolved in Prometheus Alertmanager');
    expect(finalComments[1]).toContain('the incident stays open');
  });

  it('opens a Confluence incident from a Grafana contact point signed with the source secret, with its values and dashboard and silence links, and records the resolution', async () => {
    await startWith();
    const body = JSON.stringify(grafanaBody('firing', ['eu-1']));
    const first = await fire(local, 'grafana', body, { 'x-grafana-alerting-signature': signGrafana(body, tokenOf('grafana')) });
    expect(first.status).toBe(202);
    await local.site.settle();

    const [incident, ...others] = await incidents(local);
    expect(others).toEqual([]);
    expect(valueOf(incident?.fields[local.fields.severity])).toBe('Sev 1');
    expect(valueOf(incident?.fields[local.fields.faultyService])).toBe('Confluence');
    expect(textOf(incident?.fields['description'])).toContain('Values: B=12.5, C=1');
    const links = (await rest(local.site, ADMIN, 'GET', `/rest/api/3/issue/${incident?.key}/remotelink`)).body as { object: { url: string; title: string } }[];
    expect(links.map((link) => link.object.title.split(':')[0]).sort()).toEqual(['Alert source (query that fired)', 'Dashboard', 'Dashboard panel', 'Silence this alert']);

    await fire(local, 'grafana', grafanaBody('firing', ['eu-1']));
    await fire(local, 'grafana', grafanaBody('firing', ['eu-1', 'us-1']));
    await local.site.advanceClock(MINUTE);
    await fire(local, 'grafana', grafanaBody('resolved', ['eu-1', 'us-1']));
    await local.site.advanceClock(MINUTE);

    const all = await incidents(local);
    expect(all).toHaveLength(1);
    expect(statusCategory(all[0] as IncidentIssue)).not.toBe('done');
    const comments = (await commentsOf(local, incident?.key ?? '')).join('\n');
    expect(comments).toContain('1 more alert(s) from Grafana');
    expect(comments).toContain('2 alert(s) resolved in Grafana');
  });

  it('reads a generic JSON source through its mapping, routes it, and groups by its dedup key', async () => {
    await startWith();
    expect((await fire(local, 'uptime', uptimeBody('down'))).status).toBe(202);
    await local.site.settle();
    await fire(local, 'uptime', uptimeBody('down'));
    await local.site.advanceClock(MINUTE);
    await fire(local, 'uptime', uptimeBody('resolved'));
    await local.site.advanceClock(MINUTE);

    const [incident, ...others] = await incidents(local);
    expect(others).toEqual([]);
    expect(incident?.fields['summary']).toBe('Jira login check jira-login fails [Uptime checks (generic JSON)]');
    expect(valueOf(incident?.fields[local.fields.severity])).toBe('Sev 1');
    expect(valueOf(incident?.fields[local.fields.faultyService])).toBe('Jira Cloud');
    expect(Date.parse(String(incident?.fields[local.fields.impactStart]))).toBe(Date.parse('2026-03-02T09:50:00Z'));
    expect(statusCategory(incident as IncidentIssue)).not.toBe('done');
    expect((await commentsOf(local, incident?.key ?? '')).join('\n')).toContain('1 alert(s) resolved in Uptime checks');
  });

  it('refuses requests without a token, with a wrong one or another source\'s, with a malformed or oversized body, and changes nothing but the refusal counts', async () => {
    await startWith();
    const body = alertmanagerBody('firing', [{ fingerprint: 'x1' }]);
    const answers = [
      await fire(local, 'prometheus', body, {}),
      await fire(local, 'prometheus', body, { authorization: 'Bearer not-the-token-at-all' }),
      await fire(local, 'prometheus', body, { authorization: `Bearer ${tokenOf('grafana')}` }),
      await fire(local, 'prometheus', { ...body, version: '3' }),
      await fire(local, 'prometheus', '{"version": "4", "groupKey": '),
      await fire(local, 'prometheus', { ...body, padding: 'x'.repeat(1024 * 1024) }),
      await fire(local, 'nagios', body),
    ];
    await local.site.advanceClock(10 * MINUTE);

    expect(answers.map((answer) => answer.status)).toEqual([401, 403, 403, 400, 400, 413, 404]);
    expect(answers[3]?.body).toEqual(expect.objectContaining({ field: 'body.version' }));
    expect(await incidents(local)).toEqual([]);
    const listed = await resolve<{ sources: { source: { id: string }; refusals: Record<string, number>; counts: { notifications: number } }[]; unknownSourceRefusals: number }>(
      local.site,
      'incident-settings',
      'listAlertSources',
      ADMIN,
      {},
    );
    const prometheus = listed.sources.find((entry) => entry.source.id === 'prometheus');
    expect(prometheus?.refusals).toEqual({ unauthenticated: 1, forbidden: 2, malformed: 2, 'too-large': 1 });
    expect(prometheus?.counts.notifications).toBe(0);
    expect(listed.unknownSourceRefusals).toBe(1);
  });

  it('keeps the old token working for a grace period after a rotation, then refuses it', async () => {
    await startWith();
    const rotated = await resolve<{ token: string; previousTokenValidUntil: string }>(local.site, 'incident-settings', 'rotateAlertSourceToken', ADMIN, { sourceId: 'prometheus' });
    expect(rotated.token).not.toBe(tokenOf('prometheus'));

    expect((await fire(local, 'prometheus', alertmanagerBody('firing', [{ fingerprint: 'r1' }]))).status).toBe(202);
    expect((await fire(local, 'prometheus', alertmanagerBody('firing', [{ fingerprint: 'r1' }]), { authorization: `Bearer ${rotated.token}` })).status).toBe(202);
    await local.site.advanceClock(25 * 60 * MINUTE);
    expect((await fire(local, 'prometheus', alertmanagerBody('firing', [{ fingerprint: 'r1' }]))).status).toBe(403);
    expect((await fire(local, 'prometheus', alertmanagerBody('firing', [{ fingerprint: 'r1' }]), { authorization: `Bearer ${rotated.token}` })).status).toBe(202);
  });

  it('opens at most the storm limit of incidents a minute in a storm of 1,000 alerts and attaches every other alert, losing none', async () => {
    const [prometheus] = DEMO_ALERT_SOURCES;
    if (prometheus === undefined) throw new Error('no demo source');
    await startWith([{ ...prometheus, source: { ...prometheus.source, maxIncidentsPerMinute: 3 } }]);
    // 20 alert groups, each notified 10 times with 5 alerts: 1,000 alerts in 200 requests at once.
    const requests = Array.from({ length: 200 }, (_, index) => {
      const group = index % 20;
      const round = Math.floor(index / 20);
      const alerts = Array.from({ length: 5 }, (__, alert) => ({ fingerprint: `g${group}-r${round}-a${alert}`, alertname: `Alert${group}` }));
      return fire(local, 'prometheus', alertmanagerBody('firing', alerts, `{}:{alertname="Alert${group}"}`));
    });
    const answers = await Promise.all(requests);
    expect(answers.every((answer) => answer.status === 202)).toBe(true);
    await local.site.advanceClock(MINUTE);

    expect(await incidents(local)).toHaveLength(3);
    const listed = await resolve<{ sources: { counts: { alerts: number; incidentsOpened: number; alertsAttached: number; stormAttached: number; notifications: number } }[] }>(
      local.site,
      'incident-settings',
      'listAlertSources',
      ADMIN,
      {},
    );
    const counts = listed.sources[0]?.counts;
    expect(counts).toEqual(expect.objectContaining({ notifications: 200, alerts: 1_000, incidentsOpened: 3, stormAttached: 17 }));
  });

  it('raises one incident for the source\'s service when its heartbeat stops, and none while it beats', async () => {
    const [prometheus] = DEMO_ALERT_SOURCES;
    if (prometheus === undefined) throw new Error('no demo source');
    await startWith([{ ...prometheus, source: { ...prometheus.source, heartbeatMinutes: 10 } }]);
    const watchdog = alertmanagerBody('firing', [{ fingerprint: 'wd', alertname: 'Watchdog', severity: 'none' }], '{}:{alertname="Watchdog"}');
    for (let beat = 0; beat < 3; beat += 1) {
      expect((await fire(local, 'prometheus', watchdog)).status).toBe(202);
      await local.site.advanceClock(8 * MINUTE);
    }
    expect(await incidents(local)).toEqual([]);

    await local.site.advanceClock(10 * MINUTE);
    await local.site.advanceClock(30 * MINUTE);
    const raised = await incidents(local);
    expect(raised).toHaveLength(1);
    expect(raised[0]?.fields['summary']).toBe('No heartbeat from Prometheus Alertmanager for 10 minutes [Prometheus Alertmanager]');
    expect(valueOf(raised[0]?.fields[local.fields.faultyService])).toBe('Unknown');
  });
});
