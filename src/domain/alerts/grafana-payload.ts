/**
 * Grafana unified alerting's webhook contact point: Alertmanager's notification plus Grafana's own
 * fields per alert (`silenceURL`, `dashboardURL`, `panelURL`, `values`) and `orgId`, `title`, `state`.
 */
import { z } from 'zod';
import { parseWith } from '../parse-input';
import { clip, notificationStatus, type AlertNotification } from './alert';
import { alertmanagerAlertSchema, statusSchema, textMap, toAlert } from './alertmanager-payload';

const grafanaAlertSchema = alertmanagerAlertSchema.extend({
  silenceURL: z.string().optional(),
  dashboardURL: z.string().optional(),
  panelURL: z.string().optional(),
  // Grafana sends null when the rule has no values to report.
  values: z.record(z.string(), z.union([z.number(), z.string()])).nullish(),
  valueString: z.string().optional(),
});

export const grafanaPayloadSchema = z.looseObject({
  receiver: z.string().optional(),
  status: statusSchema,
  orgId: z.number().int(),
  alerts: z.array(grafanaAlertSchema).min(1, 'must hold at least one alert').max(10_000),
  groupLabels: textMap,
  commonLabels: textMap,
  commonAnnotations: textMap,
  externalURL: z.string().optional(),
  version: z.string(),
  groupKey: z.string().min(1, 'must not be empty'),
  truncatedAlerts: z.number().int().nonnegative().default(0),
  title: z.string().optional(),
  state: z.string().optional(),
  message: z.string().optional(),
});

/** @throws ValidationError naming the first field of the body that does not follow Grafana's contact point payload. */
export function parseGrafanaNotification(body: unknown): AlertNotification {
  const payload = parseWith(grafanaPayloadSchema, body, 'body');
  const alerts = payload.alerts.map((alert) => {
    const base = toAlert(alert, {
      ...(alert.dashboardURL === undefined ? {} : { dashboard: alert.dashboardURL }),
      ...(alert.panelURL === undefined ? {} : { panel: alert.panelURL }),
      ...(alert.silenceURL === undefined ? {} : { silence: alert.silenceURL }),
    });
    const values: Record<string, number | string> = Object.fromEntries(
      Object.entries(alert.values ?? {})
        .slice(0, 50)
        .map(([key, value]) => [clip(key, 100), typeof value === 'string' ? clip(value, 200) : value]),
    );
    // Grafana before 10 sends the evaluated values as one string instead (`[ metric='' labels={} value=14151.3 ]`).
    if (Object.keys(values).length === 0 && alert.valueString !== undefined && alert.valueString.trim() !== '') values['value'] = clip(alert.valueString.trim(), 500);
    return { ...base, values };
  });
  // Grafana's groupKey is per contact point; the org keeps two organisations' groups apart.
  return { groupKey: clip(`${payload.orgId}/${payload.groupKey}`, 1_000), status: notificationStatus(alerts), alerts, truncatedAlerts: payload.truncatedAlerts };
}
