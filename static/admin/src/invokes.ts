/** One typed wrapper per resolver key of the admin page. */
import {
  ADMIN_RESOLVER_KEYS,
  type AddOverridePayload,
  type ChangeRecordsSettingsView,
  type CockpitSettingsView,
  type ExportConfigurationResult,
  type FieldSyncReport,
  type GetAcknowledgementWebhookResult,
  type GetCockpitSettingsResult,
  type GetConfigurationResult,
  type GetOnCallResult,
  type ImportConfigurationResult,
  type IntegrationSecretInput,
  type RosterChangeResult,
  type SaveChangeRecordsSettingsPayload,
  type SaveConfigurationResult,
  type SecretStatus,
} from '../../../src/contracts/admin-page';
import type { ConfigurationDocument } from '../../../src/contracts/configuration';
import type { ResolverResult } from '../../../src/contracts/resolver-result';
import { callResolver } from '../../shared-ui/call-resolver';
import {
  changeRecordsSettingsSchema,
  cockpitSettingsSchema,
  exportSchema,
  fieldSyncSchema,
  getConfigurationSchema,
  onCallSchema,
  rosterOnCallSchema,
  saveConfigurationSchema,
  secretStatusSchema,
  webhookSchema,
} from './schemas';

export function getConfiguration(): Promise<ResolverResult<GetConfigurationResult>> {
  return callResolver(ADMIN_RESOLVER_KEYS.getConfiguration, {}, getConfigurationSchema);
}

export function saveConfiguration(configuration: ConfigurationDocument): Promise<ResolverResult<SaveConfigurationResult>> {
  return callResolver(ADMIN_RESOLVER_KEYS.saveConfiguration, { configuration }, saveConfigurationSchema);
}

export function exportConfiguration(): Promise<ResolverResult<ExportConfigurationResult>> {
  return callResolver(ADMIN_RESOLVER_KEYS.exportConfiguration, {}, exportSchema);
}

export function importConfiguration(json: string): Promise<ResolverResult<ImportConfigurationResult>> {
  return callResolver(ADMIN_RESOLVER_KEYS.importConfiguration, { json }, saveConfigurationSchema);
}

export function getOnCall(rosterId?: string): Promise<ResolverResult<GetOnCallResult>> {
  return callResolver(ADMIN_RESOLVER_KEYS.getOnCall, rosterId === undefined ? {} : { rosterId }, onCallSchema);
}

export function addOverride(payload: AddOverridePayload): Promise<ResolverResult<RosterChangeResult>> {
  return callResolver(ADMIN_RESOLVER_KEYS.addOverride, payload, rosterOnCallSchema);
}

export function takeShift(rosterId: string): Promise<ResolverResult<RosterChangeResult>> {
  return callResolver(ADMIN_RESOLVER_KEYS.takeShift, { rosterId }, rosterOnCallSchema);
}

export function setIntegrationSecret(secret: IntegrationSecretInput): Promise<ResolverResult<SecretStatus>> {
  return callResolver(ADMIN_RESOLVER_KEYS.setIntegrationSecret, { secret }, secretStatusSchema);
}

export function getAcknowledgementWebhook(): Promise<ResolverResult<GetAcknowledgementWebhookResult>> {
  return callResolver(ADMIN_RESOLVER_KEYS.getAcknowledgementWebhook, {}, webhookSchema);
}

export function provisionFields(): Promise<ResolverResult<FieldSyncReport>> {
  return callResolver(ADMIN_RESOLVER_KEYS.provisionFields, {}, fieldSyncSchema);
}

export function getCockpitSettings(): Promise<ResolverResult<GetCockpitSettingsResult>> {
  return callResolver(ADMIN_RESOLVER_KEYS.getCockpitSettings, {}, cockpitSettingsSchema);
}

export function saveCockpitSettings(settings: CockpitSettingsView): Promise<ResolverResult<GetCockpitSettingsResult>> {
  return callResolver(ADMIN_RESOLVER_KEYS.saveCockpitSettings, settings, cockpitSettingsSchema);
}

export function getChangeRecordsSettings(): Promise<ResolverResult<ChangeRecordsSettingsView>> {
  return callResolver(ADMIN_RESOLVER_KEYS.getChangeRecordsSettings, {}, changeRecordsSettingsSchema);
}

export function saveChangeRecordsSettings(settings: SaveChangeRecordsSettingsPayload): Promise<ResolverResult<ChangeRecordsSettingsView>> {
  return callResolver(ADMIN_RESOLVER_KEYS.saveChangeRecordsSettings, settings, changeRecordsSettingsSchema);
}
