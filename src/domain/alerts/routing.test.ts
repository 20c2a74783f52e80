import { ValidationError } from '../errors';
import { heartbeatDueAt, mayOpenIncident, minuteOf, parseAlertSource, alertSourceDocument } from './alert-source';
import { parseMatcher, routeAlert, routingRuleSchema, type DefaultRoute } from './routing';

const defaults: DefaultRoute = { service: 'Unknown', severity: 2, products: [] };
const rules = [
  routingRuleSchema.parse({ name: 'Watchdog', matchers: ['alertname=Watchdog'], action: 'ignore' }),
  routingRuleSchema.parse({ name: 'Bitbucket critical', matchers: ['service=bitbucket', 'severity="critical"'], action: 'incident', service: 'Bitbucket', severity: 1, products: ['Bitbucket'] }),
  routingRuleSchema.parse({ name: 'Jira', matchers: ['service=~jira(-cloud)?', 'env!=staging'], action: 'incident', service: 'Jira Cloud' }),
  routingRuleSchema.parse({ name: 'Not prod', matchers: ['env!~prod.*'], action: 'ignore' }),
];

describe('routing alerts', () => {
  it('takes the first rule whose matchers all hold', () => {
    expect(routeAlert(rules, defaults, { alertname: 'Watchdog', service: 'bitbucket' })).toEqual({ kind: 'ignore', rule: 'Watchdog' });
    expect(routeAlert(rules, defaults, { service: 'bitbucket', severity: 'critical', env: 'prod' })).toEqual({ kind: 'incident', rule: 'Bitbucket critical', service: 'Bitbucket', severity: 1, products: ['Bitbucket'] });
  });

  it('fills what a rule leaves out from the default route, and matches regular expressions whole', () => {
    expect(routeAlert(rules, defaults, { service: 'jira-cloud', env: 'prod' })).toEqual({ kind: 'incident', rule: 'Jira', service: 'Jira Cloud', severity: 2, products: [] });
    expect(routeAlert(rules, defaults, { service: 'jira-cloudy', env: 'prod' })).toEqual(expect.objectContaining({ rule: 'default' }));
  });

  it('sends an alert no rule matches to the default route instead of dropping it', () => {
    expect(routeAlert(rules, defaults, { service: 'payments', env: 'production' })).toEqual({ kind: 'incident', rule: 'default', ...defaults });
    expect(routeAlert(rules, defaults, { service: 'payments', env: 'staging' })).toEqual({ kind: 'ignore', rule: 'Not prod' });
  });

  it('explains a matcher it cannot read', () => {
    expect(parseMatcher('no operator')).toBe('must read name=value, name!=value, name=~regex or name!~regex');
    expect(parseMatcher('a=~(')).toContain('does not compile');
    expect(() => routingRuleSchema.parse({ name: 'x', matchers: ['bad'], action: 'incident' })).toThrow();
  });
});

describe('alert sources', () => {
  const known = { services: ['Bitbucket', 'Unknown'], products: ['Bitbucket'] };
  const source = { id: 'prom', name: 'Prometheus', format: 'alertmanager', rules: [{ name: 'B', matchers: ['service=bitbucket'], action: 'incident', service: 'Bitbucket' }], defaultRoute: { service: 'Unknown', severity: 2 } };

  it('reads a source and writes it back in the form it was written', () => {
    const parsed = parseAlertSource(source, known);
    expect(parsed.maxIncidentsPerMinute).toBe(5);
    expect(alertSourceDocument(parsed)).toEqual(expect.objectContaining({ rules: [expect.objectContaining({ matchers: ['service=bitbucket'] })] }));
  });

  it('refuses routes to services or products the app does not know, and a generic source without a mapping', () => {
    expect(() => parseAlertSource({ ...source, defaultRoute: { service: 'Nope', severity: 2 } }, known)).toThrow(new ValidationError('source.defaultRoute.service', 'must be one of Bitbucket, Unknown'));
    expect(() => parseAlertSource({ ...source, rules: [{ ...source.rules[0], products: ['Jira'] }] }, known)).toThrow(ValidationError);
    expect(() => parseAlertSource({ ...source, format: 'generic' }, known)).toThrow('source.mapping: is required for a generic JSON source');
    expect(() => parseAlertSource({ ...source, mapping: { title: 't', dedupKey: 'd' } }, known)).toThrow(ValidationError);
  });

  it('counts the storm limit per minute and knows when a heartbeat is due', () => {
    expect(minuteOf(125_000)).toBe(120_000);
    expect(mayOpenIncident({ maxIncidentsPerMinute: 3 }, 2)).toBe(true);
    expect(mayOpenIncident({ maxIncidentsPerMinute: 3 }, 3)).toBe(false);
    expect(heartbeatDueAt({ heartbeatMinutes: 10 }, 0)).toBe(600_000);
    expect(heartbeatDueAt({}, 0)).toBeUndefined();
  });
});
