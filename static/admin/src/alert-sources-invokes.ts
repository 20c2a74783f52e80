/** Typed wrappers of the Alert sources tab's resolvers. */
import * as z from 'zod/mini';
import { ALERT_SOURCE_RESOLVER_KEYS as KEYS, type AlertSourceDocument, type ListAlertSourcesResult, type TestAlertSourceResult } from '../../../src/contracts/alert-sources';
import type { ResolverResult } from '../../../src/contracts/resolver-result';
import { callResolver } from '../../shared-ui/call-resolver';

const counts = z.record(z.string(), z.number());
const sourceView = z.looseObject({
  source: z.looseObject({ id: z.string(), name: z.string(), format: z.enum(['alertmanager', 'grafana', 'generic']) }),
  url: z.string(),
  token: z.string(),
  previousTokenValidUntil: z.exactOptional(z.string()),
  counts: z.looseObject({ notifications: z.number(), alerts: z.number(), incidentsOpened: z.number(), alertsAttached: z.number(), stormAttached: z.number(), repeats: z.number(), resolved: z.number(), ignored: z.number() }),
  refusals: counts,
});
const listSchema = z.looseObject({ sources: z.array(sourceView), unknownSourceRefusals: z.number(), services: z.array(z.string()), products: z.array(z.string()) }) as unknown as z.ZodMiniType<ListAlertSourcesResult>;
const testSchema = z.looseObject({ groupKey: z.string(), status: z.string(), alerts: z.array(z.looseObject({ title: z.string() })), route: z.looseObject({ kind: z.string() }) }) as unknown as z.ZodMiniType<TestAlertSourceResult>;
const anything = z.unknown();

export const listAlertSources = (): Promise<ResolverResult<ListAlertSourcesResult>> => callResolver(KEYS.listAlertSources, {}, listSchema);
export const saveAlertSource = (source: unknown): Promise<ResolverResult<unknown>> => callResolver(KEYS.saveAlertSource, { source }, anything);
export const rotateAlertSourceToken = (sourceId: string): Promise<ResolverResult<unknown>> => callResolver(KEYS.rotateAlertSourceToken, { sourceId }, anything);
export const testAlertSource = (source: unknown, sample: string): Promise<ResolverResult<TestAlertSourceResult>> => callResolver(KEYS.testAlertSource, { source, sample }, testSchema);

/** A new source to start from: Alertmanager, everything to the default route. */
export const NEW_SOURCE: AlertSourceDocument = {
  id: 'new-source',
  name: 'New alert source',
  format: 'alertmanager',
  rules: [{ name: 'Critical is Sev 1', matchers: ['severity=critical'], action: 'incident', severity: 1 }],
  defaultRoute: { service: 'Unknown', severity: 2, products: [] },
  maxIncidentsPerMinute: 5,
};
