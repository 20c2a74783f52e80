import { ValidationError } from '../errors';
import { parseAlertmanagerNotification } from './alertmanager-payload';
import { applyGenericMapping, flattenFields, parseGenericMapping, valueAtPath } from './generic-mapping';
import { parseGrafanaNotification } from './grafana-payload';

// Alertmanager's documented webhook v4 example, with a runbook annotation.
const alertmanager = {
  receiver: 'sms',
  status: 'firing',
  alerts: [
    {
      status: 'firing',
      labels: { alertname: 'ProbeFailure', instance: 'https://server.example.org', severity: 'critical' },
      annotations: { summary: 'BlackBox Probe Failure: https://server.example.org', runbook_url: 'https://runbooks.example.org/probe' },
      startsAt: '2023-02-06T13:08:45.828Z',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus.example.org:9090/graph?g0.expr=probe_success+%3D%3D+0',
      fingerprint: '1a30ba71cca2921f',
    },
  ],
  groupLabels: { alertname: 'ProbeFailure' },
  commonLabels: { alertname: 'ProbeFailure' },
  commonAnnotations: {},
  externalURL: 'http://prometheus.example.org:9093',
  version: '4',
  groupKey: '{}/{severity="critical"}:{alertname="ProbeFailure"}',
  truncatedAlerts: 0,
};

describe('reading alert notifications', () => {
  it('reads an Alertmanager v4 notification into one group of alerts with their start, links and title', () => {
    const notification = parseAlertmanagerNotification(alertmanager);
    expect(notification.groupKey).toBe('{}/{severity="critical"}:{alertname="ProbeFailure"}');
    expect(notification.status).toBe('firing');
    expect(notification.alerts[0]).toEqual(
      expect.objectContaining({
        fingerprint: '1a30ba71cca2921f',
        title: 'ProbeFailure: BlackBox Probe Failure: https://server.example.org',
        startsAt: Date.parse('2023-02-06T13:08:45.828Z'),
        links: { generator: 'http://prometheus.example.org:9090/graph?g0.expr=probe_success+%3D%3D+0', runbook: 'https://runbooks.example.org/probe' },
      }),
    );
    expect(notification.alerts[0]?.endsAt).toBeUndefined();
  });

  it('refuses an Alertmanager body of another version, naming the field', () => {
    expect(() => parseAlertmanagerNotification({ ...alertmanager, version: '3' })).toThrow('body.version: must be "4" (Alertmanager webhook version 4)');
    expect(() => parseAlertmanagerNotification({ ...alertmanager, alerts: [] })).toThrow(ValidationError);
  });

  it('keeps only web links, so a payload cannot plant a script link on an issue', () => {
    const [alert] = parseAlertmanagerNotification({ ...alertmanager, alerts: [{ ...alertmanager.alerts[0], generatorURL: 'javascript:alert(1)' }] }).alerts;
    expect(alert?.links.generator).toBeUndefined();
  });

  it('reads Grafana values, dashboard and silence links, and keeps organisations apart in the group key', () => {
    const notification = parseGrafanaNotification({
      ...alertmanager,
      version: '1',
      orgId: 2,
      alerts: [{ ...alertmanager.alerts[0], status: 'resolved', silenceURL: 'https://grafana.example.org/silence', dashboardURL: 'https://grafana.example.org/d/1', panelURL: '', values: { B: 44.2 } }],
    });
    expect(notification.groupKey).toBe('2/{}/{severity="critical"}:{alertname="ProbeFailure"}');
    expect(notification.status).toBe('resolved');
    expect(notification.alerts[0]?.values).toEqual({ B: 44.2 });
    expect(notification.alerts[0]?.links).toEqual(expect.objectContaining({ silence: 'https://grafana.example.org/silence', dashboard: 'https://grafana.example.org/d/1' }));
    expect(parseGrafanaNotification({ ...alertmanager, version: '1', orgId: 1, alerts: [{ ...alertmanager.alerts[0], values: null }] }).alerts[0]?.values).toEqual({});
  });
});

