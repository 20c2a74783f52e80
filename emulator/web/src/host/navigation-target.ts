/**
 * Where `router.navigate`, `router.open` and `router.getUrl` lead: a URL, or one of Forge's
 * navigation targets turned into this site's URL for it (Jira's URL shapes).
 */
import * as z from 'zod/mini';
import type { UiModuleInfo } from '../api/site-info';

const location = z.union([
  z.object({ url: z.string() }),
  z.object({ target: z.literal('issue'), issueKey: z.string() }),
  z.object({ target: z.literal('dashboard'), dashboardId: z.string() }),
  z.object({ target: z.literal('module'), moduleKey: z.string() }),
  z.object({ target: z.literal('userProfile'), accountId: z.string() }),
  z.object({ target: z.literal('projectSettingsDetails'), projectKey: z.string() }),
  z.object({ target: z.string() }),
]);

export class NavigationTargetError extends Error {
  override readonly name = 'NavigationTargetError';
}

/** The page of a module that has a page of its own; undefined for modules placed inside other pages. */
export function modulePagePath(module: Pick<UiModuleInfo, 'kind' | 'key'>): string | undefined {
  const key = encodeURIComponent(module.key);
  if (module.kind === 'jira:globalPage') return `/jira/apps/${key}`;
  if (module.kind === 'jira:adminPage') return `/jira/settings/apps/${key}`;
  if (module.kind === 'jira:dashboardGadget') return '/jira/dashboards';
  return undefined;
}

/** The absolute URL a navigation location points at, on this site unless it names another origin. */
export function urlForLocation(value: unknown, siteUrl: string, modules: readonly Pick<UiModuleInfo, 'kind' | 'key'>[]): string {
  const parsed = location.safeParse(value);
  if (!parsed.success) throw new NavigationTargetError('A navigation location needs a "url" or a "target"');
  const target = parsed.data;
  if ('url' in target) return new URL(target.url, siteUrl).href;
  const path = (() => {
    if ('issueKey' in target) return `/browse/${encodeURIComponent(target.issueKey)}`;
    if ('dashboardId' in target) return `/jira/dashboards/${encodeURIComponent(target.dashboardId)}`;
    if ('moduleKey' in target) {
      const module = modules.find((candidate) => candidate.key === target.moduleKey);
      const page = module === undefined ? undefined : modulePagePath(module);
      if (page === undefined) throw new NavigationTargetError(`The module "${target.moduleKey}" has no page of its own to navigate to`);
      return page;
    }
    if ('accountId' in target) return `/jira/people/${encodeURIComponent(target.accountId)}`;
    if ('projectKey' in target) return `/jira/projects/${encodeURIComponent(target.projectKey)}/settings/details`;
    throw new NavigationTargetError(`The local site has no page for the navigation target "${target.target}"`);
  })();
  return new URL(path, siteUrl).href;
}
