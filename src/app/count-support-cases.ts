import type { Configuration } from './configuration';
import type { IssueTracker } from './ports';

/** The labels that name an incident of the incident project, e.g. "HOT-12". */
export function incidentKeysIn(labels: Iterable<string>, config: Configuration): string[] {
  const pattern = new RegExp(`^${config.incidentProject.projectKey}-[1-9][0-9]*$`);
  return [...new Set([...labels].filter((label) => pattern.test(label)))].sort();
}

/** Support cases of an incident: issues labelled with its key, in the support projects (or anywhere but the incident project). */
export function supportCasesJql(config: Configuration, incidentKey: string): string {
  const scope =
    config.supportCases.projectKeys.length > 0
      ? `project in (${config.supportCases.projectKeys.map((key) => `"${key}"`).join(', ')})`
      : `project != "${config.incidentProject.projectKey}"`;
  return `labels = "${incidentKey}" AND ${scope}`;
}

export interface SupportCaseCount {
  readonly incidentKey: string;
  readonly count: number;
}

/**
 * Recounts the support cases of each incident and writes the number into its Support cases field.
 * Counting from Jira every time (rather than adding and subtracting) keeps the number right even
 * when events arrive twice or out of order. Incidents that do not exist are skipped.
 */
export async function countSupportCases(tracker: IssueTracker, config: Configuration, incidentKeys: readonly string[]): Promise<SupportCaseCount[]> {
  const fieldId = config.fields?.supportCases;
  if (fieldId === undefined) return [];
  const counts = await Promise.all(
    incidentKeys.map(async (incidentKey): Promise<SupportCaseCount | undefined> => {
      const [count, incident] = await Promise.all([tracker.countIssues(supportCasesJql(config, incidentKey)), tracker.getIssue(incidentKey, [])]);
      if (incident === undefined) return undefined;
      await tracker.setAppFieldValue(fieldId, [incident.id], count);
      return { incidentKey: incident.key, count };
    }),
  );
  return counts.filter((count): count is SupportCaseCount => count !== undefined);
}
