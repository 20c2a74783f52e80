/**
 * The demo organisation's alert sources, saved through the admin page's resolvers like any
 * administrator's: one of each format with routes for the demo services and fixed tokens, so a
 * newcomer can fire the README's curl examples at the site right after `npm start`.
 */
import type { AlertSourceDocument } from '../src/contracts/alert-sources';
import type { ResolverResult } from '../src/contracts/resolver-result';
import type { Site } from './site';

export interface DemoAlertSource {
  readonly source: AlertSourceDocument;
  /** Only for the offline demo: a real site's tokens are generated and shown on the admin page. */
  readonly token: string;
}

export const DEMO_ALERT_SOURCES: readonly DemoAlertSource[] = [
  {
    token: 'local-prometheus-token-0001',
    source: {
      id: 'prometheus',
      name: 'Prometheus Alertmanager',
      format: 'alertmanager',
      rules: [
        { name: 'Watchdog is only a heartbeat', matchers: ['alertname=Watchdog'], action: 'ignore' },
        { name: 'Bitbucket critical', matchers: ['service=bitbucket', 'severity=critical'], action: 'incident', service: 'Bitbucket', severity: 1, products: ['Bitbucket'] },
        { name: 'Bitbucket', matchers: ['service=bitbucket'], action: 'incident', service: 'Bitbucket', severity: 2, products: ['Bitbucket'] },
        { name: 'Jira Cloud', matchers: ['service=~jira(-cloud)?'], action: 'incident', service: 'Jira Cloud', severity: 2, products: ['Jira'] },
      ],
      defaultRoute: { service: 'Unknown', severity: 2, products: [] },
      maxIncidentsPerMinute: 5,
    },
  },
  {
    token: 'local-grafana-token-0002',
    source: {
      id: 'grafana',
      name: 'Grafana',
      format: 'grafana',
      rules: [
        { name: 'Confluence critical', matchers: ['team=confluence', 'severity=critical'], action: 'incident', service: 'Confluence', severity: 1, products: ['Confluence'] },
        { name: 'Confluence', matchers: ['team=confluence'], action: 'incident', service: 'Confluence', severity: 2, products: ['Confluence'] },
      ],
      defaultRoute: { service: 'Unknown', severity: 2, products: [] },
      maxIncidentsPerMinute: 5,
    },
  },
  {
    token: 'local-uptime-token-0003',
    source: {
      id: 'uptime',
      name: 'Uptime checks (generic JSON)',
      format: 'generic',
      mapping: { title: 'check.name', dedupKey: 'check.id', severity: 'check.priority', service: 'check.service', status: 'state', startsAt: 'check.since', link: 'check.url' },
      rules: [
        { name: 'Jira Cloud high', matchers: ['service=jira-cloud', 'severity=high'], action: 'incident', service: 'Jira Cloud', severity: 1, products: ['Jira'] },
        { name: 'Jira Cloud', matchers: ['service=jira-cloud'], action: 'incident', service: 'Jira Cloud', severity: 2, products: ['Jira'] },
      ],
      defaultRoute: { service: 'Unknown', severity: 2, products: [] },
      maxIncidentsPerMinute: 5,
    },
  },
];

/** Saves the demo sources as the administrator (`accountId`), through the admin page's resolver. */
export async function seedDemoAlertSources(site: Site, accountId: string, sources: readonly DemoAlertSource[] = DEMO_ALERT_SOURCES): Promise<void> {
  for (const { source, token } of sources) {
    const result = (await site.forge.invokeResolver({ moduleKey: 'incident-settings', functionKey: 'saveAlertSource', accountId, payload: { source, token } })) as ResolverResult<unknown>;
    if (!result.ok) throw new Error(`The demo alert source ${source.id} could not be saved: ${result.error.message}`);
  }
}
