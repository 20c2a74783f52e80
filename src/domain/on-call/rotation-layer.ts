import { DateTime, Duration } from 'luxon';
import { z } from 'zod';
import { DAY_MS, HOUR_MS, canonicalTimeZone, isIanaTimeZone, minutesOf, wallAt, wallOf, wallToInstant, zoneOf } from './local-time';
import type { Interval, Restriction } from './restrictions';
import { firstWindowInstantFrom, lastWindowCloseBefore, restrictionSchema, timeOfDaySchema, windowAround } from './restrictions';

/** How long each participant holds the layer, in local wall-clock days and hours. */
export interface ShiftLength {
  readonly days: number;
  readonly hours: number;
}

/**
 * One rotation: participants take turns, each for `shiftLength`, handing off at `handoffTime`
 * local time in `timeZone`, starting on `startDate`. With restrictions, the layer is on call
 * only inside their windows (e.g. business hours) and leaves the rest to the layers below.
 */
export interface RotationLayer {
  readonly name?: string;
  readonly participants: readonly string[];
  readonly shiftLength: ShiftLength;
  readonly handoffTime: string;
  readonly timeZone: string;
  readonly startDate: string;
  readonly restrictions: readonly Restriction[];
}

/** A participant's turn on a layer: the `index`-th shift since the layer started. */
export interface LayerShift extends Interval {
  readonly index: number;
  readonly accountId: string;
}

const MAX_SHIFT_DAYS = 365;

const shiftLengthShape = 'must be {days?, hours?} or an ISO-8601 duration such as "P7D"';

// "P7D" is read into the object form first, so both spellings share one set of checks.
function isoDurationToShiftLength(value: unknown, context: z.core.ParsePayload): unknown {
  if (typeof value !== 'string') return value;
  const duration = Duration.fromISO(value);
  const { years = 0, quarters = 0, months = 0, weeks = 0, days = 0, hours = 0, minutes = 0, seconds = 0, milliseconds = 0 } =
    duration.toObject();
  const calendarOrFine = years + quarters + months + minutes + seconds + milliseconds !== 0;
  if (!duration.isValid || calendarOrFine || ![weeks, days, hours].every(Number.isInteger)) {
    context.issues.push({
      code: 'custom',
      input: value,
      message: `${JSON.stringify(value)} is not an ISO-8601 duration in whole weeks, days and hours (e.g. "P7D", "PT12H")`,
    });
    return value;
  }
  return { days: weeks * 7 + days, hours };
}

const shiftLengthSchema = z
  .preprocess(
    isoDurationToShiftLength,
    z.strictObject(
      {
        days: z.number().int({ error: 'must be a whole number of days' }).nonnegative({ error: 'must not be negative' }).optional(),
        hours: z.number().int({ error: 'must be a whole number of hours' }).nonnegative({ error: 'must not be negative' }).optional(),
      },
      { error: (issue) => (issue.code === 'invalid_type' && issue.input !== undefined ? shiftLengthShape : undefined) },
    ),
  )
  .transform((length): ShiftLength => ({ days: length.days ?? 0, hours: length.hours ?? 0 }))
  .refine((length) => length.days * DAY_MS + length.hours * HOUR_MS >= HOUR_MS, { error: 'must be at least one hour' })
  .refine((length) => length.days * DAY_MS + length.hours * HOUR_MS <= MAX_SHIFT_DAYS * DAY_MS, {
    error: `must be at most ${MAX_SHIFT_DAYS} days`,
  });

const accountIdSchema = z.string().trim().min(1, { error: 'must be a non-empty account id' });

const participantsSchema = z
  .array(accountIdSchema)
  .min(1, { error: 'must list at least one participant' })
  .superRefine((participants, context) => {
    participants.forEach((accountId, index) => {
      if (participants.indexOf(accountId) !== index) {
        context.addIssue({ code: 'custom', path: [index], message: `"${accountId}" is already in the rotation` });
      }
    });
  });

