/** Jira's error answers: one error class for every refusal, one mapper to the `{errorMessages, errors}` body. */
import type { JiraResponse } from './types';

export class JiraHttpError extends Error {
  override readonly name = 'JiraHttpError';
  constructor(
    readonly status: number,
    readonly errorMessages: string[],
    readonly errors: Record<string, string> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status}: ${[...errorMessages, ...Object.entries(errors).map(([field, reason]) => `${field}: ${reason}`)].join('; ')}`);
  }
}

export const issueNotFoundMessage = 'Issue does not exist or you do not have permission to see it.';

export function badRequest(message: string): JiraHttpError {
  return new JiraHttpError(400, [message]);
}

/** A 400 naming the offending fields, as Jira answers invalid field values. */
export function fieldErrors(errors: Record<string, string>): JiraHttpError {
  return new JiraHttpError(400, [], errors);
}

export function notFound(message: string): JiraHttpError {
  return new JiraHttpError(404, [message]);
}

export function forbidden(message: string): JiraHttpError {
  return new JiraHttpError(403, [message]);
}

export function unauthorized(): JiraHttpError {
  return new JiraHttpError(401, ['You are not authenticated. Authentication required to perform this operation.'], {}, {
    'www-authenticate': 'Basic realm="local site"',
  });
}

export function issueNotFound(): JiraHttpError {
  return notFound(issueNotFoundMessage);
}

export function toJiraResponse(error: JiraHttpError): JiraResponse {
  return {
    status: error.status,
    headers: { 'content-type': 'application/json;charset=UTF-8', ...error.headers },
    body: { errorMessages: error.errorMessages, errors: error.errors },
  };
}
