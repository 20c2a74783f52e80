/** Bodies and queries the control API accepts, parsed at the edge. */
import { DateTime, Duration } from 'luxon';
import { z } from 'zod';
import { MAX_CLOCK_SPEED } from '../clock';

export const clockChange = z.union([
  z.strictObject({
    advance: z
      .string()
      .refine((text) => Duration.fromISO(text).isValid, 'advance must be an ISO 8601 duration such as "PT10M" or "P1D"')
      .transform((text) => Duration.fromISO(text).as('milliseconds'))
      .refine((ms) => ms >= 0, 'advance must not be negative'),
  }),
  z.strictObject({
    to: z
      .string()
      .refine((text) => DateTime.fromISO(text, { setZone: true }).isValid, 'to must be an ISO 8601 instant such as "2026-03-01T09:00:00Z"')
      .transform((text) => DateTime.fromISO(text, { setZone: true }).toMillis()),
  }),
  // Emulated seconds per real second from now on: 1 is real time, 60 plays an hour in a minute.
  z.strictObject({ speed: z.number().min(1, 'speed must be at least 1 (real time)').max(MAX_CLOCK_SPEED, `speed must be at most ${MAX_CLOCK_SPEED}`) }),
]);

export const invokeRequest = z.strictObject({
  moduleKey: z.string().min(1),
  functionKey: z.string().min(1),
  payload: z.unknown().optional(),
  accountId: z.string().min(1).optional(),
  extension: z.record(z.string(), z.unknown()).optional(),
  localId: z.string().min(1).optional(),
});

const seq = z.coerce.number().int().min(0);

export const outboxQuery = z.object({
  since: seq.optional(),
  to: z.string().min(1).optional(),
  channel: z.enum(['email', 'slack', 'pagerduty', 'statuspage', 'webhook', 'jira-notification']).optional(),
});

export const sinceQuery = z.object({ since: seq.optional() });

export function describeZodError(error: z.ZodError): string {
  return z.prettifyError(error);
}

/** The stand-in's V3 webhook subscription: to one of the app's web triggers (by manifest key) or to any URL. */
export const pagerDutySubscriptionRequest = z.union([
  z.strictObject({ webTrigger: z.string().min(1), secret: z.string().min(1, 'secret must not be empty') }),
  z.strictObject({ url: z.url({ protocol: /^https?$/ }), secret: z.string().min(1, 'secret must not be empty') }),
]);

/** A responder (by email) acknowledges the stand-in's incident for a dedup key. */
export const pagerDutyAcknowledgeRequest = z.strictObject({
  dedupKey: z.string().min(1),
  as: z.email('as must be the email of a person on the local site'),
});
