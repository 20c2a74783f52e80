/**
 * `sendEmail` from `@forge/api` posts a multipart form (a `metadata` JSON part plus attachments)
 * to `{type: 'emails'}`. The site records one outbox email per recipient instead of sending it.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Outbox } from '../outbox';
import { jsonResponse } from './fetch-response';

const address = z.union([z.string().min(1), z.looseObject({ name: z.string().optional(), address: z.string().min(1) })]);
const emailMetadata = z.looseObject({
  host: z.string().optional(),
  port: z.number().optional(),
  from: address,
  to: z.array(address).optional(),
  cc: z.array(address).optional(),
  bcc: z.array(address).optional(),
  replyTo: z.array(address).optional(),
  subject: z.string().optional(),
  text: z.string().optional(),
  html: z.string().optional(),
  attachments: z.array(z.looseObject({ filename: z.string().optional(), contentType: z.string().optional() })).optional(),
});

type Address = z.infer<typeof address>;

function addressOf(value: Address): string {
  return typeof value === 'string' ? value : value.address;
}

export async function handleEmail(outbox: Outbox, init: RequestInit | undefined): Promise<Response> {
  const contentType = new Headers(init?.headers).get('content-type') ?? '';
  let metadataText: unknown;
  try {
    const form = await new Response(init?.body ?? null, { headers: { 'content-type': contentType } }).formData();
    metadataText = form.get('metadata');
  } catch {
    return smtpFailure('The email request was not a multipart form');
  }
  const metadata = emailMetadata.safeParse(typeof metadataText === 'string' ? parseJson(metadataText) : undefined);
  if (!metadata.success) return smtpFailure(`Invalid email: ${z.prettifyError(metadata.error)}`);
  const email = metadata.data;
  const recipients = [...(email.to ?? []), ...(email.cc ?? []), ...(email.bcc ?? [])].map(addressOf);
  if (recipients.length === 0) return smtpFailure('No recipients defined');
  const messageId = `<${randomUUID()}@local-site>`;
  const request = {
    host: email.host,
    port: email.port,
    from: addressOf(email.from),
    to: (email.to ?? []).map(addressOf),
    cc: (email.cc ?? []).map(addressOf),
    bcc: (email.bcc ?? []).map(addressOf),
    subject: email.subject,
    attachments: (email.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType })),
    messageId,
  };
  for (const recipient of recipients) {
    outbox.record({
      channel: 'email',
      to: recipient,
      ...(email.subject === undefined ? {} : { subject: email.subject }),
      body: { from: request.from, to: request.to, cc: request.cc, text: email.text, html: email.html },
      request,
    });
  }
  return jsonResponse(200, { messageId, accepted: recipients, rejected: [], response: '250 Message accepted by the local site' });
}

function smtpFailure(message: string): Response {
  return new Response(JSON.stringify({ code: 'EENVELOPE', responseCode: 554, command: 'API', message }), {
    status: 400,
    headers: { 'forge-proxy-error': 'SEND_EMAIL_ERR', 'content-type': 'application/json' },
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
