import { summarizeOutboxEntry } from './outbox-summary';

const base = { seq: 1, at: '2026-03-01T10:00:00.000Z', request: {} };

describe('summarizeOutboxEntry', () => {
  it('reads an email by its subject and text', () => {
    const summary = summarizeOutboxEntry({ ...base, channel: 'email', to: 'imogen.imoc@example.com', subject: 'You are the incident manager for HOT-1', body: { text: 'Please take command.', from: 'jira@example.com' } });
    expect(summary).toEqual({
      channelLabel: 'Email',
      headline: 'You are the incident manager for HOT-1',
      facts: [
        ['To', 'imogen.imoc@example.com'],
        ['From', 'jira@example.com'],
      ],
      text: 'Please take command.',
    });
  });

  it('turns an HTML-only email into plain text', () => {
    expect(summarizeOutboxEntry({ ...base, channel: 'email', to: 'a@example.com', body: { html: '<p>Checkout is <b>down</b></p><p>Join &amp; help</p>' } }).text).toBe('Checkout is down\nJoin & help');
  });

  it('reads a PagerDuty event by its summary, action and severity', () => {
    const summary = summarizeOutboxEntry({
      ...base,
      channel: 'pagerduty',
      to: 'routing-key',
      body: { routing_key: 'routing-key', event_action: 'trigger', dedup_key: 'HOT-1:page:1', payload: { summary: 'HOT-1 Checkout is down', severity: 'critical', source: 'jira' } },
    });
    expect(summary.headline).toBe('HOT-1 Checkout is down');
    expect(summary.facts).toEqual([
      ['To', 'routing-key'],
      ['Action', 'trigger'],
      ['Severity', 'critical'],
      ['Source', 'jira'],
      ['Dedup key', 'HOT-1:page:1'],
    ]);
  });

  it('reads a Slack message with its blocks', () => {
    const summary = summarizeOutboxEntry({
      ...base,
      channel: 'slack',
      to: '#hot-1',
      body: { channel: '#hot-1', text: 'Incident HOT-1 declared', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Severity* 2' } }] },
      request: { method: 'chat.postMessage' },
    });
    expect(summary.text).toBe('Incident HOT-1 declared\n\n*Severity* 2');
    expect(summary.facts).toContainEqual(['Channel', '#hot-1']);
  });

  it('reads a status page update by the incident name and status', () => {
    const summary = summarizeOutboxEntry({ ...base, channel: 'statuspage', to: 'page-1', body: { incident: { name: 'Degraded checkout', status: 'investigating', body: 'We are looking into it.' } } });
    expect([summary.headline, summary.text]).toEqual(['Degraded checkout', 'We are looking into it.']);
    expect(summary.facts).toContainEqual(['Status', 'investigating']);
  });

  it('shows a webhook of unknown shape as its JSON', () => {
    const summary = summarizeOutboxEntry({ ...base, channel: 'webhook', to: 'https://hooks.example.com/x', body: { event: 'declared', key: 'HOT-1' } });
    expect(summary.headline).toBe('Webhook to https://hooks.example.com/x');
    expect(JSON.parse(summary.text)).toEqual({ event: 'declared', key: 'HOT-1' });
  });
});
