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

  it('reads a PagerDuty event by its summary, action and severity, naming the routing key by its last characters only', () => {
    const summary = summarizeOutboxEntry({
      ...base,
      channel: 'pagerduty',
      to: 'R0UT1NGKEYR0UT1NGKEYR0UT1NGKEY12',
      body: { routing_key: 'R0UT1NGKEYR0UT1NGKEYR0UT1NGKEY12', event_action: 'trigger', dedup_key: 'HOT-1:page:1', payload: { summary: 'HOT-1 Checkout is down', severity: 'critical', source: 'jira' } },
    });
    expect(summary.headline).toBe('HOT-1 Checkout is down');
    expect(summary.facts).toEqual([
      ['To', 'PagerDuty service with routing key …EY12'],
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

  it('reads a webhook page by the page’s title and text rather than the recorded method and path', () => {
    const summary = summarizeOutboxEntry({
      ...base,
      channel: 'webhook',
      to: 'https://hooks.example.com/paging',
      subject: 'POST /paging',
      body: { type: 'incident.page', issueKey: 'HOT-2', title: '[Sev 1] HOT-2: Confluence pages blank', text: '[Sev 1] HOT-2: Confluence pages blank\nYou are on call.' },
      request: { method: 'POST', url: 'https://hooks.example.com/paging', response: { status: 200, body: { ok: true } } },
    });
    expect(summary.headline).toBe('[Sev 1] HOT-2: Confluence pages blank');
    expect(summary.text).toBe('[Sev 1] HOT-2: Confluence pages blank\nYou are on call.');
    expect(summary.facts).toEqual([
      ['To', 'https://hooks.example.com/paging'],
      ['Method', 'POST'],
      ['Answer', '200'],
    ]);
  });

  it('reads a PagerDuty V3 webhook delivery by who did what to which incident, and how the app answered', () => {
    const summary = summarizeOutboxEntry({
      ...base,
      channel: 'pagerduty',
      to: 'http://localhost:8080/x/acknowledge-webhook',
      subject: 'webhook incident.acknowledged: [Sev 1] HOT-1: Git pushes fail',
      body: {
        event: {
          event_type: 'incident.acknowledged',
          agent: { summary: 'Bea Bitbucket', type: 'user_reference' },
          data: { number: 1, status: 'acknowledged', incident_key: 'HOT-1/10000/created/0', title: '[Sev 1] HOT-1: Git pushes fail' },
        },
      },
      request: { method: 'POST', url: 'http://localhost:8080/x/acknowledge-webhook', response: { status: 200, body: { acknowledged: 1 } } },
    });
    expect(summary.headline).toBe('[Sev 1] HOT-1: Git pushes fail');
    expect(summary.text).toBe('Bea Bitbucket acknowledged the PagerDuty incident (dedup key HOT-1/10000/created/0).');
    expect(summary.facts).toEqual([
      ['To', 'http://localhost:8080/x/acknowledge-webhook'],
      ['Event', 'incident.acknowledged'],
      ['Incident', '#1'],
      ['Status', 'acknowledged'],
      ['Answer', '200'],
    ]);
  });
});
