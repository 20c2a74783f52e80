import { z } from 'zod';
import type { Override } from './override';
import { overrideSchema } from './override';
import type { RotationLayer } from './rotation-layer';
import { rotationLayerSchema } from './rotation-layer';
import { parseWith } from './validation';

/**
 * Who is on call for a team: rotation layers stacked bottom to top (a later layer overrides the
 * ones before it wherever it has someone on call), then overrides in the order they were
 * added (a later override wins where two overlap).
 */
export interface Roster {
  readonly id: string;
  readonly name: string;
  readonly layers: readonly RotationLayer[];
  readonly overrides: readonly Override[];
  readonly escalationPolicyId?: string;
}

const idSchema = z.string().trim().min(1, { error: 'must not be blank' });

export const rosterSchema = z
  .strictObject({
    id: idSchema,
    name: z.string().trim().min(1, { error: 'must not be blank' }).max(200, { error: 'must be at most 200 characters' }),
    layers: z.array(rotationLayerSchema).min(1, { error: 'must have at least one rotation layer' }),
    overrides: z.array(overrideSchema).optional(),
    escalationPolicyId: idSchema.optional(),
  })
  .transform(
    (roster): Roster => ({
      id: roster.id,
      name: roster.name,
      layers: roster.layers,
      overrides: roster.overrides ?? [],
      ...(roster.escalationPolicyId === undefined ? {} : { escalationPolicyId: roster.escalationPolicyId }),
    }),
  );

/** Validates a roster (from a form or from storage); throws ValidationError naming the field path. */
export function parseRoster(input: unknown): Roster {
  return parseWith(rosterSchema, input, { name: 'roster', prefix: false });
}
