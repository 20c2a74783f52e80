import { affectedComponents, componentStatus, type StatuspageImpact, type StatuspageStatus } from '../../domain/comms/statuspage-status';
import type { SeverityLevel } from '../../domain/severity';
import { issueUrl } from '../incident-fields';
import type { IncidentContext } from '../cockpit/incident-context';
import type { CommsSecrets } from './comms-secrets';
import { listsFor, type CommsSettings, type StatusPageRole } from './comms-settings';
import { CHANNEL_LABELS, type ChannelId, type CommsState } from './comms-records';
import type { CommsDeps, StatusPagePost } from './ports';
import { isDrill } from '../drills/drill-record';

/** The texts of one update as the sender wrote them. */
export interface UpdateContent {
  readonly kind: 'initial' | 'follow-up' | 'final';
  readonly title: string;
  readonly externalTitle: string;
  readonly internal: string;
  readonly external?: string;
  readonly status: StatuspageStatus;
}

/** What one channel receives, and how to send it. */
export interface PlannedChannel {
  readonly channel: ChannelId;
  readonly audience: 'internal' | 'external';
  readonly to: string;
  readonly subject?: string;
  readonly status?: StatuspageStatus;
  readonly body: string;
  /** Sends it; answers the Statuspage incident it opened, if it opened one. */
  readonly send: (deps: CommsDeps) => Promise<{ openedIncident?: { page: StatusPageRole; incidentId: string } } | undefined>;
}

export interface MissingChannelHint {
  readonly channel: ChannelId;
  readonly hint: string;
}

export interface ChannelPlan {
  readonly channels: readonly PlannedChannel[];
  readonly missing: readonly MissingChannelHint[];
}

/** The email text: the internal update, with how to reply and where the incident lives. */
export function emailText(context: IncidentContext, content: UpdateContent, replyTo: string | undefined): string {
  const footer = [`Incident: ${context.record.key} ${issueUrl(context.config, context.record.key)}`, ...(replyTo === undefined ? [] : [`Questions? Reply to this email (${replyTo}) or ask in the incident's chat room.`])];
  return `${content.internal}\n\n--\n${footer.join('\n')}`;
}

/** The chat room message: the issue key leads, then the internal update. */
export function chatText(content: UpdateContent): string {
  const label = content.kind === 'initial' ? 'Initial update' : content.kind === 'final' ? 'Final update' : 'Update';
  return `${label}: ${content.title}\n${content.internal}`;
}

/**
 * Decides where an update goes and exactly what each channel receives, from the settings, the stored
 * credentials and the incident; channels without setup are left out with a hint, never failed.
 */
