import Resolver from '@forge/resolver';
import { z } from 'zod';
import { POST_FUNCTION_RESOLVER_KEYS as KEYS } from '../../contracts/post-function-config';
import { loadConfiguration } from '../../app/configuration-store';
import { parsePostFunctionConfiguration, postFunctionOptions } from '../../app/page-on-transition';
import { requireAdministrator } from '../../app/require-administrator';
import { INVOCATION_LIMIT_MS } from '../adapters/invocation';
import { services } from '../composition';
import { resolverResult } from '../edges';
import { callerOf, payloadOf, type ResolverRequest } from './resolver-request';

/** The "Page on-call" post-function's create/edit view: its choices, and a check of what it is about to save. */
export const postFunctionConfigResolver = new Resolver()
  .define(KEYS.getPostFunctionOptions, (request: ResolverRequest) =>
    resolverResult(async () => {
      callerOf(request);
      const s = services(INVOCATION_LIMIT_MS.resolver);
      const [config] = await Promise.all([loadConfiguration(s.store), requireAdministrator(s.userTracker, 'configure workflow post-functions')]);
      return postFunctionOptions(config);
    }),
  )
  .define(KEYS.validatePostFunctionConfiguration, (request: ResolverRequest) =>
    resolverResult(async () => {
      callerOf(request);
      const { configuration } = payloadOf(request, z.object({ configuration: z.unknown() }));
      const config = await loadConfiguration(services(INVOCATION_LIMIT_MS.resolver).store);
      return parsePostFunctionConfiguration(configuration, config);
    }),
  )
  .getDefinitions();
