/** The Communications tab's typed resolver calls (src/contracts/comms.ts). */
import * as z from 'zod/mini';
import { COMMS_ADMIN_RESOLVER_KEYS as KEYS, type CommsSettingsDocument, type CommsSettingsResult } from '../../../src/contracts/comms';
import type { ResolverResult } from '../../../src/contracts/resolver-result';
import { callResolver } from '../../shared-ui/call-resolver';

// The backend checked the settings when it stored them; the tab reads them back into its form.
const settings = z.custom<CommsSettingsDocument>((value) => typeof value === 'object' && value !== null && 'statusPages' in value && 'email' in value);
const resultSchema: z.ZodMiniType<CommsSettingsResult> = z.object({
  settings,
  secrets: z.object({ statuspageInternal: z.boolean(), statuspageExternal: z.boolean(), sendgrid: z.boolean() }),
  products: z.array(z.string()),
});

export type CommsSecretInput = { kind: 'statuspage-key'; page: 'internal' | 'external'; value: string | null } | { kind: 'sendgrid-key'; value: string | null };

export const getCommsSettings = (): Promise<ResolverResult<CommsSettingsResult>> => callResolver(KEYS.getCommsSettings, {}, resultSchema);
export const saveCommsSettings = (value: CommsSettingsDocument): Promise<ResolverResult<CommsSettingsResult>> => callResolver(KEYS.saveCommsSettings, { settings: value }, resultSchema);
export const setCommsSecret = (secret: CommsSecretInput): Promise<ResolverResult<CommsSettingsResult>> => callResolver(KEYS.setCommsSecret, { secret }, resultSchema);
