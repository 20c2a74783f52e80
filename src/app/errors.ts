/** The use-case layer's one base error: every failure a use case reports is a subclass, carrying its cause. */
export class AppError extends Error {
  override readonly name: string = 'AppError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The caller may not do this; Jira's permissions (or the app's admin check) said no. */
export class ForbiddenError extends AppError {
  override readonly name = 'ForbiddenError';
  constructor(readonly action: string, options?: { cause?: unknown }) {
    super(`Not allowed: ${action}`, options);
  }
}

/** The caller did not say who they are (a web trigger request without its token). */
export class UnauthenticatedError extends AppError {
  override readonly name = 'UnauthenticatedError';
  constructor(readonly reason: string) {
    super(`Unauthenticated: ${reason}`);
  }
}

/** Something the request names does not exist (an issue, a roster, a person). */
export class NotFoundError extends AppError {
  override readonly name = 'NotFoundError';
  constructor(
    readonly what: string,
    readonly id: string,
    options?: { cause?: unknown },
  ) {
    super(`${what} not found: ${id}`, options);
  }
}

/** The app is not set up for this yet (fields not provisioned, a channel without its secret). */
export class NotConfiguredError extends AppError {
  override readonly name = 'NotConfiguredError';
  constructor(readonly reason: string, options?: { cause?: unknown }) {
    super(`Not configured: ${reason}`, options);
  }
}

/** Which remote system a call went to; chosen so logs and issue comments can name it. */
export type RemoteService = 'jira' | 'storage' | 'slack' | 'pagerduty' | 'webhook' | 'queue' | 'statuspage' | 'sendgrid' | 'sql';

/**
 * A call to a remote system failed. Adapters throw it (never the platform's own errors), so use
 * cases can decide on retries without knowing which SDK was underneath.
 */
export class RemoteCallError extends AppError {
  override readonly name = 'RemoteCallError';
  constructor(
    readonly service: RemoteService,
    readonly operation: string,
    readonly status: number | undefined,
    readonly detail: string,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(`${service} ${operation} failed${status === undefined ? '' : ` (${status})`}: ${detail}`, options);
  }

  /**
   * What the failure means, so use cases decide on it without reading HTTP status codes: this getter is
   * the one place that knows how the remote systems' statuses map onto meanings.
   */
  get outcome(): RemoteFailure {
    const status = this.status;
    if (status === undefined) return 'unanswered';
    if (status === 429) return 'throttled';
    if (status >= 500) return 'unavailable';
    if (status === 401 || status === 403) return 'forbidden';
    if (status === 404) return 'not-found';
    if (status === 409) return 'conflict';
    if (status >= 400) return 'rejected';
    return 'unreadable';
  }

  /** What the remote system answered, for a person reading a delivery's failure: "statuspage answered 503: …". */
  get summary(): string {
    return `${this.service} answered ${this.status ?? 'nothing'}${this.detail === '' ? '' : `: ${this.detail}`}`;
  }

  /** Throttled, unavailable or unanswered: worth trying again after a pause. */
  get retryable(): boolean {
    const outcome = this.outcome;
    return outcome === 'unanswered' || outcome === 'throttled' || outcome === 'unavailable';
  }
}

/**
 * The meanings of a failed remote call: no answer at all, slowed down, the system is down, the caller
 * may not do it, the thing is gone, someone else changed it first, the request was refused as invalid,
 * or an answer came that the adapter could not read.
 */
export type RemoteFailure = 'unanswered' | 'throttled' | 'unavailable' | 'forbidden' | 'not-found' | 'conflict' | 'rejected' | 'unreadable';
