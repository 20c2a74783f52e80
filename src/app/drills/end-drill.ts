import { doc, p, strong, text } from '@atlaskit/adf-utils/builders';
import type { DrillView, GetDrillResult, ScorecardView } from '../../contracts/drills';
import { reviewUpdate } from '../../domain/comms/compose-update';
import { drillFactsFrom } from '../../domain/drills/drill-facts';
import type { ScenarioInject } from '../../domain/drills/scenario';
import { scoreDrill, type Scorecard } from '../../domain/drills/scorecard';
import type { IncidentFacts } from '../../domain/incident';
import { RuleViolation } from '../../domain/errors';
import { incidentFacts, loadIncidentContext, requireEditor, type IncidentContext } from '../cockpit/incident-context';
import type { CockpitCaller, CockpitDeps } from '../cockpit/ports';
import { commsStateFrom } from '../comms/comms-records';
import { NotFoundError } from '../errors';
import type { AdfDocument, IssueTracker } from '../ports';
import { DrillRepository, runIdFrom, type DrillRun, type FiredInject } from './drill-record';

const MINUTE = 60_000;

export interface DrillPanelDeps extends CockpitDeps {
  /** Jira as the app, to post the scorecard as the app rather than as the person ending the drill. */
  readonly appTracker: Pick<IssueTracker, 'addComment'>;
}

/** One line saying what an inject is, for the panel's list and "next inject". */
export function describeInject(inject: ScenarioInject): string {
  switch (inject.kind) {
    case 'alert':
      return `Alert: ${inject.title}`;
    case 'support-case':
      return `Support case: ${inject.summary}`;
    case 'observation':
      return `Observation: ${inject.text}`;
    case 'change':
      return `Recent change: ${inject.summary}`;
    case 'severity':
      return `Severity becomes ${inject.severity}`;
    case 'service':
      return `Faulty service becomes ${inject.service}`;
    case 'experiment-outcome':
      return `${inject.worked ? 'The fix works' : 'The fix does not work'}: ${inject.text}`;
  }
}

async function runOf(deps: DrillPanelDeps, context: IncidentContext): Promise<DrillRun | undefined> {
  const runId = runIdFrom(context.record.labels);
  return runId === undefined ? undefined : new DrillRepository(deps.store).run(runId);
}

function viewOf(run: DrillRun, fired: ReadonlyMap<number, FiredInject>, now: number, names: ReadonlyMap<string, string>): DrillView {
  const injects = run.scenario.injects.map((inject, index) => {
    const firedAt = fired.get(index)?.at;
    return { index, atMinute: inject.atMinute, kind: inject.kind, description: describeInject(inject), ...(firedAt === undefined ? {} : { firedAt: new Date(firedAt).toISOString() }) };
  });
  const end = run.ended?.at ?? now;
  const nextInject = run.ended === undefined ? injects.find((inject) => inject.firedAt === undefined) : undefined;
  return {
    runId: run.runId,
    scenarioTitle: run.scenario.title,
    startedAt: new Date(run.startedAt).toISOString(),
    elapsedMinutes: Math.max(0, Math.floor((end - run.startedAt) / MINUTE)),
    participants: run.participants.map((participant) => ({ ...participant, name: names.get(participant.accountId) ?? participant.accountId })),
    injects,
    ...(nextInject === undefined ? {} : { nextInject }),
    ...(run.ended === undefined ? {} : { ended: { at: new Date(run.ended.at).toISOString(), scorecard: run.ended.scorecard as ScorecardView } }),
  };
}

/** The panel's drill banner: the scenario, elapsed time, the injects (fired or to come) and, once ended, the scorecard. */
export async function getDrill(deps: DrillPanelDeps, caller: CockpitCaller): Promise<GetDrillResult> {
  const context = await loadIncidentContext(deps, caller);
  const run = await runOf(deps, context);
  if (run === undefined) return {};
  const fired = await new DrillRepository(deps.store).firedInjects(run.runId);
  const names = new Map([...context.state.people.entries()].map(([accountId, person]) => [accountId, person.displayName]));
  return { drill: viewOf(run, fired, context.now, names) };
}

