import type { CancelIncidentPayload, RecordImpactEndPayload, ResolutionUpdate, ResolveIncidentPayload } from '../../contracts/resolution';
import { formatDuration } from '../../domain/duration';
import { RuleViolation, ValidationError } from '../../domain/errors';
import { timeToRecover } from '../../domain/impact-times';
import { CANCELLED_LABEL, validateImpactEnd } from '../../domain/learning/resolution';
import { formatUtcMinute, parseInstant, type EpochMs } from '../../domain/time';
import type { TimelineEntry } from '../../domain/timeline';
import { issueChangeError } from '../cockpit/apply-change';
import { applyWrites, encode, stateKeys } from '../cockpit/cockpit-state';
import { directoryOf } from '../cockpit/cockpit-view';
import { endIncidentRoles } from '../cockpit/end-incident-roles';
import { loadIncidentContext, requireEditor, type IncidentContext } from '../cockpit/incident-context';
import { jiraDateTime } from '../cockpit/incident-record';
import type { CockpitCaller } from '../cockpit/ports';
import { timelineComment } from '../cockpit/timeline-comment';
import { NotConfiguredError } from '../errors';
import { loadLearningSettings, type LearningSettings } from './learning-settings';
import type { ResolutionDeps } from './ports';
import { cancelTransition, loadPostmortemRecord, resolutionView, resolveTransition, type PostmortemRecord } from './resolution-view';

interface Loaded {
  readonly context: IncidentContext;
  readonly settings: LearningSettings;
  readonly record: PostmortemRecord | undefined;
}

/** The incident, the settings and the postmortem record: one round of parallel calls. */
export async function loadResolution(deps: ResolutionDeps, caller: CockpitCaller): Promise<Loaded> {
  const [context, settings, record] = await Promise.all([loadIncidentContext(deps, caller), loadLearningSettings(deps.store), loadPostmortemRecord(deps.store, caller.issueId)]);
  return { context, settings, record };
}

/** The Resolve tab. @throws NotFoundError when the caller may not see the issue. */
export async function getResolution(deps: ResolutionDeps, caller: CockpitCaller) {
  const { context, settings, record } = await loadResolution(deps, caller);
  return resolutionView(context, settings, record);
}

function impactEndField(context: IncidentContext): string {
  const field = context.config.fields?.impactEnd;
  if (field === undefined) throw new NotConfiguredError("The app's incident fields are not set up yet: an administrator can create them in the app's settings.");
  return field;
}

function givenImpactEnd(input: string | undefined, context: IncidentContext): EpochMs {
  const at = input === undefined ? context.now : parseInstant(input, 'impactEnd');
  return validateImpactEnd(at, context.record, context.now);
}

function note(deps: ResolutionDeps, caller: CockpitCaller, at: EpochMs, text: string): TimelineEntry {
  return { kind: 'note', id: deps.newId(), at, by: caller.accountId, text };
}

/**
 * Resolves the incident: impact end (now unless given, checked against impact start and detection)
 * and the move to Resolved with a comment saying so, in ONE Jira request; then the note on the
 * timeline and the end of every role. The final update is the IM's next step.
 *
 * @throws ValidationError on `impactEnd`; RuleViolation when the incident is not being fixed or Jira
 *   refuses; ForbiddenError when the caller may not change it.
 */
export async function resolveIncident(deps: ResolutionDeps, caller: CockpitCaller, input: ResolveIncidentPayload): Promise<ResolutionUpdate> {
  const { context, settings, record } = await loadResolution(deps, caller);
  requireEditor(context, 'resolve');
  const incident = context.record;
  if (incident.status !== 'fixing') throw new RuleViolation('resolve-from-fixing', `${incident.key} is ${incident.statusName}: only an incident being fixed can be resolved.`);
  const transition = resolveTransition(incident);
  if (transition === undefined) throw new RuleViolation('no-resolve-transition', `Jira offers you no transition from ${incident.statusName} to Resolved on ${incident.key}.`);
  const field = impactEndField(context);
  const impactEnd = givenImpactEnd(input.impactEnd, context);
  const ttr = timeToRecover({ ...(incident.impactStart === undefined ? {} : { impactStart: incident.impactStart }), impactEnd });
  const entry = note(deps, caller, context.now, `Resolved: the impact ended at ${formatUtcMinute(impactEnd)}${ttr === undefined ? '' : ` (time to recover ${formatDuration(ttr)})`}.`);
  const directory = directoryOf(context);
  try {
    await deps.issues.transition(caller.issueKey, { transitionId: transition.id, fields: { [field]: jiraDateTime(impactEnd) }, comment: timelineComment(entry, (id) => directory.name(id)) });
  } catch (error) {
    throw issueChangeError(`resolve ${caller.issueKey}`, error);
  }
  const [, problems] = await Promise.all([
    applyWrites(deps.store, [{ kind: 'set', key: stateKeys.timeline(caller.issueId, entry.at, entry.id), value: encode.timeline(entry) }]),
    endIncidentRoles(deps, { id: caller.issueId, key: caller.issueKey }),
  ]);
  const after: IncidentContext = {
    ...context,
    record: { ...incident, status: 'resolved', statusName: transition.toStatusName, impactEnd, transitions: [] },
  };
  return { view: resolutionView(after, settings, record), notices: problems };
}

