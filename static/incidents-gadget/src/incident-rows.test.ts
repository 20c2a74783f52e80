import { findSeverityFieldId, formatAge, jiraErrorText, searchAnswerSchema, severityAppearance, toIncidentRows } from './incident-rows';

describe('finding the Severity field', () => {
  it('prefers the custom Severity field over a system field of the same name', () => {
    expect(
      findSeverityFieldId([
        { id: 'priority', name: 'Priority', custom: false },
        { id: 'severity', name: 'Severity', custom: false },
        { id: 'customfield_10042', name: 'Severity', custom: true },
      ]),
    ).toBe('customfield_10042');
  });

  it('finds nothing on a site without the field', () => {
    expect(findSeverityFieldId([{ id: 'summary', name: 'Summary', custom: false }])).toBeUndefined();
  });
});

describe('turning search results into rows', () => {
  const answer = searchAnswerSchema.parse({
    issues: [
      {
        id: '10001',
        key: 'HOT-12',
        fields: {
          summary: 'Bitbucket pushes fail',
          status: { name: 'Fixing', statusCategory: { key: 'indeterminate' } },
          assignee: { displayName: 'Alana Grant', accountId: 'a1' },
          created: '2026-11-27T10:00:00.000+0000',
          customfield_10042: { value: 'Sev 1', id: '1' },
        },
      },
      { id: '10002', key: 'HOT-13', fields: { summary: 'Slow search', status: { name: 'New', statusCategory: { key: 'new' } }, assignee: null, created: '2026-11-27T11:00:00.000+0000', customfield_10042: null } },
    ],
  });

  it('shows key, severity, summary, status and the incident manager', () => {
    expect(toIncidentRows(answer, 'customfield_10042')[0]).toEqual({
      id: '10001',
      key: 'HOT-12',
      summary: 'Bitbucket pushes fail',
      severity: 'Sev 1',
      status: 'Fixing',
      statusCategory: 'indeterminate',
      incidentManager: 'Alana Grant',
      created: '2026-11-27T10:00:00.000+0000',
    });
  });

  it('leaves severity and incident manager out for an unassigned incident without severity', () => {
    const row = toIncidentRows(answer, 'customfield_10042')[1];
    expect(row).not.toHaveProperty('severity');
    expect(row).not.toHaveProperty('incidentManager');
  });

  it('shows no severity when the site has no Severity field', () => {
    expect(toIncidentRows(answer, undefined)[0]).not.toHaveProperty('severity');
  });
});

describe('the age of an incident', () => {
  const created = '2026-11-27T10:00:00.000Z';
  const at = (minutes: number) => Date.parse(created) + minutes * 60_000;

  it('reads in minutes within the first hour', () => {
    expect(formatAge(created, at(0))).toBe('just now');
    expect(formatAge(created, at(45))).toBe('45m');
  });

  it('reads in hours and minutes within the first day', () => {
    expect(formatAge(created, at(200))).toBe('3h 20m');
    expect(formatAge(created, at(120))).toBe('2h');
  });

  it('reads in days and hours after that', () => {
    expect(formatAge(created, at(52 * 60))).toBe('2d 4h');
  });

  it('shows a dash for a date Jira did not send', () => {
    expect(formatAge('', at(5))).toBe('—');
  });
});

describe('presentation details', () => {
  it('colours the paging severities', () => {
    expect([severityAppearance('Sev 1'), severityAppearance('Sev 2'), severityAppearance('Sev 3'), severityAppearance(undefined)]).toEqual(['removed', 'moved', 'default', 'default']);
  });

  it('shows what Jira said about a bad query', () => {
    expect(jiraErrorText(400, { errorMessages: ["Field 'foo' does not exist."], errors: {} })).toBe("Field 'foo' does not exist.");
  });

  it('explains a refused search when Jira gives no message', () => {
    expect(jiraErrorText(403, {})).toBe('You do not have permission to search these incidents.');
  });
});
