import { z } from 'zod';
import type { IntegrationSecretInput, SecretStatus } from '../contracts/admin-page';
import { ValidationError } from '../domain/errors';
import { parseWith } from '../domain/parse-input';
import { ForbiddenError, UnauthenticatedError } from './errors';
import type { SecretStore } from './ports';

/** All integration secrets live in one secret so a page needs a single read to have its credentials. */
export const INTEGRATION_SECRETS_NAME = 'integration-secrets';

export interface IntegrationSecrets {
  readonly slackBotToken?: string;
  readonly pagerDutyRoutingKeys: Readonly<Record<string, string>>;
  readonly webhookSigningSecret?: string;
  /** What a paging provider presents to the acknowledgement web trigger. */
  readonly acknowledgementToken?: string;
  /** The signing secret of the PagerDuty V3 webhook subscription that reports acknowledgements. */
  readonly pagerDutyWebhookSecret?: string;
}

const secretsSchema = z.object({
  slackBotToken: z.string().exactOptional(),
  pagerDutyRoutingKeys: z.record(z.string(), z.string()).default({}),
  webhookSigningSecret: z.string().exactOptional(),
  acknowledgementToken: z.string().exactOptional(),
  pagerDutyWebhookSecret: z.string().exactOptional(),
});

export async function loadIntegrationSecrets(secrets: SecretStore): Promise<IntegrationSecrets> {
  const stored = await secrets.getSecret(INTEGRATION_SECRETS_NAME);
  if (stored === undefined) return { pagerDutyRoutingKeys: {} };
  const parsed = secretsSchema.safeParse(JSON.parse(stored));
  // A damaged secret must not stop Jira-notification paging, which needs none.
  return parsed.success ? parsed.data : { pagerDutyRoutingKeys: {} };
}

async function saveIntegrationSecrets(secrets: SecretStore, value: IntegrationSecrets): Promise<void> {
  await secrets.setSecret(INTEGRATION_SECRETS_NAME, JSON.stringify(value));
}

/** Which secrets are stored, for the admin page; never the values. */
export function secretStatus(value: IntegrationSecrets): SecretStatus {
  return {
    slackBotToken: value.slackBotToken !== undefined,
    pagerDutyRosters: Object.keys(value.pagerDutyRoutingKeys).sort(),
    webhookSigningSecret: value.webhookSigningSecret !== undefined,
    pagerDutyWebhookSecret: value.pagerDutyWebhookSecret !== undefined,
  };
}

const secretInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('slack-bot-token'),
    value: z.string().trim().regex(/^xox[bp]-[A-Za-z0-9-]+$/, 'must be a Slack bot token (xoxb-…)').nullable(),
  }),
  z.strictObject({
    kind: z.literal('pagerduty-routing-key'),
    rosterId: z.string().trim().min(1, 'must not be blank'),
    value: z.string().trim().regex(/^[A-Za-z0-9]{32}$/, 'must be a 32-character PagerDuty integration key').nullable(),
  }),
  z.strictObject({
    kind: z.literal('webhook-signing-secret'),
    value: z.string().min(16, 'must be at least 16 characters').max(256, 'must be at most 256 characters').nullable(),
  }),
  z.strictObject({
    kind: z.literal('pagerduty-webhook-secret'),
    value: z
      .string()
      .trim()
      .regex(/^\S{16,256}$/, 'must be the signing secret PagerDuty showed for the webhook subscription (16 to 256 characters, no spaces)')
      .nullable(),
  }),
]);

/** Stores or (with `value: null`) removes one integration secret; answers with what is stored now. */
export async function setIntegrationSecret(secrets: SecretStore, input: unknown, knownRosterIds: readonly string[]): Promise<SecretStatus> {
  const parsed: IntegrationSecretInput = parseWith(secretInputSchema, input, 'secret');
  const current = await loadIntegrationSecrets(secrets);
  let next: IntegrationSecrets;
  switch (parsed.kind) {
    case 'slack-bot-token':
      next = withOptional(current, 'slackBotToken', parsed.value);
      break;
    case 'webhook-signing-secret':
      next = withOptional(current, 'webhookSigningSecret', parsed.value);
      break;
    case 'pagerduty-webhook-secret':
      next = withOptional(current, 'pagerDutyWebhookSecret', parsed.value);
      break;
    case 'pagerduty-routing-key': {
      if (parsed.value !== null && !knownRosterIds.includes(parsed.rosterId)) {
        throw new ValidationError('secret.rosterId', `roster "${parsed.rosterId}" does not exist`);
      }
      const { [parsed.rosterId]: _removed, ...others } = current.pagerDutyRoutingKeys;
      next = { ...current, pagerDutyRoutingKeys: parsed.value === null ? others : { ...others, [parsed.rosterId]: parsed.value } };
      break;
    }
  }
  await saveIntegrationSecrets(secrets, next);
  return secretStatus(next);
}

/** The acknowledgement web trigger's token, created on first use. */
export async function ensureAcknowledgementToken(secrets: SecretStore, newToken: () => string): Promise<string> {
  const current = await loadIntegrationSecrets(secrets);
  if (current.acknowledgementToken !== undefined) return current.acknowledgementToken;
  const token = newToken();
  await saveIntegrationSecrets(secrets, { ...current, acknowledgementToken: token });
  return token;
}

function withOptional(current: IntegrationSecrets, name: 'slackBotToken' | 'webhookSigningSecret' | 'pagerDutyWebhookSecret', value: string | null): IntegrationSecrets {
  const { [name]: _old, ...rest } = current;
  return value === null ? rest : { ...rest, [name]: value };
}

/**
 * Checks the token a paging provider presented to the acknowledgement web trigger.
 *
 * @throws UnauthenticatedError when none was presented; ForbiddenError when it is not ours.
 */
export async function verifyAcknowledgementToken(secrets: SecretStore, presented: string | undefined): Promise<void> {
  if (presented === undefined || presented === '') throw new UnauthenticatedError('send the token as "Authorization: Bearer <token>"');
  const expected = (await loadIntegrationSecrets(secrets)).acknowledgementToken;
  if (expected === undefined || !sameText(presented, expected)) throw new ForbiddenError('report acknowledgements with this token');
}

// Compares in time independent of where the strings differ, so the token cannot be guessed byte by byte.
function sameText(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    difference |= (a.charCodeAt(index) || 0) ^ (b.charCodeAt(index) || 0);
  }
  return difference === 0;
}
