import { z } from 'zod';
import { ValidationError } from './errors';

type PathSegment = PropertyKey;

/** Joins a root field and a zod issue path into the dotted form used by ValidationError, e.g. `roles[2].accountId`. */
export function fieldPath(root: string, path: readonly PathSegment[]): string {
  let field = root;
  for (const segment of path) {
    if (typeof segment === 'number') field += `[${segment}]`;
    else field += field === '' ? String(segment) : `.${String(segment)}`;
  }
  return field === '' ? 'input' : field;
}

function valueAt(input: unknown, path: readonly PathSegment[]): unknown {
  let value = input;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/** Parses `input` with `schema`, turning the first problem into a ValidationError whose field is a path under `root`. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, root = ''): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  if (issue === undefined) throw new ValidationError(fieldPath(root, []), 'is invalid', { cause: result.error });
  if (issue.code === 'unrecognized_keys') {
    throw new ValidationError(fieldPath(root, [...issue.path, issue.keys[0] ?? '']), 'is not a known field', {
      cause: result.error,
    });
  }
  // Schemas word their reasons for a value that is wrong; for one that is absent, people need "is required".
  const missing = issue.code !== 'custom' && valueAt(input, issue.path) === undefined;
  throw new ValidationError(fieldPath(root, issue.path), missing ? 'is required' : issue.message, { cause: result.error });
}

/** Text that must say something: trimmed, not empty, bounded. */
export function requiredText(max: number): z.ZodString {
  return z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
}
