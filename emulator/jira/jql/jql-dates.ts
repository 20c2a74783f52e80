/** JQL's date values (`"2026/11/28 10:00"`, `-4h`, `"4w 2d"`) and date functions (`now()`, `startOfDay(-1)`), in UTC. */

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const week = 7 * day;

const unitMs: Record<string, number> = { w: week, d: day, h: hour, m: minute };

export const invalidDateMessage = (value: string, field: string): string =>
  `Date value '${value}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`;

/** A relative period like `-4h` or `4w 2d`, in ms; undefined when `text` is not one. */
export function parsePeriod(text: string): number | undefined {
  const trimmed = text.trim();
  const match = /^([+-])?\s*((?:\d+\s*[wdhm]\s*)+)$/.exec(trimmed);
  if (!match) return undefined;
  const sign = match[1] === '-' ? -1 : 1;
  let total = 0;
  for (const part of (match[2] ?? '').matchAll(/(\d+)\s*([wdhm])/g)) total += Number(part[1]) * (unitMs[part[2] ?? ''] ?? 0);
  return sign * total;
}

/** The instant a JQL date value stands for, or undefined when it is not a date. */
export function parseJqlDate(text: string, now: number): number | undefined {
  const period = parsePeriod(text);
  if (period !== undefined) return now + period;
  const match = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, date, hours = '0', minutes = '0'] = match;
  const ms = Date.UTC(Number(year), Number(month) - 1, Number(date), Number(hours), Number(minutes));
  const check = new Date(ms);
  if (check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(date)) return undefined;
  return ms;
}

type Boundary = 'day' | 'week' | 'month' | 'year';

const dateFunctions: Record<string, { boundary: Boundary; end: boolean }> = {
  startofday: { boundary: 'day', end: false },
  endofday: { boundary: 'day', end: true },
  startofweek: { boundary: 'week', end: false },
  endofweek: { boundary: 'week', end: true },
  startofmonth: { boundary: 'month', end: false },
  endofmonth: { boundary: 'month', end: true },
  startofyear: { boundary: 'year', end: false },
  endofyear: { boundary: 'year', end: true },
};

export function isDateFunction(name: string): boolean {
  return name.toLowerCase() === 'now' || name.toLowerCase() in dateFunctions;
}

/** Evaluates `now()`, `startOfDay("-1d")`, `endOfMonth(1)`, …; throws with Jira's message on a bad argument. */
export function evaluateDateFunction(name: string, args: string[], now: number): number {
  const lower = name.toLowerCase();
  if (lower === 'now') return now;
  const spec = dateFunctions[lower];
  if (!spec) throw new Error(`Unknown date function ${name}`);
  let instant = now;
  const [increment] = args;
  if (increment !== undefined) {
    const match = /^([+-]?\d+)([yMwdhm]?)$/.exec(increment.trim());
    if (!match) throw new RangeError(`Function '${name}' can not accept the increment '${increment}'. The format is "(+/-)nn(y|M|w|d|h|m)".`);
    instant = shift(instant, Number(match[1]), match[2] === '' || match[2] === undefined ? unitOf(spec.boundary) : match[2]);
  }
  return boundary(instant, spec.boundary, spec.end);
}

function unitOf(boundaryName: Boundary): string {
  return { day: 'd', week: 'w', month: 'M', year: 'y' }[boundaryName];
}

function shift(instant: number, amount: number, unit: string): number {
  const date = new Date(instant);
  if (unit === 'y') return Date.UTC(date.getUTCFullYear() + amount, date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes());
  if (unit === 'M') return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + amount, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes());
  return instant + amount * (unitMs[unit] ?? day);
}

function boundary(instant: number, kind: Boundary, end: boolean): number {
  const date = new Date(instant);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  let start: number;
  let next: number;
  switch (kind) {
    case 'day':
      start = Date.UTC(year, month, date.getUTCDate());
      next = start + day;
      break;
    case 'week': {
      // Weeks start on Sunday, as in Jira's default (en_US) locale.
      start = Date.UTC(year, month, date.getUTCDate() - date.getUTCDay());
      next = start + week;
      break;
    }
    case 'month':
      start = Date.UTC(year, month, 1);
      next = Date.UTC(year, month + 1, 1);
      break;
    case 'year':
      start = Date.UTC(year, 0, 1);
      next = Date.UTC(year + 1, 0, 1);
      break;
  }
  return end ? next - 1 : start;
}
