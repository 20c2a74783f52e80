import type { CreateCleanupTaskPayload, CreatePostmortemPayload, ResolutionUpdate } from '../../contracts/resolution';
import { ValidationError } from '../../domain/errors';
import { businessDaysAfter, dueInstant } from '../../domain/learning/business-days';
import { postmortemDocument } from '../../domain/learning/postmortem-document';
import { labelOf } from '../../domain/severity';
import { formatInstant } from '../../domain/time';
import { issueChangeError } from '../cockpit/apply-change';
import { directoryOf } from '../cockpit/cockpit-view';
import { incidentFacts, requireEditor, type IncidentContext } from '../cockpit/incident-context';
import type { IssueLinkRecord } from '../cockpit/incident-record';
import type { CockpitCaller } from '../cockpit/ports';
import { NotConfiguredError, RemoteCallError } from '../errors';
import { issueUrl } from '../incident-fields';
import type { AdfDocument } from '../ports';
import { dueDaysFor, LINK_TYPES } from './learning-settings';
import { cleanupLinks, postmortemLink } from './postmortem-gate';
import type { ResolutionDeps } from './ports';
import { loadResolution } from './resolve-incident';
import { postmortemRecordKey, resolutionView, type PostmortemRecord } from './resolution-view';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Jira's summary limit. */
const SUMMARY_MAX = 255;

function linkRecord(key: string, summary: string, typeName: string, issueTypeName: string): IssueLinkRecord {
  return { typeName, direction: 'outward', key, summary, statusName: 'To Do', statusCategory: 'new', issueTypeName };
}

/** Links with the app's own type; a site where it is missing (not provisioned yet) gets Jira's Relates, so the work is never left unlinked. */
async function linkToIncident(deps: ResolutionDeps, typeName: string, incidentKey: string, otherKey: string): Promise<{ typeName: string; notices: string[] }> {
  try {
    await deps.work.link(typeName, incidentKey, otherKey);
    return { typeName, notices: [] };
  } catch (error) {
    if (!(error instanceof RemoteCallError) || error.outcome !== 'not-found') throw issueChangeError(`link ${otherKey} to ${incidentKey}`, error);
    await deps.work.link('Relates', incidentKey, otherKey);
    return { typeName: 'Relates', notices: [`The "${typeName}" link type is missing, so ${otherKey} is linked as "relates to"; reinstalling the app provisions it.`] };
  }
}

/**
 * Creates a cleanup task in the administrator's cleanup project (summary, assignee, due date) and
 * links it to the incident: two Jira requests, as the signed-in user.
 *
 * @throws NotConfiguredError without a cleanup project; ValidationError on a field.
 */
export async function createCleanupTask(deps: ResolutionDeps, caller: CockpitCaller, input: CreateCleanupTaskPayload): Promise<ResolutionUpdate> {
  const { context, settings, record } = await loadResolution(deps, caller);
  requireEditor(context, 'create cleanup tasks');
  const projectKey = settings.cleanup.projectKey;
  if (projectKey === undefined) throw new NotConfiguredError('No project is chosen for cleanup tasks: an administrator can choose one on the app\'s settings page ("Resolve and learn").');
  const summary = input.summary.trim().replace(/\s+/g, ' ');
  if (summary === '') throw new ValidationError('summary', 'must say what needs cleaning up');
  if (summary.length > SUMMARY_MAX) throw new ValidationError('summary', `must be at most ${SUMMARY_MAX} characters`);
  if (input.dueDate !== undefined && (!DATE.test(input.dueDate) || Number.isNaN(dueInstant(input.dueDate)))) throw new ValidationError('dueDate', 'must be a date (YYYY-MM-DD)');
  let created;
  try {
    created = await deps.work.createIssue({
      projectKey,
      issueTypeName: settings.cleanup.issueType,
      summary,
      ...(input.assigneeAccountId === undefined ? {} : { assigneeAccountId: input.assigneeAccountId }),
      ...(input.dueDate === undefined ? {} : { dueDate: input.dueDate }),
    });
  } catch (error) {
    throw issueChangeError(`create a cleanup task in ${projectKey}`, error);
  }
  const linked = await linkToIncident(deps, LINK_TYPES.cleanup.name, caller.issueKey, created.key);
  const link = linkRecord(created.key, summary, linked.typeName, settings.cleanup.issueType);
  const after = { ...context, record: { ...context.record, links: [...context.record.links, link] } };
  return { view: resolutionView(after, settings, record), notices: linked.notices };
}

