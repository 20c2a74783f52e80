/** How the panel writes times, durations and whom a page went to; instants arrive as ISO-8601 UTC strings. */
import type { PageDeliveryView, PagingEpisodeView } from '../../../src/contracts/issue-panel';

let viewerTimeZone: string | undefined;

/** The time zone of the person looking (Jira's profile setting, from the bridge context); the browser's until known. */
export function setViewerTimeZone(timeZone: string | undefined): void {
  viewerTimeZone = timeZone !== undefined && isTimeZone(timeZone) ? timeZone : undefined;
}

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** "Dec 6, 2026, 4:37 AM": the panel writes times as Jira does around it, in the viewer's time zone (plain spaces, whatever the browser's ICU uses). */
export function dateTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', ...(viewerTimeZone === undefined ? {} : { timeZone: viewerTimeZone }) }).format(at).replace(/\s/gu, ' ');
}

/** The panel's one time format; the name stays for the tabs written before the panel followed the viewer's time zone. */
export const utcMinute = dateTime;

/** "45m", "4h 05m". */
export function duration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes}m`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/** The value a `datetime-local` input shows for an instant, in the browser's time zone. */
export function toLocalInput(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** The instant a `datetime-local` value means, as ISO-8601 UTC; undefined when it is empty or not a time. */
export function fromLocalInput(value: string): string | undefined {
  if (value.trim() === '') return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/** Whom a page went to, as people read it: the person's name, or the channel's label with who was on call behind it. */
export function recipientName(delivery: Pick<PageDeliveryView, 'recipient' | 'accountId' | 'displayName'>): string {
  if (delivery.displayName === undefined) return delivery.recipient;
  // The recipient is the person themselves (by id, or already by name): their name alone.
  if (delivery.recipient === delivery.accountId || delivery.recipient === delivery.displayName) return delivery.displayName;
  return `${delivery.recipient} (${delivery.displayName} on call)`;
}

const CHANNEL_NAMES: Readonly<Record<PageDeliveryView['channel'], string>> = { jira: 'Jira notification', slack: 'Slack', pagerduty: 'PagerDuty', webhook: 'webhook' };

/** How a page went out, in words a responder knows ("Jira notification", not the channel id). */
export function channelName(channel: PageDeliveryView['channel']): string {
  return CHANNEL_NAMES[channel];
}

/** "Acknowledged by Bea Bitbucket at 2026-03-02 09:10 UTC": the person's name when Jira gave one, else who the provider said; undefined until acknowledged. */
export function acknowledgement(episode: Pick<PagingEpisodeView, 'acknowledgedAt' | 'acknowledgedBy' | 'acknowledgedByName'>): string | undefined {
  if (episode.acknowledgedAt === undefined) return undefined;
  const by = episode.acknowledgedByName ?? episode.acknowledgedBy;
  return `Acknowledged${by === undefined ? '' : ` by ${by}`} at ${utcMinute(episode.acknowledgedAt)}`;
}
