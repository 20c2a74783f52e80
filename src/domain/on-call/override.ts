import { z } from 'zod';
import type { IsoInstant } from './instants';
import { isoInstantSchema } from './instants';

/** Someone standing in for whoever the layers put on call, from `start` until `end`. */
export interface Override {
  readonly accountId: string;
  readonly start: IsoInstant;
  readonly end: IsoInstant;
  readonly reason?: string;
}

export const overrideSchema = z
  .strictObject({
    accountId: z.string().trim().min(1, { error: 'must be a non-empty account id' }),
    start: isoInstantSchema,
    end: isoInstantSchema,
    reason: z.string().trim().max(500, { error: 'must be at most 500 characters' }).optional(),
  })
  // Canonical UTC strings of equal length compare in time order.
  .refine((override) => override.end > override.start, { error: 'must be after start', path: ['end'] })
  .transform(
    (override): Override => ({
      accountId: override.accountId,
      start: override.start,
      end: override.end,
      ...(override.reason === undefined || override.reason === '' ? {} : { reason: override.reason }),
    }),
  );
