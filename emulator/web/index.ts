/**
 * The local site's web UI: a Jira-like host page that shows the app's Custom UI modules in frames,
 * with the real `@forge/bridge` talking to the site through `window.__bridge`. `mountWebUi` is the
 * only door; the site calls it once after it starts.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { screenIdOf } from '../jira/fields/field-catalog';
import type { Site } from '../site';
import { contentPermissions } from './custom-ui-resources';
import { DashboardStore, dashboardEditGroups } from './dashboard-store';
import type { InvokeAnswer, SiteUser } from './src/api/site-info';
import { themeStylesheet } from './theme-css';
import { readUiManifest } from './ui-modules';
import { buildWebAssets, type WebAssets } from './web-assets';
import { createWebRoute, type WebBackend } from './web-route';
import { WorkflowRules } from './workflow-rules';

export interface WebUiOptions {
  /** Where browser-side problems (unsupported bridge commands, frame errors) are reported. */
  log?: (line: string) => void;
}

export interface MountedWebUi {
  /** Resolves once the browser bundles are built (pages wait for them anyway). */
  ready: Promise<WebAssets>;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message === '' ? error.name : error.message;
  return typeof error === 'string' ? error : JSON.stringify(error);
}

const manifestExtras = z.looseObject({
  permissions: contentPermissions.optional(),
  app: z.looseObject({ licensing: z.looseObject({ enabled: z.boolean().optional() }).optional() }).optional(),
});

/** Mounts the web UI on a running site: pages, assets, Custom UI resources and the host-page API. */
export function mountWebUi(site: Site, options: WebUiOptions = {}): MountedWebUi {
  const log = options.log ?? ((line: string) => console.warn(line));
  const ui = readUiManifest(site.manifest.path);
  const extras = manifestExtras.parse(parse(readFileSync(site.manifest.path, 'utf8')));
  const permissions = extras.permissions ?? {};
  const assets = buildWebAssets();
  const themeCss = themeStylesheet();
  // Surface build failures in the log at once rather than at the first page request.
  assets.catch((error: unknown) => log(`The web UI failed to build: ${errorMessage(error)}`));
  themeCss.catch((error: unknown) => log(`The theme stylesheet failed to build: ${errorMessage(error)}`));

  const toSiteUser = (user: { accountId: string; emailAddress: string; displayName: string; timeZone: string; locale: string }): SiteUser => ({
    accountId: user.accountId,
    emailAddress: user.emailAddress,
    displayName: user.displayName,
    timeZone: user.timeZone,
    locale: user.locale,
  });

  const backend: WebBackend = {
    ui,
    permissions,
    licensing: extras.app?.licensing?.enabled === true,
    ids: { cloudId: site.forge.site.cloudId, appId: site.forge.site.appId, environmentId: site.forge.site.environmentId, environmentType: 'DEVELOPMENT' },
    users: () => site.jira.users().filter((user) => user.accountType === 'atlassian' && user.active).map(toSiteUser),
    userByEmail: (email) => {
      const user = site.jira.userByEmail(email);
      return user === undefined || user.accountType !== 'atlassian' ? undefined : toSiteUser(user);
    },
    displayNameOf: async (kind, id) => {
      if (kind === 'user') return site.jira.users().find((user) => user.accountId === id)?.displayName;
      const response = await site.jira.handle({ method: 'GET', path: `/rest/api/3/project/${encodeURIComponent(id)}`, headers: {}, actor: { kind: 'app' } });
      const project = z.object({ name: z.string() }).safeParse(response.body);
      return project.success ? project.data.name : undefined;
    },
    invoke: async (request): Promise<InvokeAnswer> => {
      try {
        const value = await site.forge.invokeResolver(request);
        // Forge hands the browser a JSON copy of what the resolver returned.
        return { ok: true, value: value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown) };
      } catch (error) {
        return { ok: false, error: `There was an error invoking the function - ${errorMessage(error)}` };
      }
    },
    outbox: (since) => site.outbox.list({ since }),
    dashboards: new DashboardStore(site.db),
    workflows: new WorkflowRules(
      site.db,
      ui.modules.filter((module) => module.kind === 'jira:workflowPostFunction').map((module) => module.key),
    ),
    isAdmin: async (accountId) => {
      const response = await site.jira.handle({ method: 'GET', path: '/rest/api/3/mypermissions?permissions=ADMINISTER', headers: {}, actor: { kind: 'user', accountId } });
      const answer = z.object({ permissions: z.record(z.string(), z.object({ havePermission: z.boolean() })) }).safeParse(response.body);
      return answer.success && answer.data.permissions['ADMINISTER']?.havePermission === true;
    },
    mayEditDashboard: async (accountId) => {
      const user = site.jira.users().find((candidate) => candidate.accountId === accountId);
      if (user === undefined || !user.active) return false;
      if (user.groups.some((group) => dashboardEditGroups.includes(group))) return true;
      const response = await site.jira.handle({ method: 'GET', path: '/rest/api/3/mypermissions?permissions=ADMINISTER', headers: {}, actor: { kind: 'user', accountId } });
      const answer = z.object({ permissions: z.record(z.string(), z.object({ havePermission: z.boolean() })) }).safeParse(response.body);
      return answer.success && answer.data.permissions['ADMINISTER']?.havePermission === true;
    },
    fieldHelp: async (projectKey, issueTypeId) => {
      const asApp = { headers: {}, actor: { kind: 'app' as const } };
      const project = z.object({ id: z.string() }).safeParse((await site.jira.handle({ ...asApp, method: 'GET', path: `/rest/api/3/project/${encodeURIComponent(projectKey)}` })).body);
      if (!project.success) return {};
      const path = `/rest/api/3/fieldconfiguration/${screenIdOf(project.data.id, issueTypeId)}/fields?maxResults=1000`;
      const items = z.object({ values: z.array(z.object({ id: z.string(), description: z.string().optional() })) }).safeParse((await site.jira.handle({ ...asApp, method: 'GET', path })).body);
      return items.success ? Object.fromEntries(items.data.values.flatMap((item) => (item.description === undefined ? [] : [[item.id, item.description]]))) : {};
    },
    log,
  };
  site.registerRoutes(createWebRoute(backend, assets, themeCss));
  return { ready: assets };
}
