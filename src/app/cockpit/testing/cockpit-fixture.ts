import { jiraDateTime } from '../incident-record';
import { DEFAULT_CONFIGURATION, toConfigurationDocument, type Configuration, type FieldIds } from '../../configuration';
import { CONFIGURATION_KEY } from '../../configuration-store';
import { claimedEpisode, type Episode } from '../../paging/paging-episodes';
import { PagingRepository } from '../../paging/paging-repository';
import { InMemoryDueIndex } from '../../testing/in-memory-app-store';
import { InMemoryAppStore } from '../../testing/in-memory-app-store';
import { ManualClock } from '../../testing/manual-clock';
import { RemoteCallLog } from '../../testing/remote-call-log';
import type { CockpitCaller, CockpitDeps, Person } from '../ports';
import { InMemoryChangeRecords, InMemoryChatRooms } from './in-memory-chat-rooms';
import { FULL_PERMISSIONS, InMemoryJira, jiraStatus, VIEW_ONLY, type JiraIssue } from './in-memory-incident-issues';

/** 2026-03-02 09:00 UTC: when the fixture's incident was declared. */
export const T0 = Date.parse('2026-03-02T09:00:00Z');
export const MINUTE = 60_000;

export const FIELDS: FieldIds = {
  severity: 'customfield_10001',
  faultyService: 'customfield_10002',
  affectedProducts: 'customfield_10003',
  impactStart: 'customfield_10004',
  detected: 'customfield_10005',
  impactEnd: 'customfield_10006',
  techLead: 'customfield_10007',
  communicationsManager: 'customfield_10008',
  chatRoom: 'customfield_10009',
  videoCall: 'customfield_10010',
  incidentStateDocument: 'customfield_10011',
  supportCases: 'customfield_10012',
};

const person = (accountId: string, displayName: string, email: string): Person => ({ accountId, displayName, emailAddress: email });

export const PEOPLE = {
  alice: person('acc-alice', 'Alice Incident', 'alice@example.com'),
  bob: person('acc-bob', 'Bob Techlead', 'bob@example.com'),
  carol: person('acc-carol', 'Carol Comms', 'carol@example.com'),
  dave: person('acc-dave', 'Dave Backup', 'dave@example.com'),
  vera: person('acc-vera', 'Vera Viewer', 'vera.viewer@example.com'),
} as const;

export interface CockpitWorld {
  readonly log: RemoteCallLog;
  readonly jira: InMemoryJira;
  readonly store: InMemoryAppStore;
  readonly chat: InMemoryChatRooms;
  readonly changes: InMemoryChangeRecords;
  readonly clock: ManualClock;
  readonly config: Configuration;
  readonly issue: JiraIssue;
  /** The ports as `accountId` uses them. */
  deps(accountId: string): CockpitDeps;
  caller(accountId: string): CockpitCaller;
  /** A page to the on-call IM, waiting for acknowledgement. */
  pageWaiting(episodeId?: string): Promise<Episode>;
}

/**
 * A declared Sev 1 Bitbucket incident (HOT-12, New, unassigned), the app's fields provisioned, a
 * chat workspace that knows everyone by email, and Vera who may only view the issue.
 */
export function cockpitWorld(options: { fields?: boolean } = {}): CockpitWorld {
  const log = new RemoteCallLog();
  const jira = new InMemoryJira(log);
  const store = new InMemoryAppStore(log);
  const chat = new InMemoryChatRooms(log);
  const changes = new InMemoryChangeRecords(log);
  const clock = new ManualClock(T0);
  const withFields = options.fields ?? true;
  const config: Configuration = {
    ...DEFAULT_CONFIGURATION,
    ...(withFields ? { fields: FIELDS } : {}),
    siteUrl: 'https://example.atlassian.net',
  };
  store.entries.set(CONFIGURATION_KEY, toConfigurationDocument(config));
  for (const someone of [PEOPLE.alice, PEOPLE.bob, PEOPLE.carol, PEOPLE.dave]) {
    jira.addUser(someone, FULL_PERMISSIONS);
    chat.directory.set(someone.emailAddress ?? '', `U-${someone.accountId}`);
  }
  jira.addUser(PEOPLE.vera, VIEW_ONLY);
  jira.listFields.add(FIELDS.techLead).add(FIELDS.communicationsManager);
  const issue: JiraIssue = {
    id: '10042',
    key: 'HOT-12',
    fields: {
      summary: "Can't push to Bitbucket",
      // Raised on Jira's create screen at T0, without a detection time.
      created: jiraDateTime(T0),
      status: jiraStatus('New'),
      assignee: null,
      ...(withFields
        ? {
            [FIELDS.severity]: { value: 'Sev 1' },
            [FIELDS.faultyService]: { value: 'Bitbucket' },
            [FIELDS.affectedProducts]: [{ value: 'Bitbucket' }],
          }
        : {}),
      issuelinks: [],
    },
  };
  jira.issues.set(issue.key, issue);
  let ids = 0;
  return {
    log,
    jira,
    store,
    chat,
    changes,
    clock,
    config,
    issue,
    deps: (accountId) => ({ issues: jira.as(accountId), store, chat, changes, clock, newId: () => `id-${++ids}` }),
    caller: (accountId) => ({ accountId, issueKey: issue.key, issueId: issue.id }),
    pageWaiting: async (episodeId = 'declared') => {
      const episode: Episode = {
        ...claimedEpisode({ issueId: issue.id, issueKey: issue.key, episodeId, intent: { kind: 'declared' }, reason: 'Sev 1 incident declared for Bitbucket', now: T0, leaseUntil: T0 }),
        state: 'paging',
        pages: [{ level: 0, round: 0, pagedAt: new Date(T0).toISOString() }],
        deliveries: [
          {
            level: 0,
            round: 0,
            recipientKey: PEOPLE.alice.accountId,
            recipientLabel: 'on-call of Bitbucket',
            destination: { kind: 'jira', accountId: PEOPLE.alice.accountId },
            status: 'sent',
            attempts: 1,
            lastAttemptAt: new Date(T0).toISOString(),
          },
        ],
      };
      await new PagingRepository(store, new InMemoryDueIndex()).save(episode);
      return episode;
    },
  };
}
