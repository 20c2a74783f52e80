/**
 * Reads manifest.yml the way the platform does for the parts the local site acts on: functions,
 * triggers, scheduled and web triggers, post-functions, UI modules with resolvers, storage
 * entities and egress permissions. Module kinds it does not act on are kept as they are.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { ManifestCustomField } from '../jira/index';

const keyed = z.looseObject({ key: z.string().min(1) });

const customFieldModule = z.looseObject({
  key: z.string().min(1),
  name: z.string().min(1),
  description: z.string().optional(),
  type: z.string().min(1),
  collection: z.string().optional(),
  readOnly: z.boolean().optional(),
});

const functionModule = z.looseObject({
  key: z.string().min(1),
  handler: z.string().regex(/^[^.]+(\/[^.]+)*\.[A-Za-z_$][\w$]*$/, 'handler must look like "<file under src>.<export>"'),
  timeoutSeconds: z.number().int().positive().optional(),
});

const triggerModule = z.looseObject({
  key: z.string().min(1),
  function: z.string().min(1),
  events: z.array(z.string().min(1)).min(1),
  filter: z.looseObject({ ignoreSelf: z.boolean().optional() }).optional(),
});

export const scheduleIntervals = { fiveMinute: 5 * 60_000, hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 } as const;

const scheduledTriggerModule = z.looseObject({
  key: z.string().min(1),
  function: z.string().min(1),
  interval: z.enum(['fiveMinute', 'hour', 'day', 'week']),
});

const functionRefModule = z.looseObject({ key: z.string().min(1), function: z.string().min(1) });

// @forge/events 2+ invokes a consumer's function with the AsyncEvent; the older resolver form is refused by name.
const consumerModule = z.looseObject({
  key: z.string().min(1),
  queue: z.string().regex(/^[a-zA-Z0-9-_]+$/, 'queue must be letters, digits, - and _'),
  function: z.string().min(1, 'a consumer names the function that takes its events (the resolver form belongs to @forge/events 1)'),
});

// The site runs a validator's function as Jira does; a Jira-expression validator it cannot evaluate, so it says so.
const workflowValidatorModule = z.looseObject({
  key: z.string().min(1),
  function: z.string().min(1, 'the local site runs workflow validators that name a function (Jira expressions are not evaluated here)'),
});

const resolverModule = z.looseObject({
  key: z.string().min(1),
  resolver: z.looseObject({ function: z.string().min(1) }).optional(),
});

const entityIndex = z.union([
  z.string().min(1),
  z.looseObject({ name: z.string().min(1), range: z.array(z.string()).min(1), partition: z.array(z.string()).optional() }),
]);

const storageEntity = z.looseObject({
  name: z.string().min(1),
  attributes: z.record(z.string(), z.looseObject({ type: z.string() })),
  indexes: z.array(entityIndex).optional(),
});

const egressEntry = z.union([z.string(), z.looseObject({ address: z.string() })]);

const manifestFile = z.looseObject({
  modules: z.record(z.string(), z.array(keyed)),
  app: z.looseObject({
    id: z.string().min(1),
    storage: z.looseObject({ entities: z.array(storageEntity).optional() }).optional(),
  }),
  resources: z.array(z.looseObject({ key: z.string().min(1), path: z.string().min(1) })).optional(),
  permissions: z
    .looseObject({
      scopes: z.array(z.string()).optional(),
      external: z.looseObject({ fetch: z.looseObject({ backend: z.array(egressEntry).optional() }).optional() }).optional(),
    })
    .optional(),
});

export type FunctionModule = z.infer<typeof functionModule>;
export type TriggerModule = z.infer<typeof triggerModule>;
export type ScheduledTriggerModule = z.infer<typeof scheduledTriggerModule>;
export type FunctionRefModule = z.infer<typeof functionRefModule>;
export type ConsumerModule = z.infer<typeof consumerModule>;
export type ResolverModule = z.infer<typeof resolverModule> & { kind: string };
export interface EntityIndex {
  name: string;
  range: string[];
  partition: string[];
}
export interface StorageEntity {
  name: string;
  attributes: Record<string, { type: string }>;
  indexes: EntityIndex[];
}

export interface Manifest {
  path: string;
  appId: string;
  /** Every module kind → its modules, untouched (for the UI host). */
  modules: Record<string, z.infer<typeof keyed>[]>;
  functions: Map<string, FunctionModule>;
  triggers: TriggerModule[];
  scheduledTriggers: ScheduledTriggerModule[];
  webTriggers: FunctionRefModule[];
  postFunctions: FunctionRefModule[];
  /** `jira:workflowValidator` modules: the function Jira asks before a transition where the validator is added. */
  workflowValidators: FunctionRefModule[];
  /** `consumer` modules: which function takes the events pushed to each queue. */
  consumers: ConsumerModule[];
  /** Modules with `resolver.function` (UI modules), by module key. */
  resolverModules: Map<string, ResolverModule>;
  customFields: ManifestCustomField[];
  /** `resources` (Custom UI builds) with paths relative to the manifest's folder. */
  resources: { key: string; path: string }[];
  entities: Map<string, StorageEntity>;
  /** `permissions.external.fetch.backend` addresses. */
  egress: string[];
  scopes: string[];
  /** Changes whenever the manifest text changes (drives the upgrade lifecycle event). */
  fingerprint: string;
}

