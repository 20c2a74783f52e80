import { ValidationError } from './errors';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A length of time in milliseconds. */
export type DurationMs = number;

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Formats a duration for people: "45s", "12m", "1h 05m", "2d 03h 10m".
 * Truncates to the largest unit shown, because an update that says "1h 05m" should never overstate.
 */
export function formatDuration(ms: DurationMs): string {
  if (!Number.isFinite(ms) || ms < 0) throw new ValidationError('duration', 'must be a non-negative number of milliseconds');
  if (ms < MINUTE) return `${Math.floor(ms / 1000)}s`;
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)}m`;
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  if (ms < DAY) return `${Math.floor(ms / HOUR)}h ${pad(minutes)}m`;
  return `${Math.floor(ms / DAY)}d ${pad(Math.floor((ms % DAY) / HOUR))}h ${pad(minutes)}m`;
}
