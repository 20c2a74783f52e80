import { createHmac } from 'node:crypto';
import { acknowledgeFromPagerDuty, readPagerDutyWebhook } from './acknowledge-from-pagerduty';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import { getPagingStatus } from './get-paging-status';
import { setIntegrationSecret } from '../integration-secrets';
import { pageOnIssueCreated } from './page-on-call';
import { PEOPLE, provisionedWorld, type World } from '../testing/fixtures';

const SECRET = 'pd-subscription-secret-4f1c2a9b';

/** A V3 webhook as PagerDuty delivers it, with every field its documentation shows. */
function webhook(eventType: string, incidentKey: string | null, agent: string | null = 'Bea Bitbucket'): Record<string, unknown> {
  return {
    event: {
      id: '01DUX4Q9M2ZC7Y0WQ0J7E1N3XA',
      event_type: eventType,
      resource_type: 'incident',
      occurred_at: '2024-05-01T10:03:00.000Z',
      agent: agent === null ? null : { html_url: 'https://acme.pagerduty.com/users/PLH1HKV', id: 'PLH1HKV', self: 'https://api.pagerduty.com/users/PLH1HKV', summary: agent, type: 'user_reference' },
      client: { name: 'PagerDuty' },
      data: {
        id: 'PGR0VU2',
        type: 'incident',
        self: 'https://api.pagerduty.com/incidents/PGR0VU2',
        html_url: 'https://acme.pagerduty.com/incidents/PGR0VU2',
        number: 2,
        status: 'acknowledged',
        incident_key: incidentKey,
        created_at: '2024-05-01T10:00:01Z',
        title: '[Sev 1] HOT-1: Cannot push to Bitbucket',
        service: { id: 'PF9KMXH', summary: 'Bitbucket', type: 'service_reference' },
        assignees: [{ id: 'PLH1HKV', summary: 'Bea Bitbucket', type: 'user_reference' }],
        escalation_policy: { id: 'PUS0KTE', summary: 'Default', type: 'escalation_policy_reference' },
        teams: [],
        priority: null,
        urgency: 'high',
        conference_bridge: null,
        resolve_reason: null,
      },
    },
  };
}

function signed(body: unknown, secret = SECRET): { body: string; signature: string } {
  const text = JSON.stringify(body);
  return { body: text, signature: `v1=${createHmac('sha256', secret).update(text).digest('hex')}` };
}

async function pagedWorld(): Promise<{ world: World; deps: Parameters<typeof acknowledgeFromPagerDuty>[0]; dedupKey: string; issue: { id: string; key: string } }> {
  const world = await provisionedWorld();
  await setIntegrationSecret(world.secrets, { kind: 'pagerduty-webhook-secret', value: SECRET }, []);
  const issue = world.incident({ severity: 1, service: 'Bitbucket' });
  await pageOnIssueCreated(world.paging, world.event(issue));
  const dedupKey = world.pager.sent[0]?.message.dedupKey;
  if (dedupKey === undefined) throw new Error('the incident was not paged');
  return { world, deps: { repo: world.paging.repo, secrets: world.secrets, clock: world.clock }, dedupKey, issue };
}

describe('reading a PagerDuty V3 webhook', () => {
  it('takes the page’s dedup key from the incident_key of an incident.acknowledged event, and the responder from its agent', () => {
    expect(readPagerDutyWebhook(JSON.stringify(webhook('incident.acknowledged', 'HOT-1/10001/created/0')))).toEqual({
      kind: 'acknowledged',
      eventId: '01DUX4Q9M2ZC7Y0WQ0J7E1N3XA',
      incidentId: 'PGR0VU2',
      dedupKey: 'HOT-1/10001/created/0',
      by: 'Bea Bitbucket via PagerDuty',
    });
  });

  it('names PagerDuty as the responder when no agent is given, and leaves out a missing incident_key', () => {
    expect(readPagerDutyWebhook(JSON.stringify(webhook('incident.acknowledged', null, null)))).toEqual({
      kind: 'acknowledged',
      eventId: '01DUX4Q9M2ZC7Y0WQ0J7E1N3XA',
      incidentId: 'PGR0VU2',
      by: 'PagerDuty',
    });
  });

  it('reports other event types without reading their data', () => {
    const ping = { event: { id: '01PING', event_type: 'pagey.ping', resource_type: 'pagey', occurred_at: '2024-05-01T10:00:00Z', agent: null, data: { message: 'Hello from your friend Pagey!', type: 'ping' } } };
    expect(readPagerDutyWebhook(JSON.stringify(ping))).toEqual({ kind: 'other', eventId: '01PING', eventType: 'pagey.ping' });
  });

  it('refuses a body that is not a V3 webhook, naming the field', () => {
    expect(() => readPagerDutyWebhook('{"event": ')).toThrow(expect.objectContaining({ name: 'ValidationError', field: 'body' }));
    expect(() => readPagerDutyWebhook(JSON.stringify({ messages: [] }))).toThrow(expect.objectContaining({ field: 'body.event' }));
    expect(() => readPagerDutyWebhook(JSON.stringify({ event: { id: 'x' } }))).toThrow(expect.objectContaining({ field: 'body.event.event_type' }));
    const note = webhook('incident.acknowledged', 'HOT-1/10001/created/0');
    (note.event as { data: unknown }).data = { id: 'P2LA89X', type: 'incident_note', content: 'hello' };
    expect(() => readPagerDutyWebhook(JSON.stringify(note))).toThrow(expect.objectContaining({ field: 'body.event.data.type' }));
  });
});

