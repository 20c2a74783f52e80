/** One typed wrapper per resolver key of the "Page on-call" post-function's configuration view. */
import { POST_FUNCTION_RESOLVER_KEYS, type PostFunctionConfiguration, type PostFunctionOptionsResult } from '../../../src/contracts/post-function-config';
import type { ResolverResult } from '../../../src/contracts/resolver-result';
import { callResolver } from '../../shared-ui/call-resolver';
import { optionsSchema, postFunctionConfigurationSchema } from './schemas';

export function getPostFunctionOptions(): Promise<ResolverResult<PostFunctionOptionsResult>> {
  return callResolver(POST_FUNCTION_RESOLVER_KEYS.getPostFunctionOptions, {}, optionsSchema);
}

export function validatePostFunctionConfiguration(configuration: PostFunctionConfiguration): Promise<ResolverResult<PostFunctionConfiguration>> {
  return callResolver(POST_FUNCTION_RESOLVER_KEYS.validatePostFunctionConfiguration, { configuration }, postFunctionConfigurationSchema);
}
