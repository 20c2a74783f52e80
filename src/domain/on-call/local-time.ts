import { IANAZone } from 'luxon';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/**
 * Wall-clock readings are carried as "wall ms": the local date and time encoded as if it were
 * UTC. Rotations are defined in wall-clock terms, so adding days or hours to a wall ms is plain
 * arithmetic and never drifts across a DST change; only the conversion to an instant consults
 * the zone.
 */
export type WallMs = number;

/** True when `name` is an IANA zone that luxon (and so the runtime's tz data) knows. */
export function isIanaTimeZone(name: string): boolean {
  return IANAZone.isValidZone(name);
}

/** The canonical spelling of a valid zone name ("europe/berlin" → "Europe/Berlin"). */
export function canonicalTimeZone(name: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
}

export function zoneOf(name: string): IANAZone {
  return IANAZone.create(name);
}

/** The wall-clock reading in `zone` at instant `ms`. */
export function wallAt(zone: IANAZone, ms: number): WallMs {
  return ms + zone.offset(ms) * MINUTE_MS;
}

/**
 * The instant at which `zone` shows the wall-clock reading `wall`. An ambiguous reading (the
 * repeated hour when clocks fall back) gives the earlier instant; a reading that never occurs
 * (the hour skipped when clocks spring forward) gives the instant the clocks jump, i.e. the
 * next valid instant.
 */
export function wallToInstant(zone: IANAZone, wall: WallMs): number {
  // Offsets are within ±14 h, so a day either side brackets every instant that can show `wall`.
  const offsetBefore = zone.offset(wall - DAY_MS);
  const offsetAfter = zone.offset(wall + DAY_MS);
  // Equal offsets a day either side: no change in between, so the reading is plain.
  if (offsetBefore === offsetAfter) return wall - offsetBefore * MINUTE_MS;
  const candidates = [offsetBefore, offsetAfter]
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((ms) => wallAt(zone, ms) === wall);
  if (candidates.length > 0) return Math.min(...candidates);
  return transitionBetween(zone, wall - offsetAfter * MINUTE_MS, wall - offsetBefore * MINUTE_MS);
}

// The reading fell in a gap, so the offset changes somewhere in (earlier, later]: find the
// first millisecond that already has the new offset.
function transitionBetween(zone: IANAZone, earlier: number, later: number): number {
  const offsetBefore = zone.offset(earlier);
  let low = earlier;
  let high = later;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (zone.offset(middle) === offsetBefore) low = middle;
    else high = middle;
  }
  return high;
}

/** Wall ms for a local date ("YYYY-MM-DD") at a local time of day given in minutes. */
export function wallOf(date: string, minutesOfDay: number): WallMs {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1) + minutesOfDay * MINUTE_MS;
}

/** Minutes since midnight for "HH:mm" (also accepts "24:00" as 1440). */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}
