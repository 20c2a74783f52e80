/**
 * The context a Custom UI module receives from `view.getContext()`, in the shape Jira gives it:
 * who is looking, where (site, cloud, module, extension details for the placement) and how (theme,
 * locale, time zone).
 */
import type { ColorMode } from '../bridge-protocol';
import type { SiteInfo, SiteUser, UiModuleInfo } from '../api/site-info';

export interface ContextInput {
  info: Pick<SiteInfo, 'cloudId' | 'siteUrl' | 'appId' | 'environmentId' | 'environmentType'>;
  user: SiteUser;
  module: Pick<UiModuleInfo, 'kind' | 'key'>;
  /** Placement details: issue and project for issue panels, gadget and configuration for gadgets, … */
  extension: Record<string, unknown>;
  colorMode: ColorMode;
  /** Identifies this rendering of the module (a gadget instance, a post-function rule). */
  instance?: string;
  /** The manifest enables licensing (`app.licensing.enabled`); only then does Forge put a license in the context. */
  licensing: boolean;
}

/** `ari:cloud:ecosystem::app/<id>` → `<id>` */
function appUuid(appId: string): string {
  const slash = appId.lastIndexOf('/');
  return slash >= 0 ? appId.slice(slash + 1) : appId;
}

/** The module's `localId`: an extension ARI, plus the instance for modules placed more than once. */
export function localIdOf(input: Pick<ContextInput, 'info' | 'module' | 'instance'>): string {
  const base = `ari:cloud:ecosystem::extension/${appUuid(input.info.appId)}/${input.info.environmentId}/static/${input.module.key}`;
  return input.instance === undefined ? base : `${base}/${input.instance}`;
}

/** Jira reports locales as BCP 47 tags (`en-US`); accounts store them as `en_US`. */
export function bcp47(locale: string): string {
  return locale.replace('_', '-');
}

export function buildContext(input: ContextInput): Record<string, unknown> {
  const { info, user, module, extension, colorMode } = input;
  return {
    accountId: user.accountId,
    cloudId: info.cloudId,
    environmentId: info.environmentId,
    environmentType: info.environmentType,
    extension: { ...extension, type: module.kind },
    localId: localIdOf(input),
    locale: bcp47(user.locale),
    moduleKey: module.key,
    siteUrl: info.siteUrl,
    timezone: user.timeZone,
    theme: { colorMode, light: 'light', dark: 'dark', spacing: 'spacing', typography: 'typography' },
    surfaceColor: null,
    // The local site stands for an installation with a paid, active subscription.
    ...(input.licensing
      ? {
          license: {
            active: true,
            billingPeriod: 'MONTHLY',
            ccpEntitlementId: '',
            ccpEntitlementSlug: '',
            isEvaluation: false,
            subscriptionEndDate: null,
            supportEntitlementNumber: null,
            trialEndDate: null,
            type: 'commercial',
            modes: null,
          },
        }
      : {}),
  };
}
