import { z } from 'zod';
import { parseWith } from './parse-input';

/**
 * An instant as epoch milliseconds: the domain's one internal representation of time.
 * At every boundary (Jira fields, storage, resolver payloads) instants travel as ISO-8601
 * strings with an explicit offset, so no value is ever read in an unknown local time zone.
 */
export type EpochMs = number;

/** How far a timestamp may lie ahead of "now" before it counts as in the future (reporters' clocks drift). */
export const DEFAULT_CLOCK_SKEW_MS = 2 * 60_000;

const ISO_REASON = 'must be an ISO-8601 date-time with an offset, e.g. 2024-05-01T10:00:00Z';

/** Zod codec between an ISO-8601 string with offset (input) and epoch milliseconds (output). */
export const instantSchema = z.codec(z.iso.datetime({ offset: true, error: ISO_REASON }), z.number().int(), {
  decode: (iso) => Date.parse(iso),
  encode: (ms) => new Date(ms).toISOString(),
});

/** Parses an ISO-8601 date-time with offset into epoch milliseconds, naming `field` when it is not one. */
export function parseInstant(value: unknown, field: string): EpochMs {
  return parseWith(instantSchema, value, field);
}

/** Formats an instant as an ISO-8601 UTC string, the boundary representation. */
export function formatInstant(at: EpochMs): string {
  return new Date(at).toISOString();
}

/** Formats an instant for people reading an update or brief, e.g. "2024-05-01 10:05 UTC". */
export function formatUtcMinute(at: EpochMs): string {
  const iso = formatInstant(at);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