describe('the sources\' documented payloads', () => {
  // Grafana's webhook contact point as its documentation describes it: org, state, title and message
  // beside Alertmanager's fields, empty dashboard and panel URLs when the rule has no dashboard.
  const grafana = {
    receiver: 'Incident response',
    status: 'firing',
    orgId: 1,
    alerts: [
      {
        status: 'firing',
        labels: { alertname: 'Memory high', team: 'blue', zone: 'us-1' },
        annotations: { description: 'Memory is high', runbook_url: 'https://runbooks.example.org/memory', summary: 'Memory high in us-1' },
        startsAt: '2026-10-12T09:51:03.157076+02:00',
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: 'https://grafana.example.org/alerting/abc/edit',
        fingerprint: 'c6eadffa33fcdf37',
        silenceURL: 'https://grafana.example.org/alerting/silence/new?matchers=alertname%3DMemory',
        dashboardURL: '',
        panelURL: '',
        values: { B: 44.23943737541908, C: 1 },
      },
      {
        status: 'firing',
        labels: { alertname: 'CPU high', team: 'blue', zone: 'eu-1' },
        annotations: { summary: 'CPU high in eu-1' },
        startsAt: '2026-10-12T09:56:03.157076+02:00',
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: 'https://grafana.example.org/alerting/def/edit',
        fingerprint: 'bc97ff14869b13e3',
        silenceURL: 'https://grafana.example.org/alerting/silence/new?matchers=alertname%3DCPU',
        dashboardURL: '',
        panelURL: '',
        values: { B: 82, C: 1 },
      },
    ],
    groupLabels: {},
    commonLabels: { team: 'blue' },
    commonAnnotations: {},
    externalURL: 'https://grafana.example.org/',
    version: '1',
    groupKey: '{}:{}',
    truncatedAlerts: 0,
    title: '[FIRING:2]  (blue)',
    state: 'alerting',
    message: '**Firing**\n\nValue: B=44.2, C=1',
  };

  it('reads Grafana\'s contact point payload with its org, state, both alerts, values and links, leaving out empty URLs', () => {
    const notification = parseGrafanaNotification(grafana);
    expect(notification).toEqual(expect.objectContaining({ groupKey: '1/{}:{}', status: 'firing', truncatedAlerts: 0 }));
    expect(notification.alerts.map((alert) => alert.fingerprint)).toEqual(['c6eadffa33fcdf37', 'bc97ff14869b13e3']);
    expect(notification.alerts[0]?.startsAt).toBe(Date.parse('2026-10-12T07:51:03.157Z'));
    expect(notification.alerts[0]?.links).toEqual({
      generator: 'https://grafana.example.org/alerting/abc/edit',
      runbook: 'https://runbooks.example.org/memory',
      silence: 'https://grafana.example.org/alerting/silence/new?matchers=alertname%3DMemory',
    });
    expect(notification.alerts[1]?.values).toEqual({ B: 82, C: 1 });
  });

  it('reads a resolved Grafana notification (state "ok") and Grafana 9\'s valueString in place of values', () => {
    const [first] = grafana.alerts;
    const notification = parseGrafanaNotification({
      ...grafana,
      status: 'resolved',
      state: 'ok',
      alerts: [{ ...first, status: 'resolved', endsAt: '2026-10-12T10:20:00Z', values: undefined, valueString: "[ metric='' labels={} value=14151.33 ]" }],
    });
    expect(notification.status).toBe('resolved');
    expect(notification.alerts[0]?.endsAt).toBe(Date.parse('2026-10-12T10:20:00Z'));
    expect(notification.alerts[0]?.values).toEqual({ value: "[ metric='' labels={} value=14151.33 ]" });
  });

  it('refuses a Grafana body without its orgId, naming the field', () => {
    const { orgId: _orgId, ...withoutOrg } = grafana;
    expect(() => parseGrafanaNotification(withoutOrg)).toThrow(/body\.orgId/);
  });

  it('keeps how many alerts Alertmanager truncated, and identifies alerts sent without a fingerprint by their labels', () => {
    const [alert] = alertmanager.alerts;
    if (alert === undefined) throw new Error('the example has an alert');
    const { fingerprint: _fingerprint, ...unprinted } = alert;
    const reordered = { ...unprinted, labels: { severity: 'critical', instance: 'https://server.example.org', alertname: 'ProbeFailure' } };
    const notification = parseAlertmanagerNotification({ ...alertmanager, truncatedAlerts: 7, alerts: [unprinted] });
    const again = parseAlertmanagerNotification({ ...alertmanager, alerts: [reordered] });
    const other = parseAlertmanagerNotification({ ...alertmanager, alerts: [{ ...unprinted, labels: { ...unprinted.labels, instance: 'https://other.example.org' } }] });
    expect(notification.truncatedAlerts).toBe(7);
    expect(notification.alerts[0]?.fingerprint).toMatch(/^labels-[0-9a-f]{16}$/);
    expect(again.alerts[0]?.fingerprint).toBe(notification.alerts[0]?.fingerprint);
    expect(other.alerts[0]?.fingerprint).not.toBe(notification.alerts[0]?.fingerprint);
  });
});

