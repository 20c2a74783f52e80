import { DomainError, RuleViolation, ValidationError } from './errors';

describe('domain errors', () => {
  it('a validation error names the field and the reason in its message', () => {
    const error = new ValidationError('severity', 'must be 1, 2 or 3');
    expect(error).toBeInstanceOf(DomainError);
    expect(error.name).toBe('ValidationError');
    expect(error.field).toBe('severity');
    expect(error.message).toBe('severity: must be 1, 2 or 3');
  });

  it('a rule violation carries the rule and a reason a person can read', () => {
    const error = new RuleViolation('fixing-requires-im', 'Assign an incident manager before moving to Fixing.');
    expect(error).toBeInstanceOf(DomainError);
    expect(error.rule).toBe('fixing-requires-im');
    expect(error.message).toBe('Assign an incident manager before moving to Fixing.');
  });
});
