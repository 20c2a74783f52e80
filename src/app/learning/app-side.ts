/**
 * What the app does as itself around resolution: answer Jira's question before Close (the
 * postmortem must exist), remind a postmortem's owner when it falls due, provision the link types,
 * and react to Jira's own transitions (a cancelled incident gets its label; an incident resolved
 * without an impact end is asked for one). None of it blocks Jira's UI: the validator answers from
 * one read, the rest runs on events.
 */
import { z } from 'zod';
import { CANCELLED_LABEL } from '../../domain/learning/resolution';
import { severityFromLabel, type SeverityLevel } from '../../domain/severity';
import { doc, p, strong, text } from '@atlaskit/adf-utils/builders';
import type { IssueSnapshot } from '../cockpit/ports';
import { readIncidentRecord } from '../cockpit/incident-record';
import type { Configuration } from '../configuration';
import { loadConfiguration } from '../configuration-store';
import { issueUrl } from '../incident-fields';
import type { AdfDocument, AppStore, Clock, IssueTracker } from '../ports';
import { LINK_TYPES, loadLearningSettings } from './learning-settings';
import { closeRefusal } from './postmortem-gate';
import type { IncidentLabels, LinkTypes, PostmortemReminderJob } from './ports';
import { dueInstant } from '../../domain/learning/business-days';

/** A workflow validator's answer, as Jira reads it. */
export interface ValidatorAnswer {
  readonly result: boolean;
  readonly errorMessage?: string;
}

function snapshotOf(issue: { id: string; key: string; fields: Readonly<Record<string, unknown>> }): IssueSnapshot {
  return { ...issue, transitions: [], listFields: new Set() };
}

function severityOf(config: Configuration, fields: Readonly<Record<string, unknown>>): SeverityLevel | undefined {
  const id = config.fields?.severity;
  const label = id === undefined ? undefined : z.object({ value: z.string() }).loose().safeParse(fields[id]).data?.value;
  if (label === undefined) return undefined;
  try {
    return severityFromLabel(config.severityScale, label);
  } catch {
    return undefined;
  }
}

/**
 * Jira asks before closing an incident: allowed once its postmortem is linked (or it is a Sev 3 and
 * the administrator exempted those). One read of the issue, as the app.
 */
export async function validateClose(deps: { tracker: IssueTracker; store: AppStore }, issueKey: string): Promise<ValidatorAnswer> {
  const [config, settings] = await Promise.all([loadConfiguration(deps.store), loadLearningSettings(deps.store)]);
  const fields = ['issuelinks', 'summary', 'status', ...(config.fields === undefined ? [] : [config.fields.severity])];
  const issue = await deps.tracker.getIssue(issueKey, fields);
  if (issue === undefined) return { result: false, errorMessage: `${issueKey} could not be read to check for its postmortem; try again.` };
  const record = readIncidentRecord(snapshotOf(issue), config);
  const severity = severityOf(config, issue.fields);
  const refusal = closeRefusal({ key: issue.key, ...(severity === undefined ? {} : { severity }), links: record.links }, settings);
  return refusal === undefined ? { result: true } : { result: false, errorMessage: refusal };
}

const reminderFields = z
  .object({
    summary: z.string().catch(''),
    duedate: z.string().nullable().optional().catch(undefined),
    status: z.object({ statusCategory: z.object({ key: z.string() }).loose().optional() }).loose().optional().catch(undefined),
    assignee: z.object({ accountId: z.string() }).loose().nullable().optional().catch(undefined),
  })
  .loose();

export type ReminderOutcome = 'reminded' | 'done' | 'moved' | 'no-owner' | 'gone' | 'duplicate';

/**
 * A postmortem fell due: unless it is done (or its due date moved later), Jira notifies its owner.
 * Jobs can arrive twice, so one reminder per postmortem and due date is recorded first.
 */
