import type { WebTriggerRequest } from '@forge/api';
import { acknowledgeFromPagerDuty } from '../../app/paging/acknowledge-from-pagerduty';
import { acknowledgeFromProvider } from '../../app/paging/acknowledge-page';
import { verifyAcknowledgementToken } from '../../app/integration-secrets';
import { ValidationError } from '../../domain/errors';
import { INVOCATION_LIMIT_MS } from '../adapters/invocation';
import { services } from '../composition';
import { webTriggerResult } from '../edges';

function header(request: WebTriggerRequest, name: string): string | undefined {
  const entry = Object.entries(request.headers ?? {}).find(([key]) => key.toLowerCase() === name);
  return entry?.[1]?.[0];
}

function requirePost(request: WebTriggerRequest): void {
  if (request.method !== 'POST') throw new ValidationError('method', 'must be POST');
}

/**
 * Where a paging provider reports an acknowledgement, in one of two forms:
 * - a PagerDuty V3 webhook (`X-PagerDuty-Signature`, event `incident.acknowledged`), verified with
 *   the subscription's signing secret from the app settings; other events are answered 200 and ignored;
 * - `POST` with `Authorization: Bearer <token>` (the token shown in the app's settings) and
 *   `{"dedupKey": "..."}` or `{"issueKey": "HOT-12"}`.
 * 401 without a signature or token, 403 with a wrong one, 400 for a body it cannot read, 404 for an unknown page.
 */
export async function acknowledgeWebhook(request: WebTriggerRequest) {
  return webTriggerResult(async () => {
    const s = services(INVOCATION_LIMIT_MS.webTrigger);
    const signature = header(request, 'x-pagerduty-signature');
    if (signature !== undefined) {
      requirePost(request);
      return acknowledgeFromPagerDuty({ repo: s.paging.repo, secrets: s.store, clock: s.clock }, { body: request.body, signature });
    }
    const bearer = /^Bearer\s+(.+)$/i.exec(header(request, 'authorization') ?? '')?.[1]?.trim();
    await verifyAcknowledgementToken(s.store, bearer);
    requirePost(request);
    let body: unknown;
    try {
      body = JSON.parse(request.body || '{}');
    } catch (error) {
      throw new ValidationError('body', 'is not JSON', { cause: error });
    }
    return acknowledgeFromProvider({ repo: s.paging.repo, tracker: s.appTracker, clock: s.clock }, body);
  });
}
