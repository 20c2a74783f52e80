import { ValidationError } from '../domain/errors';
import { DEFAULT_CONFIGURATION, parseConfiguration, toConfigurationDocument } from './configuration';
import { configurationDocument, rosterDocument } from './testing/fixtures';

function refusal(document: unknown): ValidationError {
  try {
    parseConfiguration(document);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('the configuration document', () => {
  it('has defaults that are the handbook’s scale and services and that validate', () => {
    const document = toConfigurationDocument(DEFAULT_CONFIGURATION);
    expect(document.severityScale.levels.map((level) => level.label)).toEqual(['Sev 1', 'Sev 2', 'Sev 3']);
    expect(document.services.map((service) => service.name)).toEqual(['Bitbucket', 'Jira Cloud', 'Confluence', 'Unknown']);
    expect(toConfigurationDocument(parseConfiguration(document))).toEqual(document);
  });

  it('round-trips through its document form without change', () => {
    const document = toConfigurationDocument(parseConfiguration(configurationDocument()));
    expect(toConfigurationDocument(parseConfiguration(JSON.parse(JSON.stringify(document))))).toEqual(document);
  });

  it('names the service that points at a roster that does not exist', () => {
    const error = refusal(configurationDocument({ services: [{ name: 'Bitbucket', rosterId: 'nope', owningTeam: 'Bitbucket' }, { name: 'Unknown', owningTeam: 'IM' }] }));
    expect(error.field).toBe('services[0].rosterId');
    expect(error.reason).toBe('roster "nope" does not exist');
  });

  it('insists on the Unknown service reporters choose when they have no idea', () => {
    expect(refusal(configurationDocument({ services: [{ name: 'Bitbucket', owningTeam: 'Bitbucket' }] })).field).toBe('services');
  });

  it('refuses a service or product listed twice, ignoring case', () => {
    expect(refusal(configurationDocument({ products: ['Jira', 'jira'] })).field).toBe('products[1]');
    const services = [...configurationDocument().services, { name: 'bitbucket', owningTeam: 'X' }];
    expect(refusal(configurationDocument({ services })).field).toBe('services[4].name');
  });

  it('names the field inside a roster that is wrong', () => {
    const bad = { ...rosterDocument('bad', 'Bad', ['acc-1']), layers: [{ participants: ['acc-1'], shiftLength: 'P7D', handoffTime: '09:00', timeZone: 'Mars/Olympus', startDate: '2024-01-01' }] };
    const error = refusal(configurationDocument({ rosters: [...configurationDocument().rosters, bad] }));
    expect(error.field).toBe('rosters[4].layers[0].timeZone');
    expect(error.reason).toContain('is not an IANA time zone');
  });

  it('refuses an escalation policy that pages a roster that does not exist', () => {
    const error = refusal(
      configurationDocument({ escalationPolicies: [{ id: 'p', name: 'P', levels: [{ targets: [{ kind: 'roster', rosterId: 'ghost' }], ackTimeoutMinutes: 5 }] }] }),
    );
    expect(error.field).toBe('escalationPolicies[0].levels[0].targets[0].rosterId');
  });

  it('refuses an IMOC roster or a roster channel for a roster that does not exist', () => {
    expect(refusal(configurationDocument({ imoc: { rosterId: 'ghost', ackTimeoutMinutes: 15 } })).field).toBe('imoc.rosterId');
    expect(refusal(configurationDocument({ paging: { rosterChannels: { ghost: { kind: 'jira' } }, personChannels: {} } })).field).toBe('paging.rosterChannels.ghost');
  });

  it('refuses webhooks that are not https and Slack ids that are not member ids', () => {
    expect(refusal(configurationDocument({ paging: { rosterChannels: { imoc: { kind: 'webhook', url: 'http://hooks.example.com' } }, personChannels: {} } })).reason).toBe(
      'must be an https URL',
    );
    expect(refusal(configurationDocument({ paging: { rosterChannels: {}, personChannels: { a: { kind: 'slack', slackUserId: '@carol' } } } })).field).toBe(
      'paging.personChannels.a.slackUserId',
    );
  });

  it('refuses unknown top-level fields and a severity scale with a level missing', () => {
    expect(refusal({ ...configurationDocument(), colour: 'red' }).field).toBe('colour');
    expect(refusal(configurationDocument({ severityScale: { levels: [] } })).field).toBe('severityScale.levels');
  });

  it('refuses a document too large for storage before looking at it', () => {
    const products = Array.from({ length: 200 }, (_, index) => `${'x'.repeat(1100)}${index}`);
    expect(refusal(configurationDocument({ products })).field).toBe('configuration');
  });
});
