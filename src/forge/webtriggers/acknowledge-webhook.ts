import type { WebTriggerRequest } from '@forge/api';
import { acknowledgeFromProvider } from '../../app/acknowledge-page';
import { verifyAcknowledgementToken } from '../../app/integration-secrets';
import { ValidationError } from '../../domain/errors';
import { INVOCATION_LIMIT_MS } from '../adapters/invocation';
import { services } from '../composition';
import { webTriggerResult } from '../edges';

function header(request: WebTriggerRequest, name: string): string | undefined {
  const entry = Object.entries(request.headers ?? {}).find(([key]) => key.toLowerCase() === name);
  return entry?.[1]?.[0];
}

/**
 * Where a paging provider reports an acknowledgement: `POST` with `Authorization: Bearer <token>`
 * (the token shown in the app's settings) and `{"dedupKey": "..."}` or `{"issueKey": "HOT-12"}`.
 * 401 without a token, 403 with a wrong one, 400 for a body it cannot read, 404 for an unknown page.
 */
export async function acknowledgeWebhook(request: WebTriggerRequest) {
  return webTriggerResult(async () => {
    const s = services(INVOCATION_LIMIT_MS.webTrigger);
    const bearer = /^Bearer\s+(.+)$/i.exec(header(request, 'authorization') ?? '')?.[1]?.trim();
    await verifyAcknowledgementToken(s.store, bearer);
    if (request.method !== 'POST') throw new ValidationError('method', 'must be POST');
    let body: unknown;
    try {
      body = JSON.parse(request.body || '{}');
    } catch (error) {
      throw new ValidationError('body', 'is not JSON', { cause: error });
    }
    return acknowledgeFromProvider({ store: s.store, tracker: s.appTracker, clock: s.clock }, body);
  });
}
