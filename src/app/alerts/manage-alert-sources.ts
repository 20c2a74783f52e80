/** The administrator's side of alert sources: list them with their URL, token and counts; save, delete, rotate, test. */
import { z } from 'zod';
import type { AlertSourceView, ListAlertSourcesResult, TestAlertSourceResult } from '../../contracts/alert-sources';
import { alertSourceDocument, parseAlertSource, SOURCE_ID_PATTERN, type AlertSource } from '../../domain/alerts/alert-source';
import { applyGenericMapping } from '../../domain/alerts/generic-mapping';
import { routeAlert } from '../../domain/alerts/routing';
import { ValidationError } from '../../domain/errors';
import { parseWith } from '../../domain/parse-input';
import type { Configuration } from '../configuration';
import { NotFoundError } from '../errors';
import type { AppStore, SecretStore } from '../ports';
import {
  loadAlertSources,
  loadHeartbeat,
  loadSourceStats,
  loadSourceTokens,
  refusalCounts,
  saveAlertSources,
  saveSourceTokens,
} from './alert-source-store';
import { readNotification } from './read-notification';
import { rotated } from './source-tokens';

type Store = AppStore & SecretStore;

const iso = (at: number | undefined) => (at === undefined ? undefined : new Date(at).toISOString());

/** A source as the admin page edits it (matchers back in their written form). */
export function sourceDocument(source: AlertSource) {
  return alertSourceDocument(source);
}

export async function listAlertSources(store: Store, config: Configuration, urlOf: (sourceId: string) => string): Promise<ListAlertSourcesResult> {
  const [sources, tokens, refusals] = await Promise.all([loadAlertSources(store), loadSourceTokens(store), refusalCounts(store)]);
  const views = await Promise.all(
    sources.map(async (source): Promise<AlertSourceView> => {
      const [stats, heartbeat] = await Promise.all([loadSourceStats(store, source.id), loadHeartbeat(store, source.id)]);
      const token = tokens[source.id];
      const previousUntil = token?.previous === undefined ? undefined : token.previousUntil;
      const lastReceivedAt = iso(stats.lastReceivedAt);
      const lastHeartbeatAt = iso(heartbeat?.lastAt);
      return {
        source: sourceDocument(source) as AlertSourceView['source'],
        url: urlOf(source.id),
        token: token?.current ?? '',
        ...(previousUntil === undefined ? {} : { previousTokenValidUntil: new Date(previousUntil).toISOString() }),
        counts: {
          notifications: stats.notifications,
          alerts: stats.alerts,
          incidentsOpened: stats.incidentsOpened,
          alertsAttached: stats.alertsAttached,
          stormAttached: stats.stormAttached,
          repeats: stats.repeats,
          resolved: stats.resolved,
          ignored: stats.ignored,
          ...(lastReceivedAt === undefined ? {} : { lastReceivedAt }),
          ...(stats.lastIncident === undefined ? {} : { lastIncidentKey: stats.lastIncident.issueKey }),
        },
        refusals: refusals[source.id] ?? {},
        ...(lastHeartbeatAt === undefined ? {} : { lastHeartbeatAt }),
      };
    }),
  );
  const unknownSourceRefusals = Object.entries(refusals)
    .filter(([id]) => !sources.some((source) => source.id === id))
    .reduce((sum, [, counts]) => sum + Object.values(counts).reduce((a, b) => a + (b ?? 0), 0), 0);
  return { sources: views, unknownSourceRefusals, services: config.services.map((service) => service.name), products: [...config.products] };
}

const tokenSchema = z.string().trim().regex(/^[\x21-\x7e]{16,200}$/, 'must be 16 to 200 printable characters without spaces');

/**
 * Creates or replaces a source (validated against the configured services and products); a new
 * source gets the given token or a generated one.
 *
 * @throws ValidationError naming the field.
 */
