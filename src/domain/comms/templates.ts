import { latestAnswers } from '../assessment';
import { formatDuration } from '../duration';
import { RuleViolation } from '../errors';
import type { IncidentFacts, SentCommunication } from '../incident';
import { DEFAULT_SEVERITY_SCALE, type SeverityScale } from '../severity';
import { formatUtcMinute, type EpochMs } from '../time';
import { externalAffected, externalIncidentName, internalAffected, internalIncidentName, joinNames } from './incident-names';
import { renderUpdate } from './render-update';
import type { UpdateDraft } from './update-draft';

/** A message ready to post: the Statuspage incident name (and email subject) and its body. */
export interface CommsMessage {
  readonly kind: SentCommunication['kind'];
  readonly phase: SentCommunication['phase'];
  readonly title: string;
  readonly body: string;
}

/** The handbook's initial internal message, for the internal Statuspage and the incident email list. */
export function initialInternalMessage(facts: IncidentFacts, scale: SeverityScale = DEFAULT_SEVERITY_SCALE): CommsMessage {
  const affected = internalAffected(facts);
  const opening =
    affected.length === 0
      ? 'We are investigating an incident; the affected service is not known yet.'
      : `We are investigating an incident affecting ${joinNames(affected)}.`;
  return {
    kind: 'internal',
    phase: 'initial',
    title: internalIncidentName(facts, scale),
    body: `${opening} We will provide updates via email and Statuspage shortly.`,
  };
}

/** The handbook's initial external message for the customer Statuspage. */
export function initialExternalMessage(facts: IncidentFacts): CommsMessage {
  return {
    kind: 'external',
    phase: 'initial',
    title: externalIncidentName(facts),
    body: `We are investigating issues with ${externalAffected(facts)} and will provide updates here soon.`,
  };
}

/** An internal follow-up: the incident name as subject and the rendered update as body. */
export function followUpInternalMessage(
  facts: IncidentFacts,
  draft: UpdateDraft,
  scale: SeverityScale = DEFAULT_SEVERITY_SCALE,
): CommsMessage {
  return { kind: 'internal', phase: 'follow-up', title: internalIncidentName(facts, scale), body: renderUpdate(draft) };
}

/** What an external follow-up may promise; customers want to know if it is fixed and when it will be. */
export interface ExternalFollowUp {
  readonly eta?: string;
  readonly nextUpdateAt?: EpochMs;
}

/** A short external follow-up: still working on it, the ETA if there is one, and when the next update comes. */
export function followUpExternalMessage(facts: IncidentFacts, update: ExternalFollowUp = {}): CommsMessage {
  const eta = update.eta?.trim();
  const parts = [`We are continuing to work on issues with ${externalAffected(facts)}.`];
  if (eta !== undefined && eta !== '') parts.push(`We expect to restore service by ${eta}.`);
  parts.push(
    update.nextUpdateAt === undefined
      ? 'We will provide another update here soon.'
      : `We will provide another update by ${formatUtcMinute(update.nextUpdateAt)}.`,
  );
  return { kind: 'external', phase: 'follow-up', title: externalIncidentName(facts), body: parts.join(' ') };
}

function requireImpactEnded(facts: IncidentFacts): EpochMs {
  const { impactEnd } = facts.impactTimes;
  if (impactEnd === undefined) {
    throw new RuleViolation('final-comms-require-impact-end', 'Record when the impact ended before sending final communications.');
  }
  return impactEnd;
}

function impactRecap(facts: IncidentFacts): string {
  const latest = latestAnswers(facts.assessment);
  const impact = latest['customer-impact'];
  const reach = latest['customers-affected'];
  const summary = impact?.questionId === 'customer-impact' ? impact.answer.summary.replace(/[.\s]+$/, '') : 'not recorded';
  if (reach?.questionId !== 'customers-affected') return `Impact: ${summary}.`;
  const count = reach.answer.count === undefined ? '' : ` (${reach.answer.count})`;
  return `Impact: ${summary}; ${reach.answer.reach === 'all' ? 'all' : 'some'} customers affected${count}.`;
}

function durationRecap(impactStart: EpochMs | undefined, impactEnd: EpochMs): string {
  if (impactStart === undefined) return `Impact ended at ${formatUtcMinute(impactEnd)}; the start of impact was not recorded.`;
  return `Duration: ${formatDuration(impactEnd - impactStart)}, from ${formatUtcMinute(impactStart)} to ${formatUtcMinute(impactEnd)}.`;
}

/**
 * The final internal message: recap of impact and duration, support cases and other dimensions, and a
 * clear statement that the incident is resolved and no further communications will follow.
 * Throws RuleViolation until the impact end is recorded.
 */
export function finalInternalMessage(facts: IncidentFacts, scale: SeverityScale = DEFAULT_SEVERITY_SCALE): CommsMessage {
  const impactEnd = requireImpactEnded(facts);
  const factors = latestAnswers(facts.assessment)['other-factors'];
  const lines = [
    `${facts.key} is resolved.`,
    impactRecap(facts),
    durationRecap(facts.impactTimes.impactStart, impactEnd),
    facts.supportCaseCount === undefined ? 'Support cases raised: not recorded.' : `Support cases raised: ${facts.supportCaseCount}.`,
  ];
  if (factors?.questionId === 'other-factors' && factors.answer.factors.length > 0) {
    lines.push(`Other factors: ${joinNames(factors.answer.factors.map((factor) => factor.replace('-', ' ')))}.`);
  }
  if (facts.cleanupIssues.length > 0) lines.push(`Cleanup is tracked in ${joinNames(facts.cleanupIssues)}.`);
  lines.push('This incident is resolved and there will be no further communications about it.');
  return { kind: 'internal', phase: 'final', title: internalIncidentName(facts, scale), body: lines.join('\n') };
}

/** The final external message: service is restored and a postmortem will follow. Throws RuleViolation until impact has ended. */
export function finalExternalMessage(facts: IncidentFacts): CommsMessage {
  requireImpactEnded(facts);
  return {
    kind: 'external',
    phase: 'final',
    title: externalIncidentName(facts),
    body: `This incident has been resolved and service to ${externalAffected(facts)} has been restored. We will follow up with a postmortem.`,
  };
}
