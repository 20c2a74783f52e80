/** Reads the metrics facts of an incident from its Jira fields and its paging records. */
import { z } from 'zod';
import { exclusionOf, type IncidentMetricsFacts } from '../../domain/incident-metrics';
import type { Configuration, FieldIds } from '../configuration';
import { isIncident, readIncident } from '../incident-fields';
import type { EpisodeWithAck } from '../paging/paging-repository';
import type { IssueData } from '../ports';

const instant = z
  .string()
  .transform((value) => Date.parse(value))
  .refine((value) => Number.isFinite(value));
const optionalInstant = instant.optional().catch(undefined);
const optionValue = z.object({ value: z.string() }).loose();

const standardFields = z
  .object({
    labels: z.array(z.string()).catch([]),
    status: z.object({ name: z.string(), statusCategory: z.object({ key: z.string() }).loose().optional() }).loose().optional().catch(undefined),
    resolution: z.object({ name: z.string() }).loose().nullish().catch(undefined),
    created: optionalInstant,
    updated: optionalInstant,
  })
  .loose();

/** The Jira fields the facts are read from: search and GET must ask for these. */
export function metricsFieldIds(config: Configuration): string[] {
  const ids = ['summary', 'project', 'issuetype', 'assignee', 'labels', 'status', 'resolution', 'created', 'updated'];
  const fields = config.fields;
  if (fields !== undefined) ids.push(fields.severity, fields.faultyService, fields.affectedProducts, fields.impactStart, fields.detected, fields.impactEnd);
  return ids;
}

/** The first page and first acknowledgement over every paging episode of the incident. */
export function pagingTimes(episodes: readonly EpisodeWithAck[]): { firstPaged?: number; firstAcknowledged?: number } {
  const paged = episodes.flatMap(({ episode }) => episode.pages.map((page) => Date.parse(page.pagedAt))).filter(Number.isFinite);
  const acknowledged = episodes
    .flatMap(({ episode, ack }) => [episode.acknowledgedAt, ack?.at])
    .flatMap((at) => (at === undefined ? [] : [Date.parse(at)]))
    .filter(Number.isFinite);
  const first = (values: number[]): number | undefined => (values.length === 0 ? undefined : Math.min(...values));
  const firstPaged = first(paged);
  const firstAcknowledged = first(acknowledged);
  return { ...(firstPaged === undefined ? {} : { firstPaged }), ...(firstAcknowledged === undefined ? {} : { firstAcknowledged }) };
}

/**
 * The facts of an incident issue, or undefined when the issue is not an incident (another project
 * or issue type) or the app's fields are not provisioned yet.
 */
export function metricsFacts(issue: IssueData, config: Configuration, paging: { firstPaged?: number; firstAcknowledged?: number } = {}): IncidentMetricsFacts | undefined {
  const fields: FieldIds | undefined = config.fields;
  if (fields === undefined) return undefined;
  const snapshot = readIncident(issue, config);
  if (!isIncident(snapshot, config)) return undefined;
  const base = standardFields.parse(issue.fields);
  const statusName = base.status?.name ?? '';
  const exclusion = exclusionOf({ statusName, labels: base.labels, ...(base.resolution?.name === undefined ? {} : { resolutionName: base.resolution.name }) });
  const products = z.array(optionValue).catch([]).parse(issue.fields[fields.affectedProducts] ?? []).map((option) => option.value);
  const impactStart = optionalInstant.parse(issue.fields[fields.impactStart] ?? undefined);
  const detected = optionalInstant.parse(issue.fields[fields.detected] ?? undefined);
  const impactEnd = optionalInstant.parse(issue.fields[fields.impactEnd] ?? undefined);
  const created = base.created ?? impactStart ?? 0;
  return {
    issueId: issue.id,
    issueKey: issue.key,
    ...(snapshot.severity === undefined ? {} : { severity: snapshot.severity }),
    ...(snapshot.faultyService === undefined ? {} : { service: snapshot.faultyService }),
    products,
    created,
    ...(impactStart === undefined ? {} : { impactStart }),
    ...(detected === undefined ? {} : { detected }),
    ...(impactEnd === undefined ? {} : { impactEnd }),
    ...paging,
    status: statusName,
    resolved: base.status?.statusCategory?.key === 'done' && !exclusion.cancelled,
    cancelled: exclusion.cancelled,
    drill: exclusion.drill,
    jiraUpdated: base.updated ?? created,
  };
}
