import type { ConfigurationDocument, RosterDocument } from '../../contracts/configuration';
import { parseConfiguration, type Configuration } from '../configuration';
import { storeConfiguration } from '../configuration-store';
import { NotConfiguredError } from '../errors';
import { APP_FIELDS } from '../incident-fields';
import type { PagingDeps } from '../paging/page-on-call';
import type { EscalationJob } from '../paging/paging-episodes';
import { PagingRepository } from '../paging/paging-repository';
import { runEscalationJob } from '../paging/advance-episode';
import { InMemoryJobQueue } from './in-memory-job-queue';
import type { IssueData } from '../ports';
import { syncFields } from '../provision-fields';
import { InMemoryAppStore, InMemoryDueIndex, InMemorySecretStore } from './in-memory-app-store';
import { InMemoryFieldCatalog } from './in-memory-field-catalog';
import { InMemoryIssueTracker, type StoredIssue } from './in-memory-issue-tracker';
import { InMemoryPager } from './in-memory-pager';
import { ManualClock } from './manual-clock';
import { RemoteCallLog } from './remote-call-log';

/** Account ids of the people in the test rosters. */
export const PEOPLE = {
  bitbucketIm: 'acc-bitbucket-im',
  confluenceIm: 'acc-confluence-im',
  databaseOnCall: 'acc-database',
  imoc: 'acc-imoc',
  reporter: 'acc-reporter',
} as const;

/** A Wednesday morning, well inside every test rotation. */
export const NOW = '2024-05-01T10:00:00.000Z';

/** A roster of one weekly rotation handing off Mondays 09:00 UTC. */
export function rosterDocument(id: string, name: string, participants: readonly string[], extra: Partial<RosterDocument> = {}, startDate = '2024-01-01'): RosterDocument {
  return {
    id,
    name,
    layers: [{ participants, shiftLength: 'P7D', handoffTime: '09:00', timeZone: 'UTC', startDate }],
    ...extra,
  };
}

/** A configuration with Bitbucket and Confluence rosters, a database team, the IMOC, and the handbook's services. */
export function configurationDocument(overrides: Partial<ConfigurationDocument> = {}): ConfigurationDocument {
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
      { name: 'Jira Cloud', owningTeam: 'Jira Cloud' },
      { name: 'Confluence', rosterId: 'confluence', owningTeam: 'Confluence' },
      { name: 'Unknown', owningTeam: 'Incident managers' },
    ],
    products: ['Bitbucket', 'Jira', 'Confluence'],
    rosters: [
      rosterDocument('bitbucket', 'Bitbucket incident managers', [PEOPLE.bitbucketIm]),
      rosterDocument('confluence', 'Confluence incident managers', [PEOPLE.confluenceIm]),
      rosterDocument('database', 'Database on-call', [PEOPLE.databaseOnCall]),
      rosterDocument('imoc', 'Incident manager on call', [PEOPLE.imoc]),
    ],
    escalationPolicies: [],
    imoc: { rosterId: 'imoc', ackTimeoutMinutes: 15 },
    paging: { rosterChannels: {}, personChannels: {} },
    integrations: { slack: { enabled: false }, pagerDuty: { enabled: false }, webhook: { enabled: false } },
    supportCases: { projectKeys: [] },
    ...overrides,
  };
}

/** Every port in memory, sharing one call log and one clock, with the app's fields provisioned and the configuration stored. */
export interface World {
  readonly log: RemoteCallLog;
  readonly clock: ManualClock;
  readonly store: InMemoryAppStore;
  readonly secrets: InMemorySecretStore;
  readonly tracker: InMemoryIssueTracker;
  readonly catalog: InMemoryFieldCatalog;
  readonly pager: InMemoryPager;
  readonly config: Configuration;
  readonly paging: PagingDeps;
  readonly queue: InMemoryJobQueue<EscalationJob>;
  /** Runs the jobs the clock made due (each episode's precise check), as the queue would deliver them. */
  runDueJobs(): Promise<void>;
  /** Puts an issue in Jira with the given incident values, as Jira's create screen would. */
  incident(input: IncidentInput): StoredIssue;
  /** The issue as Forge's issue events carry it: system fields only, no custom fields. */
  event(issue: StoredIssue): IssueData;
}

export interface IncidentInput {
  readonly summary?: string;
  readonly severity?: 1 | 2 | 3;
  readonly service?: string;
  readonly project?: string;
  readonly issueType?: string;
  readonly labels?: readonly string[];
  readonly assignee?: string;
  /** When Jira created the issue (Jira's date-time format); left out unless a test needs it. */
  readonly created?: string;
  readonly detected?: string;
}

export function appFieldCatalog(log: RemoteCallLog): InMemoryFieldCatalog {
  const catalog = new InMemoryFieldCatalog(log);
  for (const definition of Object.values(APP_FIELDS)) catalog.addAppField(definition.name, definition.moduleKey);
  return catalog;
}

export async function provisionedWorld(document: ConfigurationDocument = configurationDocument()): Promise<World> {
  const log = new RemoteCallLog();
  const clock = new ManualClock(Date.parse(NOW));
  const store = new InMemoryAppStore(log);
  const secrets = new InMemorySecretStore(log);
  const tracker = new InMemoryIssueTracker(log);
  const catalog = appFieldCatalog(log);
  const pager = new InMemoryPager(log);
  const { config } = await syncFields({ catalog, store }, parseConfiguration(document));
  await storeConfiguration(store, config);
  log.clear();
  const fields = config.fields;
  if (fields === undefined) throw new NotConfiguredError('fields were not provisioned');
  const dueIndex = new InMemoryDueIndex(log);
  const queue = new InMemoryJobQueue<EscalationJob>(log);
  const paging: PagingDeps = {
    store,
    repo: new PagingRepository(store, dueIndex),
    queue,
    pager,
    tracker,
    clock,
    get deadline() {
      return clock.now() + 20_000;
    },
  };
  return {
    queue,
    runDueJobs: async () => {
      for (let due = queue.takeDue(clock.now()); due.length > 0; due = queue.takeDue(clock.now())) {
        for (const { job } of due) await runEscalationJob(paging, job);
      }
    },
    log,
    clock,
    store,
    secrets,
    tracker,
    catalog,
    pager,
    config,
    paging,
    incident(input) {
      return tracker.seed(input.project ?? 'HOT', {
        summary: input.summary ?? 'Cannot push to Bitbucket',
        issuetype: { name: input.issueType ?? 'Incident' },
        labels: [...(input.labels ?? [])],
        assignee: input.assignee === undefined ? null : { accountId: input.assignee },
        ...(input.severity === undefined ? {} : { [fields.severity]: { value: `Sev ${input.severity}` } }),
        ...(input.service === undefined ? {} : { [fields.faultyService]: { value: input.service } }),
        ...(input.created === undefined ? {} : { created: input.created }),
        ...(input.detected === undefined ? {} : { [fields.detected]: input.detected }),
      });
    },
    event(issue) {
      const systemFields = Object.entries(issue.fields).filter(([id]) => !id.startsWith('customfield_'));
      return { id: issue.id, key: issue.key, fields: JSON.parse(JSON.stringify(Object.fromEntries(systemFields))) as Record<string, unknown> };
    },
  };
}
