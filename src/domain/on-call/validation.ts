import { z } from 'zod';
import { ValidationError } from '../errors';

type PathSegment = PropertyKey;

function joinPath(segments: readonly PathSegment[]): string {
  return segments.reduce<string>((path, segment) => {
    if (typeof segment === 'number') return `${path}[${segment}]`;
    const name = String(segment);
    return path === '' ? name : `${path}.${name}`;
  }, '');
}

// zod's default wording for a missing field ("expected string, received undefined") reads
// like a type bug; an admin fixing a form needs to hear that the field is required.
const requiredFieldWording: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined;

/**
 * Parses `input` with `schema`, turning the first problem into a ValidationError whose field is
 * the path inside the input (`layers[0].timeZone`), prefixed with `base` when given; `base`
 * also names the input as a whole when the problem is with the input itself.
 */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown, base: { name: string; prefix: boolean }): T {
  const result = schema.safeParse(input, { error: requiredFieldWording });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const segments: PathSegment[] = [...(base.prefix ? [base.name] : []), ...(issue?.path ?? [])];
  let reason = issue?.message ?? 'is not valid';
  if (issue?.code === 'unrecognized_keys') {
    segments.push(issue.keys[0] ?? '');
    reason = 'is not a known field';
  }
  throw new ValidationError(joinPath(segments) || base.name, reason, { cause: result.error });
}
