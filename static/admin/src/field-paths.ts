/** Where a field path lives on the admin page and how to name it for a person. */
import type { ConfigurationDocument } from '../../../src/contracts/configuration';

export type AdminSection = 'general' | 'services' | 'rosters' | 'escalation' | 'paging';

export const SECTION_TITLES: Readonly<Record<AdminSection, string>> = {
  general: 'General',
  services: 'Services and products',
  rosters: 'Rosters',
  escalation: 'Escalation policies',
  paging: 'Paging and integrations',
};

/** The tab that shows the field. */
export function sectionOf(path: string): AdminSection {
  const root = /^[A-Za-z]+/.exec(path)?.[0] ?? '';
  switch (root) {
    case 'services':
    case 'products':
      return 'services';
    case 'rosters':
      return 'rosters';
    case 'escalationPolicies':
      return 'escalation';
    case 'paging':
    case 'integrations':
      return 'paging';
    default:
      return 'general';
  }
}

const words: Readonly<Record<string, string>> = {
  projectKey: 'project key',
  issueTypeName: 'issue type',
  severityScaleUrl: 'severity scale link',
  owningTeam: 'owning team',
  rosterId: 'roster',
  layers: 'layers',
  participants: 'participants',
  shiftLength: 'shift length',
  handoffTime: 'handoff time',
  timeZone: 'time zone',
  startDate: 'start date',
  restrictions: 'restriction',
  overrides: 'override',
  accountId: 'person',
  escalationPolicyId: 'escalation policy',
  ackTimeoutMinutes: 'acknowledgement timeout',
  repeat: 'repeats',
  targets: 'targets',
  levels: 'levels',
  slackUserId: 'Slack member id',
  url: 'URL',
  imoc: 'IMOC',
  incidentProject: 'Incident project',
  supportCases: 'Support cases',
  projectKeys: 'projects',
};

function nameOf(list: readonly { readonly name: string }[] | undefined, index: number, fallback: string): string {
  const name = list?.[index]?.name.trim();
  return name === undefined || name === '' ? `${fallback} ${index + 1}` : `${fallback} "${name}"`;
}

/** "Roster "Bitbucket IMs" › layer 1 › time zone" for `rosters[0].layers[0].timeZone`. */
export function describePath(path: string, doc: ConfigurationDocument): string {
  const tokens = path.match(/[A-Za-z_][\w-]*|\[\d+\]/g) ?? [path];
  const parts: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] ?? '';
    const next = tokens[i + 1];
    const index = next !== undefined && next.startsWith('[') ? Number(next.slice(1, -1)) : undefined;
    if (token.startsWith('[')) continue;
    if (index !== undefined) {
      if (token === 'rosters') parts.push(nameOf(doc.rosters, index, 'Roster'));
      else if (token === 'services') parts.push(nameOf(doc.services, index, 'Service'));
      else if (token === 'escalationPolicies') parts.push(nameOf(doc.escalationPolicies, index, 'Escalation policy'));
      else if (token === 'products') parts.push(`Product ${index + 1}`);
      else parts.push(`${words[token] ?? token} ${index + 1}`.replace(/^layers/, 'layer').replace(/^levels/, 'level').replace(/^targets/, 'target').replace(/^projects/, 'project'));
      continue;
    }
    if (token === 'paging') continue;
    if (token === 'rosterChannels' || token === 'personChannels') {
      const key = tokens[i + 1];
      const roster = doc.rosters.find((item) => item.id === key);
      parts.push(token === 'rosterChannels' ? `Paging channel of ${roster === undefined ? `roster "${key ?? ''}"` : `"${roster.name}"`}` : `Paging channel of person ${key ?? ''}`);
      i += 1;
      continue;
    }
    parts.push(words[token] ?? token);
  }
  const text = parts.join(' › ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The problems inside one part of the page (a tab, a roster card), e.g. under `rosters[2]`. */
export function errorsUnder(errors: Readonly<Record<string, string>>, prefix: string): string[] {
  return Object.keys(errors).filter((path) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`));
}
