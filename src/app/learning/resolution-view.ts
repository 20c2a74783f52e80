import { z } from 'zod';
import type { LinkedTaskView, ResolutionView } from '../../contracts/resolution';
import { businessDaysAfter } from '../../domain/learning/business-days';
import { formatInstant } from '../../domain/time';
import type { IncidentRecord, IssueLinkRecord } from '../cockpit/incident-record';
import type { IncidentContext } from '../cockpit/incident-context';
import { readOnlyReason } from '../cockpit/incident-context';
import type { WorkflowTransition } from '../cockpit/ports';
import { issueUrl } from '../incident-fields';
import type { AppStore } from '../ports';
import { dueDaysFor, type LearningSettings } from './learning-settings';
import { cleanupLinks, closeRefusal, postmortemLink } from './postmortem-gate';

/** What the app keeps of the postmortem it created: its key, due date and owner (for the reminder). */
export const postmortemRecordSchema = z.strictObject({ key: z.string(), dueDate: z.string(), assigneeAccountId: z.string().exactOptional(), createdAt: z.string() });
export type PostmortemRecord = z.output<typeof postmortemRecordSchema>;

/** One record per incident, written only by the first creation (a second click finds it). */
export const postmortemRecordKey = (issueId: string): string => `postmortem:${issueId.replace(/[^A-Za-z0-9_-]/g, '_')}`;

export async function loadPostmortemRecord(store: AppStore, issueId: string): Promise<PostmortemRecord | undefined> {
  return postmortemRecordSchema.safeParse(await store.get(postmortemRecordKey(issueId))).data;
}

const named = (name: string) => (transition: WorkflowTransition) => transition.toStatusName.trim().toLowerCase() === name;

/** The transition that resolves the incident, if the viewer may take it now. */
export function resolveTransition(record: Pick<IncidentRecord, 'transitions'>): WorkflowTransition | undefined {
  return record.transitions.find(named('resolved'));
}

/** The transition that cancels the incident as a false alarm, if the viewer may take it now. */
export function cancelTransition(record: Pick<IncidentRecord, 'transitions'>): WorkflowTransition | undefined {
  return record.transitions.find(named('cancelled'));
}

function taskView(context: IncidentContext, link: IssueLinkRecord): LinkedTaskView {
  return { key: link.key, summary: link.summary, statusName: link.statusName, done: link.statusCategory === 'done', url: issueUrl(context.config, link.key) };
}

/** The Resolve tab as it stands, computed from the context without further remote calls. */
export function resolutionView(context: IncidentContext, settings: LearningSettings, record: PostmortemRecord | undefined): ResolutionView {
  const { record: incident, now, permissions } = context;
  const editable = readOnlyReason(permissions) === undefined;
  const postmortem = postmortemLink(incident.links, settings);
  const refusal = incident.status === 'resolved' ? closeRefusal(incident, settings) : undefined;
  const resolved = incident.status === 'resolved' || incident.status === 'closed';
  const cleanupTasks = cleanupLinks(incident.links).map((link) => taskView(context, link));
  const nextSteps =
    incident.status !== 'resolved'
      ? []
      : [
          'Send the final update: say the impact has ended, to everyone who followed the incident (Updates tab).',
          ...(cleanupTasks.length === 0 ? ['Create the cleanup tasks: what was done in a hurry that must be tidied up.'] : []),
          ...(postmortem === undefined ? ['Create the postmortem and give it an owner.'] : []),
        ];
  return {
    issueKey: incident.key,
    status: incident.status,
    statusName: incident.statusName,
    ...(incident.impactStart === undefined ? {} : { impactStart: formatInstant(incident.impactStart) }),
    ...(incident.detected === undefined ? {} : { detected: formatInstant(incident.detected) }),
    ...(incident.impactEnd === undefined ? {} : { impactEnd: formatInstant(incident.impactEnd) }),
    canResolve: editable && permissions.transition && incident.status === 'fixing' && resolveTransition(incident) !== undefined,
    canCancel: editable && permissions.transition && cancelTransition(incident) !== undefined,
    impactEndMissing: resolved && incident.impactEnd === undefined,
    suggestedImpactEnd: formatInstant(now),
    cleanupTasks,
    ...(postmortem === undefined
      ? {}
      : {
          postmortem: {
            ...taskView(context, postmortem),
            ...(record?.key === postmortem.key ? { dueDate: record.dueDate } : {}),
          },
        }),
    ...(refusal === undefined ? {} : { closeBlockedReason: refusal }),
    cleanupConfigured: settings.cleanup.projectKey !== undefined,
    postmortemConfigured: settings.postmortem.projectKey !== undefined,
    postmortemDueDate: businessDaysAfter(incident.impactEnd ?? now, dueDaysFor(settings, incident.severity)),
    nextSteps,
    canEdit: editable,
  };
}