const startDateSchema = z
  .string()
  .refine((text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text, { zone: 'utc' }).isValid, {
    error: (issue) => `${JSON.stringify(issue.input)} is not a calendar date "YYYY-MM-DD"`,
  });

const timeZoneSchema = z
  .string()
  .refine(isIanaTimeZone, { error: (issue) => `${JSON.stringify(issue.input)} is not an IANA time zone` })
  .transform(canonicalTimeZone);

export const rotationLayerSchema = z
  .strictObject({
    name: z.string().trim().min(1, { error: 'must not be blank' }).optional(),
    participants: participantsSchema,
    shiftLength: shiftLengthSchema,
    handoffTime: timeOfDaySchema,
    timeZone: timeZoneSchema,
    startDate: startDateSchema,
    restrictions: z.array(restrictionSchema).optional(),
  })
  .transform(
    (layer): RotationLayer => ({
      ...(layer.name === undefined ? {} : { name: layer.name }),
      participants: layer.participants,
      shiftLength: layer.shiftLength,
      handoffTime: layer.handoffTime,
      timeZone: layer.timeZone,
      startDate: layer.startDate,
      restrictions: layer.restrictions ?? [],
    }),
  );

function stepOf(layer: RotationLayer): number {
  return layer.shiftLength.days * DAY_MS + layer.shiftLength.hours * HOUR_MS;
}

function firstHandoffWall(layer: RotationLayer): number {
  return wallOf(layer.startDate, minutesOf(layer.handoffTime));
}

/** The instant of the layer's `index`-th handoff: always the handoff time on the local clock. */
function handoffAt(layer: RotationLayer, index: number): number {
  return wallToInstant(zoneOf(layer.timeZone), firstHandoffWall(layer) + index * stepOf(layer));
}

function shiftByIndex(layer: RotationLayer, index: number): LayerShift {
  const accountId = layer.participants[index % layer.participants.length] ?? '';
  return { index, accountId, start: handoffAt(layer, index), end: handoffAt(layer, index + 1) };
}

/** The layer shift running at `at` (restrictions aside), or undefined before the first handoff. */
function shiftAt(layer: RotationLayer, at: number): LayerShift | undefined {
  const zone = zoneOf(layer.timeZone);
  // The wall-clock estimate is off by at most one shift near a DST change; the loops settle it.
  let index = Math.floor((wallAt(zone, at) - firstHandoffWall(layer)) / stepOf(layer));
  while (index >= 0 && handoffAt(layer, index) > at) index -= 1;
  if (index < 0) return undefined;
  while (handoffAt(layer, index + 1) <= at) index += 1;
  return shiftByIndex(layer, index);
}

/** Who the layer has on call at `at`, with the span of that stint, or undefined. */
export function layerOnCallAt(layer: RotationLayer, at: number): LayerShift | undefined {
  const shift = shiftAt(layer, at);
  if (shift === undefined || layer.restrictions.length === 0) return shift;
  const window = windowAround(layer.restrictions, zoneOf(layer.timeZone), at, shift);
  return window === undefined ? undefined : { ...shift, ...window };
}

/** The first instant at or after `from` at which the layer has someone on call. */
export function layerCoverageFrom(layer: RotationLayer, from: number): number {
  const start = Math.max(from, handoffAt(layer, 0));
  if (layer.restrictions.length === 0) return start;
  return firstWindowInstantFrom(layer.restrictions, zoneOf(layer.timeZone), start);
}

/**
 * When the layer last stopped having someone on call, at or before `at` (which must be a moment
 * it has nobody); -Infinity if it never had anyone before.
 */
export function layerCoverageEndBefore(layer: RotationLayer, at: number): number {
  const firstHandoff = handoffAt(layer, 0);
  if (at <= firstHandoff || layer.restrictions.length === 0) return Number.NEGATIVE_INFINITY;
  const close = lastWindowCloseBefore(layer.restrictions, zoneOf(layer.timeZone), at);
  return close > firstHandoff ? close : Number.NEGATIVE_INFINITY;
}
