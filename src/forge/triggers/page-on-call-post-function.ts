import { z } from 'zod';
import { pageOnTransition } from '../../app/paging/page-on-transition';
import { ValidationError } from '../../domain/errors';
import { INVOCATION_LIMIT_MS } from '../adapters/invocation';
import { services } from '../composition';
import { withPlatformRetry } from './platform-retry';

const invocationSchema = z
  .object({
    issue: z
      .object({ id: z.union([z.string(), z.number()]).transform(String), key: z.string(), fields: z.record(z.string(), z.unknown()).optional() })
      .loose(),
    transition: z
      .object({ executionId: z.string().optional(), transitionName: z.string().optional(), name: z.string().optional() })
      .loose()
      .optional(),
    configuration: z.unknown().optional(),
  })
  .loose();

/** The "Page on-call" workflow post-function (`jira:workflowPostFunction`, key `page-on-call`). */
export async function runPageOnCallPostFunction(payload: unknown) {
  const parsed = invocationSchema.safeParse(payload);
  if (!parsed.success) {
    console.warn(`Ignoring a Page on-call invocation without an issue: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return undefined;
  }
  const { issue, transition, configuration } = parsed.data;
  const transitionName = transition?.transitionName ?? transition?.name;
  // Jira sends an execution id per run of the transition; without one, this run is its own episode.
  const executionId = transition?.executionId ?? globalThis.crypto.randomUUID();
  return withPlatformRetry(`Page on-call for ${issue.key}`, async () => {
    try {
      await pageOnTransition(services(INVOCATION_LIMIT_MS.event).paging, {
        issue: { id: issue.id, key: issue.key, fields: issue.fields ?? {} },
        configuration,
        executionId,
        ...(transitionName === undefined ? {} : { transitionName }),
      });
    } catch (error) {
      // A misconfigured post-function cannot page however often it runs: say so in the logs once.
      if (error instanceof ValidationError) console.error(`Page on-call on ${issue.key} is misconfigured: ${error.message}`);
      else throw error;
    }
  });
}
