import { z } from 'zod';
import { NotConfiguredError, RemoteCallError } from '../../app/errors';
import type { PageMessage } from '../../app/ports';
import { postJson } from './http-call';

export const SLACK_POST_MESSAGE_URL = 'https://slack.com/api/chat.postMessage';

const answerSchema = z.object({ ok: z.boolean(), error: z.string().optional() }).loose();

// Slack reports most failures as 200 {ok: false}; these are the ones worth trying again.
const TRANSIENT_ERRORS = new Set(['ratelimited', 'internal_error', 'service_unavailable', 'fatal_error', 'request_timeout']);

/** The Slack message of a page: the title as the notification text, the details as one section. */
export function slackMessage(channel: string, message: PageMessage): Record<string, unknown> {
  return {
    channel,
    text: message.title,
    unfurl_links: false,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: message.title.slice(0, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: message.text.split('\n').slice(1).join('\n') } },
      { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: `Open ${message.issueKey}` }, url: message.issueUrl }] },
    ],
  };
}

/** A direct message from the app's bot to the person's Slack member id (`chat.postMessage` opens the DM). */
export async function sendSlackPage(token: string | undefined, slackUserId: string, message: PageMessage): Promise<void> {
  if (token === undefined) throw new NotConfiguredError('Slack has no bot token; add one in the app settings');
  const answer = await postJson('slack', 'chat.postMessage', SLACK_POST_MESSAGE_URL, slackMessage(slackUserId, message), { Authorization: `Bearer ${token}` });
  const parsed = answerSchema.safeParse(answer.body);
  if (!parsed.success) throw new RemoteCallError('slack', 'chat.postMessage', answer.status, 'unexpected answer from Slack');
  if (!parsed.data.ok) {
    const error = parsed.data.error ?? 'unknown_error';
    throw new RemoteCallError('slack', 'chat.postMessage', TRANSIENT_ERRORS.has(error) ? 503 : 400, error);
  }
}
