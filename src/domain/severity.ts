import { z } from 'zod';
import { ValidationError } from './errors';
import { parseWith, requiredText } from './parse-input';

/** The levels of the severity scale; 1 is the most severe. */
export const SEVERITY_LEVELS = [1, 2, 3] as const;

/** A severity level: 1 critical, 2 major, 3 minor. */
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

/** How an incident of a level reaches people. */
export type SeverityRouting = 'page-immediately' | 'owning-team-business-hours';

/** What a severity level sets in motion. */
export interface SeverityPolicy {
  readonly pages: boolean;
  readonly routing: SeverityRouting;
}

/** One level of the scale as people see it, with the response it triggers. */
export interface SeverityDefinition {
  readonly level: SeverityLevel;
  readonly label: string;
  readonly description: string;
  readonly examples: readonly string[];
  readonly policy: SeverityPolicy;
}

/** A severity scale: every level defined exactly once. */
export interface SeverityScale {
  readonly levels: Readonly<Record<SeverityLevel, SeverityDefinition>>;
}

/**
 * The response is fixed per level and not configurable: the Severity field's help text promises
 * reporters that Sev 1 and 2 page people, so a scale that could silence them would break that promise.
 */
const POLICIES: Readonly<Record<SeverityLevel, SeverityPolicy>> = {
  1: { pages: true, routing: 'page-immediately' },
  2: { pages: true, routing: 'page-immediately' },
  3: { pages: false, routing: 'owning-team-business-hours' },
};

/** The handbook's severity scale. */
export const DEFAULT_SEVERITY_SCALE: SeverityScale = {
  levels: {
    1: {
      level: 1,
      label: 'Sev 1',
      description: 'A critical incident with very high impact',
      examples: [
        'A customer-facing service is down for all customers',
        'Confidentiality or privacy is breached',
        'Customer data loss',
      ],
      policy: POLICIES[1],
    },
    2: {
      level: 2,
      label: 'Sev 2',
      description: 'A major incident with significant impact',
      examples: [
        'A customer-facing service is unavailable for a subset of customers',
        'Core functionality (e.g. git push, issue create) is significantly impacted',
      ],
      policy: POLICIES[2],
    },
    3: {
      level: 3,
      label: 'Sev 3',
      description: 'A minor incident with low impact',
      examples: ['A minor inconvenience to customers, workaround available', 'Usable performance degradation'],
      policy: POLICIES[3],
    },
  },
};

/** Zod schema for a severity level. */
export const severityLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3)], {
  error: 'must be 1, 2 or 3',
});

const levelConfigSchema = z
  .object({
    level: severityLevelSchema,
    label: requiredText(40),
    description: requiredText(500),
    examples: z.array(requiredText(500)).max(10, 'must list at most 10 examples').default([]),
  })
  .strict();

const normalizeLabel = (label: string): string => label.trim().replace(/\s+/g, ' ').toLowerCase();

const scaleConfigSchema = z
  .object({ levels: z.array(levelConfigSchema).length(3, 'must define levels 1, 2 and 3') })
  .strict()
  .superRefine((config, ctx) => {
    const seenLevels = new Set<number>();
    const seenLabels = new Set<string>();
    config.levels.forEach((entry, index) => {
      if (seenLevels.has(entry.level)) {
        ctx.addIssue({ code: 'custom', path: ['levels', index, 'level'], message: `defines level ${entry.level} twice` });
      }
      seenLevels.add(entry.level);
      const label = normalizeLabel(entry.label);
      if (seenLabels.has(label)) {
        ctx.addIssue({ code: 'custom', path: ['levels', index, 'label'], message: `"${entry.label}" is used by another level` });
      }
      seenLabels.add(label);
    });
  });

/** The stored form of a scale: what an administrator configures. */
export type SeverityScaleConfig = z.input<typeof scaleConfigSchema>;

/** Parses a configured severity scale (labels, descriptions, examples per level) or throws ValidationError. */
export function parseSeverityScale(input: unknown): SeverityScale {
  const config = parseWith(scaleConfigSchema, input, 'severityScale');
  // The schema guarantees each level exactly once, so every default below is replaced.
  const levels = { ...DEFAULT_SEVERITY_SCALE.levels };
  for (const entry of config.levels) {
    levels[entry.level] = { ...entry, policy: POLICIES[entry.level] };
  }
  return { levels };
}

/** The stored form of a scale, which parseSeverityScale reads back. */
export function severityScaleConfig(scale: SeverityScale): SeverityScaleConfig {
  return {
    levels: severityDefinitions(scale).map(({ level, label, description, examples }) => ({
      level,
      label,
      description,
      examples: [...examples],
    })),
  };
}

/** Parses a severity level (1, 2 or 3). */
export function parseSeverityLevel(value: unknown, field = 'severity'): SeverityLevel {
  return parseWith(severityLevelSchema, value, field);
}

/** The levels of a scale, most severe first (the order of the Severity field's options). */
export function severityDefinitions(scale: SeverityScale): SeverityDefinition[] {
  return SEVERITY_LEVELS.map((level) => scale.levels[level]);
}

/** The level whose label matches (ignoring case and spacing), e.g. "sev  2" → 2; throws ValidationError otherwise. */
export function severityFromLabel(scale: SeverityScale, label: string, field = 'severity'): SeverityLevel {
  const wanted = normalizeLabel(label);
  const match = severityDefinitions(scale).find((definition) => normalizeLabel(definition.label) === wanted);
  if (match === undefined) {
    const known = severityDefinitions(scale)
      .map((definition) => definition.label)
      .join(', ');
    throw new ValidationError(field, `"${label}" is not on the severity scale (${known})`);
  }
  return match.level;
}

/** The label people see for a level, e.g. "Sev 1". */
export function labelOf(scale: SeverityScale, level: SeverityLevel): string {
  return scale.levels[level].label;
}

/** Whether declaring an incident at this level pages people. */
export function shouldPage(scale: SeverityScale, level: SeverityLevel): boolean {
  return scale.levels[level].policy.pages;
}

/** The Severity field's help text for this scale, naming the levels that page ("Sev 2 or 1"). */
export function severityHelpText(scale: SeverityScale = DEFAULT_SEVERITY_SCALE): string {
  const labels = severityDefinitions(scale)
    .filter((definition) => definition.policy.pages)
    .reverse()
    .map((definition) => definition.label);
  return `Choosing ${joinPagingLabels(labels)} means you believe this must be resolved right now - people will be paged.`;
}

// "Sev 2 or 1" reads as the handbook does; labels without a shared prefix are listed whole.
function joinPagingLabels(labels: readonly string[]): string {
  const parts = labels.map((label) => /^(.*?)(\d+)$/.exec(label));
  const prefix = parts[0]?.[1];
  if (prefix !== undefined && parts.every((part) => part !== null && part[1] === prefix)) {
    return `${prefix}${parts.map((part) => part?.[2]).join(' or ')}`;
  }
  return labels.join(' or ');
}

/** The handbook's help text for the Severity field. */
export const SEVERITY_FIELD_HELP_TEXT = severityHelpText(DEFAULT_SEVERITY_SCALE);
