import { z } from 'zod';
import { ForbiddenError } from '../../app/errors';
import { ValidationError } from '../../domain/errors';
import { parseWith } from '../../domain/parse-input';

/** What every resolver reads from Forge's request: the payload (validated by each resolver) and the caller. */
export interface ResolverRequest {
  readonly payload: unknown;
  readonly context: unknown;
}

const contextSchema = z
  .object({
    accountId: z.string().min(1).optional(),
    extension: z
      .object({ issue: z.object({ id: z.union([z.string(), z.number()]).transform(String), key: z.string() }).loose().optional() })
      .loose()
      .optional(),
  })
  .loose();

/**
 * The signed-in user's account id.
 *
 * @throws ForbiddenError for anonymous callers.
 */
export function callerOf(request: ResolverRequest): string {
  const accountId = contextSchema.safeParse(request.context).data?.accountId;
  if (accountId === undefined) throw new ForbiddenError('use this without signing in');
  return accountId;
}

/**
 * The issue the surface is shown on (the issue panel's context), never taken from the payload.
 *
 * @throws ValidationError when the surface has no issue.
 */
export function contextIssue(request: ResolverRequest): { id: string; key: string } {
  const issue = contextSchema.safeParse(request.context).data?.extension?.issue;
  if (issue === undefined) throw new ValidationError('context.extension.issue', 'is missing: this action works on an issue');
  return { id: issue.id, key: issue.key };
}

/** Validates a payload with `schema`, naming the offending field under `root` (the top level by default). */
export function payloadOf<S extends z.ZodType>(request: ResolverRequest, schema: S, root = ''): z.output<S> {
  return parseWith(schema, request.payload ?? {}, root);
}
