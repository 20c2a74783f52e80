import { webTrigger } from '@forge/api';
import { z } from 'zod';
import { ALERT_SOURCE_RESOLVER_KEYS as KEYS } from '../../contracts/alert-sources';
import { deleteAlertSource, listAlertSources, rotateAlertSourceToken, saveAlertSource, sourceDocument, testAlertSource } from '../../app/alerts/manage-alert-sources';
import { loadConfiguration } from '../../app/configuration-store';
import { resolver } from './define-resolvers';

/** The web trigger monitoring tools send alerts to (its manifest key). */
export const ALERT_WEBTRIGGER_KEY = 'alert-webhook';

const newToken = () => `alrt_${globalThis.crypto.randomUUID().replace(/-/g, '')}`;

/** The Alert sources tab's resolvers, part of the admin page's (Jira administrators only). */
export const alertSourceResolvers = {
  [KEYS.listAlertSources]: resolver({
    access: 'administrator',
    action: 'view alert sources',
    payload: z.strictObject({}),
    run: async ({ services: s }) => {
      const [config, base] = await Promise.all([loadConfiguration(s.store), webTrigger.getUrl(ALERT_WEBTRIGGER_KEY)]);
      const separator = base.includes('?') ? '&' : '?';
      return listAlertSources(s.store, config, (id) => `${base}${separator}source=${encodeURIComponent(id)}`);
    },
  }),
  [KEYS.saveAlertSource]: resolver({
    access: 'administrator',
    action: 'change alert sources',
    // The use case checks the source against the configured services and names the field it refuses.
    payload: z.strictObject({ source: z.unknown(), token: z.unknown().optional() }),
    run: async ({ services: s, payload }) => {
      const config = await loadConfiguration(s.store);
      return sourceDocument(await saveAlertSource(s.store, config, payload.token === undefined ? { source: payload.source } : { source: payload.source, token: payload.token }, newToken));
    },
  }),
  [KEYS.deleteAlertSource]: resolver({
    access: 'administrator',
    action: 'delete alert sources',
    payload: z.strictObject({ sourceId: z.unknown() }),
    run: async ({ services: s, payload }) => {
      await deleteAlertSource(s.store, payload.sourceId);
      return { deleted: true };
    },
  }),
  [KEYS.rotateAlertSourceToken]: resolver({
    access: 'administrator',
    action: 'rotate alert source tokens',
    payload: z.strictObject({ sourceId: z.unknown() }),
    run: ({ services: s, payload }) => rotateAlertSourceToken(s.store, payload.sourceId, s.clock.now(), newToken),
  }),
  [KEYS.testAlertSource]: resolver({
    access: 'administrator',
    action: 'test alert sources',
    payload: z.strictObject({ source: z.unknown(), sample: z.unknown() }),
    run: async ({ services: s, payload }) => testAlertSource(await loadConfiguration(s.store), { source: payload.source, sample: payload.sample }),
  }),
};
