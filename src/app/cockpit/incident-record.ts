import { z } from 'zod';
import { severityFromLabel, type SeverityLevel } from '../../domain/severity';
import type { EpochMs } from '../../domain/time';
import { fromJiraStatusName, type IncidentStatus } from '../../domain/workflow';
import type { Configuration } from '../configuration';
import { definedOnly } from './defined';
import type { IssueSnapshot, Person, WorkflowTransition } from './ports';

/** The incident as its Jira issue states it. Values the issue does not hold (or holds damaged) are left out. */
export interface IncidentRecord {
  readonly id: string;
  readonly key: string;
  readonly summary: string;
  readonly status: IncidentStatus;
  readonly statusName: string;
  readonly severity?: SeverityLevel;
  readonly faultyService?: string;
  readonly affectedProducts: readonly string[];
  readonly assignee?: Person;
  readonly impactStart?: EpochMs;
  readonly detected?: EpochMs;
  readonly impactEnd?: EpochMs;
  readonly techLeads: readonly Person[];
  readonly communicationsManagers: readonly Person[];
  readonly chatRoom?: string;
  readonly videoCall?: string;
  readonly stateDocument?: string;
  readonly supportCases?: number;
  /** Keys of linked issues (cleanup tasks and the like). */
  readonly linkedIssues: readonly string[];
  /** The same links with what Jira says of each: the link type, the other issue's summary, status and type. */
  readonly links: readonly IssueLinkRecord[];
  readonly transitions: readonly WorkflowTransition[];
  readonly listFields: ReadonlySet<string>;
  /** The issue's labels (a drill carries `drill`, so its comms stay internal). */
  readonly labels: readonly string[];
}

const personSchema = z
  .object({ accountId: z.string().min(1), displayName: z.string().catch(''), emailAddress: z.string().optional().catch(undefined) })
  .loose()
  .transform((user): Person => ({
    accountId: user.accountId,
    displayName: user.displayName === '' ? user.accountId : user.displayName,
    ...(user.emailAddress === undefined ? {} : { emailAddress: user.emailAddress }),
  }));

const statusSchema = z.object({ name: z.string(), statusCategory: z.object({ key: z.string() }).loose().optional() }).loose();
const optionSchema = z.object({ value: z.string() }).loose();

// Statuses outside the incident workflow (a renamed or extra status) still fall in one of Jira's categories.
const STATUS_BY_CATEGORY: Readonly<Record<string, IncidentStatus>> = { new: 'new', indeterminate: 'fixing', done: 'resolved' };

function statusOf(value: unknown): { status: IncidentStatus; name: string } {
  const parsed = statusSchema.safeParse(value);
  if (!parsed.success) return { status: 'new', name: 'Unknown' };
  try {
    return { status: fromJiraStatusName(parsed.data.name), name: parsed.data.name };
  } catch {
    return { status: STATUS_BY_CATEGORY[parsed.data.statusCategory?.key ?? 'new'] ?? 'new', name: parsed.data.name };
  }
}

function instantOf(value: unknown): EpochMs | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

