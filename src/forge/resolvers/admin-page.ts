import { webTrigger } from '@forge/api';
import { learningAdminResolvers } from './resolution';
import { z } from 'zod';
import { ADMIN_RESOLVER_KEYS as KEYS, type GetConfigurationResult } from '../../contracts/admin-page';
import { changeRecordsSettingsView, loadChangeRecordsSettings, saveChangeRecordsSettings } from '../../app/cockpit/change-records-settings';
import { cockpitSettingsView, loadCockpitSettings, saveCockpitSettings } from '../../app/cockpit/cockpit-settings';
import { toConfigurationDocument } from '../../app/configuration';
import { loadConfiguration } from '../../app/configuration-store';
import { ensureAcknowledgementToken, loadIntegrationSecrets, secretStatus, setIntegrationSecret } from '../../app/integration-secrets';
import { addOverride, getOnCall, takeShift } from '../../app/manage-on-call';
import { provisionFields } from '../../app/provision-fields';
import { exportConfiguration, importConfiguration, saveConfiguration } from '../../app/save-configuration';
import { alertSourceResolvers } from './alert-sources';
import { defineResolvers, resolver } from './define-resolvers';
import { commsAdminResolvers } from './comms';
import { drillAdminResolvers } from './drills';

/** The web trigger paging providers report acknowledgements to (its manifest key). */
export const ACKNOWLEDGE_WEBTRIGGER_KEY = 'acknowledge-webhook';

const rosterIdSchema = z.string().trim().min(1, 'must name a roster').max(100, 'must be at most 100 characters');
const nothing = z.strictObject({});

/** The admin page's resolvers, for Jira administrators only: configuration, on-call schedules, integration secrets, the cockpit's settings. */
export const adminPageResolver = defineResolvers({
  ...commsAdminResolvers,
  ...learningAdminResolvers,
  ...drillAdminResolvers,
  [KEYS.getConfiguration]: resolver({
    access: 'administrator',
    action: 'view the incident response settings',
    payload: nothing,
    run: async ({ services: s }): Promise<GetConfigurationResult> => {
      const [config, secrets] = await Promise.all([loadConfiguration(s.store), loadIntegrationSecrets(s.store)]);
      return { configuration: toConfigurationDocument(config), secrets: secretStatus(secrets), fieldsProvisioned: config.fields !== undefined };
    },
  }),
  [KEYS.saveConfiguration]: resolver({
    access: 'administrator',
    action: 'change the incident response settings',
    payload: z.strictObject({ configuration: z.unknown() }),
    run: async ({ services: s, payload }) => {
      const saved = await saveConfiguration({ store: s.store, catalog: s.catalog }, payload.configuration);
      return { configuration: toConfigurationDocument(saved.config), fieldSync: saved.fieldSync };
    },
  }),
  [KEYS.exportConfiguration]: resolver({
    access: 'administrator',
    action: 'export the incident response settings',
    payload: nothing,
    run: async ({ services: s }) => exportConfiguration(await loadConfiguration(s.store), s.clock.now()),
  }),
  [KEYS.importConfiguration]: resolver({
    access: 'administrator',
    action: 'import incident response settings',
    payload: z.strictObject({ json: z.string() }),
    run: async ({ services: s, payload }) => {
      const saved = await importConfiguration({ store: s.store, catalog: s.catalog }, payload.json);
      return { configuration: toConfigurationDocument(saved.config), fieldSync: saved.fieldSync };
    },
  }),
  [KEYS.getOnCall]: resolver({
    access: 'administrator',
    action: 'view on-call schedules',
    payload: z.strictObject({ rosterId: rosterIdSchema.exactOptional() }),
    run: ({ services: s, payload }) => getOnCall(s, payload.rosterId),
  }),
  [KEYS.addOverride]: resolver({
    access: 'administrator',
    action: 'add on-call overrides',
    payload: z.strictObject({ rosterId: rosterIdSchema, override: z.unknown() }),
    run: ({ services: s, payload }) => addOverride(s, payload.rosterId, payload.override),
  }),
  [KEYS.takeShift]: resolver({
    access: 'administrator',
    action: 'take on-call shifts',
    payload: z.strictObject({ rosterId: rosterIdSchema }),
    run: ({ services: s, payload, accountId }) => takeShift(s, payload.rosterId, accountId),
  }),
  [KEYS.setIntegrationSecret]: resolver({
    access: 'administrator',
    action: 'change integration secrets',
    payload: z.strictObject({ secret: z.unknown() }),
    run: async ({ services: s, payload }) => {
      const config = await loadConfiguration(s.store);
      return setIntegrationSecret(s.store, payload.secret, config.rosters.map((roster) => roster.id));
    },
  }),
  [KEYS.getAcknowledgementWebhook]: resolver({
    access: 'administrator',
    action: 'view the acknowledgement web trigger',
    payload: nothing,
    run: async ({ services: s }) => {
      const [url, token] = await Promise.all([
        webTrigger.getUrl(ACKNOWLEDGE_WEBTRIGGER_KEY),
        ensureAcknowledgementToken(s.store, () => globalThis.crypto.randomUUID()),
      ]);
      return { url, token };
    },
  }),
  [KEYS.provisionFields]: resolver({
    access: 'administrator',
    action: 'provision the incident fields',
    payload: nothing,
    run: async ({ services: s }) => (await provisionFields({ store: s.store, catalog: s.catalog }, await loadConfiguration(s.store))).report,
  }),
  [KEYS.getCockpitSettings]: resolver({
    access: 'administrator',
    action: 'view the incident cockpit settings',
    payload: nothing,
    run: async ({ services: s }) => cockpitSettingsView(await loadCockpitSettings(s.store)),
  }),
  [KEYS.saveCockpitSettings]: resolver({
    access: 'administrator',
    action: 'change the incident cockpit settings',
    // The use case checks each limit and names the one it refuses.
    payload: z.strictObject({ fatigueLimitMinutes: z.unknown() }),
    run: ({ services: s, payload }) => saveCockpitSettings(s.store, payload),
  }),
  [KEYS.getChangeRecordsSettings]: resolver({
    access: 'administrator',
    action: 'view where change records live',
    payload: nothing,
    run: async ({ services: s }) => {
      const [settings, config] = await Promise.all([loadChangeRecordsSettings(s.store), loadConfiguration(s.store)]);
      return changeRecordsSettingsView(settings, config);
    },
  }),
  [KEYS.saveChangeRecordsSettings]: resolver({
    access: 'administrator',
    action: 'change where change records live',
    // The use case checks each value (the JQL with Jira's own parser) and names the one it refuses.
    payload: z.strictObject({ jql: z.unknown(), serviceLabels: z.unknown(), changeTime: z.unknown() }).partial(),
    run: async ({ services: s, payload }) => {
      const [settings, config] = await Promise.all([saveChangeRecordsSettings(s.store, payload), loadConfiguration(s.store)]);
      return changeRecordsSettingsView(settings, config);
    },
  }),
  ...alertSourceResolvers,
});
