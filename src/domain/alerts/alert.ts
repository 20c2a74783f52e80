/**
 * An alert as the app understands it, whatever monitoring tool sent it: a notification about one
 * alert group (Alertmanager's `groupKey`, Grafana's grouping, a generic source's dedup key) carrying
 * the group's alerts, each firing or resolved.
 */
import { z } from 'zod';

export type AlertStatus = 'firing' | 'resolved';

/** Where a responder goes from the incident: the query that fired, the dashboard, the runbook, the silence form. */
export interface AlertLinks {
  readonly generator?: string;
  readonly dashboard?: string;
  readonly panel?: string;
  readonly runbook?: string;
  readonly silence?: string;
}

export interface Alert {
  /** Identifies the alert within its group across notifications (Alertmanager's and Grafana's `fingerprint`). */
  readonly fingerprint: string;
  readonly status: AlertStatus;
  /** One line naming what is wrong (the `summary` annotation, else the alert name). */
  readonly title: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  /** Grafana's evaluated query values, e.g. `{B: 44.2}`. */
  readonly values: Readonly<Record<string, number | string>>;
  /** When the alert started firing (epoch ms), if the source says. */
  readonly startsAt?: number;
  readonly endsAt?: number;
  readonly links: AlertLinks;
}

export interface AlertNotification {
  readonly groupKey: string;
  readonly status: AlertStatus;
  readonly alerts: readonly Alert[];
  /** Alerts the source left out of this notification (Alertmanager's `max_alerts`). */
  readonly truncatedAlerts: number;
}

export const ALERT_FORMATS = ['alertmanager', 'grafana', 'generic'] as const;
export type AlertFormat = (typeof ALERT_FORMATS)[number];

export const alertFormatSchema = z.enum(ALERT_FORMATS, { error: `must be one of ${ALERT_FORMATS.join(', ')}` });

/** Longest label or annotation value kept: enough for a description, bounded so a notification fits in storage. */
export const MAX_TEXT_LENGTH = 2_000;

/** Text cut to `max` characters, marked when cut. */
export function clip(text: string, max = MAX_TEXT_LENGTH): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The labels that group and route alerts: every Alertmanager alert has `alertname`. */
export function alertTitle(labels: Readonly<Record<string, string>>, annotations: Readonly<Record<string, string>>): string {
  const name = labels['alertname'];
  const summary = annotations['summary'] ?? annotations['title'];
  const line = name !== undefined && summary !== undefined ? `${name}: ${summary}` : (summary ?? name ?? 'Alert');
  return clip(line.replace(/\s+/g, ' ').trim(), 200);
}

/** Go's zero time (`0001-01-01T00:00:00Z`) means "not set" in Alertmanager and Grafana payloads. */
export function instantOrUndefined(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const at = Date.parse(value);
  return Number.isFinite(at) && at > 0 ? at : undefined;
}

/** A URL kept only when it is http(s), so a payload cannot plant a `javascript:` link on an issue. */
export function webUrl(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? clip(url.toString(), 2_000) : undefined;
  } catch {
    return undefined;
  }
}

/** The status of a whole notification: resolved only when every alert in it is. */
export function notificationStatus(alerts: readonly Alert[]): AlertStatus {
  return alerts.length > 0 && alerts.every((alert) => alert.status === 'resolved') ? 'resolved' : 'firing';
}
