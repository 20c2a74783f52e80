import { prefillUpdate, reviewUpdate, type UpdateReview } from '../../domain/comms/compose-update';
import { suggestedStatus, type StatuspageStatus, type UpdatePhase } from '../../domain/comms/statuspage-status';
import type { IncidentFacts } from '../../domain/incident';
import { isActive } from '../../domain/workflow';
import { incidentFacts, loadIncidentContext, type IncidentContext } from '../cockpit/incident-context';
import type { CockpitCaller } from '../cockpit/ports';
import { loadCommsSecrets, type CommsSecrets } from './comms-secrets';
import { COMMS_SETTINGS_KEY, commsSettingsFrom, type CommsSettings } from './comms-settings';
import { commsStateFrom, type CommsState } from './comms-records';
import type { CommsDeps } from './ports';

/** Everything a communications use case decides on, read in one round of parallel calls. */
export interface CommsContext {
  readonly incident: IncidentContext;
  readonly facts: IncidentFacts;
  readonly settings: CommsSettings;
  readonly secrets: CommsSecrets;
  readonly comms: CommsState;
}

/**
 * Reads the incident (as the caller, with the cockpit's state and the communications history), the
 * communications settings and credentials, all at once: one round trip on the critical path.
 * `alongside` runs in the same round (a de-duplication claim).
 */
export async function loadCommsContext<T = undefined>(deps: CommsDeps, caller: CockpitCaller, alongside?: () => Promise<T>): Promise<{ context: CommsContext; extra: T | undefined }> {
  const [incident, storedSettings, secrets, extra] = await Promise.all([
    loadIncidentContext(deps, caller),
    deps.store.get(COMMS_SETTINGS_KEY),
    loadCommsSecrets(deps.secrets),
    alongside === undefined ? Promise.resolve(undefined) : alongside(),
  ]);
  return {
    context: { incident, facts: incidentFacts(incident), settings: commsSettingsFrom(storedSettings), secrets, comms: commsStateFrom(caller.issueId, incident.commsEntries) },
    extra,
  };
}

/** The update the incident is ready for: initial until one went out, final once it is resolved. */
export function suggestedKind(context: CommsContext): UpdatePhase {
  if (!isActive(context.incident.record.status)) return 'final';
  return context.comms.updates.some((update) => update.kind === 'initial') ? 'follow-up' : 'initial';
}

/** Minutes between updates at this incident's severity. */
export function cadenceMinutes(context: CommsContext): number {
  return context.settings.cadenceMinutes[context.incident.record.severity ?? 1];
}

/** The Statuspage status an update of this kind suggests, never moving the incident backwards. */
export function statusFor(context: CommsContext, kind: UpdatePhase, internal?: string): StatuspageStatus {
  const rootCause = /root cause:\s*(.*)$/im.exec(internal ?? '')?.[1]?.trim() ?? '';
  const rootCauseKnown = rootCause !== '' && !/unknown|not known|investigating/i.test(rootCause);
  const current = context.comms.updates.at(-1)?.status;
  return suggestedStatus(kind, { rootCauseKnown, impactEnded: context.facts.impactTimes.impactEnd !== undefined }, current);
}

/** The templates filled for this kind, with the next update due one cadence from now. */
export function prefill(context: CommsContext, kind: UpdatePhase) {
  const now = context.incident.now;
  return prefillUpdate(kind, context.facts, now, now + cadenceMinutes(context) * 60_000, context.incident.config.severityScale);
}

export function review(context: CommsContext, kind: UpdatePhase, internal: string, external: string | undefined): UpdateReview {
  return reviewUpdate(kind, { internal, external }, context.facts, context.incident.now);
}

/** Whether an external update at this severity needs a second person's approval first. */
export function approvalRequired(context: CommsContext): boolean {
  return context.settings.approvalSeverities.includes(context.incident.record.severity ?? 1);
}

/** The approval a review gave to exactly these drafts, if any. */
export function approvalOf(context: CommsContext, internal: string, external: string | undefined): string | undefined {
  const stored = context.comms.review;
  if (stored?.state !== 'approved' || stored.decidedBy === undefined) return undefined;
  return stored.internal.trim() === internal.trim() && (stored.external ?? '').trim() === (external ?? '').trim() ? stored.decidedBy : undefined;
}
