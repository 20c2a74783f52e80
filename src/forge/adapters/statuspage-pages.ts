import { fetch, type APIResponse } from '@forge/api';
import { z } from 'zod';
import { loadCommsSecrets } from '../../app/comms/comms-secrets';
import type { StatusPageRole } from '../../app/comms/comms-settings';
import type { StatusPagePost, StatusPages } from '../../app/comms/ports';
import { NotConfiguredError, RemoteCallError } from '../../app/errors';
import { retryAfterMs } from '../../app/retry';
import type { SecretStore } from '../../app/ports';

const STATUSPAGE_API = 'https://api.statuspage.io/v1';

// Only what the app reads back: the incident's id.
const incidentAnswer = z.looseObject({ id: z.string().min(1), status: z.string() });

/**
 * The internal and external pages on Statuspage (REST API v1, `Authorization: OAuth <key>`), with the API
 * key of each page from secret storage. One attempt per call: the use case decides about retrying.
 */
export class StatuspagePages implements StatusPages {
  private keys: Promise<Partial<Record<StatusPageRole, string>>> | undefined;

  constructor(private readonly secrets: SecretStore) {}

  async create(page: StatusPageRole, pageId: string, post: StatusPagePost): Promise<{ incidentId: string }> {
    const answer = await this.call(page, 'POST', `/pages/${encodeURIComponent(pageId)}/incidents`, 'create incident', { incident: this.incident(post, true) });
    const parsed = incidentAnswer.safeParse(answer);
    if (!parsed.success) throw new RemoteCallError('statuspage', 'create incident', 200, 'the answer carried no incident id');
    return { incidentId: parsed.data.id };
  }

  async update(page: StatusPageRole, pageId: string, incidentId: string, post: StatusPagePost): Promise<void> {
    await this.call(page, 'PATCH', `/pages/${encodeURIComponent(pageId)}/incidents/${encodeURIComponent(incidentId)}`, 'update incident', { incident: this.incident(post, false) });
  }

  private incident(post: StatusPagePost, opening: boolean): Record<string, unknown> {
    return {
      ...(opening ? { name: post.name, impact_override: post.impact } : {}),
      status: post.status,
      body: post.body,
      component_ids: [...post.componentIds],
      components: Object.fromEntries(post.componentIds.map((id) => [id, post.componentStatus])),
      deliver_notifications: true,
    };
  }

  private async call(page: StatusPageRole, method: string, path: string, operation: string, body: unknown): Promise<unknown> {
    this.keys ??= loadCommsSecrets(this.secrets).then((secrets) => secrets.statuspageKeys);
    const key = (await this.keys)[page];
    if (key === undefined) throw new NotConfiguredError(`no API key is stored for the ${page} Statuspage page`);
    let response: APIResponse;
    try {
      response = await fetch(`${STATUSPAGE_API}${path}`, { method, headers: { Authorization: `OAuth ${key}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    } catch (error) {
      throw new RemoteCallError('statuspage', operation, undefined, error instanceof Error ? error.message : String(error), undefined, { cause: error });
    }
    const text = await response.text();
    if (response.status < 200 || response.status >= 300) {
      throw new RemoteCallError('statuspage', operation, response.status, text.slice(0, 200) || response.statusText, retryAfterMs(response.headers.get('retry-after'), Date.now()));
    }
    try {
      return text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      throw new RemoteCallError('statuspage', operation, response.status, 'the answer was not JSON');
    }
  }
}
