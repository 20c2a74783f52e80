import { parseSeverityScale } from '../severity';
import { generateIncident } from '../testing/generate-incident';
import { externalAffected, externalIncidentName, internalAffected, internalIncidentName, joinNames } from './incident-names';

describe('incident names', () => {
  it('names the internal incident "<KEY> - Sev <n> - <summary>"', () => {
    expect(internalIncidentName(generateIncident({ key: 'HOT-1234', severity: 1, summary: 'Jira Cloud down' }))).toBe(
      'HOT-1234 - Sev 1 - Jira Cloud down',
    );
  });

  it('uses the configured label of the severity', () => {
    const scale = parseSeverityScale({
      levels: [
        { level: 1, label: 'SEV1', description: 'a' },
        { level: 2, label: 'SEV2', description: 'b' },
        { level: 3, label: 'SEV3', description: 'c' },
      ],
    });
    expect(internalIncidentName(generateIncident({ severity: 3 }), scale)).toBe('HOT-12 - SEV3 - Checkout fails for EU customers');
  });

  it('names the external incident after the affected products', () => {
    expect(externalIncidentName(generateIncident({ affectedProducts: ['Jira', 'Confluence', 'Bitbucket'] }))).toBe(
      'Investigating issues with Jira, Confluence and Bitbucket',
    );
  });

  it('falls back to the faulty service, and to a general phrase when that is Unknown', () => {
    expect(externalAffected(generateIncident({ affectedProducts: [], faultyService: 'Statuspage' }))).toBe('Statuspage');
    expect(externalAffected(generateIncident({ affectedProducts: [], faultyService: 'Unknown' }))).toBe('some of our services');
  });

  it('lists the faulty service then the products internally, once each and without Unknown', () => {
    expect(internalAffected(generateIncident({ faultyService: 'Jira', affectedProducts: ['Jira', 'Confluence'] }))).toEqual(['Jira', 'Confluence']);
    expect(internalAffected(generateIncident({ faultyService: 'Unknown', affectedProducts: [] }))).toEqual([]);
  });

  it('joins names as people write them', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A and B');
  });
});
