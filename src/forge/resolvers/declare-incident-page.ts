import { z } from 'zod';
import { DECLARE_RESOLVER_KEYS as KEYS } from '../../contracts/declare-incident-page';
import { loadConfiguration } from '../../app/configuration-store';
import { declarationFieldsSchema, declareFormFor, declareIncident } from '../../app/declare-incident';
import { defineResolvers, resolver } from './define-resolvers';
import { drillDeclareResolvers } from './drills';

/** The Declare incident page's resolvers: the form's choices, and the declaration (created as the signed-in user). */
export const declareIncidentPageResolver = defineResolvers({
  ...drillDeclareResolvers,
  [KEYS.getDeclareForm]: resolver({
    access: 'signed-in',
    payload: z.strictObject({}),
    run: async ({ services: s }) => declareFormFor(await loadConfiguration(s.store), s.userTracker),
  }),
  [KEYS.declareIncident]: resolver({
    access: 'signed-in',
    // The form's values depend on the configuration (its services and products): the use case checks them.
    payload: declarationFieldsSchema,
    run: ({ services: s, payload }) => declareIncident({ store: s.store, userTracker: s.userTracker, clock: s.clock }, payload),
  }),
});
