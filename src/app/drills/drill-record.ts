import { z } from 'zod';
import { scenarioSchema } from '../../domain/drills/scenario';
import { DRILL_LABEL } from '../../domain/incident-metrics';
import type { AppStore } from '../ports';

export { DRILL_LABEL };

/**
 * One drill run as the app stores it: the scenario as it was when the drill started (editing the
 * catalogue later changes no running drill), who plays which part, when it started, its incident,
 * and, once ended, its scorecard. Kept under `drill:<runId>`; the incident carries the run id as the
 * label `drill-<runId>` next to `drill`, so every part of the app finds the run from the issue alone.
 */
const RUN_PREFIX = 'drill:';
const INJECT_PREFIX = 'drill-inject:';
const END_PREFIX = 'drill-end:';

export const DRILL_PARTS = ['incident-manager', 'tech-lead', 'communications-manager'] as const;
export type DrillPart = (typeof DRILL_PARTS)[number];

const participantSchema = z.strictObject({ accountId: z.string().min(1).max(128), part: z.enum(DRILL_PARTS) });
export type DrillParticipant = z.output<typeof participantSchema>;

const scorecardLineSchema = z.strictObject({
  step: z.string(),
  stepName: z.string(),
  measure: z.string(),
  actual: z.string(),
  target: z.string(),
  verdict: z.enum(['met', 'missed', 'unscored']),
});

export const storedScorecardSchema = z.strictObject({
  ending: z.enum(['resolved', 'abandoned']),
  lines: z.array(scorecardLineSchema),
  met: z.number().int(),
  scored: z.number().int(),
});

const runSchema = z.strictObject({
  runId: z.string().min(1),
  scenario: scenarioSchema,
  participants: z.array(participantSchema).min(1),
  startedBy: z.string().min(1),
  startedAt: z.number().int(),
  issueId: z.string().exactOptional(),
  issueKey: z.string().exactOptional(),
  ended: z.strictObject({ at: z.number().int(), by: z.string(), scorecard: storedScorecardSchema }).exactOptional(),
});
export type DrillRun = z.output<typeof runSchema>;

const firedSchema = z.strictObject({ state: z.enum(['firing', 'fired']), at: z.number().int(), outcome: z.string().max(500).exactOptional() });
export type FiredInject = z.output<typeof firedSchema>;

/** The label naming a run on its incident (Jira labels are lowercase-safe, no spaces). */
export const runLabel = (runId: string): string => `${DRILL_LABEL}-${runId}`;

/** The run id an incident's labels name, if it is a drill. */
export function runIdFrom(labels: readonly string[]): string | undefined {
  if (!labels.includes(DRILL_LABEL)) return undefined;
  return labels.find((label) => label.startsWith(`${DRILL_LABEL}-`))?.slice(DRILL_LABEL.length + 1);
}

/** Whether an issue with these labels is a drill: the one test paging, comms and the gadgets share. */
export const isDrill = (labels: readonly string[]): boolean => labels.includes(DRILL_LABEL);

/** The one repository of drill state: runs and the injects each has fired. */
export class DrillRepository {
  constructor(private readonly store: AppStore) {}

  async run(runId: string): Promise<DrillRun | undefined> {
    const parsed = runSchema.safeParse(await this.store.get(RUN_PREFIX + runId));
    return parsed.success ? parsed.data : undefined;
  }

  async save(run: DrillRun): Promise<void> {
    await this.store.set(RUN_PREFIX + run.runId, z.encode(runSchema, run));
  }

  /** Claims an inject for firing; false when another delivery already claimed it (queues deliver at least once). */
  async claimInject(runId: string, index: number, at: number): Promise<boolean> {
    return this.store.setIfAbsent(`${INJECT_PREFIX}${runId}:${index}`, { state: 'firing', at } satisfies FiredInject);
  }

  async markFired(runId: string, index: number, at: number, outcome: string): Promise<void> {
    await this.store.set(`${INJECT_PREFIX}${runId}:${index}`, { state: 'fired', at, outcome: outcome.slice(0, 500) } satisfies FiredInject);
  }

  /** Gives a claim back after the inject failed, so the queue's redelivery fires it. */
  async releaseInject(runId: string, index: number): Promise<void> {
    await this.store.delete(`${INJECT_PREFIX}${runId}:${index}`);
  }

  /** Claims the end of a run; false when another request already ended it. */
  async claimEnd(runId: string, at: number, by: string): Promise<boolean> {
    return this.store.setIfAbsent(`${END_PREFIX}${runId}`, { at, by });
  }

  async releaseEnd(runId: string): Promise<void> {
    await this.store.delete(`${END_PREFIX}${runId}`);
  }

  /** The injects of a run that fired, by index. */
  async firedInjects(runId: string): Promise<Map<number, FiredInject>> {
    const prefix = `${INJECT_PREFIX}${runId}:`;
    const entries = await this.store.listByPrefix(prefix);
    const fired = new Map<number, FiredInject>();
    for (const entry of entries) {
      const index = Number(entry.key.slice(prefix.length));
      const value = firedSchema.safeParse(entry.value);
      if (Number.isInteger(index) && value.success && value.data.state === 'fired') fired.set(index, value.data);
    }
    return fired;
  }
}
