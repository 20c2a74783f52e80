/** Jira's wire formats for instants and dates (`2026-11-28T10:00:00.000+0000`, `2026-11-28`), all in UTC. */

/** Formats epoch ms the way Jira Cloud REST writes timestamps. */
export function formatJiraTime(ms: number): string {
  return new globalThis.Date(ms).toISOString().replace('Z', '+0000');
}

/** `YYYY-MM-DD` of the UTC day containing `ms`. */
export function formatJiraDate(ms: number): string {
  return new globalThis.Date(ms).toISOString().slice(0, 10);
}

const isoInstant = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Parses the ISO 8601 forms Jira accepts for date-time fields; undefined when `text` is not one. */
export function parseJiraTime(text: string): number | undefined {
  const match = isoInstant.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second = '0', fraction = '0', zone = 'Z'] = match;
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  const utc = globalThis.Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), ms);
  if (Number.isNaN(utc) || !sameCalendarDay(utc, Number(year), Number(month), Number(day))) return undefined;
  if (zone === 'Z') return utc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
  return utc - sign * offsetMinutes * 60_000;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Validates a `YYYY-MM-DD` date; returns it unchanged, or undefined when it is not a real date. */
export function parseJiraDate(text: string): string | undefined {
  const match = isoDate.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day] = match;
  const utc = globalThis.Date.UTC(Number(year), Number(month) - 1, Number(day));
  return sameCalendarDay(utc, Number(year), Number(month), Number(day)) ? text.trim() : undefined;
}

/** Epoch ms of UTC midnight starting `date` (`YYYY-MM-DD`). */
export function dateToMs(date: string): number {
  return globalThis.Date.parse(`${date}T00:00:00.000Z`);
}

function sameCalendarDay(utc: number, year: number, month: number, day: number): boolean {
  const date = new globalThis.Date(utc);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Jira's rendered form of an instant, e.g. `28/Nov/26 10:05 AM`. */
export function renderJiraTime(ms: number): string {
  const date = new globalThis.Date(ms);
  const hours = date.getUTCHours();
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  const minutes = String(date.getUTCMinutes()).padStart(2, '0');
  return `${renderDay(date)} ${hour12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** Jira's rendered form of a date, e.g. `28/Nov/26`. */
export function renderJiraDate(date: string): string {
  return renderDay(new globalThis.Date(dateToMs(date)));
}

function renderDay(date: Date): string {
  const day = String(date.getUTCDate()).padStart(2, '0');
  const year = String(date.getUTCFullYear() % 100).padStart(2, '0');
  return `${day}/${monthNames[date.getUTCMonth()] ?? ''}/${year}`;
}
