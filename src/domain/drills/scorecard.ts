import { CHECKLIST_STEP_NAMES, type ChecklistStep } from '../checklist';
import { formatDuration, type DurationMs } from '../duration';
import type { EpochMs } from '../time';
import type { ScenarioTargets } from './scenario';

const MINUTE = 60_000;

/** What happened during a drill, as the app recorded it; absent times mean the step never happened. */
export interface DrillFacts {
  readonly startedAt: EpochMs;
  readonly endedAt: EpochMs;
  readonly ending: 'resolved' | 'abandoned';
  readonly commandTakenAt?: EpochMs;
  readonly commsOpenedAt?: EpochMs;
  readonly initialCommsAt?: EpochMs;
  readonly firstEscalationAt?: EpochMs;
  /** Each follow-up the IM promised ("next update by …") and when, if ever, it went out. */
  readonly followUps: readonly { readonly promisedBy: EpochMs; readonly sentAt?: EpochMs }[];
  /** The completeness check of each update sent: what it lacked. */
  readonly updates: readonly { readonly kind: 'initial' | 'follow-up' | 'final'; readonly missing: readonly string[] }[];
  readonly rolesDelegated: number;
  readonly handovers: number;
  readonly resolvedAt?: EpochMs;
}

/** Met, missed, or not scored because the scenario sets no target for it. */
export type Verdict = 'met' | 'missed' | 'unscored';

/** One line of the scorecard: a measure, what happened, what the scenario expected, and the handbook step. */
export interface ScorecardLine {
  readonly step: ChecklistStep;
  readonly stepName: string;
  readonly measure: string;
  readonly actual: string;
  readonly target: string;
  readonly verdict: Verdict;
}

/** The drill's scorecard: one line per measure, and how many targets were met. */
export interface Scorecard {
  readonly ending: DrillFacts['ending'];
  readonly lines: readonly ScorecardLine[];
  readonly met: number;
  readonly scored: number;
}

function line(step: ChecklistStep, measure: string, actual: string, target: string, verdict: Verdict): ScorecardLine {
  return { step, stepName: CHECKLIST_STEP_NAMES[step], measure, actual, target, verdict };
}

/** A time-to-step line: the time from the start, against a target in minutes after the start. */
function timed(step: ChecklistStep, measure: string, facts: DrillFacts, at: EpochMs | undefined, targetMinutes: number | undefined): ScorecardLine {
  const target = targetMinutes === undefined ? 'no target' : `within ${formatDuration(targetMinutes * MINUTE)}`;
  if (at === undefined) return line(step, measure, 'not done', target, targetMinutes === undefined ? 'unscored' : 'missed');
  const took: DurationMs = Math.max(0, at - facts.startedAt);
  const verdict: Verdict = targetMinutes === undefined ? 'unscored' : took <= targetMinutes * MINUTE ? 'met' : 'missed';
  return line(step, measure, formatDuration(took), target, verdict);
}

/**
 * Scores a drill against its scenario's targets, step by step in the handbook's order. Pure: the same
 * facts always give the same scorecard, so the panel and the posted comment never disagree.
 */
export function scoreDrill(facts: DrillFacts, targets: ScenarioTargets): Scorecard {
  const lines: ScorecardLine[] = [
    timed('raise', 'Take command', facts, facts.commandTakenAt, targets.takeCommandMinutes),
    timed('open-comms', 'Open comms', facts, facts.commsOpenedAt, targets.openCommsMinutes),
    timed('initial-comms', 'Initial comms', facts, facts.initialCommsAt, targets.initialCommsMinutes),
    timed('escalate', 'First escalation', facts, facts.firstEscalationAt, targets.firstEscalationMinutes),
  ];
  facts.followUps.forEach((followUp, index) => {
    const allowance = targets.followUpLateMinutes;
    const target = allowance === undefined ? 'no target' : `by the promised time${allowance > 0 ? ` (+${formatDuration(allowance * MINUTE)})` : ''}`;
    const measure = `Follow-up ${index + 1}`;
    if (followUp.sentAt === undefined) {
      lines.push(line('follow-up-comms', measure, 'not sent', target, allowance === undefined ? 'unscored' : 'missed'));
      return;
    }
    const late = followUp.sentAt - followUp.promisedBy;
    const actual = late <= 0 ? 'on time' : `${formatDuration(late)} late`;
    lines.push(line('follow-up-comms', measure, actual, target, allowance === undefined ? 'unscored' : late <= allowance * MINUTE ? 'met' : 'missed'));
  });
  facts.updates.forEach((update, index) => {
    const step: ChecklistStep = update.kind === 'initial' ? 'initial-comms' : update.kind === 'final' ? 'resolve' : 'follow-up-comms';
    const actual = update.missing.length === 0 ? 'complete' : `missing ${update.missing.join(', ')}`;
    lines.push(line(step, `Update ${index + 1} (${update.kind}) completeness`, actual, 'complete', update.missing.length === 0 ? 'met' : 'missed'));
  });
  const wanted = targets.rolesDelegated;
  lines.push(
    line('delegate', 'Roles delegated', String(facts.rolesDelegated), wanted === undefined ? 'no target' : `at least ${wanted}`, wanted === undefined ? 'unscored' : facts.rolesDelegated >= wanted ? 'met' : 'missed'),
    line('delegate', 'Handovers', String(facts.handovers), 'no target', 'unscored'),
  );
  if (facts.ending === 'abandoned') {
    const target = targets.resolveMinutes === undefined ? 'no target' : `within ${formatDuration(targets.resolveMinutes * MINUTE)}`;
    lines.push(line('resolve', 'Resolve', `abandoned after ${formatDuration(Math.max(0, facts.endedAt - facts.startedAt))}`, target, targets.resolveMinutes === undefined ? 'unscored' : 'missed'));
  } else {
    lines.push(timed('resolve', 'Resolve', facts, facts.resolvedAt, targets.resolveMinutes));
  }
  const scored = lines.filter((item) => item.verdict !== 'unscored').length;
  return { ending: facts.ending, lines, met: lines.filter((item) => item.verdict === 'met').length, scored };
}
