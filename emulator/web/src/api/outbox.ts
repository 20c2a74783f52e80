/** Entries of the site's outbox (everything the app sent outward), as the inbox page reads them. */
import * as z from 'zod/mini';

export const outboxEntry = z.object({
  seq: z.number(),
  at: z.string(),
  channel: z.string(),
  to: z.string(),
  subject: z.optional(z.string()),
  body: z.unknown(),
  request: z.unknown(),
});
export type OutboxEntry = z.infer<typeof outboxEntry>;

export const outboxPage = z.object({ entries: z.array(outboxEntry) });

export type OutboxScope = 'mine' | 'all';
