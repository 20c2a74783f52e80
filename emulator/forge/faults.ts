/**
 * Fault injection for remote calls made by the app: added latency (Jira, KVS, egress, email),
 * 429 answers with Retry-After and 5xx answers (Jira, egress), lost responses (Jira, egress: the
 * remote side does the work but its answer never reaches the app, which sees a timed-out fetch) and
 * duplicate event delivery.
 * A `seed` makes the random choices repeatable.
 */
import { z } from 'zod';
import { seededRandom } from '../seeded-random';

const rates = z.strictObject({
  rate429: z.number().min(0).max(1).optional(),
  rate5xx: z.number().min(0).max(1).optional(),
  rateLostResponse: z.number().min(0).max(1).optional(),
  /** Only calls to these hosts fail (egress), e.g. `["api.statuspage.io"]`; all when absent. */
  hosts: z.array(z.string().min(1)).optional(),
});

export const faultConfigSchema = z.strictObject({
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  jira: rates.optional(),
  egress: rates.optional(),
  duplicateEvents: z.boolean().optional(),
  retryAfterSeconds: z.number().int().min(1).max(600).optional(),
  seed: z.number().int().optional(),
});

export type FaultConfig = z.infer<typeof faultConfigSchema>;
export type FaultTarget = 'jira' | 'egress';
export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'server-error'; status: number }
  | { kind: 'lost-response' };

export class FaultInjector {
  private config: FaultConfig = {};
  private random: () => number = Math.random;

  /** Replaces the whole configuration; `{}` clears every fault. */
  configure(config: FaultConfig): void {
    this.config = config;
    this.random = config.seed === undefined ? Math.random : seededRandom(config.seed);
  }

  current(): FaultConfig {
    return this.config;
  }

  async delay(): Promise<void> {
    const ms = this.config.latencyMs ?? 0;
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }

  decide(target: FaultTarget, host?: string): FaultDecision {
    const { rate429 = 0, rate5xx = 0, rateLostResponse = 0, hosts } = this.config[target] ?? {};
    if (hosts !== undefined && (host === undefined || !hosts.includes(host))) return { kind: 'none' };
    if (rate429 === 0 && rate5xx === 0 && rateLostResponse === 0) return { kind: 'none' };
    const roll = this.random();
    if (roll < rate429) return { kind: 'rate-limited', retryAfterSeconds: this.config.retryAfterSeconds ?? 1 };
    if (roll < rate429 + rate5xx) return { kind: 'server-error', status: 503 };
    if (roll < rate429 + rate5xx + rateLostResponse) return { kind: 'lost-response' };
    return { kind: 'none' };
  }

  get duplicateEvents(): boolean {
    return this.config.duplicateEvents ?? false;
  }
}

/**
 * What the app's fetch throws when an answer never arrives: undici's network failure shape, a
 * `TypeError('fetch failed')` whose cause is a timeout, so callers cannot tell whether the remote
 * side acted.
 */
export function lostResponseError(target: FaultTarget, label: string): TypeError {
  const cause = Object.assign(new Error(`The ${target} answer to ${label} never arrived: the request timed out`), { name: 'TimeoutError', code: 'UND_ERR_HEADERS_TIMEOUT' });
  return new TypeError('fetch failed', { cause });
}