describe('acknowledging from a PagerDuty webhook', () => {
  it('acknowledges the paged episode, which the panel shows and which stops escalation', async () => {
    const { world, deps, dedupKey, issue } = await pagedWorld();
    world.clock.advance(3 * 60_000);

    const result = await acknowledgeFromPagerDuty(deps, signed(webhook('incident.acknowledged', dedupKey)));
    world.clock.advance(60 * 60_000);
    await world.runDueJobs();

    expect(result).toEqual({ eventId: '01DUX4Q9M2ZC7Y0WQ0J7E1N3XA', outcome: 'acknowledged', issueKey: issue.key, acknowledged: 1 });
    const status = await getPagingStatus(world.paging, issue);
    expect(status.episodes[0]).toEqual(expect.objectContaining({ state: 'acknowledged', acknowledgedBy: 'Bea Bitbucket via PagerDuty', acknowledgedAt: '2024-05-01T10:03:00.000Z' }));
    expect(world.pager.recipients()).toEqual([PEOPLE.bitbucketIm]);
  });

  it('treats a repeated delivery as harmless: the first acknowledgement stands', async () => {
    const { world, deps, dedupKey, issue } = await pagedWorld();
    const delivery = signed(webhook('incident.acknowledged', dedupKey));
    await acknowledgeFromPagerDuty(deps, delivery);
    world.clock.advance(5 * 60_000);

    const again = await acknowledgeFromPagerDuty(deps, signed(webhook('incident.acknowledged', dedupKey, 'Someone Else')));

    expect(again).toEqual(expect.objectContaining({ outcome: 'acknowledged', acknowledged: 0 }));
    const status = await getPagingStatus(world.paging, issue);
    expect(status.episodes[0]).toEqual(expect.objectContaining({ acknowledgedBy: 'Bea Bitbucket via PagerDuty', acknowledgedAt: '2024-05-01T10:00:00.000Z' }));
  });

  it('ignores other event types and incidents the app did not open, so PagerDuty keeps delivering', async () => {
    const { world, deps, dedupKey } = await pagedWorld();

    expect(await acknowledgeFromPagerDuty(deps, signed(webhook('incident.triggered', dedupKey)))).toEqual(expect.objectContaining({ outcome: 'ignored' }));
    expect(await acknowledgeFromPagerDuty(deps, signed(webhook('incident.acknowledged', null)))).toEqual(expect.objectContaining({ outcome: 'ignored' }));
    expect(await acknowledgeFromPagerDuty(deps, signed(webhook('incident.acknowledged', 'd3640fbd41094207a1c11e58e46b1662')))).toEqual(
      expect.objectContaining({ outcome: 'ignored', reason: expect.stringContaining('PGR0VU2') }),
    );
    world.clock.advance(16 * 60_000);
    await world.runDueJobs();
    expect(world.pager.recipients()).toEqual([PEOPLE.bitbucketIm, PEOPLE.imoc]);
  });

  it('changes nothing for a webhook that is unsigned, wrongly signed, or signed over another body', async () => {
    const { world, deps, dedupKey } = await pagedWorld();
    const genuine = signed(webhook('incident.acknowledged', dedupKey));

    await expect(acknowledgeFromPagerDuty(deps, { body: genuine.body, signature: undefined })).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(acknowledgeFromPagerDuty(deps, signed(webhook('incident.acknowledged', dedupKey), 'not-the-subscription-secret'))).rejects.toBeInstanceOf(ForbiddenError);
    const tampered = genuine.body.replace('Bea Bitbucket', 'Mallory');
    await expect(acknowledgeFromPagerDuty(deps, { body: tampered, signature: genuine.signature })).rejects.toBeInstanceOf(ForbiddenError);

    world.clock.advance(16 * 60_000);
    await world.runDueJobs();
    expect(world.pager.recipients()).toEqual([PEOPLE.bitbucketIm, PEOPLE.imoc]);
  });

  it('checks the signature before reading the body', async () => {
    const { deps } = await pagedWorld();
    await expect(acknowledgeFromPagerDuty(deps, { body: 'not json', signature: `v1=${'0'.repeat(64)}` })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(acknowledgeFromPagerDuty(deps, signed('not a webhook'))).rejects.toMatchObject({ name: 'ValidationError', field: 'body' });
  });
});
