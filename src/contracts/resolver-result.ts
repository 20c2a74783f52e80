/**
 * Every resolver answers with a ResolverResult instead of throwing, so the Custom UI can show the
 * exact field and reason for bad input and a plain message for everything else.
 */
export type ResolverErrorCode =
  /** The payload or a value in it was refused; `field` names it. */
  | 'invalid-input'
  /** The caller lacks the permission (e.g. a Jira administrator is required). */
  | 'forbidden'
  /** Something the payload names does not exist. */
  | 'not-found'
  /** The app is not set up for this yet (fields not provisioned, integration without its secret). */
  | 'not-configured'
  /** A workflow or roster rule forbids the change; `message` is meant for the person who asked. */
  | 'rule-violation'
  /** Jira or an integration did not answer in time; trying again later may work. */
  | 'unavailable';

export interface ResolverError {
  readonly code: ResolverErrorCode;
  readonly message: string;
  readonly field?: string;
  /**
   * A machine-readable detail of `code`, so pages never parse `message`: the rule of a `rule-violation`
   * (e.g. `resolve-from-fixing`, `jira-refused`), what a remote failure meant (`forbidden`, `not-found`,
   * `throttled`, `unavailable`, `unanswered`…), `not-allowed` / `not-signed-in` for the caller, `unknown-action`.
   */
  readonly reason?: string;
}

export type ResolverResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ResolverError };
