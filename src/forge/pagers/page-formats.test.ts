import { createHmac } from 'node:crypto';
import type { PageMessage } from '../../app/ports';
import { notificationHtml } from './forge-pager';
import { pagerDutyEvent } from './pagerduty-pager';
import { slackMessage } from './slack-pager';
import { webhookBody, webhookSignature } from './webhook-pager';

const message: PageMessage = {
  issueId: '10001',
  issueKey: 'HOT-12',
  issueUrl: 'https://example.atlassian.net/browse/HOT-12',
  severity: 1,
  severityLabel: 'Sev 1',
  summary: 'Pushes <fail>',
  faultyService: 'Bitbucket',
  reason: 'Sev 1 incident declared',
  level: 1,
  round: 0,
  dedupKey: 'HOT-12/10001/created/1',
  title: '[Sev 1] HOT-12: Pushes <fail>',
  text: '[Sev 1] HOT-12: Pushes <fail>\nSeverity: Sev 1\nIncident: https://example.atlassian.net/browse/HOT-12',
};

describe('what each channel sends', () => {
  it('leads every channel with the key, severity and summary, and links the issue', () => {
    expect(slackMessage('U024BE7LH', message)).toEqual(expect.objectContaining({ channel: 'U024BE7LH', text: '[Sev 1] HOT-12: Pushes <fail>' }));
    expect(JSON.stringify(slackMessage('U024BE7LH', message))).toContain(message.issueUrl);
    expect(webhookBody(message, { accountId: 'acc-1' })).toEqual(expect.objectContaining({ issueKey: 'HOT-12', severity: 1, summary: 'Pushes <fail>', issueUrl: message.issueUrl }));
  });

  it('sends PagerDuty a trigger with the dedup key, the mapped severity and a link', () => {
    const event = pagerDutyEvent('e93facc04764012d7bfb002500d5d1a6', message, 'acc-imoc');
    expect(event).toEqual(
      expect.objectContaining({
        routing_key: 'e93facc04764012d7bfb002500d5d1a6',
        event_action: 'trigger',
        dedup_key: 'HOT-12/10001/created/1',
        links: [{ href: message.issueUrl, text: 'HOT-12' }],
        payload: expect.objectContaining({ summary: message.title, severity: 'critical', source: 'Incident Response for Jira', component: 'Bitbucket' }),
      }),
    );
  });

  it('escapes the Jira notification’s HTML and makes the link clickable', () => {
    const html = notificationHtml(message);
    expect(html).toContain('<strong>[Sev 1] HOT-12: Pushes &#60;fail&#62;</strong>');
    expect(html).toContain(`<a href="${message.issueUrl}">${message.issueUrl}</a>`);
  });

  it('signs a webhook body with HMAC-SHA256 so the receiver can check it', () => {
    const body = JSON.stringify(webhookBody(message, {}));
    expect(webhookSignature('a-long-shared-secret', body)).toBe(`sha256=${createHmac('sha256', 'a-long-shared-secret').update(body).digest('hex')}`);
  });
});