export function planChannels(context: IncidentContext, settings: CommsSettings, secrets: CommsSecrets, comms: CommsState, content: UpdateContent): ChannelPlan {
  const severity: SeverityLevel = context.record.severity ?? 1;
  const impact: StatuspageImpact = settings.impactBySeverity[severity];
  const channels: PlannedChannel[] = [];
  const missing: MissingChannelHint[] = [];
  if (isDrill(context.record.labels)) return drillPlan(context, content);

  const statusPage = (role: StatusPageRole, channel: ChannelId, name: string, body: string | undefined): void => {
    const page = settings.statusPages[role];
    if (page === undefined || secrets.statuspageKeys[role] === undefined) {
      missing.push({ channel, hint: `Connect the ${role} Statuspage page (page id and API key) on the admin page's Communications tab.` });
      return;
    }
    if (body === undefined || body.trim() === '') return;
    const existing = comms.statuspage[role];
    const post: StatusPagePost = {
      name,
      status: content.status,
      body,
      impact,
      componentIds: affectedComponents(context.record.affectedProducts, page.components),
      componentStatus: componentStatus(content.status, impact),
    };
    channels.push({
      channel,
      audience: role,
      to: `${role === 'internal' ? 'Internal' : 'External'} status page (${page.pageId})`,
      subject: existing === undefined ? `New incident: ${name}` : name,
      status: content.status,
      body,
      send: async (deps) => {
        if (existing === undefined) {
          const opened = await deps.statusPages.create(role, page.pageId, post);
          return { openedIncident: { page: role, incidentId: opened.incidentId } };
        }
        await deps.statusPages.update(role, page.pageId, existing.incidentId, post);
        return undefined;
      },
    });
  };
  statusPage('internal', 'status-internal', content.title, content.internal);
  statusPage('external', 'status-external', content.externalTitle, content.external);

  const lists = listsFor(settings, severity);
  const groups = [...new Set(lists.flatMap((list) => list.jiraGroups))];
  const accountIds = [...new Set(lists.flatMap((list) => list.accountIds))];
  const addresses = [...new Set(lists.flatMap((list) => list.addresses))];
  const replyTo = settings.email.replyTo ?? settings.email.from;
  const text = emailText(context, content, replyTo);
  if (groups.length + accountIds.length > 0) {
    channels.push({
      channel: 'email-jira',
      audience: 'internal',
      to: [...groups.map((group) => `group ${group}`), ...(accountIds.length > 0 ? [`${accountIds.length} people`] : [])].join(', '),
      subject: content.title,
      body: text,
      send: async (deps) => {
        await deps.jiraMail.send(context.record.key, { subject: content.title, text, accountIds, groups });
        return undefined;
      },
    });
  } else {
    missing.push({ channel: 'email-jira', hint: 'Add Jira groups or people to a distribution list on the admin page to email staff through Jira.' });
  }
  if (addresses.length > 0 && secrets.sendgridKey !== undefined) {
    channels.push({
      channel: 'email-list',
      audience: 'internal',
      to: addresses.join(', '),
      subject: content.title,
      body: text,
      send: async (deps) => {
        await deps.mailer.send({ from: settings.email.from, replyTo, to: addresses, subject: content.title, text });
        return undefined;
      },
    });
  } else {
    missing.push({ channel: 'email-list', hint: addresses.length === 0 ? 'Add email addresses to a distribution list on the admin page to email people outside Jira.' : 'Store a SendGrid API key on the admin page to email addresses outside Jira.' });
  }

  const room = context.state.room;
  if (room !== undefined && context.chatConfigured) {
    const message = chatText(content);
    channels.push({
      channel: 'chat',
      audience: 'internal',
      to: `#${room.name}`,
      body: message,
      send: async (deps) => {
        await deps.chat.post(room.id, message);
        return undefined;
      },
    });
  } else {
    missing.push({ channel: 'chat', hint: context.chatConfigured ? 'Open comms first: the update is posted in the incident\'s chat room.' : 'Connect Slack on the admin page to post updates in the incident\'s chat room.' });
  }
  return { channels, missing };
}

const DRILL_HINT = 'A drill never posts to status pages or emails anyone: its updates go to the drill\'s chat room only, marked DRILL.';

/**
 * A drill rehearses comms without reaching anyone outside it: the chat room (its participants are
 * the people in it) is the one channel; status pages, Jira email to groups and SendGrid lists are
 * left out with the reason, so the composer shows where a real incident's update would have gone.
 */
function drillPlan(context: IncidentContext, content: UpdateContent): ChannelPlan {
  const missing: MissingChannelHint[] = (['status-internal', 'status-external', 'email-jira', 'email-list'] as const).map((channel) => ({ channel, hint: DRILL_HINT }));
  const room = context.state.room;
  if (room === undefined || !context.chatConfigured) {
    return { channels: [], missing: [...missing, { channel: 'chat', hint: context.chatConfigured ? 'Open comms first: the drill\'s updates are posted in its chat room.' : 'Connect Slack on the admin page: a drill\'s updates are posted in its chat room.' }] };
  }
  const message = `DRILL — ${chatText(content)}`;
  return {
    channels: [{ channel: 'chat', audience: 'internal', to: `#${room.name}`, body: message, send: async (deps) => { await deps.chat.post(room.id, message); return undefined; } }],
    missing,
  };
}

export const channelLabel = (channel: ChannelId): string => CHANNEL_LABELS[channel];
