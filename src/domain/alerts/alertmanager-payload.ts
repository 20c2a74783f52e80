/**
 * Prometheus Alertmanager's webhook notification, version 4 (`webhook_config`): one alert group per
 * request, identified by `groupKey`, with its alerts and how many were truncated by `max_alerts`.
 */
import { z } from 'zod';
import { parseWith } from '../parse-input';
import { alertTitle, clip, instantOrUndefined, notificationStatus, webUrl, type Alert, type AlertNotification } from './alert';

/** Shared with Grafana's notification, which is Alertmanager's with fields of its own. */
export const statusSchema = z.enum(['firing', 'resolved'], { error: 'must be firing or resolved' });
export const textMap = z.record(z.string(), z.string()).default({});

export const alertmanagerAlertSchema = z.looseObject({
  status: statusSchema,
  labels: textMap,
  annotations: textMap,
  startsAt: z.string().optional(),
  endsAt: z.string().optional(),
  generatorURL: z.string().optional(),
  // Alertmanager sends it since 0.19; older versions (and some relays) leave it out.
  fingerprint: z.string().min(1, 'must not be empty').max(200).optional(),
});

export const alertmanagerPayloadSchema = z.looseObject({
  version: z.literal('4', { error: 'must be "4" (Alertmanager webhook version 4)' }),
  groupKey: z.string().min(1, 'must not be empty'),
  truncatedAlerts: z.number().int().nonnegative().default(0),
  status: statusSchema,
  receiver: z.string().optional(),
  groupLabels: textMap,
  commonLabels: textMap,
  commonAnnotations: textMap,
  externalURL: z.string().optional(),
  alerts: z.array(alertmanagerAlertSchema).min(1, 'must hold at least one alert').max(10_000),
});

function clipped(map: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).slice(0, 100).map(([key, value]) => [clip(key, 200), clip(value)]));
}

/**
 * What identifies an alert when the source sent no fingerprint: its label set, as Alertmanager's own
 * fingerprint is a hash of the labels (FNV-1a here, 2 × 32 bits, stable across runs).
 */
export function labelFingerprint(labels: Readonly<Record<string, string>>): string {
  const canonical = Object.keys(labels)
    .sort()
    .map((name) => `${name}=${JSON.stringify(labels[name])}`)
    .join(',');
  let low = 0x811c9dc5;
  let high = 0x01000193 ^ canonical.length;
  for (let index = 0; index < canonical.length; index += 1) {
    const code = canonical.charCodeAt(index);
    low = Math.imul(low ^ code, 0x01000193) >>> 0;
    high = Math.imul(high ^ code ^ (low >>> 24), 0x01000193) >>> 0;
  }
  return `labels-${high.toString(16).padStart(8, '0')}${low.toString(16).padStart(8, '0')}`;
}

export function toAlert(alert: z.output<typeof alertmanagerAlertSchema>, extraLinks: { dashboard?: string; panel?: string; silence?: string } = {}): Alert {
  const labels = clipped(alert.labels);
  const annotations = clipped(alert.annotations);
  const startsAt = instantOrUndefined(alert.startsAt);
  const endsAt = instantOrUndefined(alert.endsAt);
  const links = {
    generator: webUrl(alert.generatorURL),
    runbook: webUrl(annotations['runbook_url'] ?? annotations['runbook']),
    dashboard: webUrl(extraLinks.dashboard),
    panel: webUrl(extraLinks.panel),
    silence: webUrl(extraLinks.silence),
  };
  return {
    fingerprint: alert.fingerprint ?? labelFingerprint(alert.labels),
    status: alert.status,
    title: alertTitle(labels, annotations),
    labels,
    annotations,
    values: {},
    ...(startsAt === undefined ? {} : { startsAt }),
    ...(endsAt === undefined ? {} : { endsAt }),
    links: Object.fromEntries(Object.entries(links).filter(([, url]) => url !== undefined)),
  };
}

/** @throws ValidationError naming the first field of the body that does not follow the webhook's format. */
export function parseAlertmanagerNotification(body: unknown): AlertNotification {
  const payload = parseWith(alertmanagerPayloadSchema, body, 'body');
  const alerts = payload.alerts.map((alert) => toAlert(alert));
  return { groupKey: clip(payload.groupKey, 1_000), status: notificationStatus(alerts), alerts, truncatedAlerts: payload.truncatedAlerts };
}
