import type { IANAZone } from 'luxon';
import { z } from 'zod';
import { DAY_MS, MINUTE_MS, minutesOf, wallAt, wallToInstant } from './local-time';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * A recurring local window in which a layer is on call, e.g. business hours
 * `{days: ['mon','tue','wed','thu','fri'], from: '09:00', to: '17:00'}`. A `to` at or before
 * `from` runs past midnight into the next day ("22:00"–"06:00"); "24:00" means end of day.
 */
export interface Restriction {
  readonly days: readonly Weekday[];
  readonly from: string;
  readonly to: string;
}

/** A half-open span of instants [start, end) in epoch ms. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

export const timeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: (issue) => `${JSON.stringify(issue.input)} is not a time of day "HH:mm"` });

const endTimeSchema = z.string().regex(/^(?:([01]\d|2[0-3]):[0-5]\d|24:00)$/, {
  error: (issue) => `${JSON.stringify(issue.input)} is not a time of day "HH:mm" (or "24:00")`,
});

export const restrictionSchema = z
  .strictObject({
    days: z
      .array(z.enum(WEEKDAYS, { error: (issue) => `${JSON.stringify(issue.input)} is not one of ${WEEKDAYS.join(', ')}` }))
      .min(1, { error: 'must name at least one weekday' })
      .refine((days) => new Set(days).size === days.length, { error: 'must not repeat a weekday' })
      .optional(),
    from: timeOfDaySchema,
    to: endTimeSchema,
  })
  .refine((restriction) => restriction.from !== restriction.to, { error: 'must differ from from', path: ['to'] })
  .transform((restriction): Restriction => ({
    days: restriction.days ?? [...WEEKDAYS],
    from: restriction.from,
    to: restriction.to,
  }));

function weekdayOf(localDay: number): Weekday {
  // Day 0 of the epoch was a Thursday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(((localDay + 3) % 7) + 7) % 7] ?? 'mon';
}

/**
 * The windows the restrictions open in `zone` that overlap [from, to), merged where they touch
 * or overlap, as instants. Window edges are local wall-clock times, so they follow DST.
 */
function restrictionWindows(
  restrictions: readonly Restriction[],
  zone: IANAZone,
  from: number,
  to: number,
): Interval[] {
  const firstDay = Math.floor(wallAt(zone, from) / DAY_MS) - 1;
  const lastDay = Math.floor(wallAt(zone, to) / DAY_MS);
  const windows: Interval[] = [];
  for (let day = firstDay; day <= lastDay; day += 1) {
    const weekday = weekdayOf(day);
    for (const restriction of restrictions) {
      if (!restriction.days.includes(weekday)) continue;
      const opens = minutesOf(restriction.from);
      const closes = minutesOf(restriction.to);
      const closesDay = closes <= opens ? day + 1 : day;
      const start = wallToInstant(zone, day * DAY_MS + opens * MINUTE_MS);
      const end = wallToInstant(zone, closesDay * DAY_MS + closes * MINUTE_MS);
      if (end > start) windows.push({ start, end });
    }
  }
  return mergeIntervals(windows).filter((window) => window.end > from && window.start < to);
}

/** Sorts and merges intervals that overlap or touch. */
function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && interval.start <= last.end) {
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, interval.end) };
    } else {
      merged.push(interval);
    }
  }
  return merged;
}

// Every restriction names at least one weekday, so some window opens in any span this long.
const SEARCH_SPAN_MS = 8 * DAY_MS;

/**
 * The merged window containing `at`, cut to `bounds`, or undefined when `at` is outside every
 * window. Windows can chain across days (e.g. whole weekend days), so the search widens until
 * the window's ends are known or reach `bounds`.
 */
export function windowAround(restrictions: readonly Restriction[], zone: IANAZone, at: number, bounds: Interval): Interval | undefined {
  let from = Math.max(bounds.start, at - SEARCH_SPAN_MS);
  let to = Math.min(bounds.end, at + SEARCH_SPAN_MS);
  for (;;) {
    const window = restrictionWindows(restrictions, zone, from, to).find((candidate) => candidate.start <= at && at < candidate.end);
    if (window === undefined) return undefined;
    const openBefore = window.start <= from && from > bounds.start;
    const openAfter = window.end >= to && to < bounds.end;
    if (!openBefore && !openAfter) return { start: Math.max(window.start, bounds.start), end: Math.min(window.end, bounds.end) };
    if (openBefore) from = Math.max(bounds.start, from - SEARCH_SPAN_MS);
    if (openAfter) to = Math.min(bounds.end, to + SEARCH_SPAN_MS);
  }
}

/** The first instant at or after `from` that lies inside a window. */
export function firstWindowInstantFrom(restrictions: readonly Restriction[], zone: IANAZone, from: number): number {
  const [window] = restrictionWindows(restrictions, zone, from, from + SEARCH_SPAN_MS);
  return window === undefined ? Number.POSITIVE_INFINITY : Math.max(from, window.start);
}

/** Where the last window that closed at or before `at` closed; `at` must lie outside every window. */
export function lastWindowCloseBefore(restrictions: readonly Restriction[], zone: IANAZone, at: number): number {
  const windows = restrictionWindows(restrictions, zone, at - SEARCH_SPAN_MS, at).filter((window) => window.end <= at);
  return windows[windows.length - 1]?.end ?? Number.NEGATIVE_INFINITY;
}
