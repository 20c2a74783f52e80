/**
 * Reads what a resolver answered. Every resolver of the app answers with a ResolverResult (see
 * src/contracts/resolver-result.ts); anything else is reported as a failure instead of being trusted.
 */
import * as z from 'zod/mini';
import type { ResolverError, ResolverErrorCode, ResolverResult } from '../../src/contracts/resolver-result';

const errorCodes = ['invalid-input', 'forbidden', 'not-found', 'not-configured', 'rule-violation', 'unavailable'] as const satisfies readonly ResolverErrorCode[];

const resolverErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  field: z.exactOptional(z.string()),
  reason: z.exactOptional(z.string()),
});

const failureSchema = z.object({ ok: z.literal(false), error: resolverErrorSchema });
const successShape = z.object({ ok: z.literal(true), value: z.unknown() });

/** A failure that did not come from the resolver itself: the call failed or answered nonsense. */
export function unavailable(message: string): ResolverResult<never> {
  return { ok: false, error: { code: 'unavailable', message } };
}

/** Parses a resolver's raw answer, checking the value against `schema`. */
export function readResolverResult<T>(raw: unknown, schema: z.ZodMiniType<T>): ResolverResult<T> {
  const failure = failureSchema.safeParse(raw);
  if (failure.success) {
    const { code, message, field, reason } = failure.data.error;
    const error: ResolverError = { code, message, ...(field === undefined ? {} : { field }), ...(reason === undefined ? {} : { reason }) };
    return { ok: false, error };
  }
  const success = successShape.safeParse(raw);
  if (!success.success) return unavailable('The app answered in a shape this page does not understand. Reload the page and try again.');
  const value = schema.safeParse(success.data.value);
  if (!value.success) {
    return unavailable(`The app answered with data this page does not understand (${z.prettifyError(value.error).split('\n')[0] ?? 'unknown problem'}). Reload the page and try again.`);
  }
  return { ok: true, value: value.data };
}

/**
 * The reason alone, for showing next to the field it names: backend messages read
 * "<field>: <reason>", and the field is already obvious from where the message is shown.
 */
export function reasonOf(error: ResolverError): string {
  const prefix = error.field === undefined ? undefined : `${error.field}: `;
  return prefix !== undefined && error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

/** The sentence a person sees for a failure shown on its own (not next to a field): it names the field when there is one. */
export function describeFailure(error: ResolverError): string {
  if (error.field === undefined) return error.message;
  return `${error.field}: ${reasonOf(error)}`;
}
