/** The domain's one base error: every rule the domain enforces fails with a subclass of it. */
export class DomainError extends Error {
  override readonly name: string = 'DomainError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Bad input to a constructor or parser: names the offending field and why it was refused. */
export class ValidationError extends DomainError {
  override readonly name = 'ValidationError';
  constructor(
    readonly field: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${field}: ${reason}`, options);
  }
}

/** A workflow or role rule forbids the requested change; `reason` is meant for the person who asked. */
export class RuleViolation extends DomainError {
  override readonly name = 'RuleViolation';
  constructor(
    readonly rule: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}
