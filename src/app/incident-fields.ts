import { z } from 'zod';
import type { FieldIdsDocument } from '../contracts/configuration';
import { INCIDENT_FIELD_HELP } from '../domain/incident';
import { severityFromLabel, severityHelpText, type SeverityLevel } from '../domain/severity';
import type { Configuration } from './configuration';
import type { IssueData, JiraFieldKind } from './ports';

export type FieldName = keyof FieldIdsDocument;

/** The fields the app provisions as Jira's own select fields, so they are native in create screens, bulk edit and JQL. */
export const SELECT_FIELDS = {
  severity: { name: 'Severity', kind: 'select' },
  faultyService: { name: 'Faulty service', kind: 'select' },
  affectedProducts: { name: 'Affected products', kind: 'multicheckboxes' },
} as const satisfies Partial<Record<FieldName, { name: string; kind: JiraFieldKind }>>;

export type SelectFieldName = keyof typeof SELECT_FIELDS;

/** The fields manifest.yml declares as `jira:customField`s, by module key. */
export const APP_FIELDS = {
  impactStart: { moduleKey: 'impact-start', name: 'Impact start' },
  detected: { moduleKey: 'detected', name: 'Detected' },
  impactEnd: { moduleKey: 'impact-end', name: 'Impact end' },
  techLead: { moduleKey: 'tech-lead', name: 'Tech lead' },
  communicationsManager: { moduleKey: 'communications-manager', name: 'Communications manager' },
  chatRoom: { moduleKey: 'chat-room', name: 'Chat room' },
  videoCall: { moduleKey: 'video-call', name: 'Video call' },
  incidentStateDocument: { moduleKey: 'incident-state-document', name: 'Incident state document' },
  supportCases: { moduleKey: 'support-cases', name: 'Support cases' },
} as const satisfies Partial<Record<FieldName, { moduleKey: string; name: string }>>;

/** The help text Jira shows under each select field; the Severity text names the levels that page. */
export function selectFieldDescription(field: SelectFieldName, config: Configuration): string {
  switch (field) {
    case 'severity': {
      const help = severityHelpText(config.severityScale);
      return config.severityScaleUrl === undefined ? help : `${help} Severity scale: ${config.severityScaleUrl}`;
    }
    case 'faultyService':
      return INCIDENT_FIELD_HELP.faultyService;
    case 'affectedProducts':
      return INCIDENT_FIELD_HELP.affectedProducts;
  }
}

/** An issue as the paging rules see it. Values the app cannot read are left out, never guessed. */
export interface IncidentSnapshot {
  readonly id: string;
  readonly key: string;
  readonly projectKey?: string;
  readonly issueTypeName?: string;
  readonly summary: string;
  readonly severity?: SeverityLevel;
  readonly faultyService?: string;
  readonly assigneeAccountId?: string;
  readonly labels: readonly string[];
}

const optionValue = z.object({ value: z.string() }).loose();
const baseFields = z
  .object({
    summary: z.string().catch(''),
    project: z.object({ key: z.string() }).loose().optional().catch(undefined),
    issuetype: z.object({ name: z.string() }).loose().optional().catch(undefined),
    assignee: z.object({ accountId: z.string() }).loose().nullish().catch(undefined),
    labels: z.array(z.string()).catch([]),
  })
  .loose();

/** The fields an event or a GET must carry for readIncident. */
export function snapshotFieldIds(config: Configuration): string[] {
  const ids = ['summary', 'project', 'issuetype', 'assignee', 'labels'];
  if (config.fields !== undefined) ids.push(config.fields.severity, config.fields.faultyService);
  return ids;
}

/** Reads the paging-relevant facts from an issue's raw fields (event payload or REST). */
export function readIncident(issue: IssueData, config: Configuration): IncidentSnapshot {
  const base = baseFields.parse(issue.fields);
  const fieldIds = config.fields;
  const severityOption = fieldIds === undefined ? undefined : optionValue.safeParse(issue.fields[fieldIds.severity]).data;
  const serviceOption = fieldIds === undefined ? undefined : optionValue.safeParse(issue.fields[fieldIds.faultyService]).data;
  const severity = severityOption === undefined ? undefined : severityOf(config, severityOption.value);
  return {
    id: issue.id,
    key: issue.key,
    ...(base.project === undefined ? {} : { projectKey: base.project.key }),
    ...(base.issuetype === undefined ? {} : { issueTypeName: base.issuetype.name }),
    summary: base.summary,
    ...(severity === undefined ? {} : { severity }),
    ...(serviceOption === undefined ? {} : { faultyService: serviceOption.value }),
    ...(base.assignee === undefined || base.assignee === null ? {} : { assigneeAccountId: base.assignee.accountId }),
    labels: base.labels,
  };
}

function severityOf(config: Configuration, label: string): SeverityLevel | undefined {
  try {
    return severityFromLabel(config.severityScale, label);
  } catch {
    // An option the scale no longer has (renamed outside the app) means "unknown", not a crash.
    return undefined;
  }
}

/** Whether the issue belongs to the incident project (and, when known, has the incident issue type). */
export function isIncident(snapshot: IncidentSnapshot, config: Configuration): boolean {
  if (snapshot.projectKey !== undefined && snapshot.projectKey !== config.incidentProject.projectKey) return false;
  if (snapshot.projectKey === undefined && !snapshot.key.startsWith(`${config.incidentProject.projectKey}-`)) return false;
  return snapshot.issueTypeName === undefined || snapshot.issueTypeName.toLowerCase() === config.incidentProject.issueTypeName.toLowerCase();
}

/** The link every page carries. */
export function issueUrl(config: Configuration, issueKey: string): string {
  const base = (config.siteUrl ?? '').replace(/\/+$/, '');
  return `${base}/browse/${issueKey}`;
}
