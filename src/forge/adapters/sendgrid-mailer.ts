import { fetch, type APIResponse } from '@forge/api';
import { loadCommsSecrets } from '../../app/comms/comms-secrets';
import type { Mailer, OutgoingMail } from '../../app/comms/ports';
import { NotConfiguredError, RemoteCallError } from '../../app/errors';
import { retryAfterMs } from '../../app/retry';
import type { SecretStore } from '../../app/ports';

const SENDGRID_SEND = 'https://api.sendgrid.com/v3/mail/send';
/** SendGrid takes at most 1000 personalizations per request; each recipient gets their own, so nobody sees the list. */
const MAX_PERSONALIZATIONS = 1000;

/** Email to addresses outside Jira through SendGrid's Mail Send v3, with the key from secret storage. */
export class SendGridMailer implements Mailer {
  constructor(private readonly secrets: SecretStore) {}

  async send(mail: OutgoingMail): Promise<void> {
    const key = (await loadCommsSecrets(this.secrets)).sendgridKey;
    if (key === undefined) throw new NotConfiguredError('no SendGrid API key is stored');
    const body = {
      personalizations: mail.to.slice(0, MAX_PERSONALIZATIONS).map((email) => ({ to: [{ email }] })),
      from: { email: mail.from, name: 'Incident communications' },
      ...(mail.replyTo === undefined ? {} : { reply_to: { email: mail.replyTo } }),
      subject: mail.subject,
      content: [{ type: 'text/plain', value: mail.text }],
    };
    let response: APIResponse;
    try {
      response = await fetch(SENDGRID_SEND, { method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    } catch (error) {
      throw new RemoteCallError('sendgrid', 'mail send', undefined, error instanceof Error ? error.message : String(error), undefined, { cause: error });
    }
    if (response.status === 202 || response.status === 200) return;
    const text = await response.text();
    throw new RemoteCallError('sendgrid', 'mail send', response.status, text.slice(0, 200) || response.statusText, retryAfterMs(response.headers.get('retry-after'), Date.now()));
  }
}
