import { z } from 'zod';
import { DRILL_RESOLVER_KEYS as KEYS } from '../../contracts/drills';
import { checkScenario, deleteScenario, exportScenario, importScenario, scenarioDocument, scenarioSummaries } from '../../app/drills/drill-catalog';
import { endDrill, getDrill } from '../../app/drills/end-drill';
import { startDrill, startDrillPayloadSchema, type DrillInjectJob } from '../../app/drills/start-drill';
import { ForgeJobQueue } from '../adapters/forge-job-queue';
import type { Services } from '../composition';
import { asApp } from '@forge/api';
import type { CockpitDeps } from '../../app/cockpit/ports';
import { JiraChangeRecords } from '../adapters/jira-change-records';
import { JiraClient } from '../adapters/jira-client';
import { JiraIncidentIssues } from '../adapters/jira-incident-issues';
import { cockpitDeps } from './cockpit';
import { resolver } from './define-resolvers';

/** The manifest's queue (`consumer.queue`) that carries each drill inject to its minute. */
export const DRILL_INJECT_QUEUE = 'drill-injects';

const nothing = z.strictObject({});
const scenarioId = z.string().min(1, 'must name a scenario').max(63, 'must be at most 63 characters');
const json = z.strictObject({ json: z.string().max(200_000, 'must be at most 200,000 characters') });

const startDeps = (s: Services) => ({
  store: s.store,
  userTracker: s.userTracker,
  queue: new ForgeJobQueue<DrillInjectJob>(DRILL_INJECT_QUEUE, s.clock),
  clock: s.clock,
  newId: () => globalThis.crypto.randomUUID(),
});

const start = (access: 'signed-in' | 'administrator') =>
  resolver({
    access,
    action: 'start a drill',
    // The use case checks the scenario and the participants further and names the part it refuses.
    payload: startDrillPayloadSchema,
    run: ({ services: s, accountId, payload }) => startDrill(startDeps(s), accountId, payload),
  });

const list = (access: 'signed-in' | 'administrator') =>
  resolver({ access, action: 'view drill scenarios', payload: nothing, run: ({ services: s }) => scenarioSummaries(s.store) });

/** The admin page's drill resolvers: the scenario catalogue (list, check, import, export, delete) and starting a drill. */
export const drillAdminResolvers = {
  [KEYS.listDrillScenarios]: list('administrator'),
  [KEYS.checkDrillScenario]: resolver({ access: 'administrator', action: 'check drill scenarios', payload: json, run: async ({ payload }) => checkScenario(payload.json) }),
  [KEYS.importDrillScenario]: resolver({
    access: 'administrator',
    action: 'import drill scenarios',
    payload: json,
    run: async ({ services: s, payload }) => {
      const scenario = await importScenario(s.store, scenarioDocument(payload.json));
      return { id: scenario.id, title: scenario.title };
    },
  }),
  [KEYS.exportDrillScenario]: resolver({ access: 'administrator', action: 'export drill scenarios', payload: z.strictObject({ id: scenarioId }), run: ({ services: s, payload }) => exportScenario(s.store, payload.id) }),
  [KEYS.deleteDrillScenario]: resolver({
    access: 'administrator',
    action: 'delete drill scenarios',
    payload: z.strictObject({ id: scenarioId }),
    run: async ({ services: s, payload }) => {
      await deleteScenario(s.store, payload.id);
      return scenarioSummaries(s.store);
    },
  }),
  [KEYS.startDrill]: start('administrator'),
};

/** The Declare page's "Rehearse": anyone who may raise an incident may rehearse one. */
export const drillDeclareResolvers = {
  [KEYS.listDrillScenarios]: list('signed-in'),
  [KEYS.startDrill]: start('signed-in'),
};

const panelDeps = (s: Services) => ({ ...cockpitDeps(s), appTracker: s.appTracker });

/** The cockpit's ports as the app (no person acting): a drill ended by Jira's resolve event reads its incident this way. */
export function appCockpitDeps(s: Services): CockpitDeps {
  const jira = new JiraClient((path, init) => asApp().requestJira(path, init), s.clock, s.deadline);
  return { ...cockpitDeps(s), issues: new JiraIncidentIssues(jira), changes: new JiraChangeRecords(jira) };
}

/** The issue panel's drill banner and End drill. */
export const drillPanelResolvers = {
  [KEYS.getDrill]: resolver({ access: 'on-issue', payload: nothing, run: ({ services: s, accountId, issue }) => getDrill(panelDeps(s), { accountId, issueKey: issue.key, issueId: issue.id }) }),
  [KEYS.endDrill]: resolver({ access: 'on-issue', payload: nothing, run: ({ services: s, accountId, issue }) => endDrill(panelDeps(s), { accountId, issueKey: issue.key, issueId: issue.id }) }),
};
