import { z } from 'zod';
import type { StartDrillResult } from '../../contracts/drills';
import { UNKNOWN_SERVICE } from '../../domain/incident';
import { parseWith } from '../../domain/parse-input';
import { formatInstant } from '../../domain/time';
import type { Scenario } from '../../domain/drills/scenario';
import type { Configuration } from '../configuration';
import { loadConfiguration } from '../configuration-store';
import { plainTextDocument } from '../declare-incident';
import { NotConfiguredError } from '../errors';
import { issueUrl } from '../incident-fields';
import type { AppStore, Clock, IssueTracker, JobQueue } from '../ports';
import { findScenario } from './drill-catalog';
import { DRILL_LABEL, DRILL_PARTS, DrillRepository, runLabel, type DrillParticipant, type DrillRun } from './drill-record';

/** The queue job that fires one inject of a run at its time. */
export interface DrillInjectJob {
  readonly runId: string;
  readonly index: number;
}

export const drillInjectJobSchema = z.strictObject({ runId: z.string().min(1).max(64), index: z.number().int().min(0).max(1000) });

export interface StartDrillDeps {
  readonly store: AppStore;
  /** Jira as the person starting the drill: the incident is raised as them, so Jira's permissions decide. */
  readonly userTracker: IssueTracker;
  readonly queue: JobQueue<DrillInjectJob>;
  readonly clock: Clock;
  readonly newId: () => string;
}

const MINUTE = 60_000;
const MAX_PARTICIPANTS = 20;

/** What starting a drill takes: strict, so the resolver edge refuses unknown fields before anything runs. */
export const startDrillPayloadSchema = z.strictObject({
  scenarioId: z.string().min(1, 'must name a scenario').max(63, 'must be at most 63 characters'),
  participants: z
    .array(z.strictObject({ accountId: z.string().min(1, 'must not be empty').max(128), part: z.enum(DRILL_PARTS, { error: 'must be incident-manager, tech-lead or communications-manager' }) }))
    .max(MAX_PARTICIPANTS, `must list at most ${MAX_PARTICIPANTS} people`)
    .exactOptional(),
});

/** The drill's summary: visibly a drill wherever the issue is listed. */
export const drillSummary = (scenario: Scenario): string => `[DRILL] ${scenario.start.summary}`.slice(0, 255);

/**
 * Starts a drill: records the run (scenario snapshot and participants) first, so paging already
 * finds whom the drill may page when Jira's created-issue event arrives; raises the incident as the
 * caller, marked as a drill (summary, labels); then queues each inject for its minute after the start.
 *
 * @throws ValidationError naming the field; NotFoundError for an unknown scenario; NotConfiguredError before the fields exist.
 */
export async function startDrill(deps: StartDrillDeps, callerAccountId: string, input: unknown): Promise<StartDrillResult> {
  const payload = parseWith(startDrillPayloadSchema, input);
  const [config, scenario] = await Promise.all([loadConfiguration(deps.store), findScenario(deps.store, payload.scenarioId)]);
  const fields = config.fields;
  if (fields === undefined) throw new NotConfiguredError("the app's incident fields are not provisioned yet; open the app's settings");
  // Someone always plays the incident manager: the person starting the drill unless they chose another.
  const chosen = payload.participants ?? [];
  const participants = uniqueParticipants(chosen.some((participant) => participant.part === 'incident-manager') ? chosen : [{ accountId: callerAccountId, part: 'incident-manager' }, ...chosen]);
  const runId = deps.newId().replace(/[^a-z0-9]/gi, '').toLowerCase().slice(0, 24);
  const startedAt = deps.clock.now();
  const repo = new DrillRepository(deps.store);
  const run: DrillRun = { runId, scenario, participants, startedBy: callerAccountId, startedAt };
  await repo.save(run);
  const created = await deps.userTracker.createIssue({
    projectKey: config.incidentProject.projectKey,
    issueTypeName: config.incidentProject.issueTypeName,
    fields: {
      summary: drillSummary(scenario),
      description: plainTextDocument(drillDescription(scenario)),
      labels: [DRILL_LABEL, runLabel(runId)],
      [fields.severity]: { value: config.severityScale.levels[scenario.start.severity].label },
      [fields.faultyService]: { value: serviceIn(config, scenario.start.service) },
      [fields.affectedProducts]: scenario.start.affectedProducts.filter((product) => config.products.includes(product)).map((value) => ({ value })),
      [fields.detected]: formatInstant(startedAt),
    },
  });
  await Promise.all([
    repo.save({ ...run, issueId: created.id, issueKey: created.key }),
    scenario.injects.length === 0 ? Promise.resolve() : deps.queue.schedule(scenario.injects.map((inject, index) => ({ job: { runId, index }, at: startedAt + inject.atMinute * MINUTE }))),
  ]);
  return { runId, issueKey: created.key, issueUrl: issueUrl(config, created.key), startedAt: new Date(startedAt).toISOString() };
}

function uniqueParticipants(list: readonly DrillParticipant[]): DrillParticipant[] {
  const seen = new Set<string>();
  return list.filter((participant) => {
    const key = `${participant.accountId}:${participant.part}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The scenario's service when the site has it, else Unknown: a scenario written elsewhere still plays. */
function serviceIn(config: Configuration, service: string): string {
  return config.services.some((candidate) => candidate.name === service) ? service : UNKNOWN_SERVICE;
}

function drillDescription(scenario: Scenario): string {
  return [
    `DRILL — a rehearsal of the scenario "${scenario.title}". Nothing is really broken.`,
    ...(scenario.description === undefined ? [] : [scenario.description]),
    'Only the drill\'s participants are paged; updates go to internal channels only, marked DRILL. End the drill from the incident panel to get the scorecard.',
  ].join('\n');
}
