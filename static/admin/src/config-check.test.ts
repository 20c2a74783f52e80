import type { ConfigurationDocument, RosterDocument } from '../../../src/contracts/configuration';
import { sampleConfiguration } from './admin-fixtures';
import { checkConfiguration, isIanaTimeZone, shiftHours } from './config-check';

function withRoster(change: (roster: RosterDocument) => RosterDocument): ConfigurationDocument {
  const doc = sampleConfiguration();
  return { ...doc, rosters: doc.rosters.map((roster, index) => (index === 0 ? change(roster) : roster)) };
}

describe('checking the draft configuration', () => {
  it('finds nothing wrong with a complete configuration', () => {
    expect(checkConfiguration(sampleConfiguration())).toEqual({});
  });

  it('puts an unknown time zone on the layer\'s time zone field, naming the value', () => {
    const doc = withRoster((roster) => ({ ...roster, layers: roster.layers.map((layer) => ({ ...layer, timeZone: 'Mars/Olympus' })) }));
    expect(checkConfiguration(doc)).toEqual({ 'rosters[0].layers[0].timeZone': '"Mars/Olympus" is not an IANA time zone such as Europe/Berlin' });
  });

  it('reports every broken layer field at once', () => {
    const doc = withRoster((roster) => ({
      ...roster,
      layers: [{ participants: [], shiftLength: { days: 0, hours: 0 }, handoffTime: '9am', timeZone: 'UTC', startDate: '2026-02-30' }],
    }));
    expect(Object.keys(checkConfiguration(doc)).sort()).toEqual([
      'rosters[0].layers[0].handoffTime',
      'rosters[0].layers[0].participants',
      'rosters[0].layers[0].shiftLength',
      'rosters[0].layers[0].startDate',
    ]);
  });

  it('refuses a service pointing at a roster that does not exist', () => {
    const doc = sampleConfiguration();
    const broken = { ...doc, services: [{ name: 'Bitbucket', rosterId: 'gone', owningTeam: 'Bitbucket' }, ...doc.services.slice(1)] };
    expect(checkConfiguration(broken)).toEqual({ 'services[0].rosterId': 'roster "gone" does not exist' });
  });

  it('insists on the "Unknown" service', () => {
    const doc = sampleConfiguration();
    expect(checkConfiguration({ ...doc, services: doc.services.slice(0, 1) })).toHaveProperty('services');
  });

  it('refuses a service or product listed twice, whatever the case', () => {
    const doc = sampleConfiguration();
    const errors = checkConfiguration({ ...doc, services: [...doc.services, { name: 'bitbucket', owningTeam: 'x' }], products: ['Jira', 'JIRA'] });
    expect(errors['services[2].name']).toContain('listed twice');
    expect(errors['products[1]']).toContain('listed twice');
  });

  it('refuses an override that ends before it starts', () => {
    const doc = withRoster((roster) => ({ ...roster, overrides: [{ accountId: 'ben', start: '2026-11-27T12:00:00Z', end: '2026-11-27T08:00:00Z' }] }));
    expect(checkConfiguration(doc)).toEqual({ 'rosters[0].overrides[0].end': 'must be after start' });
  });

  it('refuses acknowledgement timeouts outside one minute to one day', () => {
    const doc = sampleConfiguration();
    const errors = checkConfiguration({ ...doc, imoc: { ...doc.imoc, ackTimeoutMinutes: 0 }, escalationPolicies: [{ ...doc.escalationPolicies[0]!, levels: [{ targets: [{ kind: 'user', accountId: 'a' }], ackTimeoutMinutes: 1441 }] }] });
    expect(Object.keys(errors).sort()).toEqual(['escalationPolicies[0].levels[0].ackTimeoutMinutes', 'imoc.ackTimeoutMinutes']);
  });

  it('refuses a webhook channel that is not https and a malformed Slack member id', () => {
    const doc = sampleConfiguration();
    const errors = checkConfiguration({
      ...doc,
      paging: { rosterChannels: { bitbucket: { kind: 'webhook', url: 'http://hooks.example.com' } }, personChannels: { alana: { kind: 'slack', slackUserId: 'alana' } } },
    });
    expect(errors).toEqual({ 'paging.rosterChannels.bitbucket.url': 'must be an https URL', 'paging.personChannels.alana.slackUserId': 'must be a Slack member id such as U024BE7LH' });
  });

  it('refuses two rosters with the same id', () => {
    const doc = sampleConfiguration();
    expect(checkConfiguration({ ...doc, rosters: [...doc.rosters, { ...doc.rosters[1]!, name: 'Copy' }] })).toHaveProperty(['rosters[2].id']);
  });
});

describe('time zones and shift lengths', () => {
  it('knows IANA zones and refuses made-up ones', () => {
    expect([isIanaTimeZone('Europe/Berlin'), isIanaTimeZone('UTC'), isIanaTimeZone('Mars/Olympus'), isIanaTimeZone('')]).toEqual([true, true, false, false]);
  });

  it('reads both spellings of a shift length in hours', () => {
    expect([shiftHours({ days: 1, hours: 12 }), shiftHours('P1W'), shiftHours('PT12H'), shiftHours('P1M')]).toEqual([36, 168, 12, undefined]);
  });
});
