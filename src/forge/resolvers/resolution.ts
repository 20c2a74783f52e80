import { asUser } from '@forge/api';
import { z } from 'zod';
import { createCleanupTask, createPostmortem } from '../../app/learning/create-linked-work';
import { learningSettingsSchema, learningSettingsView, loadLearningSettings, saveLearningSettings } from '../../app/learning/learning-settings';
import type { PostmortemReminderJob, ResolutionDeps } from '../../app/learning/ports';
import { cancelIncident, getResolution, recordImpactEnd, resolveIncident } from '../../app/learning/resolve-incident';
import type { CockpitCaller } from '../../app/cockpit/ports';
import { LEARNING_ADMIN_RESOLVER_KEYS as ADMIN_KEYS, RESOLUTION_RESOLVER_KEYS as KEYS } from '../../contracts/resolution';
import { ForgeJobQueue } from '../adapters/forge-job-queue';
import { JiraClient, type JiraRequest } from '../adapters/jira-client';
import { JiraLinkedWork } from '../adapters/jira-linked-work';
import type { Services } from '../composition';
import { cockpitDeps } from './cockpit';
import { resolver } from './define-resolvers';

/** The queue (manifest `consumer.queue`) that reminds postmortem owners when their postmortem falls due. */
export const POSTMORTEM_REMINDER_QUEUE = 'postmortem-reminders';

const instant = z.string().max(40, 'must be at most 40 characters');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)');
const accountId = z.string().min(1, 'must not be empty').max(128, 'must be at most 128 characters');

/** The shape of each payload; the use cases check the rest (instants against the incident, projects). */
export const resolutionPayloads = {
  resolveIncident: z.strictObject({ impactEnd: instant.exactOptional() }),
  recordImpactEnd: z.strictObject({ impactEnd: instant }),
  cancelIncident: z.strictObject({ reason: z.string().max(1000, 'must be at most 1000 characters') }),
  createCleanupTask: z.strictObject({ summary: z.string().max(1000, 'must be at most 1000 characters'), assigneeAccountId: accountId.exactOptional(), dueDate: date.exactOptional() }),
  createPostmortem: z.strictObject({ assigneeAccountId: accountId.exactOptional() }),
} as const;

const asUserRequest: JiraRequest = (route, init) => asUser().requestJira(route, init);

/** Resolution's ports on Forge: the cockpit's, issues created and linked as the signed-in user, the reminder queue. */
function resolutionDeps(s: Services): ResolutionDeps {
  return {
    ...cockpitDeps(s),
    work: new JiraLinkedWork(new JiraClient(asUserRequest, s.clock, s.deadline)),
    reminders: new ForgeJobQueue<PostmortemReminderJob>(POSTMORTEM_REMINDER_QUEUE, s.clock),
  };
}

function onIncident<S extends z.ZodType, T>(schema: S, work: (deps: ResolutionDeps, caller: CockpitCaller, payload: z.output<S>) => Promise<T>) {
  return resolver({
    access: 'on-issue',
    payload: schema,
    run: ({ services: s, accountId: caller, issue, payload }) => work(resolutionDeps(s), { accountId: caller, issueKey: issue.key, issueId: issue.id }, payload),
  });
}

/** The Resolve tab's resolvers (keys in src/contracts/resolution.ts), part of the issue panel's resolver. */
export const resolutionResolvers = {
  [KEYS.getResolution]: onIncident(z.strictObject({}), (deps, caller) => getResolution(deps, caller)),
  [KEYS.resolveIncident]: onIncident(resolutionPayloads.resolveIncident, resolveIncident),
  [KEYS.recordImpactEnd]: onIncident(resolutionPayloads.recordImpactEnd, recordImpactEnd),
  [KEYS.cancelIncident]: onIncident(resolutionPayloads.cancelIncident, cancelIncident),
  [KEYS.createCleanupTask]: onIncident(resolutionPayloads.createCleanupTask, createCleanupTask),
  [KEYS.createPostmortem]: onIncident(resolutionPayloads.createPostmortem, createPostmortem),
};

/** The admin page's "Resolve and learn" tab. */
export const learningAdminResolvers = {
  [ADMIN_KEYS.getLearningSettings]: resolver({
    access: 'administrator',
    action: 'see the resolve and learn settings',
    payload: z.strictObject({}),
    run: async ({ services: s }) => learningSettingsView(await loadLearningSettings(s.store)),
  }),
  [ADMIN_KEYS.saveLearningSettings]: resolver({
    access: 'administrator',
    action: 'change the resolve and learn settings',
    payload: learningSettingsSchema,
    run: async ({ services: s, payload }) => learningSettingsView(await saveLearningSettings(s.store, payload)),
  }),
};
