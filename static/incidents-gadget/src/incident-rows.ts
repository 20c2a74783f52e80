/** Turns Jira's search answer into the gadget's rows: key, severity, summary, status, incident manager and age. */
import * as z from 'zod/mini';

export type StatusCategory = 'new' | 'indeterminate' | 'done' | 'undefined';

export interface IncidentRow {
  readonly id: string;
  readonly key: string;
  readonly summary: string;
  /** The Severity option's text (e.g. "Sev 1"); undefined when the field is empty or unknown. */
  readonly severity?: string;
  readonly status: string;
  readonly statusCategory: StatusCategory;
  /** The assignee is the incident manager; undefined while nobody has taken the incident. */
  readonly incidentManager?: string;
  readonly created: string;
}

const fieldList = z.array(z.object({ id: z.string(), name: z.string(), custom: z.optional(z.boolean()) }));

/** The id of the Severity field in `GET /rest/api/3/field`, preferring the custom field the app provisions. */
export function findSeverityFieldId(fields: unknown): string | undefined {
  const parsed = fieldList.safeParse(fields);
  if (!parsed.success) return undefined;
  const named = parsed.data.filter((field) => field.name === 'Severity');
  return (named.find((field) => field.custom === true) ?? named[0])?.id;
}

const issueSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.record(z.string(), z.unknown()),
});

export const searchAnswerSchema = z.object({ issues: z.array(issueSchema), nextPageToken: z.optional(z.nullable(z.string())), isLast: z.optional(z.boolean()) });

const named = z.object({ name: z.string() });
const status = z.object({ name: z.string(), statusCategory: z.optional(z.object({ key: z.string() })) });
const user = z.object({ displayName: z.string() });
const option = z.object({ value: z.string() });

function read<T>(schema: z.ZodMiniType<T>, value: unknown): T | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function statusCategoryOf(key: string | undefined): StatusCategory {
  return key === 'new' || key === 'indeterminate' || key === 'done' ? key : 'undefined';
}

/** Rows in the order Jira returned them (the JQL's ORDER BY decides). */
export function toIncidentRows(answer: z.infer<typeof searchAnswerSchema>, severityFieldId: string | undefined): IncidentRow[] {
  return answer.issues.map((issue) => {
    const summary = read(z.string(), issue.fields['summary']) ?? '';
    const issueStatus = read(status, issue.fields['status']);
    const assignee = read(user, issue.fields['assignee']);
    const severity = severityFieldId === undefined ? undefined : (read(option, issue.fields[severityFieldId])?.value ?? read(named, issue.fields[severityFieldId])?.name);
    return {
      id: issue.id,
      key: issue.key,
      summary,
      ...(severity === undefined ? {} : { severity }),
      status: issueStatus?.name ?? 'Unknown',
      statusCategory: statusCategoryOf(issueStatus?.statusCategory?.key),
      ...(assignee === undefined ? {} : { incidentManager: assignee.displayName }),
      created: read(z.string(), issue.fields['created']) ?? '',
    };
  });
}

/** How long an incident has been open, as support teams read it at a glance: "45m", "3h 20m", "2d 4h". */
export function formatAge(createdIso: string, nowMs: number): string {
  const created = Date.parse(createdIso);
  if (Number.isNaN(created)) return '—';
  const minutes = Math.max(0, Math.floor((nowMs - created) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours}h` : `${hours}h ${minutes % 60}m`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days}d` : `${days}d ${hours % 24}h`;
}

/** Severity lozenge colours: the paging levels stand out. */
export function severityAppearance(severity: string | undefined): 'removed' | 'moved' | 'default' {
  if (severity === undefined) return 'default';
  const level = /(\d+)\s*$/.exec(severity)?.[1];
  if (level === '1') return 'removed';
  if (level === '2') return 'moved';
  return 'default';
}

/** Jira answers a bad query with `errorMessages`; the gadget shows them as they are. */
export function jiraErrorText(status: number, body: unknown): string {
  const parsed = z.object({ errorMessages: z.optional(z.array(z.string())), errors: z.optional(z.record(z.string(), z.string())) }).safeParse(body);
  const messages = parsed.success ? [...(parsed.data.errorMessages ?? []), ...Object.values(parsed.data.errors ?? {})] : [];
  if (messages.length > 0) return messages.join(' ');
  if (status === 401 || status === 403) return 'You do not have permission to search these incidents.';
  return `Jira answered ${status}.`;
}