/** The completeness check of each update sent, re-run on what was sent at the time it was sent. */
function updateChecks(context: IncidentContext, facts: IncidentFacts): { kind: 'initial' | 'follow-up' | 'final'; missing: string[] }[] {
  return commsStateFrom(context.record.id, context.commsEntries).updates.map((update) => {
    const review = reviewUpdate(update.kind, { internal: update.internal, ...(update.external === undefined ? {} : { external: update.external }) }, facts, update.at);
    return { kind: update.kind, missing: [...review.internalGaps, ...review.externalGaps].map((gap) => gap.field) };
  });
}

/** Scores a drill from what the real product recorded on its incident. */
export function scoreRun(run: DrillRun, context: IncidentContext, endedAt: number): Scorecard {
  const facts = incidentFacts(context);
  const ending = context.record.impactEnd !== undefined || context.record.status === 'resolved' || context.record.status === 'closed' ? 'resolved' : 'abandoned';
  const commsOpenedAt = context.state.room?.createdAt;
  return scoreDrill(
    drillFactsFrom(facts, {
      startedAt: run.startedAt,
      endedAt,
      ending,
      ...(commsOpenedAt === undefined ? {} : { commsOpenedAt }),
      updates: updateChecks(context, facts),
    }),
    run.scenario.targets,
  );
}

function scorecardComment(run: DrillRun, scorecard: Scorecard): AdfDocument {
  return doc(
    p(strong(`DRILL scorecard — ${run.scenario.title}`)),
    p(text(`${scorecard.ending === 'resolved' ? 'Resolved' : 'Abandoned'}; ${scorecard.met} of ${scorecard.scored} targets met.`)),
    ...scorecard.lines.map((line) => p(text(`${line.verdict === 'met' ? '✔' : line.verdict === 'missed' ? '✘' : '·'} ${line.stepName} — ${line.measure}: ${line.actual} (target: ${line.target})`))),
  ) as AdfDocument;
}

/**
 * Scores and stores the end of a run exactly once (End drill and the resolve event may race): a
 * conditional write claims the end; a failure gives the claim back so ending again works.
 * Undefined when someone else ended it first.
 */
async function finish(deps: DrillPanelDeps, context: IncidentContext, run: DrillRun, by: string): Promise<DrillRun | undefined> {
  const repo = new DrillRepository(deps.store);
  if (!(await repo.claimEnd(run.runId, context.now, by))) return undefined;
  try {
    const scorecard = scoreRun(run, context, context.now);
    const ended: DrillRun = { ...run, ended: { at: context.now, by, scorecard: { ...scorecard, lines: [...scorecard.lines] } } };
    await Promise.all([repo.save(ended), deps.appTracker.addComment(context.record.key, scorecardComment(run, scorecard))]);
    return ended;
  } catch (error) {
    await repo.releaseEnd(run.runId);
    throw error;
  }
}

/**
 * Ends a drill (resolved when its impact ended, abandoned otherwise): scores it against the
 * scenario's targets, stores the scorecard on the run, so later injects stop, and posts it on the
 * issue. Ending twice changes nothing and answers the first scorecard.
 *
 * @throws NotFoundError when the issue is not a drill; ForbiddenError when the caller may not edit it.
 */
export async function endDrill(deps: DrillPanelDeps, caller: CockpitCaller): Promise<GetDrillResult> {
  const context = await loadIncidentContext(deps, caller);
  const run = await runOf(deps, context);
  if (run === undefined) throw new NotFoundError('Drill on issue', caller.issueKey);
  requireEditor(context, 'end the drill');
  const repo = new DrillRepository(deps.store);
  if (context.now < run.startedAt) throw new RuleViolation('drill-not-started', 'The drill has not started yet.');
  const ended = run.ended === undefined ? ((await finish(deps, context, run, caller.accountId)) ?? (await repo.run(run.runId)) ?? run) : run;
  const names = new Map([...context.state.people.entries()].map(([accountId, person]) => [accountId, person.displayName]));
  return { drill: viewOf(ended, await repo.firedInjects(run.runId), context.now, names) };
}

/**
 * The drill's incident was resolved or cancelled in Jira (any way: the Resolve tab, a transition, REST):
 * the drill ends there and then, as the app, with its scorecard. A real incident or an ended drill is left alone.
 */
export async function endDrillWhenResponseEnds(deps: DrillPanelDeps, caller: CockpitCaller): Promise<Scorecard['ending'] | undefined> {
  const context = await loadIncidentContext(deps, caller);
  const run = await runOf(deps, context);
  if (run === undefined || run.ended !== undefined) return undefined;
  return (await finish(deps, context, run, caller.accountId))?.ended?.scorecard.ending;
}