/** The postmortem's description from what the incident recorded. */
function description(context: IncidentContext): AdfDocument {
  const { record, config } = context;
  const facts = incidentFacts(context);
  const directory = directoryOf(context);
  return postmortemDocument({
    key: record.key,
    summary: record.summary,
    url: issueUrl(config, record.key),
    ...(record.severity === undefined ? {} : { severityLabel: labelOf(config.severityScale, record.severity) }),
    ...(record.faultyService === undefined ? {} : { faultyService: record.faultyService }),
    affectedProducts: record.affectedProducts,
    ...(record.supportCases === undefined ? {} : { supportCases: record.supportCases }),
    ...(record.impactStart === undefined ? {} : { impactStart: record.impactStart }),
    ...(record.detected === undefined ? {} : { detected: record.detected }),
    ...(record.impactEnd === undefined ? {} : { impactEnd: record.impactEnd }),
    timeline: facts.timeline,
    roles: facts.roles,
    communications: facts.communications,
    cleanupTasks: cleanupLinks(record.links).map((link) => ({ key: link.key, summary: link.summary, status: link.statusName })),
    nameOf: (accountId) => directory.name(accountId),
  }) as AdfDocument;
}

/**
 * Creates the incident's postmortem in the administrator's postmortem project, its description
 * prefilled (impact, TTD/TTR, timeline, roles, comms, cleanup), owned by the incident manager unless
 * someone else is named, due in the business days set for the severity; links it to the incident
 * and schedules the reminder to its owner. A second request finds the first postmortem and creates
 * nothing.
 *
 * @throws NotConfiguredError without a postmortem project; RuleViolation when Jira refuses.
 */
export async function createPostmortem(deps: ResolutionDeps, caller: CockpitCaller, input: CreatePostmortemPayload): Promise<ResolutionUpdate> {
  const { context, settings, record } = await loadResolution(deps, caller);
  requireEditor(context, 'create the postmortem');
  const incident = context.record;
  const existing = postmortemLink(incident.links, settings);
  if (existing !== undefined) return { view: resolutionView(context, settings, record), notices: [`${existing.key} is already the postmortem of ${incident.key}.`] };
  const projectKey = settings.postmortem.projectKey;
  if (projectKey === undefined) throw new NotConfiguredError('No project is chosen for postmortems: an administrator can choose one on the app\'s settings page ("Resolve and learn").');
  const recordKey = postmortemRecordKey(caller.issueId);
  const dueDate = businessDaysAfter(incident.impactEnd ?? context.now, dueDaysFor(settings, incident.severity));
  const assignee = input.assigneeAccountId ?? incident.assignee?.accountId;
  // The claim keeps a double click (or two people at once) from creating two postmortems.
  const claim: PostmortemRecord = { key: '', dueDate, ...(assignee === undefined ? {} : { assigneeAccountId: assignee }), createdAt: formatInstant(context.now) };
  if (!(await deps.store.setIfAbsent(recordKey, claim, { ttlSeconds: 60 }))) {
    return { view: resolutionView(context, settings, record), notices: ['The postmortem is being created by someone else right now; it appears here in a moment.'] };
  }
  const summary = `Postmortem: ${incident.key} ${incident.summary}`.slice(0, SUMMARY_MAX);
  let created;
  try {
    created = await deps.work.createIssue({
      projectKey,
      issueTypeName: settings.postmortem.issueType,
      summary,
      description: description(context),
      dueDate,
      ...(assignee === undefined ? {} : { assigneeAccountId: assignee }),
    });
  } catch (error) {
    await deps.store.delete(recordKey);
    throw issueChangeError(`create the postmortem of ${incident.key} in ${projectKey}`, error);
  }
  const stored: PostmortemRecord = { ...claim, key: created.key };
  const [linked] = await Promise.all([
    linkToIncident(deps, LINK_TYPES.postmortem.name, caller.issueKey, created.key),
    deps.store.set(recordKey, stored),
    deps.reminders.schedule([{ job: { incidentKey: incident.key, postmortemKey: created.key, dueDate }, at: dueInstant(dueDate) }]),
  ]);
  const link = linkRecord(created.key, summary, linked.typeName, settings.postmortem.issueType);
  const after = { ...context, record: { ...incident, links: [...incident.links, link] } };
  return { view: resolutionView(after, settings, stored), notices: linked.notices };
}
