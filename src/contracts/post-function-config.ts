/** The "Page on-call" workflow post-function: its stored configuration and the choices its create/edit view offers. */
import type { SeverityLevel } from './configuration';

export const POST_FUNCTION_RESOLVER_KEYS = {
  getPostFunctionOptions: 'getPostFunctionOptions',
  validatePostFunctionConfiguration: 'validatePostFunctionConfiguration',
} as const;

export type PostFunctionTarget =
  | { readonly kind: 'faulty-service' }
  | { readonly kind: 'imoc' }
  | { readonly kind: 'roster'; readonly rosterId: string };

/** Saved by the config view as the post-function's configuration (a JSON string in Jira). */
export interface PostFunctionConfiguration {
  readonly target: PostFunctionTarget;
  /** Page only when the incident has one of these severities; absent means any severity. */
  readonly severities?: readonly SeverityLevel[];
}

export interface PostFunctionOptionsResult {
  readonly rosters: readonly { readonly id: string; readonly name: string }[];
  readonly imocRosterId: string;
  readonly severities: readonly { readonly level: SeverityLevel; readonly label: string }[];
}

export interface ValidatePostFunctionConfigurationPayload {
  readonly configuration: unknown;
}

/** The configuration normalised, ready for the view to submit. */
export type ValidatePostFunctionConfigurationResult = PostFunctionConfiguration;
