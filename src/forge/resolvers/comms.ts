import { asApp, asUser } from '@forge/api';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { commsSecretStatus, loadCommsSecrets, setCommsSecret } from '../../app/comms/comms-secrets';
import { COMMS_SETTINGS_KEY, loadCommsSettings, parseCommsSettings, type CommsSettings } from '../../app/comms/comms-settings';
import { composerSchema, loadComposer, previewSchema, previewUpdate } from '../../app/comms/load-composer';
import type { CommsDeps } from '../../app/comms/ports';
import { requestReview, reviewDecisionSchema, reviewRequestSchema, reviewUpdate } from '../../app/comms/reviews';
import { retryFailedChannels, retrySchema, sendUpdate, sendUpdateSchema } from '../../app/comms/send-update';
import { loadConfiguration } from '../../app/configuration-store';
import type { CockpitCaller } from '../../app/cockpit/ports';
import { COMMS_ADMIN_RESOLVER_KEYS as ADMIN_KEYS, COMMS_RESOLVER_KEYS as KEYS, type CommsSettingsDocument, type CommsSettingsResult } from '../../contracts/comms';
import { ForgeJobQueue } from '../adapters/forge-job-queue';
import { JiraChangeRecords } from '../adapters/jira-change-records';
import { JiraClient, type JiraRequest } from '../adapters/jira-client';
import { JiraIncidentIssues } from '../adapters/jira-incident-issues';
import { JiraNotifyMail } from '../adapters/jira-notify-mail';
import { MemoizedSecrets } from '../adapters/memoized-secrets';
import { SendGridMailer } from '../adapters/sendgrid-mailer';
import { SlackChatRooms } from '../adapters/slack-chat-rooms';
import { StatuspagePages } from '../adapters/statuspage-pages';
import type { Services } from '../composition';
import { resolver } from './define-resolvers';

/** The queue (manifest `consumer.queue`) that carries "next update due soon" reminders. */
export const COMMS_REMINDER_QUEUE = 'comms-reminders';

const asUserRequest: JiraRequest = (route, init) => asUser().requestJira(route, init);
const asAppRequest: JiraRequest = (route, init) => asApp().requestJira(route, init);

/** The communications ports on Forge, built per invocation: Jira as the user, KVS, Slack, Statuspage and SendGrid through egress. */
export function commsDeps(s: Services): CommsDeps {
  const { clock, deadline, store } = s;
  const jira = new JiraClient(asUserRequest, clock, deadline);
  const secrets = new MemoizedSecrets(store);
  return {
    issues: new JiraIncidentIssues(jira),
    store,
    chat: new SlackChatRooms(store, clock, deadline),
    changes: new JiraChangeRecords(jira),
    clock,
    newId: () => randomUUID(),
    secrets,
    statusPages: new StatuspagePages(secrets),
    mailer: new SendGridMailer(secrets),
    // Jira mails the list as the app, one attempt per call: the send use case retries each channel itself.
    jiraMail: new JiraNotifyMail(new JiraClient(asAppRequest, clock, deadline, 1)),
    appTracker: s.appTracker,
    reminders: new ForgeJobQueue(COMMS_REMINDER_QUEUE, clock),
  };
}

/**
 * A comms resolver: on the panel's issue, as the signed-in user, with the payload checked by the use
 * case's own strict schema, refused fields named under `field` as the use case names them.
 */
function comms<S extends z.ZodType, T>(schema: S, field: string, work: (deps: CommsDeps, caller: CockpitCaller, payload: z.output<S>) => Promise<T>) {
  return resolver({
    access: 'on-issue',
    payload: schema,
    field,
    run: ({ services: s, accountId, issue, payload }) => work(commsDeps(s), { accountId, issueKey: issue.key, issueId: issue.id }, payload),
  });
}

/** The Updates tab's resolvers, part of the issue panel's resolver. */
export const commsResolvers = {
  [KEYS.getComposer]: comms(composerSchema, 'composer', loadComposer),
  [KEYS.previewUpdate]: comms(previewSchema, 'preview', previewUpdate),
  [KEYS.sendUpdate]: comms(sendUpdateSchema, 'update', sendUpdate),
  [KEYS.retryFailedChannels]: comms(retrySchema, 'retry', retryFailedChannels),
  [KEYS.requestReview]: comms(reviewRequestSchema, 'review', requestReview),
  [KEYS.reviewUpdate]: comms(reviewDecisionSchema, 'decision', reviewUpdate),
};

function settingsDocument(settings: CommsSettings): CommsSettingsDocument {
  return settings as unknown as CommsSettingsDocument;
}

async function settingsResult(s: Services, settings?: CommsSettings): Promise<CommsSettingsResult> {
  const [stored, secrets, config] = await Promise.all([settings === undefined ? loadCommsSettings(s.store) : Promise.resolve(settings), loadCommsSecrets(s.store), loadConfiguration(s.store)]);
  return { settings: settingsDocument(stored), secrets: commsSecretStatus(secrets), products: [...config.products] };
}

/** The admin page's Communications tab. */
export const commsAdminResolvers = {
  [ADMIN_KEYS.getCommsSettings]: resolver({
    access: 'administrator',
    action: 'view the communications settings',
    payload: z.strictObject({}),
    run: ({ services: s }) => settingsResult(s),
  }),
  [ADMIN_KEYS.saveCommsSettings]: resolver({
    access: 'administrator',
    action: 'change the communications settings',
    payload: z.strictObject({ settings: z.unknown() }),
    run: async ({ services: s, payload }) => {
      const settings = parseCommsSettings(payload.settings);
      await s.store.set(COMMS_SETTINGS_KEY, settings);
      return settingsResult(s, settings);
    },
  }),
  [ADMIN_KEYS.setCommsSecret]: resolver({
    access: 'administrator',
    action: 'change the communications credentials',
    payload: z.strictObject({ secret: z.unknown() }),
    run: async ({ services: s, payload }) => {
      await setCommsSecret(s.store, payload.secret);
      return settingsResult(s);
    },
  }),
};
