import { canonicalTimeZone, isIanaTimeZone, wallOf, wallToInstant, zoneOf } from './local-time';

const instantOf = (zone: string, date: string, time: string): string => {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return new Date(wallToInstant(zoneOf(zone), wallOf(date, hours * 60 + minutes))).toISOString();
};

describe('local wall-clock time to instant', () => {
  it('reads an ordinary local time with the offset in force that day', () => {
    expect(instantOf('Europe/Berlin', '2024-01-15', '09:00')).toBe('2024-01-15T08:00:00.000Z');
    expect(instantOf('Europe/Berlin', '2024-07-15', '09:00')).toBe('2024-07-15T07:00:00.000Z');
    expect(instantOf('America/New_York', '2024-07-15', '09:00')).toBe('2024-07-15T13:00:00.000Z');
  });

  it('moves a time skipped by spring-forward to the moment the clocks jump', () => {
    // Berlin jumps from 02:00 CET to 03:00 CEST at 01:00 UTC; New York from 02:00 EST to 03:00 EDT at 07:00 UTC.
    expect(instantOf('Europe/Berlin', '2024-03-31', '02:30')).toBe('2024-03-31T01:00:00.000Z');
    expect(instantOf('Europe/Berlin', '2024-03-31', '02:00')).toBe('2024-03-31T01:00:00.000Z');
    expect(instantOf('America/New_York', '2024-03-10', '02:59')).toBe('2024-03-10T07:00:00.000Z');
    expect(instantOf('Europe/Berlin', '2024-03-31', '03:00')).toBe('2024-03-31T01:00:00.000Z');
  });

  it('takes the earlier of the two instants when fall-back repeats a local time', () => {
    expect(instantOf('Europe/Berlin', '2024-10-27', '02:30')).toBe('2024-10-27T00:30:00.000Z');
    expect(instantOf('America/New_York', '2024-11-03', '01:30')).toBe('2024-11-03T05:30:00.000Z');
    expect(instantOf('America/New_York', '2024-11-03', '02:00')).toBe('2024-11-03T07:00:00.000Z');
  });

  it('handles zones whose clocks move by half an hour', () => {
    // Lord Howe Island moves from +11 to +10:30 at 02:00 local on the first Sunday of April.
    expect(instantOf('Australia/Lord_Howe', '2024-04-07', '01:45')).toBe('2024-04-06T14:45:00.000Z');
    expect(instantOf('Australia/Lord_Howe', '2024-10-06', '02:15')).toBe('2024-10-05T15:30:00.000Z');
  });
});

describe('time zone names', () => {
  it('accepts IANA names and refuses made-up ones', () => {
    expect(isIanaTimeZone('Europe/Berlin')).toBe(true);
    expect(isIanaTimeZone('America/New_York')).toBe(true);
    expect(isIanaTimeZone('Mars/Base')).toBe(false);
  });

  it('spells an accepted name canonically', () => {
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
  });
});
