import type { EpochMs } from '../time';

const CLOCK = /^(\d{1,2}):(\d{2})(?:\s*(utc|gmt|z))?$/i;
const IN_MINUTES = /^in\s+(\d{1,3})\s*(?:min|mins|minutes?)$/i;

/**
 * The instant the writer promised in "Next update: …": an ISO date-time, "in 30 minutes", or a UTC clock
 * time ("11:30 UTC", the next such time after `now`). Undefined when the text names no time people could hold us to.
 */
export function parseNextUpdateAt(text: string | undefined, now: EpochMs): EpochMs | undefined {
  const value = text?.trim() ?? '';
  if (value === '') return undefined;
  const relative = IN_MINUTES.exec(value);
  if (relative?.[1] !== undefined) return now + Number(relative[1]) * 60_000;
  const clock = CLOCK.exec(value.replace(/\s+/g, ' '));
  if (clock?.[1] !== undefined && clock[2] !== undefined) {
    const hours = Number(clock[1]);
    const minutes = Number(clock[2]);
    if (hours > 23 || minutes > 59) return undefined;
    const day = new Date(now);
    const at = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hours, minutes);
    return at < now - 60_000 ? at + 24 * 3_600_000 : at;
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const at = Date.parse(value);
    return Number.isNaN(at) ? undefined : at;
  }
  return undefined;
}

/** The clock time people write in an update, e.g. "11:30 UTC". */
export function formatClockTime(at: EpochMs): string {
  return `${new Date(at).toISOString().slice(11, 16)} UTC`;
}
