import { DateTime } from 'luxon';
import { z } from 'zod';
import { ValidationError } from '../errors';

/**
 * An instant as the on-call API exchanges it: an ISO-8601 string with an explicit offset
 * ("2024-03-31T07:00:00Z", "2024-03-31T09:00:00+02:00"). Results are always UTC with
 * milliseconds ("2024-03-31T07:00:00.000Z"), so they compare as strings and round-trip through JSON.
 */
export type IsoInstant = string;

// A string without an offset names a wall-clock reading, not an instant: refusing it keeps
// the server's own zone from leaking into schedules.
const explicitOffset = /T.*(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

function instantMs(value: string): number | undefined {
  if (!explicitOffset.test(value)) return undefined;
  const parsed = DateTime.fromISO(value, { setZone: true });
  return parsed.isValid ? parsed.toMillis() : undefined;
}

const notAnInstant = (value: unknown): string =>
  `${JSON.stringify(value)} is not an ISO-8601 instant with an offset (e.g. "2024-03-31T07:00:00Z")`;

/** Reads an instant argument, naming `field` when it is not an ISO-8601 instant with an offset. */
export function requireInstant(value: IsoInstant, field: string): number {
  const ms = typeof value === 'string' ? instantMs(value) : undefined;
  if (ms === undefined) throw new ValidationError(field, notAnInstant(value));
  return ms;
}

/** Formats epoch milliseconds as the canonical UTC instant string. */
export function formatInstant(ms: number): IsoInstant {
  return new Date(ms).toISOString();
}

/** Schema for an instant field in stored or submitted data; normalises to canonical UTC. */
export const isoInstantSchema = z.string().transform((value, context) => {
  const ms = instantMs(value);
  if (ms === undefined) {
    context.addIssue({ code: 'custom', message: notAnInstant(value) });
    return z.NEVER;
  }
  return formatInstant(ms);
});
