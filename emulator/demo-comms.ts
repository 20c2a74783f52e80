/**
 * The demo organisation's communications, connected to the local stand-ins through the app's own admin
 * resolvers: Slack (so "Open comms" creates a room), the internal and external status pages with a
 * component per product, and an incident communications list reaching staff through Jira and an
 * address outside Jira through SendGrid.
 */
import type { CommsSettingsDocument } from '../src/contracts/comms';
import { DEMO_STATUS_PAGES } from './egress/statuspage';

/** The demo's Slack bot token: the Slack stand-in accepts any `xoxb-` token as its bot. */
export const DEMO_SLACK_TOKEN = 'xoxb-local-incident-response';

const components = (slug: 'internal' | 'external'): Record<string, string> => {
  const page = DEMO_STATUS_PAGES.find((candidate) => candidate.slug === slug);
  return Object.fromEntries((page?.components ?? []).map(([id, product]) => [product, id]));
};

/** Communications settings for the demo pages and list; `overrides` changes parts for a test. */
export function demoCommsSettings(overrides: Partial<CommsSettingsDocument> = {}): CommsSettingsDocument {
  return {
    statusPages: {
      internal: { pageId: DEMO_STATUS_PAGES[0].id, components: components('internal') },
      external: { pageId: DEMO_STATUS_PAGES[1].id, components: components('external') },
    },
    impactBySeverity: { 1: 'critical', 2: 'major', 3: 'minor' },
    cadenceMinutes: { 1: 30, 2: 60, 3: 240 },
    reminderLeadMinutes: 5,
    email: {
      from: 'incidents@example.com',
      replyTo: 'incident-comms@example.com',
      lists: [{ name: 'Incident communications', severities: [1, 2, 3], jiraGroups: ['incident-managers'], accountIds: [], addresses: ['sam.support@example.com', 'exec-team@example.com'] }],
    },
    approvalSeverities: [],
    ...overrides,
  };
}

/** The credentials the stand-ins accept: any OAuth key on Statuspage, any `SG.` key on SendGrid. */
export const DEMO_COMMS_SECRETS = [
  { kind: 'statuspage-key', page: 'internal', value: 'local-statuspage-internal-key' },
  { kind: 'statuspage-key', page: 'external', value: 'local-statuspage-external-key' },
  { kind: 'sendgrid-key', value: 'SG.local-sendgrid-key' },
] as const;

type Invoke = (functionKey: string, payload: unknown) => Promise<unknown>;

/** Saves the demo's communications set-up as an administrator would on the admin page. */
export async function connectDemoComms(invoke: Invoke, settings: CommsSettingsDocument = demoCommsSettings()): Promise<void> {
  await invoke('setIntegrationSecret', { secret: { kind: 'slack-bot-token', value: DEMO_SLACK_TOKEN } });
  await invoke('saveCommsSettings', { settings });
  for (const secret of DEMO_COMMS_SECRETS) await invoke('setCommsSecret', { secret });
}
