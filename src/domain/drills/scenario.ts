import { z } from 'zod';
import { ValidationError } from '../errors';
import { fieldPath, requiredText } from '../parse-input';
import { severityLevelSchema } from '../severity';

/**
 * A drill scenario: the handbook's role-play of a hypothetical incident, as a versioned JSON document.
 * Times are minutes after the drill starts, so one scenario plays the same at any hour and, on the
 * local site, at any clock speed.
 */
export const SCENARIO_SCHEMA_VERSION = 1;

const minute = z.number({ error: 'must be a number of minutes' }).int('must be a whole number of minutes').min(0, 'must not be negative').max(24 * 60, 'must be within 24 hours of the start');
const target = z.number({ error: 'must be a number of minutes' }).positive('must be more than 0 minutes').max(7 * 24 * 60, 'must be at most 7 days');
const name = requiredText(120);
const text = requiredText(2000);

const injectSchema = z.discriminatedUnion(
  'kind',
  [
    // An alert from a monitoring source; it goes through the inbound alert routes where the app has them.
    z.object({ kind: z.literal('alert'), atMinute: minute, title: name, labels: z.record(z.string().max(100), z.string().max(500)).default({}) }).strict(),
    // A customer support case labelled with the incident's key, as support agents raise them.
    z.object({ kind: z.literal('support-case'), atMinute: minute, summary: name }).strict(),
    // Someone notices something new and says so on the incident.
    z.object({ kind: z.literal('observation'), atMinute: minute, text }).strict(),
    // A change recorded near the impact start: the suspect the IM should find.
    z.object({ kind: z.literal('change'), atMinute: minute, summary: name, changeType: z.enum(['Deployment', 'Configuration change', 'Feature flag']).default('Deployment'), minutesBeforeImpact: minute }).strict(),
    z.object({ kind: z.literal('severity'), atMinute: minute, severity: severityLevelSchema }).strict(),
    z.object({ kind: z.literal('service'), atMinute: minute, service: name }).strict(),
    // Whether the next experiment the team tries works; a fix that works ends the impact.
    z.object({ kind: z.literal('experiment-outcome'), atMinute: minute, worked: z.boolean({ error: 'must be true or false' }), text }).strict(),
  ],
  { error: 'must be alert, support-case, observation, change, severity, service or experiment-outcome' },
);

/** The minutes after the start by which each step should be done; absent targets are not scored. */
const targetsSchema = z
  .object({
    takeCommandMinutes: target.optional(),
    openCommsMinutes: target.optional(),
    initialCommsMinutes: target.optional(),
    firstEscalationMinutes: target.optional(),
    followUpLateMinutes: z.number({ error: 'must be a number of minutes' }).min(0, 'must not be negative').max(120, 'must be at most 120 minutes').optional(),
    rolesDelegated: z.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must not be negative').max(10, 'must be at most 10').optional(),
    resolveMinutes: target.optional(),
  })
  .strict();

/** Zod schema for a scenario document. */
export const scenarioSchema = z
  .object({
    schemaVersion: z.literal(SCENARIO_SCHEMA_VERSION, { error: `must be ${SCENARIO_SCHEMA_VERSION}` }),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lowercase letters, digits and dashes, at most 63 characters'),
    title: name,
    description: requiredText(4000).optional(),
    start: z
      .object({
        summary: requiredText(200),
        service: name,
        severity: severityLevelSchema,
        affectedProducts: z.array(name).max(20, 'must list at most 20 products').default([]),
      })
      .strict(),
    injects: z.array(injectSchema).max(100, 'must have at most 100 injects').default([]),
    targets: targetsSchema.default({}),
  })
  .strict()
  .superRefine((scenario, context) => {
    scenario.injects.forEach((inject, index) => {
      const previous = scenario.injects[index - 1];
      if (previous !== undefined && inject.atMinute < previous.atMinute) {
        context.addIssue({ code: 'custom', path: ['injects', index, 'atMinute'], message: `must not be before the inject above it (minute ${previous.atMinute})` });
      }
    });
  });

/** A scenario as the app uses it. */
export type Scenario = z.output<typeof scenarioSchema>;

/** One timed event of a scenario. */
export type ScenarioInject = Scenario['injects'][number];

/** What a scenario is scored against. */
export type ScenarioTargets = Scenario['targets'];

/** A problem with a scenario document, naming the field as a path such as `injects[2].atMinute`. */
export interface ScenarioProblem {
  readonly field: string;
  readonly reason: string;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/** Every problem with a scenario document, so an admin fixing an import sees them all at once. */
export function scenarioProblems(input: unknown): ScenarioProblem[] {
  const result = scenarioSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') return { field: fieldPath('', [...issue.path, issue.keys[0] ?? '']), reason: 'is not a known field' };
    const missing = issue.code !== 'custom' && valueAt(input, issue.path) === undefined;
    return { field: fieldPath('', issue.path), reason: missing ? 'is required' : issue.message };
  });
}

/** A scenario document that cannot be used, with all its problems. */
export class InvalidScenario extends ValidationError {
  constructor(readonly problems: readonly ScenarioProblem[]) {
    const [first] = problems;
    super(first?.field ?? 'scenario', problems.length <= 1 ? (first?.reason ?? 'is invalid') : `${first?.reason ?? 'is invalid'} (and ${problems.length - 1} more)`);
  }
}

/** Parses a scenario document; throws InvalidScenario listing every problem. */
export function parseScenario(input: unknown): Scenario {
  const result = scenarioSchema.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidScenario(scenarioProblems(input));
}

/** The injects due in (after, upTo] minutes, in order: what fires when the drill's clock moves on. */
export function injectsDue(scenario: Scenario, afterMinute: number, upToMinute: number): { index: number; inject: ScenarioInject }[] {
  return scenario.injects.flatMap((inject, index) => (inject.atMinute > afterMinute && inject.atMinute <= upToMinute ? [{ index, inject }] : []));
}
