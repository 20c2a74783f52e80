import { createHmac, timingSafeEqual } from 'node:crypto';
import { ForbiddenError, UnauthenticatedError } from './errors';
import { loadIntegrationSecrets } from './integration-secrets';
import type { SecretStore } from './ports';

const V1_PREFIX = 'v1=';
const V1_SIGNATURE = /^[0-9a-f]{64}$/i;

/**
 * The `v1` signatures of an `X-PagerDuty-Signature` header. PagerDuty sends one per signing secret,
 * comma separated, so a subscription can rotate its secret without a gap; other versions are skipped.
 */
export function v1Signatures(header: string): Buffer[] {
  return header
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(V1_PREFIX) && V1_SIGNATURE.test(part.slice(V1_PREFIX.length)))
    .map((part) => Buffer.from(part.slice(V1_PREFIX.length), 'hex'));
}

/** Whether one of the header's `v1` signatures is the HMAC-SHA256 of the exact body (UTF-8) with the secret. */
export function pagerDutySignatureMatches(secret: string, body: string, header: string): boolean {
  const expected = createHmac('sha256', secret).update(body, 'utf8').digest();
  // Every candidate is compared in full and in constant time: how far a forged signature got must not show in the timing.
  return v1Signatures(header).reduce((matched, candidate) => timingSafeEqual(candidate, expected) || matched, false);
}

/**
 * Checks that a PagerDuty V3 webhook was signed with the subscription's secret stored in the app settings.
 *
 * @throws UnauthenticatedError when the request carries no `v1` signature; ForbiddenError when no
 *   secret is stored or no signature matches.
 */
export async function verifyPagerDutySignature(secrets: SecretStore, body: string, header: string | undefined): Promise<void> {
  if (header === undefined || v1Signatures(header).length === 0) {
    throw new UnauthenticatedError('a PagerDuty webhook must carry "X-PagerDuty-Signature: v1=<signature>"');
  }
  const secret = (await loadIntegrationSecrets(secrets)).pagerDutyWebhookSecret;
  if (secret === undefined) throw new ForbiddenError('accept PagerDuty webhooks before their signing secret is set in the app settings');
  if (!pagerDutySignatureMatches(secret, body, header)) throw new ForbiddenError('accept a PagerDuty webhook whose signature does not match the signing secret');
}