function peopleOf(value: unknown): Person[] {
  const values = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  return values.flatMap((entry) => {
    const parsed = personSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** One link of the incident as Jira shows it, seen from the incident. */
export interface IssueLinkRecord {
  readonly typeName: string;
  /** `outward` when the incident is the link's source ("HOT-12 has cleanup task HOT-13"). */
  readonly direction: 'outward' | 'inward';
  readonly key: string;
  readonly summary: string;
  readonly statusName: string;
  /** Jira's status category of the other issue: new, indeterminate or done. */
  readonly statusCategory: string;
  readonly issueTypeName: string;
}

const linkedIssueSchema = z
  .object({
    key: z.string(),
    fields: z
      .object({
        summary: z.string().catch(''),
        status: statusSchema.optional().catch(undefined),
        issuetype: z.object({ name: z.string() }).loose().optional().catch(undefined),
      })
      .loose()
      .catch({ summary: '' }),
  })
  .loose();

const detailedLinkSchema = z
  .object({ type: z.object({ name: z.string() }).loose(), inwardIssue: linkedIssueSchema.optional(), outwardIssue: linkedIssueSchema.optional() })
  .loose();

function issueLinks(value: unknown): IssueLinkRecord[] {
  const links = z.array(z.unknown()).safeParse(value).data ?? [];
  return links.flatMap((link) => {
    const parsed = detailedLinkSchema.safeParse(link).data;
    const other = parsed?.outwardIssue ?? parsed?.inwardIssue;
    if (parsed === undefined || other === undefined) return [];
    return [
      {
        typeName: parsed.type.name,
        direction: parsed.outwardIssue === undefined ? 'inward' : 'outward',
        key: other.key,
        summary: other.fields.summary,
        statusName: other.fields.status?.name ?? 'Unknown',
        statusCategory: other.fields.status?.statusCategory?.key ?? 'new',
        issueTypeName: other.fields.issuetype?.name ?? '',
      },
    ];
  });
}

const issueLinkSchema = z
  .object({ inwardIssue: z.object({ key: z.string() }).loose().optional(), outwardIssue: z.object({ key: z.string() }).loose().optional() })
  .loose();

function linkedIssueKeys(value: unknown): string[] {
  const links = z.array(z.unknown()).safeParse(value).data ?? [];
  return links.flatMap((link) => {
    const parsed = issueLinkSchema.safeParse(link).data;
    const key = parsed?.outwardIssue?.key ?? parsed?.inwardIssue?.key;
    return key === undefined ? [] : [key];
  });
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Reads the incident from its issue; without provisioned fields only Jira's own fields are known. */
export function readIncidentRecord(issue: IssueSnapshot, config: Configuration): IncidentRecord {
  const fields = issue.fields;
  const { status, name } = statusOf(fields['status']);
  const assignee = peopleOf(fields['assignee'])[0];
  const base = {
    id: issue.id,
    key: issue.key,
    summary: typeof fields['summary'] === 'string' ? fields['summary'] : issue.key,
    status,
    statusName: name,
    ...(assignee === undefined ? {} : { assignee }),
    linkedIssues: linkedIssueKeys(fields['issuelinks']),
    links: issueLinks(fields['issuelinks']),
    transitions: issue.transitions,
    listFields: issue.listFields,
    labels: z.array(z.string()).catch([]).parse(fields['labels'] ?? []),
  };
  const ids = config.fields;
  if (ids === undefined) return { ...base, affectedProducts: [], techLeads: [], communicationsManagers: [] };
  const severityLabel = optionSchema.safeParse(fields[ids.severity]).data?.value;
  const severity = severityLabel === undefined ? undefined : severityOf(config, severityLabel);
  const faultyService = optionSchema.safeParse(fields[ids.faultyService]).data?.value;
  const products = z.array(optionSchema).safeParse(fields[ids.affectedProducts]).data ?? [];
  const supportCases = z.number().int().nonnegative().safeParse(fields[ids.supportCases]).data;
  const optional = {
    severity,
    faultyService,
    impactStart: instantOf(fields[ids.impactStart]),
    // Detected is when the incident was raised unless someone said otherwise (the app records it so
    // on creation; until that lands, the creation time is what it will be).
    detected: instantOf(fields[ids.detected]) ?? instantOf(fields['created']),
    impactEnd: instantOf(fields[ids.impactEnd]),
    chatRoom: textOf(fields[ids.chatRoom]),
    videoCall: textOf(fields[ids.videoCall]),
    stateDocument: textOf(fields[ids.incidentStateDocument]),
    supportCases,
  };
  return {
    ...base,
    ...definedOnly(optional),
    affectedProducts: products.map((option) => option.value),
    techLeads: peopleOf(fields[ids.techLead]),
    communicationsManagers: peopleOf(fields[ids.communicationsManager]),
  };
}

function severityOf(config: Configuration, label: string): SeverityLevel | undefined {
  try {
    return severityFromLabel(config.severityScale, label);
  } catch {
    // An option renamed outside the app reads as "not set" rather than breaking the panel.
    return undefined;
  }
}

/** Jira's wire form for a date-time field value. */
export function jiraDateTime(at: EpochMs): string {
  return new Date(at).toISOString().replace('Z', '+0000');
}

/** A user field's value for these people: a list for a field that holds many, else the first (or none). */
export function peopleFieldValue(record: Pick<IncidentRecord, 'listFields'>, fieldId: string, accountIds: readonly string[]): unknown {
  if (record.listFields.has(fieldId)) return accountIds.map((accountId) => ({ accountId }));
  const [first] = accountIds;
  return first === undefined ? null : { accountId: first };
}

/** The transition that takes a New incident to Fixing, if the user may take it now. */
export function transitionToFixing(record: Pick<IncidentRecord, 'transitions'>): WorkflowTransition | undefined {
  return (
    record.transitions.find((transition) => transition.toStatusName.toLowerCase() === 'fixing') ??
    record.transitions.find((transition) => transition.toStatusCategory === 'indeterminate')
  );
}
