/** Shapes of what the post-function view receives: resolver answers and the configuration Jira stored. */
import * as z from 'zod/mini';
import type { SeverityLevel } from '../../../src/contracts/configuration';
import type { PostFunctionConfiguration, PostFunctionOptionsResult } from '../../../src/contracts/post-function-config';

const severityLevel: z.ZodMiniType<SeverityLevel> = z.union([z.literal(1), z.literal(2), z.literal(3)]);

/** The stored configuration's shape; also used to read what Jira hands back in the edit view. */
export const postFunctionConfigurationSchema: z.ZodMiniType<PostFunctionConfiguration> = z.object({
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('faulty-service') }),
    z.object({ kind: z.literal('imoc') }),
    z.object({ kind: z.literal('roster'), rosterId: z.string() }),
  ]),
  severities: z.exactOptional(z.array(severityLevel)),
});

export const optionsSchema: z.ZodMiniType<PostFunctionOptionsResult> = z.object({
  rosters: z.array(z.object({ id: z.string(), name: z.string() })),
  imocRosterId: z.string(),
  severities: z.array(z.object({ level: severityLevel, label: z.string() })),
});
