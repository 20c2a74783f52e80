import { latestAnswers } from './assessment';
import { DEFAULT_UPDATE_INTERVAL_MS, nextUpdateDue } from './comms/cadence';
import { internalIncidentName } from './comms/incident-names';
import { buildChecklist, describeChecklistItem, nextStep } from './checklist';
import { formatDuration, type DurationMs } from './duration';
import type { AccountId } from './identifiers';
import type { IncidentFacts } from './incident';
import { BUILT_IN_ROLES, currentHolders, roleLabel, type Role } from './roles';
import { DEFAULT_SEVERITY_SCALE, type SeverityScale } from './severity';
import { formatUtcMinute, type EpochMs } from './time';
import { chronological, openStreams } from './timeline';
import { toJiraStatusName } from './workflow';

/** How the brief is written. */
export interface HandoverBriefOptions {
  readonly scale?: SeverityScale;
  readonly updateIntervalMs?: DurationMs;
  /** Turns account ids into names people recognise; ids are shown as they are without it. */
  readonly displayName?: (accountId: AccountId) => string;
}

function impactLine(facts: IncidentFacts, now: EpochMs): string {
  const { impactStart, impactEnd } = facts.impactTimes;
  if (impactEnd !== undefined) {
    const length = impactStart === undefined ? '' : ` after ${formatDuration(impactEnd - impactStart)}`;
    return `Impact ended at ${formatUtcMinute(impactEnd)}${length}.`;
  }
  if (impactStart === undefined) return 'Impact start not recorded yet.';
  return `Impact ongoing for ${formatDuration(Math.max(0, now - impactStart))} (since ${formatUtcMinute(impactStart)}).`;
}

/**
 * A plain-text brief for whoever takes over: state, impact, roles, open streams of work, changes made,
 * when the next update is due and the next step on the checklist.
 */
export function handoverBrief(facts: IncidentFacts, now: EpochMs, options: HandoverBriefOptions = {}): string {
  const name = options.displayName ?? ((accountId: AccountId) => accountId);
  const scale = options.scale ?? DEFAULT_SEVERITY_SCALE;
  const intervalMs = options.updateIntervalMs ?? DEFAULT_UPDATE_INTERVAL_MS;
  const lines = [internalIncidentName(facts, scale), `Status: ${toJiraStatusName(facts.status)}. ${impactLine(facts, now)}`];

  const impact = latestAnswers(facts.assessment)['customer-impact'];
  if (impact?.questionId === 'customer-impact') lines.push(`Customer impact (${impact.answer.audience}): ${impact.answer.summary}`);

  const customRoles = [...new Set(facts.roles.map((a) => a.role).filter((role) => !(BUILT_IN_ROLES as readonly string[]).includes(role)))];
  const roleLines = [...BUILT_IN_ROLES, ...customRoles].flatMap((role: Role) =>
    currentHolders(facts.roles, role, now).map(
      (a) => `- ${roleLabel(a.role, a.scope)}: ${name(a.accountId)} (since ${formatUtcMinute(a.startedAt)}, ${formatDuration(now - a.startedAt)})`,
    ),
  );
  lines.push('', 'Roles:', ...(roleLines.length > 0 ? roleLines : ['- nobody holds a role']));

  const open = openStreams(facts.timeline);
  lines.push('', 'Open streams of work:', ...(open.length > 0 ? open.map((stream) => `- ${stream.description}`) : ['- none']));

  const changes = chronological(facts.timeline).flatMap((entry) =>
    entry.kind === 'change'
      ? [`- ${formatUtcMinute(entry.at)} ${name(entry.who)}: ${entry.what} (revert: ${entry.revert ?? 'no plan recorded'})`]
      : [],
  );
  if (changes.length > 0) lines.push('', 'Changes made:', ...changes);

  const due = nextUpdateDue(facts, now, intervalMs);
  const overdue = due !== undefined && due.overdueByMs > 0 ? `, overdue by ${formatDuration(due.overdueByMs)}` : '';
  lines.push('', due === undefined ? 'Next update due: none scheduled' : `Next update due: ${formatUtcMinute(due.at)} (${due.kind}${overdue})`);

  const step = nextStep(buildChecklist(facts, now, { scale, updateIntervalMs: intervalMs }));
  lines.push(step === undefined ? 'Next step: none; every step is done or not applicable' : `Next step: ${describeChecklistItem(step)}`);
  return lines.join('\n');
}
