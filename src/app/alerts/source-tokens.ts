/**
 * Each alert source's secret: a bearer token, or for Grafana also the HMAC key of its signature
 * (`X-Grafana-Alerting-Signature`). Rotation keeps the old token valid for a grace period so the
 * monitoring tool can be reconfigured without losing alerts.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { SourceTokens } from './alert-source-store';

/** How long a rotated-out token keeps working. */
export const ROTATION_GRACE_MS = 24 * 3600_000;

// Equal-length digests compared in constant time: neither length nor content leaks through timing.
function sameSecret(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The tokens a source accepts at `now`: the current one, and the previous one within its grace period. */
export function validTokens(tokens: SourceTokens, now: number): string[] {
  return tokens.previous !== undefined && (tokens.previousUntil ?? 0) > now ? [tokens.current, tokens.previous] : [tokens.current];
}

export function bearerAccepted(tokens: SourceTokens, presented: string, now: number): boolean {
  // Every valid token is compared, so the time taken does not say which one matched.
  return validTokens(tokens, now).map((token) => sameSecret(presented, token)).includes(true);
}

/** Grafana's HMAC-SHA256 of the body (of `timestamp:body` when it sends a timestamp header), in hex. */
export function grafanaSignature(secret: string, body: string, timestamp?: string): string {
  return createHmac('sha256', secret).update(timestamp === undefined ? body : `${timestamp}:${body}`).digest('hex');
}

export function signatureAccepted(tokens: SourceTokens, signature: string, body: string, timestamp: string | undefined, now: number): boolean {
  return validTokens(tokens, now).map((token) => sameSecret(signature.trim().toLowerCase(), grafanaSignature(token, body, timestamp))).includes(true);
}

/** The tokens after a rotation: the new one current, the old one valid until the grace period ends. */
export function rotated(tokens: SourceTokens | undefined, next: string, now: number): SourceTokens {
  return tokens === undefined ? { current: next } : { current: next, previous: tokens.current, previousUntil: now + ROTATION_GRACE_MS };
}
