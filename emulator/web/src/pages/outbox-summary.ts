/**
 * Turns an outbox entry into what a person reads first: a headline, a few facts and the message
 * text, whatever the channel (email, Slack, PagerDuty, Statuspage, webhook). Known payload shapes
 * are read by name; anything else still yields its most message-like strings.
 */
import type { OutboxEntry } from '../api/outbox';

export interface OutboxSummary {
  channelLabel: string;
  headline: string;
  facts: [string, string][];
  text: string;
}

const channelLabels: Record<string, string> = {
  email: 'Email',
  slack: 'Slack',
  pagerduty: 'PagerDuty',
  statuspage: 'Statuspage',
  webhook: 'Webhook',
  'jira-notification': 'Jira notification',
};

type Json = Record<string, unknown>;

function record(value: unknown): Json {
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Json) : {};
    } catch {
      return {};
    }
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function stripHtml(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/li|\/h\d)\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Slack blocks: the text of section, header and context blocks, in order. */
function slackBlocksText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return '';
  const lines: string[] = [];
  for (const block of blocks) {
    const item = record(block);
    const own = text(record(item['text'])['text']);
    if (own !== undefined) lines.push(own);
    for (const element of Array.isArray(item['elements']) ? item['elements'] : []) {
      const value = text(record(element)['text']) ?? text(record(record(element)['text'])['text']);
      if (value !== undefined) lines.push(value);
    }
    for (const field of Array.isArray(item['fields']) ? item['fields'] : []) {
      const value = text(record(field)['text']);
      if (value !== undefined) lines.push(value);
    }
  }
  return lines.join('\n');
}

function pushFact(facts: [string, string][], label: string, value: unknown): void {
  const shown = text(value);
  if (shown !== undefined) facts.push([label, shown]);
}

export function summarizeOutboxEntry(entry: OutboxEntry): OutboxSummary {
  const body = record(entry.body);
  const request = record(entry.request);
  const source = Object.keys(body).length > 0 ? body : record(request['body']);
  const facts: [string, string][] = [['To', entry.to]];
  const channelLabel = channelLabels[entry.channel] ?? entry.channel;
  let headline = entry.subject ?? '';
  let message = '';

  switch (entry.channel) {
    case 'email':
    case 'jira-notification': {
      headline ||= text(source['subject']) ?? 'Email';
      message = text(source['text']) ?? text(source['textBody']) ?? (text(source['html']) ?? text(source['htmlBody']) ?? '');
      if (message.includes('<') && message.includes('>')) message = stripHtml(message);
      if (typeof entry.body === 'string') message = entry.body;
      pushFact(facts, 'From', source['from']);
      break;
    }
    case 'slack': {
      pushFact(facts, 'Channel', source['channel']);
      pushFact(facts, 'Method', request['method'] ?? request['path']);
      message = [text(source['text']), slackBlocksText(source['blocks'])].filter((part) => part !== undefined && part !== '').join('\n\n');
      headline ||= text(source['name']) !== undefined ? `Channel ${String(source['name'])}` : (message.split('\n')[0] ?? 'Slack message');
      break;
    }
    case 'pagerduty': {
      const event = record(source['event']);
      if (Object.keys(event).length > 0) {
        // A V3 webhook delivery: PagerDuty reporting back what a responder did there.
        const data = record(event['data']);
        const agent = text(record(event['agent'])['summary']);
        const eventType = text(event['event_type']) ?? 'event';
        pushFact(facts, 'Event', eventType);
        pushFact(facts, 'Incident', data['number'] === undefined ? undefined : `#${String(data['number'])}`);
        pushFact(facts, 'Status', data['status']);
        pushFact(facts, 'Answer', record(request['response'])['status']);
        headline = text(data['title']) ?? headline;
        message = `${agent ?? 'Someone'} ${eventType.replace(/^incident\./, '')} the PagerDuty incident${text(data['incident_key']) === undefined ? '' : ` (dedup key ${String(data['incident_key'])})`}.`;
        break;
      }
      const payload = record(source['payload']);
      // An Events API v2 event goes to its service's routing key, a credential: name it by its last characters only.
      if (entry.to === text(source['routing_key'])) facts[0] = ['To', `PagerDuty service with routing key …${entry.to.slice(-4)}`];
      pushFact(facts, 'Action', source['event_action']);
      pushFact(facts, 'Severity', payload['severity']);
      pushFact(facts, 'Source', payload['source']);
      pushFact(facts, 'Dedup key', source['dedup_key']);
      headline ||= text(payload['summary']) ?? `PagerDuty ${text(source['event_action']) ?? 'event'}`;
      const details = payload['custom_details'];
      message = details === undefined ? '' : typeof details === 'string' ? details : JSON.stringify(details, null, 2);
      break;
    }
    case 'statuspage': {
      const incident = record(source['incident']);
      pushFact(facts, 'Status', incident['status'] ?? source['status']);
      pushFact(facts, 'Impact', incident['impact_override'] ?? incident['impact']);
      headline ||= text(incident['name']) ?? text(source['name']) ?? 'Status page update';
      message = text(incident['body']) ?? text(source['body']) ?? '';
      break;
    }
    default: {
      pushFact(facts, 'Method', request['method']);
      pushFact(facts, 'Answer', record(request['response'])['status']);
      // The page's own title beats the recorded "POST /path", which says nothing about the incident.
      headline = text(source['title']) ?? text(source['summary']) ?? (headline || (text(source['text']) ?? `${channelLabel} to ${entry.to}`));
      message = text(source['text']) ?? text(source['message']) ?? text(source['body']) ?? (Object.keys(source).length > 0 ? JSON.stringify(source, null, 2) : typeof entry.body === 'string' ? entry.body : '');
    }
  }
  return { channelLabel, headline: headline === '' ? `${channelLabel} to ${entry.to}` : headline, facts, text: message };
}
