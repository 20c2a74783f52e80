/**
 * What the host page learns about the site when it loads: who is signed in, who else could be,
 * the theme, the identifiers a Forge context carries, and the app's UI modules from the manifest.
 * The server embeds it in the page; the schema is the contract between the two.
 */
import * as z from 'zod/mini';
import { colorMode } from '../bridge-protocol';

export const siteUser = z.object({
  accountId: z.string(),
  emailAddress: z.string(),
  displayName: z.string(),
  timeZone: z.string(),
  locale: z.string(),
});
export type SiteUser = z.infer<typeof siteUser>;

export const entryPointName = z.enum(['main', 'edit', 'create', 'view']);
export type EntryPointName = z.infer<typeof entryPointName>;

export const uiModuleInfo = z.object({
  kind: z.string(),
  key: z.string(),
  title: z.string(),
  description: z.optional(z.string()),
  resources: z.partialRecord(entryPointName, z.string()),
  uiKit: z.boolean(),
  /** Entry points drawn with UI Kit (`render: native`): the host renders their forgeDoc itself. */
  nativeEntryPoints: z.optional(z.array(entryPointName)),
  hasResolver: z.boolean(),
  icon: z.optional(z.string()),
  properties: z.record(z.string(), z.unknown()),
});
export type UiModuleInfo = z.infer<typeof uiModuleInfo>;

export const siteInfo = z.object({
  user: z.nullable(siteUser),
  users: z.array(siteUser),
  colorMode,
  cloudId: z.string(),
  siteUrl: z.string(),
  appId: z.string(),
  environmentId: z.string(),
  environmentType: z.string(),
  /** The manifest turns on Marketplace licensing (`app.licensing.enabled`). */
  licensing: z.boolean(),
  modules: z.array(uiModuleInfo),
});
export type SiteInfo = z.infer<typeof siteInfo>;

/** The id of the `<script type="application/json">` element that carries the site info. */
export const siteInfoElementId = 'local-site-info';

export const invokeRequest = z.object({
  moduleKey: z.string(),
  functionKey: z.string(),
  payload: z.unknown(),
  extension: z.record(z.string(), z.unknown()),
  localId: z.string(),
});
export type InvokeRequest = z.infer<typeof invokeRequest>;

export const invokeAnswer = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: z.string() })]);
export type InvokeAnswer = z.infer<typeof invokeAnswer>;

export const logRequest = z.object({ level: z.enum(['info', 'warn', 'error']), message: z.string() });

export const colorModeCookie = 'local_theme';
