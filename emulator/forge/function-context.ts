/** The second argument Forge passes every handler, and the shared parts of event payloads. */

export interface SiteContext {
  cloudId: string;
  appId: string;
  environmentId: string;
}

/** `(payload, context)`: what `@forge/resolver` reads as `backendRuntimePayload` and triggers get as `context`. */
export function functionContext(site: SiteContext, accountId: string | undefined): Record<string, unknown> {
  return {
    installContext: `ari:cloud:jira::site/${site.cloudId}`,
    ...(accountId === undefined ? {} : { principal: { accountId } }),
    environmentId: site.environmentId,
    environmentType: 'DEVELOPMENT',
  };
}
