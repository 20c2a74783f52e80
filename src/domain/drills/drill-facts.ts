import type { IncidentFacts } from '../incident';
import type { EpochMs } from '../time';
import type { DrillFacts } from './scorecard';

/** What the drill itself knows beyond the incident's facts: when it ran, how it ended, and what the comms checks found. */
export interface DrillRun {
  readonly startedAt: EpochMs;
  readonly endedAt: EpochMs;
  readonly ending: DrillFacts['ending'];
  /** When the chat room, call and state document were first there, if the app recorded it. */
  readonly commsOpenedAt?: EpochMs;
  readonly updates?: DrillFacts['updates'];
}

const first = (times: readonly (EpochMs | undefined)[]): EpochMs | undefined =>
  times.filter((at): at is EpochMs => at !== undefined).sort((a, b) => a - b)[0];

/**
 * The drill's facts, read from the same incident facts the checklist judges, so a drill is scored on
 * exactly what the real product recorded. Only steps taken after the drill started count: the
 * person who starts a drill is its first IM by default, and that is not taking command.
 */
export function drillFactsFrom(facts: IncidentFacts, run: DrillRun): DrillFacts {
  const after = (at: EpochMs | undefined): EpochMs | undefined => (at !== undefined && at >= run.startedAt ? at : undefined);
  const managers = facts.roles.filter((assignment) => assignment.role === 'incident-manager').sort((a, b) => a.startedAt - b.startedAt);
  const internal = facts.communications.filter((sent) => sent.kind === 'internal').sort((a, b) => a.at - b.at);
  const followUps = internal.flatMap((sent, index) => {
    if (sent.nextUpdateAt === undefined || sent.phase === 'final') return [];
    const next = internal[index + 1];
    return [{ promisedBy: sent.nextUpdateAt, ...(next === undefined ? {} : { sentAt: next.at }) }];
  });
  const delegated = new Set(facts.roles.filter((assignment) => assignment.role !== 'incident-manager' && after(assignment.startedAt) !== undefined).map((assignment) => assignment.role));
  const commandTakenAt = first([after(facts.impactTimes.acknowledged), ...managers.map((assignment) => after(assignment.startedAt))]);
  const commsOpenedAt = run.commsOpenedAt;
  const initialCommsAt = first(internal.filter((sent) => sent.phase === 'initial').map((sent) => after(sent.at)));
  const firstEscalationAt = first(facts.pages.filter((page) => page.purpose === 'escalation').map((page) => after(page.sentAt)));
  const resolvedAt = run.ending === 'resolved' ? (facts.impactTimes.impactEnd ?? run.endedAt) : undefined;
  return {
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    ending: run.ending,
    ...(commandTakenAt === undefined ? {} : { commandTakenAt }),
    ...(commsOpenedAt === undefined ? {} : { commsOpenedAt }),
    ...(initialCommsAt === undefined ? {} : { initialCommsAt }),
    ...(firstEscalationAt === undefined ? {} : { firstEscalationAt }),
    followUps,
    updates: run.updates ?? [],
    rolesDelegated: delegated.size,
    handovers: Math.max(0, managers.length - 1),
    ...(resolvedAt === undefined ? {} : { resolvedAt }),
  };
}
