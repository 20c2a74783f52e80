import { loadIntegrationSecrets, type IntegrationSecrets } from '../../app/integration-secrets';
import type { IssueTracker, PageDestination, PageMessage, Pager, SecretStore } from '../../app/ports';
import { sendPagerDutyPage } from './pagerduty-pager';
import { sendSlackPage } from './slack-pager';
import { sendWebhookPage } from './webhook-pager';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The Jira notification's HTML: the title in bold, one paragraph per line, the link clickable. */
export function notificationHtml(message: PageMessage): string {
  const [title = '', ...lines] = message.text.split('\n');
  const paragraphs = lines.map((line) => `<p>${escapeHtml(line).replace(escapeHtml(message.issueUrl), `<a href="${escapeHtml(message.issueUrl)}">${escapeHtml(message.issueUrl)}</a>`)}</p>`);
  return `<p><strong>${escapeHtml(title)}</strong></p>${paragraphs.join('')}`;
}

/**
 * Pages on every channel: Jira's own notification (as the app, no egress), Slack DMs, PagerDuty
 * events and generic webhooks. Secrets are loaded once per invocation by `prepare()`.
 */
export class ForgePager implements Pager {
  private secrets: Promise<IntegrationSecrets> | undefined;

  constructor(
    private readonly appTracker: IssueTracker,
    private readonly secretStore: SecretStore,
  ) {}

  /** Never fails: a secret that cannot be read fails only the deliveries that need it, not Jira notifications. */
  prepare(): Promise<void> {
    return this.loaded().then(
      () => undefined,
      () => undefined,
    );
  }

  async send(destination: PageDestination, message: PageMessage): Promise<void> {
    switch (destination.kind) {
      case 'jira':
        return this.appTracker.notify(message.issueKey, {
          subject: message.title,
          textBody: message.text,
          htmlBody: notificationHtml(message),
          accountIds: [destination.accountId],
        });
      case 'slack':
        return sendSlackPage((await this.loaded()).slackBotToken, destination.slackUserId, message);
      case 'pagerduty':
        return sendPagerDutyPage((await this.loaded()).pagerDutyRoutingKeys[destination.rosterId], destination.rosterId, message, destination.accountId);
      case 'webhook':
        return sendWebhookPage(destination.url, (await this.loaded()).webhookSigningSecret, message, {
          ...(destination.accountId === undefined ? {} : { accountId: destination.accountId }),
          ...(destination.rosterId === undefined ? {} : { rosterId: destination.rosterId }),
        });
    }
  }

  private loaded(): Promise<IntegrationSecrets> {
    this.secrets ??= loadIntegrationSecrets(this.secretStore);
    return this.secrets;
  }
}
