import { z } from 'zod';
import { validateClose, type ValidatorAnswer } from '../../app/learning/app-side';
import { INVOCATION_LIMIT_MS } from '../adapters/invocation';
import { services } from '../composition';

const validatorPayloadSchema = z.looseObject({ issue: z.looseObject({ key: z.string().min(1) }) });

/**
 * `jira:workflowValidator` on the incident workflow's Close transition: Jira asks before closing,
 * and the answer is `{result, errorMessage}`. An incident closes once its postmortem exists (or it
 * is a Sev 3 and the administrator exempted those). When Jira cannot be read the answer is a
 * refusal that says to try again: closing is not urgent, and a missing postmortem must not slip by.
 */
export async function validatePostmortemExists(payload: unknown): Promise<ValidatorAnswer> {
  const parsed = validatorPayloadSchema.safeParse(payload);
  if (!parsed.success) return { result: false, errorMessage: 'The incident could not be identified, so its postmortem could not be checked.' };
  const s = services(INVOCATION_LIMIT_MS.resolver);
  try {
    return await validateClose({ tracker: s.appTracker, store: s.store }, parsed.data.issue.key);
  } catch (error) {
    console.warn(`Checking the postmortem of ${parsed.data.issue.key} failed: ${error instanceof Error ? error.message : String(error)}`);
    return { result: false, errorMessage: `The postmortem of ${parsed.data.issue.key} could not be checked just now; try closing again in a moment.` };
  }
}
