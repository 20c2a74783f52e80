import { z } from 'zod';
import { POST_FUNCTION_RESOLVER_KEYS as KEYS } from '../../contracts/post-function-config';
import { loadConfiguration } from '../../app/configuration-store';
import { parsePostFunctionConfiguration, postFunctionOptions } from '../../app/paging/page-on-transition';
import { defineResolvers, resolver } from './define-resolvers';

/** The "Page on-call" post-function's create/edit view: its choices, and a check of what it is about to save. */
export const postFunctionConfigResolver = defineResolvers({
  [KEYS.getPostFunctionOptions]: resolver({
    access: 'administrator',
    action: 'configure workflow post-functions',
    payload: z.strictObject({}),
    run: async ({ services: s }) => postFunctionOptions(await loadConfiguration(s.store)),
  }),
  [KEYS.validatePostFunctionConfiguration]: resolver({
    access: 'signed-in',
    payload: z.strictObject({ configuration: z.unknown() }),
    run: async ({ services: s, payload }) => parsePostFunctionConfiguration(payload.configuration, await loadConfiguration(s.store)),
  }),
});
