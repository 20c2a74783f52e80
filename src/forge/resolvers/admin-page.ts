import Resolver from '@forge/resolver';
import { webTrigger } from '@forge/api';
import { z } from 'zod';
import { ADMIN_RESOLVER_KEYS as KEYS, type GetConfigurationResult } from '../../contracts/admin-page';
import { cockpitSettingsView, loadCockpitSettings, saveCockpitSettings } from '../../app/cockpit/cockpit-settings';
import { toConfigurationDocument } from '../../app/configuration';
import { loadConfiguration } from '../../app/configuration-store';
import { ensureAcknowledgementToken, loadIntegrationSecrets, secretStatus, setIntegrationSecret } from '../../app/integration-secrets';
import { addOverride, getOnCall, takeShift } from '../../app/manage-on-call';
import { provisionFields } from '../../app/provision-fields';
import { requireAdministrator } from '../../app/require-administrator';
import { exportConfiguration, importConfiguration, saveConfiguration } from '../../app/save-configuration';
import { INVOCATION_LIMIT_MS } from '../adapters/invocation';
import { services, type Services } from '../composition';
import { resolverResult } from '../edges';
import { callerOf, payloadOf, type ResolverRequest } from './resolver-request';

/** The web trigger paging providers report acknowledgements to (its manifest key). */
export const ACKNOWLEDGE_WEBTRIGGER_KEY = 'acknowledge-webhook';

const rosterIdSchema = z.string().trim().min(1, 'must name a roster');

/** A resolver for Jira administrators only: Jira is asked (as the caller) before anything is read or changed. */
function forAdministrators<T>(action: string, work: (s: Services, request: ResolverRequest, caller: string) => Promise<T>) {
  return (request: ResolverRequest) =>
    resolverResult(async () => {
      const caller = callerOf(request);
      const s = services(INVOCATION_LIMIT_MS.resolver);
      await requireAdministrator(s.userTracker, action);
      return work(s, request, caller);
    });
}

/** The admin page's resolvers: configuration, on-call schedules, integration secrets, the cockpit's settings. */
export const adminPageResolver = new Resolver()
  .define(
    KEYS.getConfiguration,
    forAdministrators('view the incident response settings', async (s): Promise<GetConfigurationResult> => {
      const [config, secrets] = await Promise.all([loadConfiguration(s.store), loadIntegrationSecrets(s.store)]);
      return { configuration: toConfigurationDocument(config), secrets: secretStatus(secrets), fieldsProvisioned: config.fields !== undefined };
    }),
  )
  .define(
    KEYS.saveConfiguration,
    forAdministrators('change the incident response settings', async (s, request) => {
      const { configuration } = payloadOf(request, z.object({ configuration: z.unknown() }));
      const saved = await saveConfiguration({ store: s.store, catalog: s.catalog }, configuration);
      return { configuration: toConfigurationDocument(saved.config), fieldSync: saved.fieldSync };
    }),
  )
  .define(
    KEYS.exportConfiguration,
    forAdministrators('export the incident response settings', async (s) => exportConfiguration(await loadConfiguration(s.store), s.clock.now())),
  )
  .define(
    KEYS.importConfiguration,
    forAdministrators('import incident response settings', async (s, request) => {
      const { json } = payloadOf(request, z.object({ json: z.string() }));
      const saved = await importConfiguration({ store: s.store, catalog: s.catalog }, json);
      return { configuration: toConfigurationDocument(saved.config), fieldSync: saved.fieldSync };
    }),
  )
  .define(
    KEYS.getOnCall,
    forAdministrators('view on-call schedules', async (s, request) => {
      const { rosterId } = payloadOf(request, z.object({ rosterId: rosterIdSchema.optional() }));
      return getOnCall(s, rosterId);
    }),
  )
  .define(
    KEYS.addOverride,
    forAdministrators('add on-call overrides', async (s, request) => {
      const { rosterId, override } = payloadOf(request, z.object({ rosterId: rosterIdSchema, override: z.unknown() }));
      return addOverride(s, rosterId, override);
    }),
  )
  .define(
    KEYS.takeShift,
    forAdministrators('take on-call shifts', async (s, request, caller) => {
      const { rosterId } = payloadOf(request, z.object({ rosterId: rosterIdSchema }));
      return takeShift(s, rosterId, caller);
    }),
  )
  .define(
    KEYS.setIntegrationSecret,
    forAdministrators('change integration secrets', async (s, request) => {
      const { secret } = payloadOf(request, z.object({ secret: z.unknown() }));
      const config = await loadConfiguration(s.store);
      return setIntegrationSecret(s.store, secret, config.rosters.map((roster) => roster.id));
    }),
  )
  .define(
    KEYS.getAcknowledgementWebhook,
    forAdministrators('view the acknowledgement web trigger', async (s) => {
      const [url, token] = await Promise.all([
        webTrigger.getUrl(ACKNOWLEDGE_WEBTRIGGER_KEY),
        ensureAcknowledgementToken(s.store, () => globalThis.crypto.randomUUID()),
      ]);
      return { url, token };
    }),
  )
  .define(
    KEYS.provisionFields,
    forAdministrators('provision the incident fields', async (s) => (await provisionFields({ store: s.store, catalog: s.catalog }, await loadConfiguration(s.store))).report),
  )
  .define(
    KEYS.getCockpitSettings,
    forAdministrators('view the incident cockpit settings', async (s) => cockpitSettingsView(await loadCockpitSettings(s.store))),
  )
  .define(
    KEYS.saveCockpitSettings,
    forAdministrators('change the incident cockpit settings', async (s, request) => saveCockpitSettings(s.store, request.payload)),
  )
  .getDefinitions();
