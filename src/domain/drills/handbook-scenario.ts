import { parseScenario, type Scenario } from './scenario';

/**
 * The built-in scenario, after the handbook's own example: customers cannot push to Bitbucket, support
 * cases arrive, a recent deployment is the suspect, another team has to be escalated to, and rolling
 * the deployment back ends the impact.
 */
export const HANDBOOK_SCENARIO: Scenario = parseScenario({
  schemaVersion: 1,
  id: 'bitbucket-push-failures',
  title: 'Customers cannot push to Bitbucket',
  description:
    'Pushes to Bitbucket Cloud fail for a growing share of customers. Take command, open comms, assess, tell staff and customers, ' +
    'find the suspect change, escalate to the team that owns it, and resolve once the fix has worked.',
  start: { summary: 'Bitbucket pushes failing for customers', service: 'Bitbucket', severity: 2, affectedProducts: ['Bitbucket Cloud'] },
  injects: [
    { kind: 'alert', atMinute: 1, title: 'git push error rate above 5% (bitbucket-scm)', labels: { severity: 'warning', service: 'bitbucket' } },
    { kind: 'support-case', atMinute: 4, summary: 'Customer: "git push rejected with 500 since 10 minutes"' },
    { kind: 'support-case', atMinute: 6, summary: 'Customer: our CI cannot push tags to Bitbucket' },
    { kind: 'change', atMinute: 8, summary: 'Deploy bitbucket-scm 2026.12.1 (storage client upgrade)', changeType: 'Deployment', minutesBeforeImpact: 3 },
    { kind: 'observation', atMinute: 10, text: 'Push failures are all on repositories hosted on the new storage cluster; reads still work.' },
    { kind: 'severity', atMinute: 12, severity: 1 },
    { kind: 'experiment-outcome', atMinute: 20, worked: false, text: 'Restarting the push workers did not help: the error rate is unchanged.' },
    { kind: 'experiment-outcome', atMinute: 30, worked: true, text: 'Rolling back bitbucket-scm to 2026.11.4 worked: pushes succeed again.' },
  ],
  targets: {
    takeCommandMinutes: 5,
    openCommsMinutes: 10,
    initialCommsMinutes: 15,
    firstEscalationMinutes: 20,
    followUpLateMinutes: 5,
    rolesDelegated: 2,
    resolveMinutes: 45,
  },
});

/** The scenarios every site has without importing any. */
export const BUILT_IN_SCENARIOS: readonly Scenario[] = [HANDBOOK_SCENARIO];
