import { DEFAULT_UPDATE_INTERVAL_MS, nextUpdateDue } from './comms/cadence';
import { formatDuration, type DurationMs } from './duration';
import { DEFAULT_FATIGUE_LIMITS, fatigue, type FatigueLimits } from './fatigue';
import type { IncidentFacts } from './incident';
import { currentHolders, currentIncidentManager } from './roles';
import { DEFAULT_SEVERITY_SCALE, shouldPage, type SeverityScale } from './severity';
import { formatUtcMinute, type EpochMs } from './time';
import { chronological, confirmedTheories, openStreams } from './timeline';
import { isActive } from './workflow';

/** The handbook's questions for keeping the team's discipline during Review. */
export const DISCIPLINE_QUESTIONS = {
  communication: 'Is the team communicating effectively?',
  streams: 'What are the current observations, theories, and streams of work?',
  decisions: 'Are we making decisions effectively?',
  changes: "Are we making changes intentionally and carefully? Do we know what changes we're making?",
  roles: 'Are roles clear? Are people doing their jobs? Do we need to escalate to more teams?',
} as const;

/** The area of discipline a prompt is about. */
export type DisciplineTopic = keyof typeof DISCIPLINE_QUESTIONS;

/** A handbook question raised by a specific fact, with that fact spelled out. */
export interface DisciplinePrompt {
  readonly topic: DisciplineTopic;
  readonly question: string;
  readonly prompt: string;
}

/** Thresholds for the prompts. */
export interface DisciplineOptions {
  readonly scale?: SeverityScale;
  readonly updateIntervalMs?: DurationMs;
  /** How long the timeline may stay silent before the IM is asked whether the team is still recording. */
  readonly quietPeriodMs?: DurationMs;
  /** How long a page may go unacknowledged before escalating further is suggested. */
  readonly pageAcknowledgementMs?: DurationMs;
  readonly fatigueLimits?: FatigueLimits;
}

const prompt = (topic: DisciplineTopic, text: string): DisciplinePrompt => ({ topic, question: DISCIPLINE_QUESTIONS[topic], prompt: text });

function communication(facts: IncidentFacts, now: EpochMs, options: DisciplineOptions): DisciplinePrompt[] {
  const prompts: DisciplinePrompt[] = [];
  if (facts.channels.chatRoom === undefined) prompts.push(prompt('communication', 'No chat room is linked: where is the team talking?'));
  const due = nextUpdateDue(facts, now, options.updateIntervalMs ?? DEFAULT_UPDATE_INTERVAL_MS);
  if (due !== undefined && due.overdueByMs > 0) {
    prompts.push(
      prompt('communication', `The next ${due.kind} update was due at ${formatUtcMinute(due.at)} and is ${formatDuration(due.overdueByMs)} overdue.`),
    );
  }
  const quietMs = options.quietPeriodMs ?? 30 * 60_000;
  const lastRecorded = chronological(facts.timeline).at(-1)?.at ?? facts.impactTimes.detected;
  if (lastRecorded !== undefined && now - lastRecorded >= quietMs) {
    prompts.push(
      prompt(
        'communication',
        `Nothing has been recorded on the timeline for ${formatDuration(now - lastRecorded)}: note observations, changes and decisions as they happen.`,
      ),
    );
  }
  return prompts;
}

function streams(facts: IncidentFacts): DisciplinePrompt[] {
  const prompts: DisciplinePrompt[] = [];
  const open = openStreams(facts.timeline);
  if (open.length > 0) {
    const count = `${open.length} open stream${open.length === 1 ? '' : 's'} of work`;
    prompts.push(prompt('streams', `${count}: ${open.map((stream) => stream.description).join('; ')}.`));
  }
  const hasObservation = facts.timeline.some((entry) => entry.kind === 'observation');
  if (hasObservation && !facts.timeline.some((entry) => entry.kind === 'theory')) {
    prompts.push(prompt('streams', 'Observations are recorded but there is no theory yet: why is it happening?'));
  }
  return prompts;
}

function decisions(facts: IncidentFacts): DisciplinePrompt[] {
  return confirmedTheories(facts.timeline)
    .filter(({ confirmedAt }) => !facts.timeline.some((entry) => entry.kind === 'decision' && entry.at >= confirmedAt))
    .map(({ theory, confirmedAt }) =>
      prompt('decisions', `Theory "${theory.text}" was confirmed at ${formatUtcMinute(confirmedAt)} but no decision has been recorded since.`),
    );
}

function changes(facts: IncidentFacts): DisciplinePrompt[] {
  return facts.timeline.flatMap((entry) =>
    entry.kind === 'change' && entry.revert === undefined
      ? [prompt('changes', `Change "${entry.what}" by ${entry.who} at ${formatUtcMinute(entry.at)} has no revert plan: do we know how to undo it?`)]
      : [],
  );
}

function roles(facts: IncidentFacts, now: EpochMs, options: DisciplineOptions): DisciplinePrompt[] {
  const prompts: DisciplinePrompt[] = [];
  const scale = options.scale ?? DEFAULT_SEVERITY_SCALE;
  const im = currentIncidentManager(facts.roles, now);
  if (facts.assignee === undefined) {
    prompts.push(prompt('roles', 'Nobody is assigned as incident manager: who is in charge?'));
  } else if (im !== undefined && im !== facts.assignee) {
    prompts.push(prompt('roles', `The Jira assignee ${facts.assignee} is not the current incident manager ${im}: keep the assignee accurate.`));
  }
  if (facts.status === 'fixing' && shouldPage(scale, facts.severity) && currentHolders(facts.roles, 'tech-lead', now).length === 0) {
    prompts.push(prompt('roles', 'No tech lead is assigned: who is running the technical response?'));
  }
  const ackMs = options.pageAcknowledgementMs ?? 15 * 60_000;
  for (const page of facts.pages) {
    if (page.acknowledgedAt === undefined && now - page.sentAt >= ackMs) {
      prompts.push(
        prompt('roles', `The page to ${page.target} sent at ${formatUtcMinute(page.sentAt)} is unacknowledged after ${formatDuration(now - page.sentAt)}: escalate further?`),
      );
    }
  }
  for (const warning of fatigue(facts.roles, now, options.fatigueLimits ?? DEFAULT_FATIGUE_LIMITS)) {
    prompts.push(prompt('roles', warning.message));
  }
  return prompts;
}

/**
 * The handbook's Review questions that the facts say need attention now, each with the fact behind it.
 * Only while the incident is active; an empty list means nothing the facts can see is amiss.
 */
export function disciplinePrompts(facts: IncidentFacts, now: EpochMs, options: DisciplineOptions = {}): DisciplinePrompt[] {
  if (!isActive(facts.status)) return [];
  return [
    ...communication(facts, now, options),
    ...streams(facts),
    ...decisions(facts),
    ...changes(facts),
    ...roles(facts, now, options),
  ];
}
