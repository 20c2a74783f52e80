/**
 * Stand-in for SendGrid's Mail Send v3 (`POST https://api.sendgrid.com/v3/mail/send`): checks the API
 * key and the body against the published document, answers 202 like SendGrid, and delivers one outbox
 * email per recipient, so each recipient finds it in their inbox on the local site.
 */
import { z } from 'zod';
import { sendGridMailProblems } from './contracts';
import { recordedRequest, type EgressAnswer, type EgressRequest, type StandIn, type StandInDeps } from './egress-types';

const address = z.looseObject({ email: z.string(), name: z.string().optional() });
const mail = z.looseObject({
  personalizations: z.array(z.looseObject({ to: z.array(address), cc: z.array(address).optional(), bcc: z.array(address).optional(), subject: z.string().optional() })),
  from: address,
  reply_to: address.optional(),
  subject: z.string().optional(),
  content: z.array(z.looseObject({ type: z.string(), value: z.string() })).optional(),
});

export class SendGridStandIn implements StandIn {
  constructor(private readonly deps: StandInDeps) {}

  handles(url: URL): boolean {
    return url.hostname === 'api.sendgrid.com';
  }

  handle(request: EgressRequest): EgressAnswer {
    const answer = this.answer(request);
    const parsed = mail.safeParse(request.body);
    if (answer.status === 202 && parsed.success) {
      const text = parsed.data.content?.find((part) => part.type === 'text/plain')?.value ?? '';
      const html = parsed.data.content?.find((part) => part.type === 'text/html')?.value;
      for (const personalization of parsed.data.personalizations) {
        for (const recipient of [...personalization.to, ...(personalization.cc ?? []), ...(personalization.bcc ?? [])]) {
          const subject = personalization.subject ?? parsed.data.subject;
          this.deps.outbox.record({
            channel: 'email',
            to: recipient.email,
            ...(subject === undefined ? {} : { subject }),
            body: { from: parsed.data.from.email, to: personalization.to.map((to) => to.email), replyTo: parsed.data.reply_to?.email, text, ...(html === undefined ? {} : { html }), via: 'SendGrid' },
            request: recordedRequest(request, answer),
          });
        }
      }
    } else {
      this.deps.outbox.record({ channel: 'email', to: 'sendgrid', subject: `Refused (${answer.status})`, body: request.body, request: recordedRequest(request, answer) });
    }
    return answer;
  }

  private answer(request: EgressRequest): EgressAnswer {
    if (request.url.pathname !== '/v3/mail/send') return { status: 404, body: { errors: [{ message: 'Not found', field: null }] } };
    if (request.method !== 'POST') return { status: 405, body: { errors: [{ message: 'Method not allowed', field: null }] } };
    if (!/^Bearer\s+SG\.\S+$/i.test(request.headers.get('authorization') ?? '')) {
      return { status: 401, body: { errors: [{ message: 'The provided authorization grant is invalid, expired, or revoked', field: null, help: null }] } };
    }
    const problems = sendGridMailProblems(request.body);
    if (problems.length > 0) return { status: 400, body: { errors: problems.map((message) => ({ message, field: null, help: null })) } };
    return { status: 202, headers: { 'x-message-id': `local-${Date.now().toString(36)}` }, body: undefined };
  }
}
