import { chartRows, describeFilter, formatMinutes, readMetricsFilter, searchUrl } from './metrics-format';

describe('the metrics gadget’s pure parts', () => {
  it('reads the saved filter and falls back to the default for anything unreadable', () => {
    expect(readMetricsFilter(undefined)).toEqual({ period: 'last-90-days', severities: [], trend: 'week' });
    expect(readMetricsFilter({ period: 'all-time', severities: [1, 7], service: ' Bitbucket ', product: '', trend: 'month' })).toEqual({
      period: 'all-time',
      severities: [1],
      service: 'Bitbucket',
      trend: 'month',
    });
  });

  it('formats durations in minutes, hours and days', () => {
    expect(formatMinutes(undefined)).toBe('—');
    expect(formatMinutes(9 * 60_000)).toBe('9m');
    expect(formatMinutes(65 * 60_000)).toBe('1h 05m');
    expect(formatMinutes(50 * 3_600_000)).toBe('2d 02h');
  });

  it('turns bars into chart rows and drill-downs into Jira search links', () => {
    expect(chartRows([{ label: 'Sev 1', count: 3, jql: 'x' }])).toEqual([['Sev 1', 3]]);
    expect(searchUrl('project = HOT')).toBe('/issues/?jql=project%20%3D%20HOT');
    expect(describeFilter({ period: 'all-time', severities: [1], service: 'Bitbucket', trend: 'week' }, (level) => `Sev ${level}`)).toBe('All time · Sev 1 · Bitbucket · weekly trend');
  });
});
