import { z } from 'zod';
import { parseWith } from '../parse-input';

const draftText = z.string().max(4000, 'must be at most 4000 characters');

/** Zod schema for a structured update draft; every part may still be empty while it is being written. */
export const updateDraftSchema = z
  .object({
    opening: draftText.default(''),
    currentStatus: z.array(draftText).max(20, 'must have at most 20 bullet points').default([]),
    nextSteps: z.array(draftText).max(20, 'must have at most 20 bullet points').default([]),
    customerImpact: draftText.exactOptional(),
    affectedCustomers: z
      .object({ internal: draftText.exactOptional(), external: draftText.exactOptional() })
      .strict()
      .default({}),
    rootCause: draftText.exactOptional(),
    eta: draftText.exactOptional(),
    nextUpdate: z
      .object({ at: draftText.exactOptional(), where: draftText.exactOptional() })
      .strict()
      .default({}),
  })
  .strict();

/**
 * A follow-up update in the handbook's shape: a 1–2 sentence opening, Current Status and Next Steps
 * bullets, and the completeness checklist's answers. Times are kept as the writer's text ("11:30 UTC").
 */
export type UpdateDraft = z.output<typeof updateDraftSchema>;

/** Parses a draft sent by the UI; missing parts become empty so checkUpdate can name them. */
export function parseUpdateDraft(input: unknown): UpdateDraft {
  return parseWith(updateDraftSchema, input, 'draft');
}

/** An empty draft to start writing from. */
export function emptyUpdateDraft(): UpdateDraft {
  return { opening: '', currentStatus: [], nextSteps: [], affectedCustomers: {}, nextUpdate: {} };
}
