import { describeRequest, REDACTED, withoutSecrets } from './outbox-request';

const pagerDutyEvent = {
  routing_key: 'R0UT1NGKEYR0UT1NGKEYR0UT1NGKEY12',
  event_action: 'trigger',
  dedup_key: 'HOT-1/10000/created/0',
  payload: { summary: '[Sev 1] HOT-1: Git pushes fail', severity: 'critical', source: 'Incident Response for Jira' },
};

describe('reading the request behind an outbox entry', () => {
  it('shows a PagerDuty event with its method, URL, headers and indented body, the routing key redacted', () => {
    const view = describeRequest({
      body: pagerDutyEvent,
      request: {
        method: 'POST',
        url: 'https://events.pagerduty.com/v2/enqueue',
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': '312' },
        body: pagerDutyEvent,
        response: { status: 202, body: { status: 'success', message: 'Event processed' } },
      },
    });
    expect(view).toMatchObject({ method: 'POST', url: 'https://events.pagerduty.com/v2/enqueue', headers: [['content-type', 'application/json; charset=utf-8']] });
    expect(JSON.parse(view?.body ?? '')).toEqual({ ...pagerDutyEvent, routing_key: REDACTED });
    expect(view?.body).toContain('\n  "event_action": "trigger"');
    expect(view?.body).not.toContain('R0UT1NGKEY');
    expect(view?.response).toEqual({ status: '202', body: JSON.stringify({ status: 'success', message: 'Event processed' }, null, 2) });
  });

  it('keeps a webhook’s signature header and hides its credentials even when the recording kept them', () => {
    const view = describeRequest({
      body: { type: 'incident.page', issueKey: 'HOT-2' },
      request: {
        method: 'post',
        url: 'https://hooks.example.com/paging',
        headers: { authorization: 'Bearer abc123', 'x-incident-response-signature': 'sha256=9f2c', 'x-api-key': 'k-1', cookie: 'session=1' },
        body: '{"type":"incident.page","issueKey":"HOT-2"}',
        response: { status: 200, body: { ok: true } },
      },
    });
    expect(view?.method).toBe('POST');
    expect(view?.headers).toEqual([
      ['authorization', `Bearer ${REDACTED}`],
      ['x-incident-response-signature', 'sha256=9f2c'],
      ['x-api-key', REDACTED],
      ['cookie', REDACTED],
    ]);
    expect(view?.body).toBe('{\n  "type": "incident.page",\n  "issueKey": "HOT-2"\n}');
  });

  it('reads a PagerDuty V3 webhook delivery the receiver never answered', () => {
    const view = describeRequest({
      body: { event: { event_type: 'incident.acknowledged' } },
      request: { method: 'POST', url: 'http://localhost:8080/x/acknowledge-webhook', headers: { 'user-agent': 'PagerDuty-Webhook/V3.0' }, body: { event: { event_type: 'incident.acknowledged' } }, response: { status: null, body: { error: 'connect ECONNREFUSED' } } },
    });
    expect(view?.headers).toEqual([['user-agent', 'PagerDuty-Webhook/V3.0']]);
    expect(view?.response?.status).toBe('no answer');
  });

  it('shows a body that is not JSON as its text', () => {
    expect(describeRequest({ body: 'plain words', request: { method: 'POST', url: 'https://hooks.example.com/x', body: 'plain words' } })?.body).toBe('plain words');
  });

  it('has nothing to show for an entry that recorded no HTTP request, such as an email', () => {
    expect(describeRequest({ body: { text: 'Hello' }, request: null })).toBeUndefined();
    expect(describeRequest({ body: { text: 'Hello' }, request: { method: 'chat.postMessage' } })).toBeUndefined();
  });

  it('redacts secret fields however deep they sit', () => {
    expect(withoutSecrets({ a: [{ token: 't', keep: 1 }], nested: { secret: 's', routing_key: null } })).toEqual({ a: [{ token: REDACTED, keep: 1 }], nested: { secret: REDACTED, routing_key: null } });
  });
});