export async function remindPostmortemOwner(deps: { tracker: IssueTracker; store: AppStore; clock: Clock }, job: PostmortemReminderJob): Promise<ReminderOutcome> {
  const [config, issue] = await Promise.all([loadConfiguration(deps.store), deps.tracker.getIssue(job.postmortemKey, ['summary', 'duedate', 'status', 'assignee'])]);
  if (issue === undefined) return 'gone';
  const fields = reminderFields.parse(issue.fields);
  if (fields.status?.statusCategory?.key === 'done') return 'done';
  // A later due date set in Jira wins; the reminder waits for it (the owner asked for more time).
  if (fields.duedate !== undefined && fields.duedate !== null && fields.duedate > job.dueDate && dueInstant(fields.duedate) > deps.clock.now()) return 'moved';
  const owner = fields.assignee?.accountId;
  if (owner === undefined) return 'no-owner';
  if (!(await deps.store.setIfAbsent(`postmortem-reminded:${job.postmortemKey}:${job.dueDate}`, { at: new Date(deps.clock.now()).toISOString() }, { ttlSeconds: 30 * 86_400 }))) return 'duplicate';
  const url = issueUrl(config, job.postmortemKey);
  await deps.tracker.notify(job.postmortemKey, {
    subject: `The postmortem of ${job.incidentKey} is due: ${job.postmortemKey}`,
    textBody: `The postmortem ${job.postmortemKey} of incident ${job.incidentKey} was due on ${job.dueDate} and is not done yet. ${url}`,
    htmlBody: `<p>The postmortem <a href="${url}">${job.postmortemKey}</a> of incident ${job.incidentKey} was due on ${job.dueDate} and is not done yet.</p>`,
    accountIds: [owner],
  });
  return 'reminded';
}

/** On install and upgrade: the cleanup and postmortem link types, created when Jira lacks them. */
export async function provisionLinkTypes(types: LinkTypes): Promise<string[]> {
  const existing = new Set((await types.names()).map((name) => name.toLowerCase()));
  const missing = Object.values(LINK_TYPES).filter((type) => !existing.has(type.name.toLowerCase()));
  await Promise.all(missing.map((type) => types.create(type)));
  return missing.map((type) => type.name);
}

function askForImpactEnd(issueKey: string, url: string): AdfDocument {
  return doc(
    p(strong('Impact end missing'), text(` · ${issueKey} was resolved without recording when the impact ended.`)),
    p(text(`Record it in the Resolve tab of the issue's "Incident response" panel (${url}), so time to recover is measured.`)),
  ) as AdfDocument;
}

/**
 * Jira moved an incident (its own transition screen, automation, the REST API): a cancelled one gets
 * the label that keeps it out of metrics; a resolved one without an impact end gets one comment
 * asking for it (the panel asks too). Safe to run twice: each is recorded before it is done.
 */
export async function reactToResolution(deps: { tracker: IssueTracker; store: AppStore; labels: IncidentLabels }, issue: { id: string; key: string }, toStatusName: string): Promise<string[]> {
  const status = toStatusName.trim().toLowerCase();
  if (status !== 'resolved' && status !== 'cancelled') return [];
  const config = await loadConfiguration(deps.store);
  const fieldIds = ['labels', 'status', ...(config.fields === undefined ? [] : [config.fields.impactEnd])];
  const current = await deps.tracker.getIssue(issue.id, fieldIds);
  if (current === undefined) return [];
  const done: string[] = [];
  if (status === 'cancelled') {
    const labels = z.array(z.string()).catch([]).parse(current.fields['labels'] ?? []);
    if (!labels.includes(CANCELLED_LABEL)) {
      await deps.labels.add(issue.key, [CANCELLED_LABEL]);
      done.push('labelled cancelled');
    }
    return done;
  }
  const impactEndField = config.fields?.impactEnd;
  if (impactEndField === undefined || typeof current.fields[impactEndField] === 'string') return done;
  if (await deps.store.setIfAbsent(`impact-end-asked:${issue.id}`, { asked: true }, { ttlSeconds: 7 * 86_400 })) {
    await deps.tracker.addComment(issue.key, askForImpactEnd(issue.key, issueUrl(config, issue.key)));
    done.push('asked for the impact end');
  }
  return done;
}