export async function saveAlertSource(store: Store, config: Configuration, input: { source: unknown; token?: unknown }, newToken: () => string): Promise<AlertSource> {
  const source = parseAlertSource(input.source, { services: config.services.map((service) => service.name), products: config.products });
  const token = input.token === undefined ? undefined : parseWith(tokenSchema, input.token, 'token');
  const [sources, tokens] = await Promise.all([loadAlertSources(store), loadSourceTokens(store)]);
  const existing = tokens[source.id];
  if (existing === undefined || token !== undefined) await saveSourceTokens(store, { ...tokens, [source.id]: { current: token ?? newToken() } });
  const index = sources.findIndex((candidate) => candidate.id === source.id);
  await saveAlertSources(store, index === -1 ? [...sources, source] : sources.map((candidate, at) => (at === index ? source : candidate)));
  return source;
}

function sourceIdOf(input: unknown): string {
  return parseWith(z.string().regex(SOURCE_ID_PATTERN, 'must name an alert source'), input, 'sourceId');
}

export async function deleteAlertSource(store: Store, input: unknown): Promise<void> {
  const id = sourceIdOf(input);
  const [sources, tokens] = await Promise.all([loadAlertSources(store), loadSourceTokens(store)]);
  if (!sources.some((source) => source.id === id)) throw new NotFoundError("Alert source", id);
  const { [id]: _removed, ...others } = tokens;
  await Promise.all([saveAlertSources(store, sources.filter((source) => source.id !== id)), saveSourceTokens(store, others)]);
}

/** A new token for the source; the old one keeps working for the grace period while the tool is reconfigured. */
export async function rotateAlertSourceToken(store: Store, input: unknown, now: number, newToken: () => string): Promise<{ token: string; previousTokenValidUntil?: string }> {
  const id = sourceIdOf(input);
  const [sources, tokens] = await Promise.all([loadAlertSources(store), loadSourceTokens(store)]);
  if (!sources.some((source) => source.id === id)) throw new NotFoundError("Alert source", id);
  const next = rotated(tokens[id], newToken(), now);
  await saveSourceTokens(store, { ...tokens, [id]: next });
  return { token: next.current, ...(next.previousUntil === undefined ? {} : { previousTokenValidUntil: new Date(next.previousUntil).toISOString() }) };
}

/**
 * Reads a pasted sample with a draft source (not saved): the alerts it finds, what the generic
 * mapping reads at each path, and the route the group would take.
 *
 * @throws ValidationError for a draft or sample that cannot be read.
 */
export function testAlertSource(config: Configuration, input: { source: unknown; sample: unknown }): TestAlertSourceResult {
  const source = parseAlertSource(input.source, { services: config.services.map((service) => service.name), products: config.products });
  const sample = parseWith(z.string().max(1024 * 1024, 'must be at most 1 MiB'), input.sample, 'sample');
  let notification;
  let mappedFields: Record<string, string | null> | undefined;
  try {
    if (source.format === 'generic' && source.mapping !== undefined) {
      const preview = applyGenericMapping(source.mapping, JSON.parse(sample) as unknown);
      notification = preview.notification;
      mappedFields = Object.fromEntries(Object.entries(preview.fields).map(([key, value]) => [key, value ?? null]));
    } else {
      notification = readNotification(source, sample);
    }
  } catch (error) {
    if (error instanceof SyntaxError) throw new ValidationError('sample', 'is not JSON', { cause: error });
    if (error instanceof ValidationError) throw new ValidationError(`sample.${error.field}`, error.reason, { cause: error });
    throw error;
  }
  const first = notification.alerts.find((alert) => alert.status === 'firing') ?? notification.alerts[0];
  const route = routeAlert(source.rules, source.defaultRoute, first?.labels ?? {});
  return {
    groupKey: notification.groupKey,
    status: notification.status,
    alerts: notification.alerts.slice(0, 20).map((alert) => ({ title: alert.title, status: alert.status, labels: alert.labels })),
    ...(mappedFields === undefined ? {} : { mappedFields }),
    route: route.kind === 'ignore' ? route : { ...route, products: [...route.products] },
  };
}
