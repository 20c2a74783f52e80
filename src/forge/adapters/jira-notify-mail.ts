import { route } from '@forge/api';
import type { JiraMail } from '../../app/comms/ports';
import type { JiraClient } from './jira-client';

const escapeHtml = (value: string): string => value.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char);

/** Email to Jira users and groups through Jira's notify API: Jira delivers it, no email setup needed. */
export class JiraNotifyMail implements JiraMail {
  constructor(private readonly jira: JiraClient) {}

  async send(issueKey: string, mail: { subject: string; text: string; accountIds: readonly string[]; groups: readonly string[] }): Promise<void> {
    await this.jira.send('notify', route`/rest/api/3/issue/${issueKey}/notify`, {
      method: 'POST',
      body: {
        subject: mail.subject,
        textBody: mail.text,
        htmlBody: `<pre style="font-family:inherit;white-space:pre-wrap">${escapeHtml(mail.text)}</pre>`,
        to: { users: mail.accountIds.map((accountId) => ({ accountId })), groups: mail.groups.map((name) => ({ name })) },
      },
    });
  }
}
