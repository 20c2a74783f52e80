import { asUser } from '@forge/api';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { answerAssessment } from '../../app/cockpit/answer-assessment';
import { changeSeverity } from '../../app/cockpit/change-severity';
import { delegateRole, endRole, handOverCommand } from '../../app/cockpit/delegate-role';
import { loadCockpit } from '../../app/cockpit/load-cockpit';
import { openComms } from '../../app/cockpit/open-comms';
import type { CockpitCaller, CockpitDeps } from '../../app/cockpit/ports';
import { getRecentChanges } from '../../app/cockpit/recent-changes';
import { concludeExperiment, recordTimelineEntry } from '../../app/cockpit/record-timeline-entry';
import { searchPeople } from '../../app/cockpit/search-people';
import { setChannelLinks } from '../../app/cockpit/set-channel-links';
import { setChatStatus } from '../../app/cockpit/set-chat-status';
import { takeCommand } from '../../app/cockpit/take-command';
import { COCKPIT_RESOLVER_KEYS as KEYS } from '../../contracts/cockpit';
import { roleSchema } from '../../domain/roles';
import { JiraChangeRecords } from '../adapters/jira-change-records';
import { JiraClient, type JiraRequest } from '../adapters/jira-client';
import { JiraIncidentIssues } from '../adapters/jira-incident-issues';
import { SlackChatRooms } from '../adapters/slack-chat-rooms';
import type { Services } from '../composition';
import { resolver } from './define-resolvers';

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const accountId = z.string().min(1, 'must not be empty').max(128, 'must be at most 128 characters');
const link = z.union([z.string(), z.null()]).exactOptional();
const nothing = z.strictObject({});

/** The shape of each resolver's payload; the use cases check the rest (URLs, instants, role rules). */
export const cockpitPayloads = {
  takeCommand: z.strictObject({ transitionId: z.string().min(1, 'must not be empty').max(20) }),
  setChannelLinks: z.strictObject({ chatRoom: link, videoCall: link, stateDocument: link }),
  answerAssessment: z.strictObject({
    questionId: z.enum(['customer-impact', 'customer-experience', 'customers-affected', 'impact-started', 'support-cases', 'other-factors']),
    answer: z.unknown(),
  }),
  changeSeverity: z.strictObject({ level: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'must be 1, 2 or 3' }), reason: text(1000).exactOptional() }),
  searchPeople: z.strictObject({ query: text(100) }),
  delegateRole: z.strictObject({ role: roleSchema, accountId, scope: z.enum(['internal', 'external', 'both']).exactOptional() }),
  endRole: z.strictObject({ role: roleSchema, accountId }),
  handOverCommand: z.strictObject({ toAccountId: accountId }),
  recordTimelineEntry: z.strictObject({
    entry: z.discriminatedUnion(
      'kind',
      [
        z.strictObject({ kind: z.literal('observation'), text: text(4000) }),
        z.strictObject({ kind: z.literal('theory'), text: text(4000) }),
        z.strictObject({ kind: z.literal('decision'), text: text(4000) }),
        z.strictObject({ kind: z.literal('note'), text: text(4000) }),
        z.strictObject({
          kind: z.literal('experiment'),
          text: text(4000),
          theoryId: text(64).exactOptional(),
          outcome: z.enum(['pending', 'confirmed', 'disproved', 'inconclusive']).exactOptional(),
        }),
        z.strictObject({ kind: z.literal('change'), what: text(4000), who: accountId, at: text(40).exactOptional(), revert: text(4000).exactOptional() }),
      ],
      { error: 'must be an observation, theory, experiment, decision, change or note' },
    ),
  }),
  concludeExperiment: z.strictObject({ experimentId: text(64), outcome: z.enum(['confirmed', 'disproved', 'inconclusive']) }),
  setChatStatus: z.strictObject({ managing: z.boolean() }),
} as const;

const asUserRequest: JiraRequest = (route, init) => asUser().requestJira(route, init);

/** The cockpit's ports on Forge: Jira as the signed-in user, KVS, Slack through egress; built per invocation. */
export function cockpitDeps(s: Services): CockpitDeps {
  const { clock, deadline, store } = s;
  const jira = new JiraClient(asUserRequest, clock, deadline);
  return {
    issues: new JiraIncidentIssues(jira),
    store,
    chat: new SlackChatRooms(store, clock, deadline),
    changes: new JiraChangeRecords(jira),
    clock,
    newId: () => randomUUID(),
  };
}

/** A cockpit resolver: on the panel's issue, as the signed-in user, with the payload checked by `schema`. */
function cockpit<S extends z.ZodType, T>(schema: S, work: (deps: CockpitDeps, caller: CockpitCaller, payload: z.output<S>) => Promise<T>) {
  return resolver({
    access: 'on-issue',
    payload: schema,
    run: ({ services: s, accountId, issue, payload }) => work(cockpitDeps(s), { accountId, issueKey: issue.key, issueId: issue.id }, payload),
  });
}

/** The cockpit's resolver definitions (keys in src/contracts/cockpit.ts), part of the issue panel's resolver. */
export const cockpitResolvers = {
  [KEYS.getCockpit]: cockpit(nothing, (deps, caller) => loadCockpit(deps, caller)),
  [KEYS.takeCommand]: cockpit(cockpitPayloads.takeCommand, takeCommand),
  [KEYS.openComms]: cockpit(nothing, (deps, caller) => openComms(deps, caller)),
  [KEYS.setChannelLinks]: cockpit(cockpitPayloads.setChannelLinks, setChannelLinks),
  [KEYS.answerAssessment]: cockpit(cockpitPayloads.answerAssessment, answerAssessment),
  [KEYS.changeSeverity]: cockpit(cockpitPayloads.changeSeverity, changeSeverity),
  [KEYS.getRecentChanges]: cockpit(nothing, (deps, caller) => getRecentChanges(deps, caller)),
  [KEYS.searchPeople]: cockpit(cockpitPayloads.searchPeople, searchPeople),
  [KEYS.delegateRole]: cockpit(cockpitPayloads.delegateRole, delegateRole),
  [KEYS.endRole]: cockpit(cockpitPayloads.endRole, endRole),
  [KEYS.handOverCommand]: cockpit(cockpitPayloads.handOverCommand, handOverCommand),
  [KEYS.recordTimelineEntry]: cockpit(cockpitPayloads.recordTimelineEntry, recordTimelineEntry),
  [KEYS.concludeExperiment]: cockpit(cockpitPayloads.concludeExperiment, concludeExperiment),
  [KEYS.setChatStatus]: cockpit(cockpitPayloads.setChatStatus, setChatStatus),
};
