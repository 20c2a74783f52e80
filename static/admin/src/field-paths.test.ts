import { sampleConfiguration } from './admin-fixtures';
import { describePath, errorsUnder, sectionOf } from './field-paths';

describe('finding a field on the admin page', () => {
  it('sends each part of the configuration to its tab', () => {
    expect(['rosters[0].layers[0].timeZone', 'services[1].name', 'products[0]', 'escalationPolicies[0].repeat', 'paging.personChannels.a.url', 'imoc.rosterId', 'incidentProject.projectKey'].map(sectionOf)).toEqual([
      'rosters',
      'services',
      'services',
      'escalation',
      'paging',
      'general',
      'general',
    ]);
  });

  it('names a layer field by its roster\'s name', () => {
    expect(describePath('rosters[0].layers[0].timeZone', sampleConfiguration())).toBe('Roster "Bitbucket IMs" › layer 1 › time zone');
  });

  it('names a service field by the service', () => {
    expect(describePath('services[1].owningTeam', sampleConfiguration())).toBe('Service "Unknown" › owning team');
  });

  it('names a roster\'s paging channel by the roster', () => {
    expect(describePath('paging.rosterChannels.bitbucket.url', sampleConfiguration())).toBe('Paging channel of "Bitbucket IMs" › URL');
  });

  it('counts positions from one for people', () => {
    expect(describePath('escalationPolicies[0].levels[1].ackTimeoutMinutes', sampleConfiguration())).toBe('Escalation policy "Standard" › level 2 › acknowledgement timeout');
  });

  it('collects the problems inside one roster but not its neighbour', () => {
    const errors = { 'rosters[1].name': 'x', 'rosters[10].name': 'y', 'rosters[1].layers[0].timeZone': 'z' };
    expect(errorsUnder(errors, 'rosters[1]')).toEqual(['rosters[1].name', 'rosters[1].layers[0].timeZone']);
  });
});
