/**
 * The demo organisation's on-call set-up, saved on a new local site the way a Jira admin would:
 * through the app's own admin page resolvers. Every service gets a roster of its two incident
 * managers with an escalation policy ending at the global IMOC roster, so a newcomer who declares
 * a Sev 1 Bitbucket incident sees the Bitbucket IM paged, and IMOC paged when nobody answers.
 */
import type { ConfigurationDocument, EscalationPolicyDocument, RosterDocument } from '../src/contracts/configuration';
import type { ResolverResult } from '../src/contracts/resolver-result';
import { connectDemoComms } from './demo-comms';
import { seedDemoAlertSources } from './demo-alert-sources';
import { generateIncidentHistory, type HistoryFieldIds } from './jira/seed-incident-history';
import type { Site } from './site';

const ADMIN = 'admin@example.com';
const ADMIN_PAGE = 'incident-settings';

interface DemoRoster {
  id: string;
  name: string;
  service?: string;
  emails: [string, string];
  timeZone: string;
  handoffTime: string;
}

const demoRosters: DemoRoster[] = [
  { id: 'bitbucket-im', name: 'Bitbucket incident managers', service: 'Bitbucket', emails: ['bea.bitbucket@example.com', 'ben.bitbucket@example.com'], timeZone: 'Australia/Sydney', handoffTime: '09:00' },
  { id: 'jira-cloud-im', name: 'Jira Cloud incident managers', service: 'Jira Cloud', emails: ['jay.jira@example.com', 'jo.jira@example.com'], timeZone: 'America/New_York', handoffTime: '09:00' },
  { id: 'confluence-im', name: 'Confluence incident managers', service: 'Confluence', emails: ['cal.confluence@example.com', 'cleo.confluence@example.com'], timeZone: 'Europe/Amsterdam', handoffTime: '09:00' },
  { id: 'imoc', name: 'Incident manager on call (IMOC)', emails: ['imogen.imoc@example.com', 'ivan.imoc@example.com'], timeZone: 'UTC', handoffTime: '08:00' },
];

/** Minutes a service's incident manager has to acknowledge before IMOC is paged. */
const SERVICE_ACK_MINUTES = 5;

function accountIdOf(site: Site, email: string): string {
  const user = site.jira.userByEmail(email);
  if (user === undefined) throw new Error(`The demo organisation has no ${email}`);
  return user.accountId;
}

async function invokeAsAdmin<T>(site: Site, functionKey: string, payload: unknown): Promise<T> {
  const result = (await site.forge.invokeResolver({ moduleKey: ADMIN_PAGE, functionKey, accountId: accountIdOf(site, ADMIN), payload })) as ResolverResult<T>;
  if (!result.ok) throw new Error(`The demo configuration could not be saved (${functionKey}): ${result.error.message}`);
  return result.value;
}

/** The app's current configuration with the demo rosters, policies and service routing added. */
export function withDemoOnCall(site: Site, configuration: ConfigurationDocument): ConfigurationDocument {
  const rosters: RosterDocument[] = demoRosters.map((roster) => ({
    id: roster.id,
    name: roster.name,
    layers: [
      {
        name: 'Weekly rotation',
        participants: roster.emails.map((email) => accountIdOf(site, email)),
        shiftLength: 'P7D',
        handoffTime: roster.handoffTime,
        timeZone: roster.timeZone,
        startDate: '2026-01-05',
      },
    ],
    ...(roster.service === undefined ? {} : { escalationPolicyId: `${roster.id}-policy` }),
  }));
  const policies: EscalationPolicyDocument[] = demoRosters.flatMap((roster) =>
    roster.service === undefined
      ? []
      : [{ id: `${roster.id}-policy`, name: `${roster.service}: incident manager, then IMOC`, levels: [{ targets: [{ kind: 'roster', rosterId: roster.id }], ackTimeoutMinutes: SERVICE_ACK_MINUTES }], repeat: 0 }],
  );
  const rosterOfService = new Map(demoRosters.flatMap((roster) => (roster.service === undefined ? [] : [[roster.service, roster.id] as const])));
  return {
    ...configuration,
    services: configuration.services.map((service) => {
      const rosterId = rosterOfService.get(service.name);
      return rosterId === undefined ? service : { ...service, rosterId };
    }),
    rosters: [...configuration.rosters.filter((existing) => !rosters.some((roster) => roster.id === existing.id)), ...rosters],
    escalationPolicies: [...configuration.escalationPolicies.filter((existing) => !policies.some((policy) => policy.id === existing.id)), ...policies],
    imoc: { ...configuration.imoc, rosterId: 'imoc' },
  };
}

/** Saves the demo on-call set-up once the install event has provisioned the app's fields. */
export async function seedDemoConfiguration(site: Site): Promise<void> {
  await site.settle();
  const { configuration } = await invokeAsAdmin<{ configuration: ConfigurationDocument }>(site, 'getConfiguration', {});
  await invokeAsAdmin(site, 'saveConfiguration', { configuration: withDemoOnCall(site, configuration) });
  // The demo's Changes project records each service's deployments, labelled with the service.
  await invokeAsAdmin(site, 'saveChangeRecordsSettings', { jql: 'project = CHG', serviceLabels: true, changeTime: 'resolutiondate' });
  // Slack, both status pages and the incident communications list, connected to the local stand-ins.
  await connectDemoComms((functionKey, payload) => invokeAsAdmin(site, functionKey, payload));
  // Alert sources of each format, ready for the README's curl examples.
  await seedDemoAlertSources(site, accountIdOf(site, ADMIN));
  // Cleanup tasks are Tasks in the Incidents project; postmortems go to the Postmortems project, due by severity.
  await invokeAsAdmin(site, 'saveLearningSettings', {
    cleanup: { projectKey: 'HOT', issueType: 'Task' },
    postmortem: { projectKey: 'PM', issueType: 'Postmortem', dueBusinessDays: { '1': 5, '2': 10, '3': 20 }, sev3Exempt: true },
  });
  if (configuration.fields === undefined) throw new Error('The app has not provisioned its fields; no incident history can be added');
  await seedIncidentHistory(site, configuration.fields, DEMO_HISTORY_SIZE);
}

/** Past incidents in the demo, so the Incident metrics gadget has figures on first start. */
export const DEMO_HISTORY_SIZE = 200;

/**
 * Adds `count` resolved incidents (deterministic, ending before now) to Jira and has the app
 * rebuild its metrics from Jira, as an administrator would for incidents that predate the app.
 */
export async function seedIncidentHistory(site: Site, fields: HistoryFieldIds, count: number, seed?: number): Promise<string[]> {
  const keys = site.jira.seedIncidentHistory(generateIncidentHistory(count, Date.now(), seed === undefined ? {} : { seed }), fields);
  const result = (await site.forge.invokeResolver({
    moduleKey: 'incident-metrics',
    functionKey: 'rebuildIncidentMetrics',
    accountId: accountIdOf(site, ADMIN),
    payload: {},
  })) as ResolverResult<unknown>;
  if (!result.ok) throw new Error(`The incident metrics could not be rebuilt: ${result.error.message}`);
  return keys;
}
