import { z } from 'zod';
import { RuleViolation, ValidationError } from './errors';
import { accountIdSchema } from './identifiers';
import type { ClockOptions } from './impact-times';
import { parseWith, requiredText } from './parse-input';
import { DEFAULT_CLOCK_SKEW_MS, formatUtcMinute, instantSchema, type EpochMs } from './time';

/** Where an experiment stands; only confirmed and disproved settle the theory it tests. */
export const EXPERIMENT_OUTCOMES = ['pending', 'confirmed', 'disproved', 'inconclusive'] as const;

/** The result of an experiment. */
export type ExperimentOutcome = (typeof EXPERIMENT_OUTCOMES)[number];

const text = requiredText(4000);
const entryBase = {
  id: requiredText(64),
  at: instantSchema,
  by: accountIdSchema,
};

/** Zod schema for a timeline entry, discriminated by kind. */
export const timelineEntrySchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('observation'), text, ...entryBase }).strict(),
    z.object({ kind: z.literal('theory'), text, ...entryBase }).strict(),
    z
      .object({
        kind: z.literal('experiment'),
        text,
        theoryId: requiredText(64).exactOptional(),
        outcome: z.enum(EXPERIMENT_OUTCOMES),
        concludedAt: instantSchema.exactOptional(),
        ...entryBase,
      })
      .strict(),
    z.object({ kind: z.literal('decision'), text, ...entryBase }).strict(),
    z
      .object({
        kind: z.literal('change'),
        what: text,
        who: accountIdSchema,
        revert: text.exactOptional(),
        ...entryBase,
      })
      .strict(),
    z.object({ kind: z.literal('note'), text, ...entryBase }).strict(),
  ],
  { error: 'must be observation, theory, experiment, decision, change or note' },
);

/**
 * One time-stamped, attributed entry in the Review loop: observe, theorise, experiment, decide, change.
 * `by` is who recorded it; for a change, `who` made it, `at` is when and `revert` says how to undo it.
 */
export type TimelineEntry = z.output<typeof timelineEntrySchema>;

/** The kinds of timeline entry. */
export type TimelineEntryKind = TimelineEntry['kind'];

/** A timeline entry of one kind. */
export type TimelineEntryOf<K extends TimelineEntryKind> = Extract<TimelineEntry, { kind: K }>;

/** An experiment entry. */
export type Experiment = TimelineEntryOf<'experiment'>;

/** A theory entry. */
export type Theory = TimelineEntryOf<'theory'>;

function validateEntry(entry: TimelineEntry, now: EpochMs, skew: number, field: string): void {
  if (entry.at > now + skew) {
    throw new ValidationError(`${field}.at`, `must not be in the future (${formatUtcMinute(entry.at)} is after ${formatUtcMinute(now)})`);
  }
  if (entry.kind !== 'experiment') return;
  if (entry.outcome === 'pending' && entry.concludedAt !== undefined) {
    throw new ValidationError(`${field}.concludedAt`, 'must be absent while the experiment is pending');
  }
  if (entry.concludedAt !== undefined && entry.concludedAt < entry.at) {
    throw new ValidationError(`${field}.concludedAt`, 'must not be before the experiment started');
  }
  if (entry.concludedAt !== undefined && entry.concludedAt > now + skew) {
    throw new ValidationError(`${field}.concludedAt`, 'must not be in the future');
  }
}

/**
 * Checks a whole timeline: every entry valid and not in the future, ids unique, and each
 * experiment's theoryId naming a theory on the same timeline.
 */
export function validateTimeline(
  entries: readonly TimelineEntry[],
  now: EpochMs,
  options: ClockOptions = {},
  field = 'timeline',
): readonly TimelineEntry[] {
  const skew = options.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS;
  const firstIndexOf = new Map<string, number>();
  entries.forEach((entry, index) => {
    validateEntry(entry, now, skew, `${field}[${index}]`);
    const earlier = firstIndexOf.get(entry.id);
    if (earlier !== undefined) throw new ValidationError(`${field}[${index}].id`, `duplicates ${field}[${earlier}].id`);
    firstIndexOf.set(entry.id, index);
  });
  entries.forEach((entry, index) => {
    if (entry.kind !== 'experiment' || entry.theoryId === undefined) return;
    const theoryId = entry.theoryId;
    if (!entries.some((other) => other.kind === 'theory' && other.id === theoryId)) {
      throw new ValidationError(`${field}[${index}].theoryId`, `"${theoryId}" is not a theory on this timeline`);
    }
  });
  return entries;
}

