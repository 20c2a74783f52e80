/** A small, valid configuration for the admin page's tests. */
import type { ConfigurationDocument } from '../../../src/contracts/configuration';

export function sampleConfiguration(): ConfigurationDocument {
  return {
    version: 1,
    incidentProject: { projectKey: 'HOT', issueTypeName: 'Incident' },
    severityScale: {
      levels: [
        { level: 1, label: 'Sev 1', description: 'A critical incident with very high impact', examples: [] },
        { level: 2, label: 'Sev 2', description: 'A major incident with significant impact', examples: [] },
        { level: 3, label: 'Sev 3', description: 'A minor incident with low impact', examples: [] },
      ],
    },
    services: [
      { name: 'Bitbucket', rosterId: 'bitbucket', owningTeam: 'Bitbucket' },
      { name: 'Unknown', owningTeam: 'Incident managers' },
    ],
    products: ['Bitbucket', 'Jira'],
    rosters: [
      {
        id: 'bitbucket',
        name: 'Bitbucket IMs',
        layers: [{ participants: ['alana', 'ben'], shiftLength: { days: 7 }, handoffTime: '09:00', timeZone: 'Europe/Berlin', startDate: '2026-11-02' }],
        overrides: [],
        escalationPolicyId: 'standard',
      },
      { id: 'imoc', name: 'IMOC', layers: [{ participants: ['carla'], shiftLength: 'P7D', handoffTime: '09:00', timeZone: 'UTC', startDate: '2026-11-02' }] },
    ],
    escalationPolicies: [{ id: 'standard', name: 'Standard', levels: [{ targets: [{ kind: 'roster', rosterId: 'bitbucket' }], ackTimeoutMinutes: 10 }], repeat: 1 }],
    imoc: { rosterId: 'imoc', ackTimeoutMinutes: 15 },
    paging: { rosterChannels: { bitbucket: { kind: 'pagerduty' } }, personChannels: { alana: { kind: 'slack', slackUserId: 'U024BE7LH' } } },
    integrations: { slack: { enabled: true }, pagerDuty: { enabled: true }, webhook: { enabled: false } },
    supportCases: { projectKeys: ['SUP'] },
  };
}
