import { z } from 'zod';
import { parseWith } from '../../domain/parse-input';
import type { SecretStore } from '../ports';

/** One secret holds every communications credential, so sending needs a single read. */
export const COMMS_SECRETS_NAME = 'comms-secrets';

const secretsSchema = z.object({
  statuspageKeys: z.strictObject({ internal: z.string().exactOptional(), external: z.string().exactOptional() }).default({}),
  sendgridKey: z.string().exactOptional(),
});

export type CommsSecrets = z.output<typeof secretsSchema>;

/** Which credentials are stored, for the admin page; never the values. */
export interface CommsSecretStatus {
  readonly statuspageInternal: boolean;
  readonly statuspageExternal: boolean;
  readonly sendgrid: boolean;
}

export async function loadCommsSecrets(secrets: SecretStore): Promise<CommsSecrets> {
  const stored = await secrets.getSecret(COMMS_SECRETS_NAME);
  if (stored === undefined) return { statuspageKeys: {} };
  try {
    return secretsSchema.safeParse(JSON.parse(stored)).data ?? { statuspageKeys: {} };
  } catch {
    return { statuspageKeys: {} };
  }
}

export function commsSecretStatus(value: CommsSecrets): CommsSecretStatus {
  return { statuspageInternal: value.statuspageKeys.internal !== undefined, statuspageExternal: value.statuspageKeys.external !== undefined, sendgrid: value.sendgridKey !== undefined };
}

const inputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('statuspage-key'), page: z.enum(['internal', 'external']), value: z.string().trim().regex(/^[A-Za-z0-9-]{8,128}$/, 'must be a Statuspage API key').nullable() }),
  z.strictObject({ kind: z.literal('sendgrid-key'), value: z.string().trim().regex(/^SG\.[A-Za-z0-9_.-]{8,200}$/, 'must be a SendGrid API key (SG.…)').nullable() }),
]);

/** Stores or (with `value: null`) removes one communications credential; answers with what is stored now. */
export async function setCommsSecret(secrets: SecretStore, input: unknown): Promise<CommsSecretStatus> {
  const parsed = parseWith(inputSchema, input, 'secret');
  const current = await loadCommsSecrets(secrets);
  let next: CommsSecrets;
  if (parsed.kind === 'sendgrid-key') {
    const { sendgridKey: _old, ...rest } = current;
    next = parsed.value === null ? rest : { ...rest, sendgridKey: parsed.value };
  } else {
    const { [parsed.page]: _old, ...others } = current.statuspageKeys;
    next = { ...current, statuspageKeys: parsed.value === null ? others : { ...others, [parsed.page]: parsed.value } };
  }
  await secrets.setSecret(COMMS_SECRETS_NAME, JSON.stringify(next));
  return commsSecretStatus(next);
}
