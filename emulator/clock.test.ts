import { openSiteDatabase } from './db';
import { installEmulatedDate, SiteClock } from './clock';

describe('SiteClock', () => {
  it('moves forward by a duration and keeps the offset in the database', () => {
    const db = openSiteDatabase(':memory:', false);
    let real = 1_000_000;
    const clock = new SiteClock(db, () => real);
    clock.advance(60_000);
    real += 5;
    expect(clock.now()).toBe(1_060_005);
    expect(new SiteClock(db, () => real).now()).toBe(1_060_005);
    db.close();
  });

  it('runs faster when asked, keeps what it gained across a change of speed and a restart (which runs at real speed), and refuses other speeds', () => {
    const db = openSiteDatabase(':memory:', false);
    let real = 1_000_000;
    const clock = new SiteClock(db, () => real);
    clock.setSpeed(60);
    real += 1_000;
    expect(clock.now()).toBe(1_000_000 + 60_000);
    clock.advance(5_000);
    expect(clock.now()).toBe(1_001_000 + 59_000 + 5_000);
    clock.setSpeed(2);
    real += 1_000;
    expect(clock.now()).toBe(1_002_000 + 59_000 + 5_000 + 1_000);
    // A restart keeps the time gained and runs at real speed again.
    const restarted = new SiteClock(db, () => real);
    expect(restarted.speed()).toBe(1);
    real += 1_000;
    expect(restarted.now()).toBe(1_003_000 + 59_000 + 5_000 + 1_000);
    expect(() => clock.setSpeed(0.5)).toThrow(RangeError);
    expect(() => clock.setSpeed(100_000)).toThrow(RangeError);
    db.close();
  });

  it('catches up to an instant, or stays where it is when the instant has already passed', () => {
    const db = openSiteDatabase(':memory:', false);
    const clock = new SiteClock(db, () => 5_000);
    expect(clock.catchUpTo(4_000)).toBe(5_000);
    expect(clock.catchUpTo(9_000)).toBe(9_000);
    db.close();
  });

  it('refuses to move back in time', () => {
    const db = openSiteDatabase(':memory:', false);
    const clock = new SiteClock(db, () => 5_000);
    expect(() => clock.advanceTo(4_000)).toThrow(/only move forward/);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    db.close();
  });
});

describe('installEmulatedDate', () => {
  it('makes Date.now and new Date() follow the emulated clock until it is restored', () => {
    const realBefore = Date.now();
    const restore = installEmulatedDate(() => Date.UTC(2030, 0, 1));
    try {
      expect(Date.now()).toBe(Date.UTC(2030, 0, 1));
      expect(new Date().toISOString()).toBe('2030-01-01T00:00:00.000Z');
      expect(new Date(0).toISOString()).toBe('1970-01-01T00:00:00.000Z');
      expect(new Date(2024, 1, 3).getFullYear()).toBe(2024);
      expect(new Date() instanceof Date).toBe(true);
      expect(typeof Date()).toBe('string');
      expect(Date.parse('2020-01-01T00:00:00Z')).toBe(Date.UTC(2020, 0, 1));
    } finally {
      restore();
    }
    expect(Math.abs(Date.now() - realBefore)).toBeLessThan(60_000);
  });
});
