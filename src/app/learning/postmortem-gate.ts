import type { SeverityLevel } from '../../domain/severity';
import type { IssueLinkRecord } from '../cockpit/incident-record';
import { LINK_TYPES, type LearningSettings } from './learning-settings';

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The incident's postmortem among its links: the issue linked as its postmortem, or any linked
 * issue of the postmortem issue type in the postmortem project (one linked by hand counts too).
 */
export function postmortemLink(links: readonly IssueLinkRecord[], settings: LearningSettings): IssueLinkRecord | undefined {
  const { projectKey, issueType } = settings.postmortem;
  return (
    links.find((link) => same(link.typeName, LINK_TYPES.postmortem.name)) ??
    links.find((link) => same(link.issueTypeName, issueType) && (projectKey === undefined || link.key.startsWith(`${projectKey}-`)))
  );
}

/** The incident's cleanup tasks: issues it links to with the cleanup link type. */
export function cleanupLinks(links: readonly IssueLinkRecord[]): IssueLinkRecord[] {
  return links.filter((link) => same(link.typeName, LINK_TYPES.cleanup.name));
}

/** Why the incident may not be closed yet, or undefined when it may: its postmortem must exist, unless Sev 3 is exempt. */
export function closeRefusal(incident: { key: string; severity?: SeverityLevel; links: readonly IssueLinkRecord[] }, settings: LearningSettings): string | undefined {
  if (incident.severity === 3 && settings.postmortem.sev3Exempt) return undefined;
  if (postmortemLink(incident.links, settings) !== undefined) return undefined;
  return `${incident.key} cannot be closed until its postmortem exists: create it from the Resolve tab of the incident's "Incident response" panel${
    settings.postmortem.projectKey === undefined ? '' : ` (it goes to project ${settings.postmortem.projectKey})`
  }, or link a ${settings.postmortem.issueType} issue to it.`;
}