export class ManifestError extends Error {
  override readonly name = 'ManifestError';
}

/** Parses and cross-checks a manifest file; a broken manifest fails loudly with the module at fault. */
export function loadManifest(path: string): Manifest {
  const text = readFileSync(path, 'utf8');
  const file = manifestFile.safeParse(parse(text));
  if (!file.success) throw new ManifestError(`${path}: ${z.prettifyError(file.error)}`);
  const { modules, app, permissions, resources } = file.data;
  const parseModules = <T>(kind: string, schema: z.ZodType<T>): T[] =>
    (modules[kind] ?? []).map((module) => {
      const parsed = schema.safeParse(module);
      if (!parsed.success) throw new ManifestError(`${path}: ${kind} "${module.key}": ${z.prettifyError(parsed.error)}`);
      return parsed.data;
    });

  const functions = new Map(parseModules('function', functionModule).map((f) => [f.key, f]));
  const triggers = parseModules('trigger', triggerModule);
  const scheduledTriggers = parseModules('scheduledTrigger', scheduledTriggerModule);
  const webTriggers = parseModules('webtrigger', functionRefModule);
  const postFunctions = parseModules('jira:workflowPostFunction', functionRefModule);
  const consumers = parseModules('consumer', consumerModule);
  const workflowValidators = parseModules('jira:workflowValidator', workflowValidatorModule);
  const resolverModules = new Map<string, ResolverModule>();
  for (const [kind, list] of Object.entries(modules)) {
    if (kind === 'function' || kind === 'trigger' || kind === 'scheduledTrigger' || kind === 'webtrigger' || kind === 'consumer') continue;
    for (const module of list) {
      const parsed = resolverModule.safeParse(module);
      if (parsed.success && parsed.data.resolver) resolverModules.set(parsed.data.key, { ...parsed.data, kind });
    }
  }
  const referenced = [...triggers, ...scheduledTriggers, ...webTriggers, ...postFunctions, ...consumers, ...workflowValidators].map((m) => ({ key: m.key, fn: m.function }));
  for (const module of resolverModules.values()) if (module.resolver) referenced.push({ key: module.key, fn: module.resolver.function });
  for (const { key, fn } of referenced) {
    if (!functions.has(fn)) throw new ManifestError(`${path}: module "${key}" refers to function "${fn}", which the manifest does not declare`);
  }

  const entities = new Map<string, StorageEntity>();
  for (const entity of app.storage?.entities ?? []) {
    const indexes = (entity.indexes ?? []).map((index) =>
      typeof index === 'string' ? { name: index, range: [index], partition: [] } : { name: index.name, range: index.range, partition: index.partition ?? [] },
    );
    entities.set(entity.name, { name: entity.name, attributes: entity.attributes, indexes });
  }

  return {
    path,
    appId: app.id,
    modules,
    functions,
    triggers,
    scheduledTriggers,
    webTriggers,
    postFunctions,
    workflowValidators,
    consumers,
    resolverModules,
    customFields: parseModules('jira:customField', customFieldModule),
    resources: (resources ?? []).map(({ key, path: resourcePath }) => ({ key, path: resourcePath })),
    entities,
    egress: (permissions?.external?.fetch?.backend ?? []).map((entry) => (typeof entry === 'string' ? entry : entry.address)),
    scopes: permissions?.scopes ?? [],
    fingerprint: fingerprintOf(text),
  };
}

function fingerprintOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
