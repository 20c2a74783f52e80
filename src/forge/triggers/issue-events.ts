import { z } from 'zod';
import { acknowledgeIncident } from '../../app/paging/acknowledge-page';
import { endIncidentRoles, endsTheResponse } from '../../app/cockpit/end-incident-roles';
import { loadConfiguration } from '../../app/configuration-store';
import { isIncident, readIncident } from '../../app/incident-fields';
import { reactToIssueCreated } from '../../app/react-to-issue-created';
import { changelogItems, reactToIssueUpdated } from '../../app/react-to-issue-updated';
import type { IssueData } from '../../app/ports';
import { INVOCATION_LIMIT_MS } from '../adapters/invocation';
import { SlackChatRooms } from '../adapters/slack-chat-rooms';
import { services } from '../composition';
import { withPlatformRetry } from './platform-retry';
import { projectIncidentMetrics } from './incident-metrics';
import { reactToResolution } from '../../app/learning/app-side';
import { JiraLinkedWork } from '../adapters/jira-linked-work';
import { JiraClient } from '../adapters/jira-client';
import { asApp } from '@forge/api';
import { isDrill } from '../../app/drills/drill-record';
import { endDrillWhenResponseEnds } from '../../app/drills/end-drill';
import { appCockpitDeps } from '../resolvers/drills';

const issueEventSchema = z
  .object({
    issue: z
      .object({
        id: z.union([z.string(), z.number()]).transform(String),
        key: z.string(),
        fields: z.record(z.string(), z.unknown()).default({}),
      })
      .loose(),
    changelog: z.unknown().optional(),
    timestamp: z.union([z.number(), z.string()]).optional(),
    atlassianId: z.string().optional(),
  })
  .loose();

type IssueEvent = z.output<typeof issueEventSchema>;

function parseEvent(eventType: string, event: unknown): IssueEvent | undefined {
  const parsed = issueEventSchema.safeParse(event);
  // A payload without an issue cannot be acted on, and redelivering it would not help.
  if (!parsed.success) console.warn(`Ignoring a ${eventType} event without an issue: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

const issueOf = (event: IssueEvent): IssueData => ({ id: event.issue.id, key: event.issue.key, fields: event.issue.fields });

// A change is identified across redeliveries by its changelog id; the event's timestamp is the fallback.
function changeIdOf(event: IssueEvent): string {
  const changelogId = z.object({ id: z.union([z.string(), z.number()]) }).loose().safeParse(event.changelog).data?.id;
  return String(changelogId ?? event.timestamp ?? 'unknown');
}

/** `avi:jira:created:issue`: page for a new incident (or route it), count a new support case. */
export async function onIssueCreated(event: unknown) {
  const parsed = parseEvent('created-issue', event);
  if (parsed === undefined) return undefined;
  return withPlatformRetry(`Paging for ${parsed.issue.key}`, async () => {
    const s = services(INVOCATION_LIMIT_MS.event);
    const [outcome] = await Promise.all([reactToIssueCreated(s.paging, issueOf(parsed)), updateMetrics(s, parsed)]);
    return outcome;
  });
}

// The metrics row is kept apart from paging: its failure never holds a page back, and the reconcile run repairs it.
async function updateMetrics(s: ReturnType<typeof services>, event: IssueEvent): Promise<void> {
  await projectIncidentMetrics(s, issueOf(event)).catch((error: unknown) => console.warn(`Incident metrics of ${event.issue.key} not updated: ${String(error)}`));
}

/**
 * `avi:jira:updated:issue`: severity raised, faulty service changed, incident taken, support-case
 * labels changed; and once it is resolved or cancelled, roles end and the IM's chat status clears.
 */
export async function onIssueUpdated(event: unknown) {
  const parsed = parseEvent('updated-issue', event);
  if (parsed === undefined) return undefined;
  const items = changelogItems(parsed.changelog);
  return withPlatformRetry(`Reacting to the change of ${parsed.issue.key}`, async () => {
    const s = services(INVOCATION_LIMIT_MS.event);
    const endRoles = async (): Promise<void> => {
      if (!endsTheResponse(items)) return;
      const problems = await endIncidentRoles({ store: s.store, chat: new SlackChatRooms(s.store, s.clock, s.deadline), clock: s.clock }, parsed.issue);
      for (const problem of problems) console.warn(problem);
    };
    // Resolved or cancelled in Jira itself: label a false alarm, ask for a missing impact end.
    const statusChange = items.find((item) => item.field?.toLowerCase() === 'status')?.toText;
    const resolution = async (): Promise<void> => {
      if (statusChange === undefined) return;
      const labels = new JiraLinkedWork(new JiraClient((path, init) => asApp().requestJira(path, init), s.clock, s.deadline));
      await reactToResolution({ tracker: s.appTracker, store: s.store, labels }, parsed.issue, statusChange);
    };
    // A drill resolved or cancelled in Jira ends with its scorecard; only drills pay for the look-up.
    const endDrill = async (): Promise<void> => {
      const labels = z.array(z.string()).catch([]).parse(parsed.issue.fields['labels'] ?? []);
      if (!endsTheResponse(items) || !isDrill(labels)) return;
      const caller = { accountId: parsed.atlassianId ?? 'app', issueKey: parsed.issue.key, issueId: parsed.issue.id };
      const ending = await endDrillWhenResponseEnds({ ...appCockpitDeps(s), appTracker: s.appTracker }, caller);
      if (ending !== undefined) console.info(`Drill ${parsed.issue.key} ended (${ending}) with its scorecard`);
    };
    const [outcome] = await Promise.all([reactToIssueUpdated(s.paging, { issue: issueOf(parsed), items, changeId: changeIdOf(parsed) }), endRoles(), updateMetrics(s, parsed), resolution(), endDrill()]);
    return outcome;
  });
}

/** `avi:jira:assigned:issue`: whoever takes the incident acknowledges its pages. */
export async function onIssueAssigned(event: unknown) {
  const parsed = parseEvent('assigned-issue', event);
  if (parsed === undefined) return undefined;
  return withPlatformRetry(`Acknowledging ${parsed.issue.key}`, async () => {
    const s = services(INVOCATION_LIMIT_MS.event);
    const config = await loadConfiguration(s.store);
    const incident = readIncident(issueOf(parsed), config);
    if (incident.assigneeAccountId === undefined || !isIncident(incident, config)) return;
    await acknowledgeIncident(s.paging, { issueId: incident.id, by: incident.assigneeAccountId, via: 'assigned', scope: { kind: 'incident-manager' } });
  });
}
