/**
 * An alert source: one monitoring tool (or one team's instance of it) that sends alerts to the app
 * through its own URL, with its own token, format, routing rules, storm limit and heartbeat.
 */
import { z } from 'zod';
import { ValidationError } from '../errors';
import { parseWith } from '../parse-input';
import { alertFormatSchema } from './alert';
import { genericMappingSchema } from './generic-mapping';
import { defaultRouteSchema, formatMatcher, routingRuleSchema } from './routing';

export const SOURCE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

export const alertSourceSchema = z
  .strictObject({
    id: z.string().regex(SOURCE_ID_PATTERN, 'must be 1 to 40 lower-case letters, digits or dashes, e.g. prometheus-prod'),
    name: z.string().trim().min(1, 'must not be blank').max(100, 'must be at most 100 characters'),
    format: alertFormatSchema,
    /** How a generic source's body maps to an alert; only for the generic format. */
    mapping: genericMappingSchema.exactOptional(),
    rules: z.array(routingRuleSchema).max(100, 'must hold at most 100 rules').default([]),
    defaultRoute: defaultRouteSchema,
    /** At most this many new incidents a minute; further new groups attach to the source's latest incident. */
    maxIncidentsPerMinute: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100').default(5),
    /** Expect a notification at least this often (a dead man's switch); absent: no heartbeat expected. */
    heartbeatMinutes: z.number().int().min(1, 'must be at least 1 minute').max(1_440, 'must be at most a day').exactOptional(),
  })
  .superRefine((source, context) => {
    if (source.format === 'generic' && source.mapping === undefined) context.addIssue({ code: 'custom', path: ['mapping'], message: 'is required for a generic JSON source' });
    if (source.format !== 'generic' && source.mapping !== undefined) context.addIssue({ code: 'custom', path: ['mapping'], message: `is only for generic JSON sources, not ${source.format}` });
  });

export type AlertSource = z.output<typeof alertSourceSchema>;
export type AlertSourceInput = z.input<typeof alertSourceSchema>;

/**
 * Checks a source against the services and products the app knows, so an alert is never routed to a
 * service Jira's field has no option for.
 *
 * @throws ValidationError naming the field.
 */
export function parseAlertSource(input: unknown, known: { services: readonly string[]; products: readonly string[] }, root = 'source'): AlertSource {
  const source = parseWith(alertSourceSchema, input, root);
  const checkRoute = (path: string, route: { service?: string | undefined; products?: readonly string[] | undefined }) => {
    if (route.service !== undefined && !known.services.includes(route.service)) throw new ValidationError(`${root}.${path}.service`, `must be one of ${known.services.join(', ')}`);
    for (const product of route.products ?? []) {
      if (!known.products.includes(product)) throw new ValidationError(`${root}.${path}.products`, `"${product}" must be one of ${known.products.join(', ')}`);
    }
  };
  checkRoute('defaultRoute', source.defaultRoute);
  source.rules.forEach((rule, index) => checkRoute(`rules[${index}]`, rule));
  return source;
}

/** The minute (epoch ms floored) an instant falls in: the storm limit counts incidents per minute. */
export function minuteOf(at: number): number {
  return Math.floor(at / 60_000) * 60_000;
}

/** Whether a new alert group may open its own incident, given how many the source opened this minute. */
export function mayOpenIncident(source: Pick<AlertSource, 'maxIncidentsPerMinute'>, openedThisMinute: number): boolean {
  return openedThisMinute < source.maxIncidentsPerMinute;
}

/** When a source that expects a heartbeat is overdue: its interval after the last notification. */
export function heartbeatDueAt(source: Pick<AlertSource, 'heartbeatMinutes'>, lastBeatAt: number): number | undefined {
  return source.heartbeatMinutes === undefined ? undefined : lastBeatAt + source.heartbeatMinutes * 60_000;
}

/** A source in the form it is written, stored and edited in (matchers as text), which the schema reads back. */
export function alertSourceDocument(source: AlertSource): AlertSourceInput {
  return { ...source, rules: source.rules.map((rule) => ({ ...rule, matchers: rule.matchers.map(formatMatcher) })) };
}
