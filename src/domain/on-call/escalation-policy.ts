import { z } from 'zod';
import { ValidationError } from '../errors';
import { parseWith } from './validation';

/** Who a level pages: everyone on call in a roster, or one person. */
export type EscalationTarget =
  | { readonly kind: 'roster'; readonly rosterId: string }
  | { readonly kind: 'user'; readonly accountId: string };

/** One step of escalation: page `targets`, then wait `ackTimeoutMinutes` for an acknowledgement. */
export interface EscalationLevel {
  readonly targets: readonly EscalationTarget[];
  readonly ackTimeoutMinutes: number;
}

/**
 * Levels paged in order until someone acknowledges; after the last level the whole policy
 * runs again `repeat` more times (0–9).
 */
export interface EscalationPolicy {
  readonly id: string;
  readonly name: string;
  readonly levels: readonly EscalationLevel[];
  readonly repeat: number;
}

const MAX_REPEAT = 9;
const MAX_ACK_TIMEOUT_MINUTES = 24 * 60;

const nonBlank = z.string().trim().min(1, { error: 'must not be blank' });

const targetSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('roster'), rosterId: nonBlank }),
    z.strictObject({ kind: z.literal('user'), accountId: nonBlank }),
  ],
  { error: 'must be {kind: "roster", rosterId} or {kind: "user", accountId}' },
);

const targetKey = (target: EscalationTarget): string =>
  target.kind === 'roster' ? `roster:${target.rosterId}` : `user:${target.accountId}`;

const ackTimeoutSchema = z
  .number({ error: 'must be a number of minutes' })
  .int({ error: 'must be a whole number of minutes' })
  .min(1, { error: 'must be at least 1 minute' })
  .max(MAX_ACK_TIMEOUT_MINUTES, { error: `must be at most ${MAX_ACK_TIMEOUT_MINUTES} minutes` });

const levelSchema = z.strictObject({
  targets: z
    .array(targetSchema)
    .min(1, { error: 'must name at least one roster or person to page' })
    .superRefine((targets, context) => {
      const keys = targets.map(targetKey);
      keys.forEach((key, index) => {
        if (keys.indexOf(key) !== index) context.addIssue({ code: 'custom', path: [index], message: 'is already a target of this level' });
      });
    }),
  ackTimeoutMinutes: ackTimeoutSchema,
});

export const escalationPolicySchema = z.strictObject({
  id: nonBlank,
  name: nonBlank.max(200, { error: 'must be at most 200 characters' }),
  levels: z.array(levelSchema).min(1, { error: 'must have at least one level' }),
  repeat: z
    .number({ error: 'must be a number of repeats' })
    .int({ error: 'must be a whole number' })
    .min(0, { error: 'must be from 0 to 9' })
    .max(MAX_REPEAT, { error: 'must be from 0 to 9' })
    .default(0),
});

/** Validates an escalation policy (from a form or from storage); throws ValidationError naming the field path. */
export function parseEscalationPolicy(input: unknown): EscalationPolicy {
  return parseWith(escalationPolicySchema, input, { name: 'escalationPolicy', prefix: false });
}

/**
 * The house convention: escalation ends with the incident manager on call (IMOC). Appends a
 * level paging the IMOC roster unless the final level already pages it.
 */
export function withImocFinalLevel(policy: EscalationPolicy, imocRosterId: string, timeoutMinutes: number): EscalationPolicy {
  const rosterId = parseWith(nonBlank, imocRosterId, { name: 'imocRosterId', prefix: false });
  const ackTimeoutMinutes = parseWith(ackTimeoutSchema, timeoutMinutes, { name: 'timeoutMinutes', prefix: false });
  const finalLevel = policy.levels[policy.levels.length - 1];
  if (finalLevel?.targets.some((target) => target.kind === 'roster' && target.rosterId === rosterId)) return policy;
  return { ...policy, levels: [...policy.levels, { targets: [{ kind: 'roster', rosterId }], ackTimeoutMinutes }] };
}

/** The level at `index`, or a ValidationError naming `field` when the policy has no such level. */
export function levelOf(policy: EscalationPolicy, index: number, field: string): EscalationLevel {
  const level = Number.isInteger(index) ? policy.levels[index] : undefined;
  if (level === undefined) {
    throw new ValidationError(field, `level ${index} is not in the policy (it has levels 0 to ${policy.levels.length - 1})`);
  }
  return level;
}
