/**
 * Routing rules of an alert source: ordered, the first rule whose matchers all hold decides the
 * incident's faulty service, severity and affected products, or that the alert is ignored; an alert
 * no rule matches takes the source's default route rather than being dropped.
 */
import { z } from 'zod';
import { severityLevelSchema, type SeverityLevel } from '../severity';

/** Alertmanager's matcher syntax: `name=value`, `name!=value`, `name=~regex`, `name!~regex`. */
const MATCHER_PATTERN = /^\s*([A-Za-z_][\w.[\]-]*)\s*(=~|!~|!=|=)\s*"?(.*?)"?\s*$/;

export interface Matcher {
  readonly name: string;
  readonly op: '=' | '!=' | '=~' | '!~';
  readonly value: string;
}

/** Reads one matcher; regular expressions must compile and match whole values. */
export function parseMatcher(text: string): Matcher | string {
  const match = MATCHER_PATTERN.exec(text);
  if (match === null) return 'must read name=value, name!=value, name=~regex or name!~regex';
  const [, name = '', op = '=', value = ''] = match;
  if (op === '=~' || op === '!~') {
    try {
      new RegExp(`^(?:${value})$`);
    } catch {
      return `has a regular expression that does not compile: ${value}`;
    }
  }
  return { name, op: op as Matcher['op'], value };
}

const matcherSchema = z
  .string()
  .max(500)
  .transform((text, context) => {
    const parsed = parseMatcher(text);
    if (typeof parsed === 'string') {
      context.addIssue({ code: 'custom', message: parsed });
      return z.NEVER;
    }
    return parsed;
  });

const routeSchema = z.strictObject({
  service: z.string().trim().min(1).max(100).exactOptional(),
  severity: severityLevelSchema.exactOptional(),
  products: z.array(z.string().trim().min(1).max(100)).max(50).exactOptional(),
});

export const routingRuleSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be blank').max(100),
  matchers: z.array(matcherSchema).min(1, 'must hold at least one matcher').max(20),
  action: z.enum(['incident', 'ignore'], { error: 'must be incident or ignore' }),
  ...routeSchema.shape,
});

export const defaultRouteSchema = z.strictObject({
  service: z.string().trim().min(1).max(100),
  severity: severityLevelSchema,
  products: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
});

export type RoutingRule = z.output<typeof routingRuleSchema>;
export type RoutingRuleInput = z.input<typeof routingRuleSchema>;
export type DefaultRoute = z.output<typeof defaultRouteSchema>;

export type RouteDecision =
  | { readonly kind: 'incident'; readonly rule: string; readonly service: string; readonly severity: SeverityLevel; readonly products: readonly string[] }
  | { readonly kind: 'ignore'; readonly rule: string };

function holds(matcher: Matcher, labels: Readonly<Record<string, string>>): boolean {
  const value = labels[matcher.name] ?? '';
  switch (matcher.op) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return new RegExp(`^(?:${matcher.value})$`).test(value);
    case '!~':
      return !new RegExp(`^(?:${matcher.value})$`).test(value);
  }
}

/** The route of an alert with these labels: the first rule that matches, else the default route. */
export function routeAlert(rules: readonly RoutingRule[], defaultRoute: DefaultRoute, labels: Readonly<Record<string, string>>): RouteDecision {
  const rule = rules.find((candidate) => candidate.matchers.every((matcher) => holds(matcher, labels)));
  if (rule === undefined) return { kind: 'incident', rule: 'default', ...defaultRoute };
  if (rule.action === 'ignore') return { kind: 'ignore', rule: rule.name };
  return {
    kind: 'incident',
    rule: rule.name,
    service: rule.service ?? defaultRoute.service,
    severity: rule.severity ?? defaultRoute.severity,
    products: rule.products ?? defaultRoute.products,
  };
}

/** The matcher as an administrator writes it. */
export function formatMatcher(matcher: Matcher): string {
  return `${matcher.name}${matcher.op}${matcher.value}`;
}
