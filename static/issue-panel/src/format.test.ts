import { acknowledgement, duration, fromLocalInput, recipientName, toLocalInput, utcMinute } from './format';

describe('panel formats', () => {
  it('writes instants to the minute in UTC', () => {
    expect(utcMinute('2026-03-02T09:10:42.000Z')).toBe('2026-03-02 09:10 UTC');
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
  });

  it('keeps a paging service’s label and names who was on call behind it', () => {
    expect(recipientName({ recipient: 'PagerDuty: Bitbucket incident managers', accountId: 'eb32', displayName: 'Bea Bitbucket' })).toBe(
      'PagerDuty: Bitbucket incident managers (Bea Bitbucket on call)',
    );
  });

  it('says who acknowledged a page by the name Jira gave, not their account id', () => {
    expect(acknowledgement({ acknowledgedAt: '2026-03-02T09:12:30.000Z', acknowledgedBy: 'eb32ba6977426f75b55ebae2', acknowledgedByName: 'Bea Bitbucket' })).toBe(
      'Acknowledged by Bea Bitbucket at 2026-03-02 09:12 UTC',
    );
  });

  it('repeats a paging provider’s words for who acknowledged, and says nothing before anyone did', () => {
    expect(acknowledgement({ acknowledgedAt: '2026-03-02T09:12:30.000Z', acknowledgedBy: 'Ann via PagerDuty' })).toBe('Acknowledged by Ann via PagerDuty at 2026-03-02 09:12 UTC');
    expect(acknowledgement({})).toBeUndefined();
  });
});
