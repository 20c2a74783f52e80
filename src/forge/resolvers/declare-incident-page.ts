import Resolver from '@forge/resolver';
import { DECLARE_RESOLVER_KEYS as KEYS } from '../../contracts/declare-incident-page';
import { loadConfiguration } from '../../app/configuration-store';
import { declareForm, declareIncident } from '../../app/declare-incident';
import { INVOCATION_LIMIT_MS } from '../adapters/invocation';
import { services } from '../composition';
import { resolverResult } from '../edges';
import { callerOf, type ResolverRequest } from './resolver-request';

/** The Declare incident page's resolvers: the form's choices, and the declaration (created as the signed-in user). */
export const declareIncidentPageResolver = new Resolver()
  .define(KEYS.getDeclareForm, (request: ResolverRequest) =>
    resolverResult(async () => {
      callerOf(request);
      return declareForm(await loadConfiguration(services(INVOCATION_LIMIT_MS.resolver).store));
    }),
  )
  .define(KEYS.declareIncident, (request: ResolverRequest) =>
    resolverResult(async () => {
      callerOf(request);
      const s = services(INVOCATION_LIMIT_MS.resolver);
      return declareIncident({ store: s.store, userTracker: s.userTracker, clock: s.clock }, request.payload);
    }),
  )
  .getDefinitions();
