/**
 * What the page can tell about a secret before it is sent: the same rules the backend applies, so
 * a mistyped token is refused next to its field at once. The backend stays the judge and checks again.
 */
import type { IntegrationSecretInput } from '../../../src/contracts/admin-page';

export type SecretKind = IntegrationSecretInput['kind'];

const RULES: Readonly<Record<SecretKind, { readonly test: (value: string) => boolean; readonly problem: string }>> = {
  'slack-bot-token': { test: (value) => /^xox[bp]-[A-Za-z0-9-]+$/.test(value), problem: 'Paste a Slack bot token: it starts with xoxb-.' },
  'pagerduty-routing-key': { test: (value) => /^[A-Za-z0-9]{32}$/.test(value), problem: 'Paste the 32-character integration key of the PagerDuty service (Events API v2).' },
  'webhook-signing-secret': { test: (value) => value.length >= 16 && value.length <= 256, problem: 'Use 16 to 256 characters.' },
  'pagerduty-webhook-secret': {
    test: (value) => /^\S{16,256}$/.test(value),
    problem: 'Paste the signing secret PagerDuty showed for the webhook subscription: 16 to 256 characters, no spaces.',
  },
};

/** Why `value` cannot be a secret of this kind, or undefined when it looks right. Surrounding spaces are ignored, as when it is sent. */
export function secretProblem(kind: SecretKind, value: string): string | undefined {
  const rule = RULES[kind];
  return rule.test(value.trim()) ? undefined : rule.problem;
}
