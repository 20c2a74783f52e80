import type { SeverityLevel } from '../domain/severity';
import { serviceNamed, type Configuration } from './configuration';
import type { IncidentSnapshot } from './incident-fields';
import { messageFacts, routedComment } from './paging/page-message';
import type { IssueTracker } from './ports';

/** The team whose queue a non-paging incident goes to: the faulty service's owning team. */
export function owningTeam(config: Configuration, faultyService: string | undefined): string {
  const service = faultyService === undefined ? undefined : serviceNamed(config, faultyService);
  return service?.owningTeam ?? serviceNamed(config, 'Unknown')?.owningTeam ?? 'owning';
}

/**
 * A Sev 3 incident pages nobody: it is handled by the owning team during business hours, and a
 * comment on the issue says so (and how to page people if that changes). Returns the team.
 */
export async function routeSev3(
  tracker: IssueTracker,
  config: Configuration,
  incident: IncidentSnapshot & { severity: SeverityLevel },
): Promise<string> {
  const team = owningTeam(config, incident.faultyService);
  const facts = messageFacts(config, incident);
  await tracker.addComment(incident.key, routedComment({ severityLabel: facts.severityLabel, team, issueUrl: facts.issueUrl }));
  return team;
}