describe('a generic JSON mapping', () => {
  const mapping = parseGenericMapping({ title: 'check.name', dedupKey: 'check.id', severity: 'check.priority', service: '$.check.service', status: 'state', startsAt: 'check.since', link: 'check.links[0]' });
  const body = { state: 'down', check: { id: 'login', name: 'Login fails', priority: 'high', service: 'jira', since: '2026-03-02T09:50:00Z', links: ['https://uptime.example.com/login'] } };

  it('reads title, dedup key, severity, service, start and link at their paths', () => {
    const preview = applyGenericMapping(mapping, body);
    expect(preview.fields).toEqual({ title: 'Login fails', dedupKey: 'login', severity: 'high', service: 'jira', status: 'down', startsAt: '2026-03-02T09:50:00Z', link: 'https://uptime.example.com/login' });
    expect(preview.notification).toEqual(expect.objectContaining({ groupKey: 'login', status: 'firing' }));
    expect(preview.notification.alerts[0]?.labels).toEqual(expect.objectContaining({ severity: 'high', service: 'jira', 'check.id': 'login', 'check.links[0]': 'https://uptime.example.com/login' }));
  });

  it('reads a resolved status whatever its case', () => {
    expect(applyGenericMapping(mapping, { ...body, state: 'RESOLVED' }).notification.status).toBe('resolved');
  });

  it('says which path it found nothing at', () => {
    expect(() => applyGenericMapping(mapping, { state: 'down' })).toThrow('has no text at check.name');
    expect(() => applyGenericMapping(mapping, { check: { name: 'x' } })).toThrow('has no value at check.id');
    expect(() => applyGenericMapping(mapping, [body])).toThrow('must be a JSON object');
    expect(() => parseGenericMapping({ title: 'a..b', dedupKey: 'id' })).toThrow(ValidationError);
  });

  it('walks paths through objects and arrays only where they exist', () => {
    expect(valueAtPath({ a: [{ b: 1 }] }, 'a[0].b')).toBe(1);
    expect(valueAtPath({ a: { b: 1 } }, 'a[0]')).toBeUndefined();
    expect(valueAtPath({ a: [1] }, 'a.b')).toBeUndefined();
    expect(valueAtPath({ a: 1 }, 'toString')).toBeUndefined();
    expect(flattenFields({ a: { b: true, c: [1, 'x'] }, d: null })).toEqual({ 'a.b': 'true', 'a.c[0]': '1', 'a.c[1]': 'x' });
  });
});
