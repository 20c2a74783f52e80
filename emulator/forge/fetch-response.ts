/** Builds the WHATWG `Response` objects the Forge packages expect back from the seams. */

const bodylessStatuses = new Set([101, 204, 205, 304]);

export function fetchResponse(status: number, headers: Record<string, string>, body: unknown): Response {
  const allHeaders = new Headers(headers);
  if (bodylessStatuses.has(status) || body === undefined) return new Response(null, { status, headers: allHeaders });
  if (typeof body === 'string' && !(allHeaders.get('content-type') ?? '').includes('json')) {
    if (!allHeaders.has('content-type')) allHeaders.set('content-type', 'text/plain; charset=utf-8');
    return new Response(body, { status, headers: allHeaders });
  }
  if (!allHeaders.has('content-type')) allHeaders.set('content-type', 'application/json; charset=utf-8');
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: allHeaders });
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return fetchResponse(status, { 'content-type': 'application/json; charset=utf-8', ...headers }, body);
}

/** A failure the Forge proxy itself reports (`forge-proxy-error` header), e.g. NEEDS_AUTHENTICATION_ERR. */
export function proxyErrorResponse(status: number, reason: string): Response {
  return new Response(null, { status, headers: { 'forge-proxy-error': reason } });
}

/** Reads a fetch body (string, bytes, form data, stream) as text; undefined when there is none. */
export async function bodyText(init: RequestInit | undefined): Promise<string | undefined> {
  if (init?.body === undefined || init.body === null) return undefined;
  if (typeof init.body === 'string') return init.body;
  return new Response(init.body).text();
}

/** Decodes a request body by content type: JSON, form fields, or the text itself. */
export function decodeText(contentType: string | null, text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
  if (type === 'application/json' || type.endsWith('+json') || type === '') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
