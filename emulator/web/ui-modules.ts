/**
 * The app's UI modules as the host page places them: read from manifest.yml (module kinds, titles,
 * Custom UI resources and their folders, edit/create/view entry points), never from knowledge of
 * this particular app.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/** Module kinds the host page knows where to place. */
export const hostedKinds = ['jira:issuePanel', 'jira:globalPage', 'jira:adminPage', 'jira:projectPage', 'jira:dashboardGadget', 'jira:workflowPostFunction'] as const;
export type HostedKind = (typeof hostedKinds)[number];

const entryPoint = z.looseObject({ resource: z.string().min(1), render: z.string().optional() });

const i18nText = z.union([z.string(), z.looseObject({ i18n: z.string().optional(), text: z.string().optional() })]);

const uiModule = z.looseObject({
  key: z.string().min(1),
  title: i18nText.optional(),
  name: i18nText.optional(),
  description: i18nText.optional(),
  resource: z.string().optional(),
  render: z.string().optional(),
  icon: z.string().optional(),
  resolver: z.looseObject({ function: z.string().optional(), endpoint: z.string().optional() }).optional(),
  edit: entryPoint.optional(),
  create: entryPoint.optional(),
  view: entryPoint.optional(),
});

const manifestFile = z.looseObject({
  modules: z.record(z.string(), z.array(z.looseObject({ key: z.string() }))).optional(),
  resources: z.array(z.looseObject({ key: z.string().min(1), path: z.string().min(1) })).optional(),
});

export type EntryPointName = 'main' | 'edit' | 'create' | 'view';

export interface UiModule {
  kind: HostedKind;
  key: string;
  title: string;
  description?: string;
  /** Resource keys by entry point; `main` is the module's own `resource`. */
  resources: Partial<Record<EntryPointName, string>>;
  /** `render: native` on the module: its main entry point is UI Kit. */
  uiKit: boolean;
  /** Entry points that render with UI Kit (`render: native` on the module, or on the entry point itself). */
  nativeEntryPoints: EntryPointName[];
  /** The manifest function behind `resolver`, if the module has one. */
  resolverFunction?: string;
  /** Every property as the manifest wrote it, for the module's context. */
  properties: Record<string, unknown>;
}

export interface UiManifest {
  modules: UiModule[];
  /** Absolute folder of each resource, by resource key (for a UI Kit resource: its entry source file). */
  resourceFolders: Map<string, string>;
  /** UI Kit resources: the resource key's entry source file (`path` names a .tsx/.ts/.jsx/.js file), which the site bundles as Forge does at deploy. */
  uiKitEntries: Map<string, string>;
}

/** A UI Kit resource's `path` is its entry source file; a Custom UI resource's is a built folder. */
export function isUiKitEntryPath(path: string): boolean {
  return /\.(tsx|ts|jsx|js)$/.test(path);
}

function textOf(value: z.infer<typeof i18nText> | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : (value.text ?? value.i18n);
}

function isHostedKind(kind: string): kind is HostedKind {
  return (hostedKinds as readonly string[]).includes(kind);
}

/** Reads the UI modules and resources of the manifest at `manifestPath`; a malformed module fails naming it. */
export function readUiManifest(manifestPath: string): UiManifest {
  const file = manifestFile.parse(parse(readFileSync(manifestPath, 'utf8')));
  const root = dirname(manifestPath);
  const resourceFolders = new Map((file.resources ?? []).map((entry) => [entry.key, resolve(root, entry.path)]));
  const uiKitEntries = new Map((file.resources ?? []).filter((entry) => isUiKitEntryPath(entry.path)).map((entry) => [entry.key, resolve(root, entry.path)]));
  const modules: UiModule[] = [];
  for (const [kind, list] of Object.entries(file.modules ?? {})) {
    if (!isHostedKind(kind)) continue;
    for (const raw of list) {
      const parsed = uiModule.safeParse(raw);
      if (!parsed.success) throw new Error(`manifest.yml: ${kind} "${raw.key}": ${z.prettifyError(parsed.error)}`);
      const module = parsed.data;
      const resources: Partial<Record<EntryPointName, string>> = {};
      const nativeEntryPoints: EntryPointName[] = [];
      if (module.resource !== undefined) resources.main = module.resource;
      if (module.render === 'native') nativeEntryPoints.push('main');
      for (const name of ['edit', 'create', 'view'] as const) {
        const entry = module[name];
        if (entry === undefined) continue;
        resources[name] = entry.resource;
        // An entry point without its own `render` follows the module's.
        if ((entry.render ?? module.render) === 'native') nativeEntryPoints.push(name);
      }
      for (const resource of Object.values(resources)) {
        if (!resourceFolders.has(resource)) throw new Error(`manifest.yml: ${kind} "${module.key}" uses resource "${resource}", which resources does not declare`);
      }
      const description = textOf(module.description);
      modules.push({
        kind,
        key: module.key,
        title: textOf(module.title) ?? textOf(module.name) ?? module.key,
        ...(description === undefined ? {} : { description }),
        resources,
        uiKit: module.render === 'native',
        nativeEntryPoints,
        ...(module.resolver?.function === undefined ? {} : { resolverFunction: module.resolver.function }),
        properties: raw,
      });
    }
  }
  return { modules, resourceFolders, uiKitEntries };
}
