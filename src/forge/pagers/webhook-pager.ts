import { createHmac } from 'node:crypto';
import type { PageMessage } from '../../app/ports';
import { postJson } from './http-call';

/** The generic webhook's JSON body: everything a page says, plus the dedup key to report an acknowledgement with. */
export function webhookBody(message: PageMessage, recipient: { accountId?: string; rosterId?: string }): Record<string, unknown> {
  return {
    type: 'incident.page',
    issueKey: message.issueKey,
    issueUrl: message.issueUrl,
    severity: message.severity ?? null,
    severityLabel: message.severityLabel,
    summary: message.summary,
    faultyService: message.faultyService ?? null,
    reason: message.reason,
    level: message.level,
    round: message.round,
    dedupKey: message.dedupKey,
    title: message.title,
    text: message.text,
    recipient,
  };
}

/** The signature header value: `sha256=` and the hex HMAC-SHA256 of the exact body sent. */
export function webhookSignature(signingSecret: string, body: string): string {
  return `sha256=${createHmac('sha256', signingSecret).update(body).digest('hex')}`;
}

/** Posts the page; with a signing secret, `X-Incident-Response-Signature` lets the receiver check it came from the app. */
export async function sendWebhookPage(url: string, signingSecret: string | undefined, message: PageMessage, recipient: { accountId?: string; rosterId?: string }): Promise<void> {
  const body = webhookBody(message, recipient);
  // The same for every attempt at this page (a retry or a resend after a crash), so the receiver can drop repeats.
  const requestId = `${message.dedupKey}/${message.round}/${recipient.accountId ?? recipient.rosterId ?? 'team'}`;
  const headers: Record<string, string> = {
    'X-Request-Id': requestId,
    ...(signingSecret === undefined ? {} : { 'X-Incident-Response-Signature': webhookSignature(signingSecret, JSON.stringify(body)) }),
  };
  await postJson('webhook', 'post', url, body, headers);
}
