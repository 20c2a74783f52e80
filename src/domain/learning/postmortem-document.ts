/**
 * The postmortem issue's description: an ADF document built with Atlassian's own builders, so
 * Jira renders it natively and the reviewers start from what the response recorded rather than a
 * blank page. Sections follow the handbook's postmortem: summary, impact, timeline, roles and
 * handovers, communications, cleanup tasks; a section with nothing recorded says so.
 */
import { bulletList, doc, heading, link, listItem, p, strong, table, tableCell, tableHeader, tableRow, text } from '@atlaskit/adf-utils/builders';
import { formatDuration } from '../duration';
import { timeToDetect, timeToRecover } from '../impact-times';
import type { SentCommunication } from '../incident';
import { handovers, roleLabel, type RoleAssignment } from '../roles';
import { formatUtcMinute, type EpochMs } from '../time';
import type { TimelineEntry } from '../timeline';

export interface CleanupTaskFacts {
  readonly key: string;
  readonly summary: string;
  readonly status: string;
}

/** What the postmortem is prefilled from: the incident as Jira and the app recorded it. */
export interface PostmortemFacts {
  readonly key: string;
  readonly summary: string;
  readonly url: string;
  readonly severityLabel?: string;
  readonly faultyService?: string;
  readonly affectedProducts: readonly string[];
  readonly supportCases?: number;
  readonly impactStart?: EpochMs;
  readonly detected?: EpochMs;
  readonly impactEnd?: EpochMs;
  readonly timeline: readonly TimelineEntry[];
  readonly roles: readonly RoleAssignment[];
  readonly communications: readonly SentCommunication[];
  readonly cleanupTasks: readonly CleanupTaskFacts[];
  /** A person's display name (the account id when unknown). */
  readonly nameOf: (accountId: string) => string;
}

const KIND_NAMES: Readonly<Record<TimelineEntry['kind'], string>> = {
  observation: 'Observation',
  theory: 'Theory',
  experiment: 'Experiment',
  decision: 'Decision',
  change: 'Change',
  note: 'Note',
};

const NOT_RECORDED = 'not recorded';

const when = (at: EpochMs | undefined): string => (at === undefined ? NOT_RECORDED : formatUtcMinute(at));
const span = (ms: number | undefined): string => (ms === undefined || ms < 0 ? NOT_RECORDED : formatDuration(ms));
const cell = (value: string) => tableCell({})(p(value === '' ? ' ' : value));
const headerCell = (value: string) => tableHeader({})(p(value));
const row = (label: string, value: string) => tableRow([tableCell({})(p(strong(label))), cell(value)]);
const bullets = (lines: readonly string[], empty: string) => (lines.length === 0 ? p(empty) : bulletList(...lines.map((line) => listItem([p(line)]))));

/** What a timeline entry says, with a change's maker and revert plan and an experiment's outcome. */
function entryText(entry: TimelineEntry, nameOf: (accountId: string) => string): string {
  switch (entry.kind) {
    case 'change':
      return `${entry.what} (made by ${nameOf(entry.who)}; revert: ${entry.revert ?? 'no plan recorded'})`;
    case 'experiment':
      return `${entry.text} (outcome: ${entry.outcome}${entry.concludedAt === undefined ? '' : ` at ${formatUtcMinute(entry.concludedAt)}`})`;
    default:
      return entry.text;
  }
}

/** The postmortem's ADF description. */
export function postmortemDocument(facts: PostmortemFacts): ReturnType<typeof doc> {
  const times = {
    ...(facts.impactStart === undefined ? {} : { impactStart: facts.impactStart }),
    ...(facts.detected === undefined ? {} : { detected: facts.detected }),
    ...(facts.impactEnd === undefined ? {} : { impactEnd: facts.impactEnd }),
  };
  const timeline = [...facts.timeline].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  const roles = [...facts.roles].sort((a, b) => a.startedAt - b.startedAt);
  const passed = handovers(facts.roles);
  return doc(
    heading({ level: 2 })(text('Summary')),
    p(
      text('Postmortem of '),
      link({ href: facts.url })(text(facts.key)),
      text(`: ${facts.summary}${facts.severityLabel === undefined ? '' : ` (${facts.severityLabel})`}${facts.faultyService === undefined ? '' : `, faulty service ${facts.faultyService}`}.`),
    ),
    p(strong('What happened, why, and what we change so it does not happen again: '), text('to be written by the postmortem owner.')),
    heading({ level: 2 })(text('Impact')),
    table(
      row('Impact start', when(facts.impactStart)),
      row('Detected', when(facts.detected)),
      row('Impact end', when(facts.impactEnd)),
      row('Time to detect (TTD)', span(timeToDetect(times))),
      row('Time to recover (TTR)', span(timeToRecover(times))),
      row('Affected products', facts.affectedProducts.length === 0 ? NOT_RECORDED : facts.affectedProducts.join(', ')),
      row('Support cases', facts.supportCases === undefined ? NOT_RECORDED : String(facts.supportCases)),
    ),
    heading({ level: 2 })(text('Timeline')),
    timeline.length === 0
      ? p('Nothing was recorded on the incident timeline.')
      : table(
          tableRow([headerCell('Time (UTC)'), headerCell('Kind'), headerCell('Entry'), headerCell('By')]),
          ...timeline.map((entry) => tableRow([cell(formatUtcMinute(entry.at)), cell(KIND_NAMES[entry.kind]), cell(entryText(entry, facts.nameOf)), cell(facts.nameOf(entry.by))])),
        ),
    heading({ level: 2 })(text('Roles and handovers')),
    bullets(
      roles.map(
        (assignment) =>
          `${roleLabel(assignment.role, assignment.scope)}: ${facts.nameOf(assignment.accountId)}, ${formatUtcMinute(assignment.startedAt)} to ${assignment.endedAt === undefined ? 'the end' : formatUtcMinute(assignment.endedAt)}`,
      ),
      'No roles were recorded.',
    ),
    ...(passed.length === 0
      ? []
      : [bullets(passed.map((handover) => `Handover of ${roleLabel(handover.role)} from ${facts.nameOf(handover.from)} to ${facts.nameOf(handover.to)} at ${formatUtcMinute(handover.at)}`), '')]),
    heading({ level: 2 })(text('Communications sent')),
    bullets(
      [...facts.communications]
        .sort((a, b) => a.at - b.at)
        .map((sent) => `${formatUtcMinute(sent.at)}: ${sent.phase} ${sent.kind} update${sent.by === undefined ? '' : ` by ${facts.nameOf(sent.by)}`}`),
      'No communications were recorded by the app.',
    ),
    heading({ level: 2 })(text('Cleanup tasks')),
    bullets(
      facts.cleanupTasks.map((task) => `${task.key}: ${task.summary} (${task.status})`),
      'No cleanup tasks are linked yet.',
    ),
  );
}
