/**
 * What an incident opened from an alert says: its fields (summary, severity, faulty service,
 * affected products, Impact start from the alert's start, Detected from when it was received), a
 * description with the alerts' labels, annotations and values, remote links to where responders go,
 * and the compact comments later notifications of its group add.
 */
import { bulletList, doc, listItem, p, strong, text } from '@atlaskit/adf-utils/builders';
import type { Alert, AlertNotification } from '../../domain/alerts/alert';
import type { RouteDecision } from '../../domain/alerts/routing';
import { labelOf } from '../../domain/severity';
import { formatInstant, formatUtcMinute } from '../../domain/time';
import type { Configuration } from '../configuration';
import type { AdfDocument } from '../ports';
import type { RemoteLink } from './ports';

type IncidentRoute = Extract<RouteDecision, { kind: 'incident' }>;

/** How many alerts a description or comment lists by name; the rest are counted. */
const LISTED_ALERTS = 10;

function pairs(map: Readonly<Record<string, string | number>>): string {
  return Object.entries(map)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(', ');
}

function alertLines(alert: Alert) {
  const lines = [p(strong(alert.title))];
  if (Object.keys(alert.labels).length > 0) lines.push(p(text(`Labels: ${pairs(alert.labels)}`)));
  for (const [name, value] of Object.entries(alert.annotations)) lines.push(p(text(`${name}: ${value}`)));
  if (Object.keys(alert.values).length > 0) lines.push(p(text(`Values: ${pairs(alert.values)}`)));
  return lines;
}

export function incidentSummary(notification: AlertNotification, sourceName: string): string {
  const first = notification.alerts.find((alert) => alert.status === 'firing') ?? notification.alerts[0];
  const more = notification.alerts.length > 1 ? ` (+${notification.alerts.length - 1} more)` : '';
  return `${first?.title ?? 'Alert'}${more} [${sourceName}]`.slice(0, 255);
}

export function incidentDescription(notification: AlertNotification, sourceName: string, receivedAt: number, route: IncidentRoute): AdfDocument {
  const listed = notification.alerts.slice(0, LISTED_ALERTS);
  const rest = notification.alerts.length - listed.length + notification.truncatedAlerts;
  return doc(
    p(text(`Opened by the app from an alert of ${sourceName}, received ${formatUtcMinute(receivedAt)} (routing rule: ${route.rule}).`)),
    ...listed.flatMap(alertLines),
    ...(rest > 0 ? [p(text(`${rest} more alert(s) in this group are not listed.`))] : []),
    p(text(`Alert group: ${notification.groupKey}`)),
  ) as AdfDocument;
}

/** The issue fields of a new incident for this notification. */
export function incidentFields(config: Configuration, notification: AlertNotification, route: IncidentRoute, receivedAt: number): Record<string, unknown> {
  const fields = config.fields;
  if (fields === undefined) return {};
  const starts = notification.alerts.flatMap((alert) => (alert.startsAt === undefined ? [] : [alert.startsAt]));
  // Impact cannot start after it was detected: a source's clock may run ahead of ours.
  const impactStart = starts.length === 0 ? undefined : Math.min(Math.min(...starts), receivedAt);
  return {
    [fields.severity]: { value: labelOf(config.severityScale, route.severity) },
    [fields.faultyService]: { value: route.service },
    [fields.affectedProducts]: route.products.filter((product) => config.products.includes(product)).map((value) => ({ value })),
    [fields.detected]: formatInstant(receivedAt),
    ...(impactStart === undefined ? {} : { [fields.impactStart]: formatInstant(impactStart) }),
  };
}

const LINK_TITLES: Record<keyof Alert['links'], string> = {
  generator: 'Alert source (query that fired)',
  dashboard: 'Dashboard',
  panel: 'Dashboard panel',
  runbook: 'Runbook',
  silence: 'Silence this alert',
};

/** The remote links of an incident: one per distinct URL of its alerts, each kind at most once per alert. */
export function incidentLinks(sourceId: string, alerts: readonly Alert[]): RemoteLink[] {
  const links = new Map<string, RemoteLink>();
  for (const alert of alerts.slice(0, LISTED_ALERTS)) {
    for (const [kind, url] of Object.entries(alert.links) as [keyof Alert['links'], string | undefined][]) {
      if (url === undefined || links.has(url)) continue;
      links.set(url, { globalId: `alert:${sourceId}:${kind}:${url}`.slice(0, 255), url, title: `${LINK_TITLES[kind]}: ${alert.title}`.slice(0, 255) });
    }
  }
  return [...links.values()];
}

export interface GroupNews {
  readonly newAlerts: readonly Alert[];
  readonly resolvedAlerts: readonly Alert[];
  readonly repeats: number;
  /** The group was attached to this incident because the source hit its storm limit. */
  readonly stormGroup?: string;
}

/** One compact comment for everything a batch of notifications added to a group's incident. */
export function groupNewsComment(sourceName: string, news: GroupNews, at: number): AdfDocument {
  const lines = [];
  const when = formatUtcMinute(at);
  if (news.stormGroup !== undefined) lines.push(p(strong(`${sourceName} is sending many new alert groups`), text(` (storm limit reached at ${when}); group ${news.stormGroup} is recorded here instead of opening its own incident.`)));
  if (news.newAlerts.length > 0) {
    lines.push(p(strong(`${news.newAlerts.length} more alert(s) from ${sourceName}`), text(` at ${when}:`)));
    lines.push(bulletList(...news.newAlerts.slice(0, LISTED_ALERTS).map((alert) => listItem([p(text(alert.title + (Object.keys(alert.labels).length > 0 ? ` (${pairs(alert.labels)})` : '')))]))));
    if (news.newAlerts.length > LISTED_ALERTS) lines.push(p(text(`…and ${news.newAlerts.length - LISTED_ALERTS} more.`)));
  }
  if (news.resolvedAlerts.length > 0) {
    lines.push(p(strong(`${news.resolvedAlerts.length} alert(s) resolved in ${sourceName}`), text(` at ${when}; the incident stays open until its incident manager decides the impact has ended:`)));
    lines.push(bulletList(...news.resolvedAlerts.slice(0, LISTED_ALERTS).map((alert) => listItem([p(text(alert.title))]))));
  }
  if (news.repeats > 0) lines.push(p(text(`${sourceName} repeated alerts of this group ${news.repeats} time(s) since the last note.`)));
  return doc(...lines) as AdfDocument;
}

export function resolvedNotice(sourceName: string, issueKey: string, url: string) {
  const subject = `${issueKey}: its alerts resolved in ${sourceName}`;
  const textBody = `Every alert of ${issueKey} has resolved in ${sourceName}. The incident stays open: decide whether the impact has ended and resolve it. ${url}`;
  const htmlBody = `<p>Every alert of <a href="${url}">${issueKey}</a> has resolved in ${escapeHtml(sourceName)}. The incident stays open: decide whether the impact has ended and resolve it.</p>`;
  return { subject, textBody, htmlBody };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char);
}