/** Parses one entry (instants as ISO-8601 strings); it must not lie in the future. */
export function parseTimelineEntry(input: unknown, now: EpochMs, options: ClockOptions = {}, field = 'entry'): TimelineEntry {
  const entry = parseWith(timelineEntrySchema, input, field);
  validateEntry(entry, now, options.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS, field);
  return entry;
}

/** Parses and validates a whole timeline. */
export function parseTimeline(input: unknown, now: EpochMs, options: ClockOptions = {}): TimelineEntry[] {
  const entries = parseWith(z.array(timelineEntrySchema), input, 'timeline');
  validateTimeline(entries, now, options);
  return entries;
}

/** The timeline in the order things happened (stable for entries at the same instant). */
export function chronological(entries: readonly TimelineEntry[]): TimelineEntry[] {
  return [...entries].sort((a, b) => a.at - b.at);
}

/** Records the outcome of a pending experiment; throws RuleViolation if there is no such pending experiment. */
export function concludeExperiment(
  entries: readonly TimelineEntry[],
  experimentId: string,
  outcome: Exclude<ExperimentOutcome, 'pending'>,
  at: EpochMs,
): TimelineEntry[] {
  const experiment = entries.find((entry): entry is Experiment => entry.kind === 'experiment' && entry.id === experimentId);
  if (experiment === undefined) throw new RuleViolation('no-such-experiment', `There is no experiment "${experimentId}" on the timeline.`);
  if (experiment.outcome !== 'pending') {
    throw new RuleViolation('experiment-concluded', `Experiment "${experiment.text}" was already concluded as ${experiment.outcome}.`);
  }
  if (at < experiment.at) throw new ValidationError('concludedAt', 'must not be before the experiment started');
  return entries.map((entry) => (entry === experiment ? { ...experiment, outcome, concludedAt: at } : entry));
}

/** A stream of work still open: a theory nobody has settled, or an experiment still running. */
export type OpenStream =
  | { readonly kind: 'theory-untested'; readonly theory: Theory; readonly description: string }
  | { readonly kind: 'experiment-pending'; readonly experiment: Experiment; readonly theory?: Theory; readonly description: string };

const settles = (outcome: ExperimentOutcome): boolean => outcome === 'confirmed' || outcome === 'disproved';

/**
 * The open streams of work, oldest first: pending experiments, and theories with neither a settling
 * (confirmed or disproved) experiment nor a pending one. A theory under test appears once, via its experiment.
 */
export function openStreams(entries: readonly TimelineEntry[]): OpenStream[] {
  const experiments = entries.filter((entry): entry is Experiment => entry.kind === 'experiment');
  const theories = entries.filter((entry): entry is Theory => entry.kind === 'theory');
  const streams: Array<OpenStream & { at: EpochMs }> = [];
  for (const experiment of experiments) {
    if (experiment.outcome !== 'pending') continue;
    const theory = theories.find((t) => t.id === experiment.theoryId);
    const testing = theory === undefined ? '' : ` (testing theory "${theory.text}")`;
    streams.push({
      kind: 'experiment-pending',
      experiment,
      ...(theory === undefined ? {} : { theory }),
      description: `Experiment "${experiment.text}" is pending${testing}`,
      at: experiment.at,
    });
  }
  for (const theory of theories) {
    const tests = experiments.filter((experiment) => experiment.theoryId === theory.id);
    if (tests.some((experiment) => settles(experiment.outcome) || experiment.outcome === 'pending')) continue;
    const inconclusive = tests.length > 0 ? ' (experiments so far were inconclusive)' : '';
    streams.push({ kind: 'theory-untested', theory, description: `Theory "${theory.text}" is untested${inconclusive}`, at: theory.at });
  }
  return streams.sort((a, b) => a.at - b.at).map(({ at: _at, ...stream }) => stream);
}

/** Theories an experiment confirmed, with when. */
export function confirmedTheories(entries: readonly TimelineEntry[]): Array<{ theory: Theory; confirmedAt: EpochMs }> {
  const result: Array<{ theory: Theory; confirmedAt: EpochMs }> = [];
  for (const entry of entries) {
    if (entry.kind !== 'theory') continue;
    const confirming = entries.find(
      (other): other is Experiment => other.kind === 'experiment' && other.theoryId === entry.id && other.outcome === 'confirmed',
    );
    if (confirming !== undefined) result.push({ theory: entry, confirmedAt: confirming.concludedAt ?? confirming.at });
  }
  return result;
}
