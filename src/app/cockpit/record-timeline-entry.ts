import type { CockpitUpdate, ConcludeExperimentPayload, RecordTimelineEntryPayload } from '../../contracts/cockpit';
import { ValidationError } from '../../domain/errors';
import { formatInstant } from '../../domain/time';
import { concludeExperiment as conclude, parseTimelineEntry, validateTimeline, type Experiment, type TimelineEntry } from '../../domain/timeline';
import { applyChange } from './apply-change';
import { personWrites, recordEntry } from './change-parts';
import { directoryOf } from './cockpit-view';
import { loadIncidentContext, requireEditor } from './incident-context';
import { peopleDirectory } from './people';
import type { CockpitCaller, CockpitDeps } from './ports';
import { roomEffects } from './room-effects';
import { experimentOutcomeComment, timelineEntryText, timelineKindName } from './timeline-comment';

/** The entry the caller records, with its id, time and author filled in by the app. */
function entryFrom(input: RecordTimelineEntryPayload['entry'], context: { now: number; by: string; id: string }): unknown {
  const base = { id: context.id, by: context.by };
  const now = formatInstant(context.now);
  switch (input.kind) {
    case 'change':
      return { ...input, ...base, at: input.at ?? now };
    case 'experiment':
      return { ...input, ...base, at: now, outcome: input.outcome ?? 'pending', ...(input.outcome === undefined || input.outcome === 'pending' ? {} : { concludedAt: now }) };
    default:
      return { ...input, ...base, at: now };
  }
}

/**
 * Records an observation, theory, experiment (testing a theory, with its outcome), decision, change
 * (what, who, when, how to revert) or note: time-stamped and attributed, mirrored to the issue as a
 * comment so Jira keeps the record, and posted to the room where the team talks.
 *
 * @throws ValidationError naming the part of the entry that was refused (e.g. a change dated in the future, an unknown theory).
 */
export async function recordTimelineEntry(deps: CockpitDeps, caller: CockpitCaller, input: RecordTimelineEntryPayload): Promise<CockpitUpdate> {
  const [context, who] = await Promise.all([
    loadIncidentContext(deps, caller),
    input.entry.kind === 'change' ? deps.issues.person(input.entry.who) : Promise.resolve(undefined),
  ]);
  requireEditor(context, 'record on the timeline');
  const entry = parseTimelineEntry(entryFrom(input.entry, { now: context.now, by: caller.accountId, id: deps.newId() }), context.now, {}, 'entry');
  if (entry.kind === 'change' && who === undefined) throw new ValidationError('entry.who', 'is not a Jira user on this site');
  validateTimeline([...context.state.timeline, entry], context.now, {}, 'timeline');
  const theory = entry.kind === 'experiment' && entry.theoryId !== undefined ? context.state.timeline.find((other) => other.id === entry.theoryId) : undefined;
  const people = who === undefined ? [] : [who];
  const recorded = recordEntry(context, entry, people, theory?.kind === 'theory' ? theory.text : undefined);
  const directory = peopleDirectory(context.record, context.state.people, [...people, ...(context.callerPerson === undefined ? [] : [context.callerPerson])]);
  const line = `${timelineKindName(entry.kind)} (${directory.name(caller.accountId)}): ${timelineEntryText(entry, directory.name)}`;
  return applyChange(deps, context, {
    edit: { fields: {}, comment: recorded.comment },
    writes: [recorded.write, ...personWrites(context, [context.callerPerson, who])],
    effects: (after) => roomEffects(deps, after, { message: line }),
  });
}

/**
 * Records the outcome of a pending experiment: confirmed, disproved or inconclusive.
 *
 * @throws RuleViolation when there is no such pending experiment.
 */
export async function concludeExperiment(deps: CockpitDeps, caller: CockpitCaller, input: ConcludeExperimentPayload): Promise<CockpitUpdate> {
  const context = await loadIncidentContext(deps, caller);
  requireEditor(context, 'record on the timeline');
  const timeline = conclude(context.state.timeline, input.experimentId, input.outcome, context.now);
  const concluded = timeline.find((entry): entry is Experiment => entry.kind === 'experiment' && entry.id === input.experimentId);
  if (concluded === undefined) throw new ValidationError('experimentId', 'is not an experiment on this timeline');
  const recorded = recordEntry(context, concluded as TimelineEntry);
  const directory = directoryOf(context);
  const comment = experimentOutcomeComment({ experiment: concluded.text, outcome: input.outcome, at: context.now, by: caller.accountId }, directory.name);
  return applyChange(deps, context, {
    edit: { fields: {}, comment },
    writes: [recorded.write, ...personWrites(context, [context.callerPerson])],
    effects: (after) => roomEffects(deps, after, { message: `Experiment ${input.outcome} (${directory.name(caller.accountId)}): ${concluded.text}` }),
  });
}
