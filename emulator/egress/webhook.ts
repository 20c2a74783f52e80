/** Any other declared host: the request is recorded as a webhook delivery and answered 200. */
import { recordedRequest, type EgressAnswer, type EgressRequest, type StandIn, type StandInDeps } from './egress-types';

export class WebhookStandIn implements StandIn {
  constructor(private readonly deps: StandInDeps) {}

  handles(): boolean {
    return true;
  }

  handle(request: EgressRequest): EgressAnswer {
    const answer: EgressAnswer = { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: { ok: true } };
    this.deps.outbox.record({
      channel: 'webhook',
      to: `${request.url.origin}${request.url.pathname}`,
      subject: `${request.method} ${request.url.pathname}`,
      body: request.body,
      request: recordedRequest(request, answer),
    });
    return answer;
  }
}
