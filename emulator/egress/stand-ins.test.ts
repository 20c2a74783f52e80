import { openSiteDatabase, type SiteDatabase } from '../db';
import type { JiraUser } from '../jira/index';
import { Outbox } from '../outbox';
import { EgressRouter } from './egress-router';
import { slackSuccessProblems } from './contracts';
import type { EgressAnswer } from './egress-types';

const alice: JiraUser = {
  accountId: 'acc-alice',
  emailAddress: 'alice@example.com',
  displayName: 'Alice Example',
  active: true,
  accountType: 'atlassian',
  timeZone: 'Europe/London',
  locale: 'en_GB',
  groups: [],
  siteAdmin: false,
};

describe('egress stand-ins', () => {
  let db: SiteDatabase;
  let outbox: Outbox;
  let router: EgressRouter;

  beforeEach(() => {
    db = openSiteDatabase(':memory:', false);
    outbox = new Outbox(db, () => '2026-01-01T00:00:00.000Z');
    router = new EgressRouter({ db, outbox, now: () => Date.UTC(2026, 0, 1), users: () => [alice] });
  });

  afterEach(() => db.close());

  function send(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<EgressAnswer> {
    const isForm = typeof body === 'string';
    return router.handle({
      method,
      url: new URL(url),
      headers: new Headers({ 'content-type': isForm ? 'application/x-www-form-urlencoded' : 'application/json', ...headers }),
      text: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      body: isForm ? Object.fromEntries(new URLSearchParams(body)) : body,
    });
  }
  const bot = { authorization: 'Bearer xoxb-local-token' };

  it('creates a Slack channel once and answers name_taken the second time', async () => {
    const first = await send('POST', 'https://slack.com/api/conversations.create', { name: 'inc-42-db-outage' }, bot);
    expect(first.body).toMatchObject({ ok: true, channel: { name: 'inc-42-db-outage', is_channel: true } });
    const again = await send('POST', 'https://slack.com/api/conversations.create', 'name=inc-42-db-outage', bot);
    expect(again.body).toEqual({ ok: false, error: 'name_taken' });
  });

  it('refuses upper-case channel names the way Slack does', async () => {
    expect((await send('POST', 'https://slack.com/api/conversations.create', { name: 'INC-1' }, bot)).body).toEqual({ ok: false, error: 'invalid_name_specials' });
  });

  it('answers invalid_auth for a token that is not a Slack token and not_authed without one', async () => {
    expect((await send('POST', 'https://slack.com/api/auth.test', {}, { authorization: 'Bearer nope' })).body).toEqual({ ok: false, error: 'invalid_auth' });
    expect((await send('POST', 'https://slack.com/api/auth.test', {})).body).toEqual({ ok: false, error: 'not_authed' });
  });

  it('reports a missing required argument from the contract', async () => {
    const answer = await send('POST', 'https://slack.com/api/chat.postMessage', { text: 'hello' }, bot);
    expect(answer.body).toMatchObject({ ok: false, error: 'invalid_arguments' });
  });

  it('delivers a direct message to a user and records it in that user inbox', async () => {
    const lookup = await send('GET', 'https://slack.com/api/users.lookupByEmail?email=alice@example.com', undefined, bot);
    const userId = (lookup.body as { user: { id: string } }).user.id;
    const posted = await send('POST', 'https://slack.com/api/chat.postMessage', { channel: userId, text: 'You are the incident manager' }, bot);
    expect(posted.body).toMatchObject({ ok: true, message: { text: 'You are the incident manager' } });
    const inbox = outbox.list({ to: 'alice@example.com', channel: 'slack' });
    expect(inbox.map((entry) => entry.subject)).toEqual(['users.lookupByEmail', 'chat.postMessage']);
    expect(JSON.stringify(inbox)).not.toContain('xoxb-local-token');
  });

  it('invites users and sets the topic of a channel', async () => {
    const created = await send('POST', 'https://slack.com/api/conversations.create', { name: 'inc-7' }, bot);
    const channelId = (created.body as { channel: { id: string } }).channel.id;
    const lookup = await send('GET', 'https://slack.com/api/users.lookupByEmail?email=alice@example.com', undefined, bot);
    const userId = (lookup.body as { user: { id: string } }).user.id;
    await send('POST', 'https://slack.com/api/conversations.invite', { channel: channelId, users: userId }, bot);
    await send('POST', 'https://slack.com/api/conversations.setTopic', { channel: channelId, topic: 'SEV-1: checkout down' }, bot);
    const info = await send('GET', `https://slack.com/api/conversations.info?channel=${channelId}`, undefined, bot);
    expect(info.body).toMatchObject({ ok: true, channel: { topic: { value: 'SEV-1: checkout down' }, num_members: 2 } });
  });

  it('accepts a valid PagerDuty trigger and keeps its dedup key', async () => {
    const answer = await send('POST', 'https://events.pagerduty.com/v2/enqueue', {
      routing_key: 'R0UTING',
      event_action: 'trigger',
      dedup_key: 'HOT-1',
      payload: { summary: 'Checkout is down', severity: 'critical', source: 'jira' },
    });
    expect(answer).toMatchObject({ status: 202, body: { status: 'success', message: 'Event processed', dedup_key: 'HOT-1' } });
    expect(outbox.list({ to: 'R0UTING' })).toHaveLength(1);
    expect(router.pagerDuty.alerts()).toEqual([expect.objectContaining({ dedupKey: 'HOT-1', status: 'triggered' })]);
  });

  it('answers 400 with the contract problems for an invalid PagerDuty event', async () => {
    const answer = await send('POST', 'https://events.pagerduty.com/v2/enqueue', { routing_key: 'R', event_action: 'explode', payload: { summary: 'x' } });
    expect(answer.status).toBe(400);
    const errors = (answer.body as { errors: string[] }).errors.join('\n');
    expect(errors).toContain('event_action');
    expect(errors).toContain('severity');
  });

  it('keeps Statuspage incidents and their updates', async () => {
    const auth = { authorization: 'OAuth page-key' };
    const created = await send('POST', 'https://api.statuspage.io/v1/pages/intstatus01/incidents', { incident: { name: 'Checkout degraded', status: 'investigating', body: 'Looking' } }, auth);
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    const updated = await send('PATCH', `https://api.statuspage.io/v1/pages/intstatus01/incidents/${id}`, { incident: { status: 'resolved', body: 'Fixed' } }, auth);
    expect(updated.body).toMatchObject({ status: 'resolved', incident_updates: [{ status: 'resolved' }, { status: 'investigating' }] });
    expect((await send('GET', 'https://api.statuspage.io/v1/pages/intstatus01/incidents', undefined)).status).toBe(401);
  });

  it('records a request to any other host as a webhook and answers 200', async () => {
    const answer = await send('POST', 'https://hooks.example.com/incident', { text: 'hi' });
    expect(answer.status).toBe(200);
    expect(outbox.list({ channel: 'webhook' })).toEqual([expect.objectContaining({ to: 'https://hooks.example.com/incident', body: { text: 'hi' } })]);
  });

  it('answers every Slack method it implements in the shape the published contract describes', async () => {
    const answers: [string, unknown][] = [];
    const call = async (method: string, args: Record<string, unknown>, httpMethod = 'POST') => {
      const url = httpMethod === 'GET' ? `https://slack.com/api/${method}?${new URLSearchParams(args as Record<string, string>).toString()}` : `https://slack.com/api/${method}`;
      const answer = await send(httpMethod, url, httpMethod === 'GET' ? undefined : args, bot);
      answers.push([method, answer.body]);
      return answer.body as Record<string, unknown>;
    };
    await call('auth.test', {});
    const created = await call('conversations.create', { name: 'inc-contract' });
    const channel = (created.channel as { id: string }).id;
    const user = ((await call('users.lookupByEmail', { email: 'alice@example.com' }, 'GET')).user as { id: string }).id;
    await call('conversations.invite', { channel, users: user });
    await call('conversations.setTopic', { channel, topic: 'SEV-2' });
    await call('conversations.info', { channel }, 'GET');
    await call('chat.postMessage', { channel, text: 'Update', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Update*' } }] });
    const asUserToken = await send('POST', 'https://slack.com/api/users.profile.set', { profile: { status_text: 'Incident manager', status_emoji: ':fire:' } }, {
      authorization: 'Bearer xoxp-user-token',
    });
    expect(asUserToken.body).toMatchObject({ ok: true, profile: { status_text: 'Incident manager' } });
    answers.push(['users.profile.set', asUserToken.body]);
    for (const [method, body] of answers) {
      expect(body).toMatchObject({ ok: true });
      expect({ method, problems: slackSuccessProblems(method, body) }).toEqual({ method, problems: [] });
    }
    expect(slackSuccessProblems('conversations.create', { ok: true, channel: { ...(created.channel as object), invented: 1 } })).not.toEqual([]);
  });
});
