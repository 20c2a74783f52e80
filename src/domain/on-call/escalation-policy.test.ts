import { ValidationError } from '../errors';
import { parseEscalationPolicy, withImocFinalLevel } from './escalation-policy';

const validPolicy = {
  id: 'payments-escalation',
  name: 'Payments',
  levels: [
    { targets: [{ kind: 'roster', rosterId: 'payments' }], ackTimeoutMinutes: 5 },
    { targets: [{ kind: 'user', accountId: 'lead' }, { kind: 'roster', rosterId: 'platform' }], ackTimeoutMinutes: 10 },
  ],
  repeat: 1,
};

const refusal = (input: unknown): { field: string; reason: string } => {
  try {
    parseEscalationPolicy(input);
  } catch (error) {
    if (error instanceof ValidationError) return { field: error.field, reason: error.reason };
    throw error;
  }
  throw new Error('the policy was accepted');
};

describe('parseEscalationPolicy', () => {
  it('accepts a policy and keeps its levels in order', () => {
    expect(parseEscalationPolicy(validPolicy)).toEqual(validPolicy);
  });

  it('runs the policy once when repeat is left out', () => {
    const { repeat: _repeat, ...withoutRepeat } = validPolicy;
    expect(parseEscalationPolicy(withoutRepeat).repeat).toBe(0);
  });

  const level = (changes: Record<string, unknown>) => ({ ...validPolicy, levels: [{ ...validPolicy.levels[0], ...changes }] });

  it.each<[string, unknown, string, string]>([
    ['no levels', { ...validPolicy, levels: [] }, 'levels', 'must have at least one level'],
    ['a level without targets', level({ targets: [] }), 'levels[0].targets', 'must name at least one roster or person to page'],
    ['an unknown target kind', level({ targets: [{ kind: 'team', teamId: 'x' }] }), 'levels[0].targets[0].kind', 'must be {kind: "roster", rosterId} or {kind: "user", accountId}'],
    ['a roster target without an id', level({ targets: [{ kind: 'roster', rosterId: '' }] }), 'levels[0].targets[0].rosterId', 'must not be blank'],
    ['a repeated target', level({ targets: [{ kind: 'user', accountId: 'a' }, { kind: 'user', accountId: 'a' }] }), 'levels[0].targets[1]', 'is already a target of this level'],
    ['a zero timeout', level({ ackTimeoutMinutes: 0 }), 'levels[0].ackTimeoutMinutes', 'must be at least 1 minute'],
    ['a fractional timeout', level({ ackTimeoutMinutes: 2.5 }), 'levels[0].ackTimeoutMinutes', 'must be a whole number of minutes'],
    ['a timeout over a day', level({ ackTimeoutMinutes: 1441 }), 'levels[0].ackTimeoutMinutes', 'must be at most 1440 minutes'],
    ['a timeout given as text', level({ ackTimeoutMinutes: '5' }), 'levels[0].ackTimeoutMinutes', 'must be a number of minutes'],
    ['ten repeats', { ...validPolicy, repeat: 10 }, 'repeat', 'must be from 0 to 9'],
    ['negative repeats', { ...validPolicy, repeat: -1 }, 'repeat', 'must be from 0 to 9'],
    ['a missing id', { ...validPolicy, id: undefined }, 'id', 'is required'],
    ['not an object', [], 'escalationPolicy', 'Invalid input: expected object, received array'],
  ])('refuses %s, naming the field and reason', (_case, input, field, reason) => {
    expect(refusal(input)).toEqual({ field, reason });
  });
});

describe('withImocFinalLevel', () => {
  const policy = parseEscalationPolicy(validPolicy);

  it('appends a level paging the IMOC roster', () => {
    const withImoc = withImocFinalLevel(policy, 'imoc', 15);
    expect(withImoc.levels).toHaveLength(3);
    expect(withImoc.levels[2]).toEqual({ targets: [{ kind: 'roster', rosterId: 'imoc' }], ackTimeoutMinutes: 15 });
    expect(policy.levels).toHaveLength(2);
  });

  it('leaves a policy whose final level already pages the IMOC roster as it is', () => {
    const withImoc = withImocFinalLevel(policy, 'imoc', 15);
    expect(withImocFinalLevel(withImoc, 'imoc', 30)).toBe(withImoc);
    expect(withImocFinalLevel(policy, 'platform', 15)).toBe(policy);
  });

  it('still ends with the IMOC when it is paged only at an earlier level', () => {
    expect(withImocFinalLevel(policy, 'payments', 15).levels.map((level) => level.targets)).toEqual([
      [{ kind: 'roster', rosterId: 'payments' }],
      [{ kind: 'user', accountId: 'lead' }, { kind: 'roster', rosterId: 'platform' }],
      [{ kind: 'roster', rosterId: 'payments' }],
    ]);
  });

  it('refuses a blank roster id or a timeout under a minute', () => {
    expect(() => withImocFinalLevel(policy, '', 15)).toThrow(ValidationError);
    expect(() => withImocFinalLevel(policy, '', 15)).toThrow('imocRosterId: must not be blank');
    expect(() => withImocFinalLevel(policy, 'imoc', 0)).toThrow('timeoutMinutes: must be at least 1 minute');
  });
});
