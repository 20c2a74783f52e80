import { bucketOf, DURATION_BUCKETS, exclusionOf, medianRanks, missingTimes, occurredAt, percentileRank, periodEnd, periodKey, periodStart, summarize } from './incident-metrics';

const MINUTE = 60_000;

describe('which incidents count in metrics', () => {
  it('leaves out false alarms by status, resolution or label, and drills by label', () => {
    expect(exclusionOf({ statusName: 'Cancelled', labels: [] })).toEqual({ cancelled: true, drill: false });
    expect(exclusionOf({ statusName: 'Closed', resolutionName: "Won't Do", labels: [] })).toEqual({ cancelled: true, drill: false });
    expect(exclusionOf({ statusName: 'Resolved', resolutionName: 'Done', labels: ['Cancelled'] })).toEqual({ cancelled: true, drill: false });
    expect(exclusionOf({ statusName: 'Resolved', resolutionName: 'Done', labels: ['drill'] })).toEqual({ cancelled: false, drill: true });
    expect(exclusionOf({ statusName: 'Resolved', resolutionName: 'Done', labels: ['bitbucket'] })).toEqual({ cancelled: false, drill: false });
  });

  it('dates an incident by its impact start, or its creation when the start is unknown', () => {
    expect(occurredAt({ impactStart: 5, created: 9 })).toBe(5);
    expect(occurredAt({ created: 9 })).toBe(9);
  });

  it('names the impact times a resolved incident lacks', () => {
    expect(missingTimes({ impactStart: 1, impactEnd: 3 })).toEqual(['detected']);
    expect(missingTimes({ impactStart: 1, detected: 2, impactEnd: 3 })).toEqual([]);
  });
});

describe('distributions', () => {
  it('takes the middle value, or the mean of the two middle ones, as the median; p90 by nearest rank', () => {
    expect(summarize([])).toBeUndefined();
    expect(summarize([30, 10, 20])).toEqual({ count: 3, median: 20, p90: 30 });
    expect(summarize([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ count: 10, median: 5.5, p90: 9 });
    expect(medianRanks(4)).toEqual([2, 3]);
    expect(percentileRank(10, 90)).toBe(9);
    expect(percentileRank(1, 90)).toBe(1);
  });

  it('puts a duration in the bucket whose lower bound it reaches', () => {
    expect(DURATION_BUCKETS[bucketOf(0)]?.label).toBe('< 5m');
    expect(DURATION_BUCKETS[bucketOf(5 * MINUTE)]?.label).toBe('5–15m');
    expect(DURATION_BUCKETS[bucketOf(90 * MINUTE)]?.label).toBe('1–2h');
    expect(DURATION_BUCKETS[bucketOf(3 * 24 * 60 * MINUTE)]?.label).toBe('≥ 24h');
  });
});

describe('trend periods', () => {
  it('groups by the Monday of the ISO week or by month, in UTC, with their bounds', () => {
    const sunday = Date.parse('2026-05-10T23:30:00Z');
    expect(periodKey(sunday, 'week')).toBe('2026-05-04');
    expect(periodKey(sunday, 'month')).toBe('2026-05');
    expect(periodStart('2026-05-04', 'week')).toBe(Date.parse('2026-05-04T00:00:00Z'));
    expect(periodEnd('2026-05-04', 'week')).toBe(Date.parse('2026-05-11T00:00:00Z'));
    expect(periodStart('2026-12', 'month')).toBe(Date.parse('2026-12-01T00:00:00Z'));
    expect(periodEnd('2026-12', 'month')).toBe(Date.parse('2027-01-01T00:00:00Z'));
  });
});
