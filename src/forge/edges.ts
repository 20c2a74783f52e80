import type { WebTriggerResponse } from '@forge/api';
import type { ResolverError, ResolverResult } from '../contracts/resolver-result';
import { AppError, ForbiddenError, NotConfiguredError, NotFoundError, RemoteCallError, UnauthenticatedError } from '../app/errors';
import { RuleViolation, ValidationError } from '../domain/errors';

/**
 * How an error the app knows about reads to a person, without internals; undefined for errors nobody
 * planned for. `reason` is the machine-readable detail a page branches on (the rule a RuleViolation
 * names, what a remote call's failure meant), so no page parses `message`.
 */
export function resolverError(error: unknown): ResolverError | undefined {
  if (error instanceof ValidationError) return { code: 'invalid-input', field: error.field, message: error.message };
  if (error instanceof RuleViolation) return { code: 'rule-violation', reason: error.rule, message: error.reason };
  if (error instanceof ForbiddenError) return { code: 'forbidden', reason: 'not-allowed', message: error.message };
  if (error instanceof UnauthenticatedError) return { code: 'forbidden', reason: 'not-signed-in', message: error.message };
  if (error instanceof NotFoundError) return { code: 'not-found', message: error.message };
  if (error instanceof NotConfiguredError) return { code: 'not-configured', message: error.message };
  if (error instanceof RemoteCallError) {
    const reason = error.outcome;
    if (reason === 'forbidden') return { code: 'forbidden', reason, message: `Jira did not allow this (${error.operation}).` };
    if (reason === 'not-found') return { code: 'not-found', reason, message: `Jira could not find what this needs (${error.operation}).` };
    return { code: 'unavailable', reason, message: `${capitalise(error.service)} did not answer in time (${error.operation}); try again in a moment.` };
  }
  if (error instanceof AppError) return { code: 'unavailable', message: error.message };
  return undefined;
}

/**
 * The resolver edge: runs the work and answers `{ok, value}` or `{ok: false, error}`. Errors
 * nobody planned for are rethrown, so Forge records the invocation as failed and the logs show it.
 */
export async function resolverResult<T>(work: () => Promise<T>): Promise<ResolverResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    const mapped = resolverError(error);
    if (mapped === undefined) throw error;
    return { ok: false, error: mapped };
  }
}

/** The web-trigger edge: typed errors become 400/401/403/404/503 with a JSON body; unknown errors are rethrown. */
export async function webTriggerResult(work: () => Promise<unknown>): Promise<WebTriggerResponse> {
  try {
    return json(200, await work());
  } catch (error) {
    if (error instanceof ValidationError) return json(400, { error: error.message, field: error.field });
    if (error instanceof UnauthenticatedError) return json(401, { error: error.message }, { 'WWW-Authenticate': ['Bearer'] });
    if (error instanceof ForbiddenError) return json(403, { error: error.message });
    if (error instanceof NotFoundError) return json(404, { error: error.message });
    if (error instanceof RemoteCallError && error.retryable) return json(503, { error: 'Try again shortly.' }, { 'Retry-After': ['30'] });
    if (error instanceof AppError) return json(500, { error: error.message });
    throw error;
  }
}

function json(statusCode: number, body: unknown, headers: Record<string, string[]> = {}): WebTriggerResponse {
  return { statusCode, headers: { 'Content-Type': ['application/json'], ...headers }, body: JSON.stringify(body) };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
