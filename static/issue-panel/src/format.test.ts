import { acknowledgement, duration, fromLocalInput, recipientName, setViewerTimeZone, toLocalInput, utcMinute } from './format';

describe('panel formats', () => {
  beforeEach(() => setViewerTimeZone('UTC'));

  it('writes instants as Jira does, in the viewer’s time zone', () => {
    setViewerTimeZone('Australia/Sydney');
    expect(utcMinute('2026-03-02T09:10:42.000Z')).toBe('Mar 2, 2026, 8:10 PM');
    setViewerTimeZone('UTC');
    expect(utcMinute('2026-03-02T09:10:42.000Z')).toBe('Mar 2, 2026, 9:10 AM');
  });

  it('writes durations in minutes, then hours and minutes', () => {
    expect(duration(45 * 60_000)).toBe('45m');
    expect(duration(245 * 60_000)).toBe('4h 05m');
  });

  it('turns a local date-time input into the same instant and back', () => {
    const iso = '2026-03-02T09:10:00.000Z';
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    expect(fromLocalInput('')).toBeUndefined();
  });

  it('names a paged person by the name Jira gave, and keeps the account id when it gave none', () => {
    expect(recipientName({ recipient: 'eb32ba6977426f75b55ebae2', accountId: 'eb32ba6977426f75b55ebae2', displayName: 'Bea Bitbucket' })).toBe('Bea Bitbucket');
    expect(recipientName({ recipient: 'eb32ba6977426f75b55ebae2', accountId: 'eb32ba6977426f75b55ebae2' })).toBe('eb32ba6977426f75b55ebae2');
    // Paging names the person it paged directly; the name is not repeated as "on call".
    expect(recipientName({ recipient: 'Bea Bitbucket', accountId: 'eb32ba6977426f75b55ebae2', displayName: 'Bea Bitbucket' })).toBe('Bea Bitbucket');
  });

  it('keeps a paging service’s label and names who was on call behind it', () => {
    expect(recipientName({ recipient: 'PagerDuty: Bitbucket incident managers', accountId: 'eb32', displayName: 'Bea Bitbucket' })).toBe(
      'PagerDuty: Bitbucket incident managers (Bea Bitbucket on call)',
    );
  });

  it('says who acknowledged a page by the name Jira gave, not their account id', () => {
    expect(acknowledgement({ acknowledgedAt: '2026-03-02T09:12:30.000Z', acknowledgedBy: 'eb32ba6977426f75b55ebae2', acknowledgedByName: 'Bea Bitbucket' })).toBe(
      'Acknowledged by Bea Bitbucket at Mar 2, 2026, 9:12 AM',
    );
  });

  it('repeats a paging provider’s words for who acknowledged, and says nothing before anyone did', () => {
    expect(acknowledgement({ acknowledgedAt: '2026-03-02T09:12:30.000Z', acknowledgedBy: 'Ann via PagerDuty' })).toBe('Acknowledged by Ann via PagerDuty at Mar 2, 2026, 9:12 AM');
    expect(acknowledgement({})).toBeUndefined();
  });
});
