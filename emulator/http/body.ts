import type { IncomingMessage } from 'node:http';

/** Forge's own payload limit; the site refuses larger bodies the same way. */
const maxBodyBytes = 5 * 1024 * 1024;

export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  constructor() {
    super(`Request body is larger than ${maxBodyBytes} bytes`);
  }
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBodyBytes) throw new BodyTooLargeError();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export class MalformedJsonError extends Error {
  override readonly name = 'MalformedJsonError';
  constructor(cause: unknown) {
    super(`Request body is not valid JSON: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** JSON bodies become values, form bodies become string records, anything else stays text; empty is undefined. */
export function decodeBody(contentType: string | undefined, raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json' || type.endsWith('+json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new MalformedJsonError(error);
    }
  }
  if (type === 'application/x-www-form-urlencoded') {
    return Object.fromEntries(new URLSearchParams(text));
  }
  return text;
}

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  return decodeBody(req.headers['content-type'] ?? 'application/json', await readBody(req));
}