/**
 * Records the impact end of an incident resolved in Jira without one (the app asked for it in the
 * panel): one edit request with a comment.
 *
 * @throws ValidationError on `impactEnd`; RuleViolation when the incident is not resolved.
 */
export async function recordImpactEnd(deps: ResolutionDeps, caller: CockpitCaller, input: RecordImpactEndPayload): Promise<ResolutionUpdate> {
  const { context, settings, record } = await loadResolution(deps, caller);
  requireEditor(context, 'record the impact end');
  const incident = context.record;
  if (incident.status !== 'resolved' && incident.status !== 'closed') throw new RuleViolation('impact-end-after-resolution', `${incident.key} is ${incident.statusName}: resolve it to record when the impact ended.`);
  const field = impactEndField(context);
  const impactEnd = givenImpactEnd(input.impactEnd, context);
  const entry = note(deps, caller, context.now, `Impact end recorded: ${formatUtcMinute(impactEnd)}.`);
  const directory = directoryOf(context);
  try {
    await deps.issues.update(caller.issueKey, { fields: { [field]: jiraDateTime(impactEnd) }, comment: timelineComment(entry, (id) => directory.name(id)) });
  } catch (error) {
    throw issueChangeError(`record the impact end of ${caller.issueKey}`, error);
  }
  await applyWrites(deps.store, [{ kind: 'set', key: stateKeys.timeline(caller.issueId, entry.at, entry.id), value: encode.timeline(entry) }]);
  return { view: resolutionView({ ...context, record: { ...incident, impactEnd } }, settings, record), notices: [] };
}

/**
 * Cancels a false alarm: the move to Cancelled, the label that keeps it out of every metric and a
 * comment with the reason, in ONE Jira request; then roles end. Distinct from resolving: no impact
 * end, no postmortem.
 *
 * @throws ValidationError on `reason`; RuleViolation when Jira offers no cancel transition.
 */
export async function cancelIncident(deps: ResolutionDeps, caller: CockpitCaller, input: CancelIncidentPayload): Promise<ResolutionUpdate> {
  const { context, settings, record } = await loadResolution(deps, caller);
  requireEditor(context, 'cancel');
  const reason = input.reason.trim();
  if (reason === '') throw new ValidationError('reason', 'must say why this is a false alarm');
  const incident = context.record;
  const transition = cancelTransition(incident);
  if (transition === undefined) throw new RuleViolation('no-cancel-transition', `${incident.key} is ${incident.statusName}: Jira offers you no transition to Cancelled.`);
  const entry = note(deps, caller, context.now, `Cancelled as a false alarm: ${reason}`);
  const directory = directoryOf(context);
  try {
    await deps.issues.transition(caller.issueKey, { transitionId: transition.id, fields: {}, addLabels: [CANCELLED_LABEL], comment: timelineComment(entry, (id) => directory.name(id)) });
  } catch (error) {
    throw issueChangeError(`cancel ${caller.issueKey}`, error);
  }
  const [, problems] = await Promise.all([
    applyWrites(deps.store, [{ kind: 'set', key: stateKeys.timeline(caller.issueId, entry.at, entry.id), value: encode.timeline(entry) }]),
    endIncidentRoles(deps, { id: caller.issueId, key: caller.issueKey }),
  ]);
  return { view: resolutionView({ ...context, record: { ...incident, status: 'cancelled', statusName: transition.toStatusName, transitions: [] } }, settings, record), notices: problems };
}
