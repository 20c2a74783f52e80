/**
 * The site's emulated clock: real time plus an offset that only grows, running at real speed or
 * faster (a drill can play in minutes). The offset is stored, so a restarted site keeps the time a
 * drill had advanced to; it restarts at real speed.
 */
import { SiteMeta, type SiteDatabase } from './db';

const offsetKey = 'clock.offsetMs';

/** The fastest the emulated clock may run: an hour a second of real time at 3,600. */
export const MAX_CLOCK_SPEED = 3600;
const BANK_EVERY_MS = 1000;

export class SiteClock {
  private offsetMs: number;
  private speedFactor: number;
  /** The real instant the current speed took effect; time gained since is `(real - since) × (speed - 1)`. */
  private speedSince: number;
  private readonly meta: SiteMeta;

  constructor(db: SiteDatabase, private readonly realNow: () => number = realDateNow) {
    this.meta = new SiteMeta(db);
    this.offsetMs = Number(this.meta.get(offsetKey) ?? '0');
    this.speedFactor = 1;
    this.speedSince = this.realNow();
  }

  now(): number {
    const real = this.realNow();
    // While running fast, the gain is banked every real second, so a stopped site restarts no earlier.
    if (this.speedFactor > 1 && real - this.speedSince >= BANK_EVERY_MS) this.foldGainedTime();
    return real + this.offsetMs + Math.floor((real - this.speedSince) * (this.speedFactor - 1));
  }

  /** How many emulated seconds pass in one real second (1: real time). */
  speed(): number {
    return this.speedFactor;
  }

  /** Runs the clock `speed` times faster than real time from now on (1 returns to real time); never back. */
  setSpeed(speed: number): void {
    if (!Number.isFinite(speed) || speed < 1 || speed > MAX_CLOCK_SPEED) throw new RangeError(`The clock's speed must be from 1 to ${MAX_CLOCK_SPEED}, got ${speed}`);
    this.foldGainedTime();
    this.speedFactor = speed;
  }

  // Banks what the current speed gained into the stored offset, so a change of speed or a restart keeps it.
  private foldGainedTime(): void {
    const real = this.realNow();
    this.offsetMs += Math.floor((real - this.speedSince) * (this.speedFactor - 1));
    this.speedSince = real;
    this.meta.set(offsetKey, String(this.offsetMs));
  }

  nowIso(): string {
    return new RealDate(this.now()).toISOString();
  }

  /** Moves time forward by `ms`; the emulated clock never goes back. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Clock can only move forward, got ${ms} ms`);
    this.foldGainedTime();
    this.offsetMs += ms;
    this.meta.set(offsetKey, String(this.offsetMs));
    return this.now();
  }

  /** Moves time forward to `epochMs` unless it has already passed it (the clock runs on between reads). */
  catchUpTo(epochMs: number): number {
    const current = this.now();
    return epochMs > current ? this.advance(epochMs - current) : current;
  }

  /** Moves time forward to the instant `epochMs`. */
  advanceTo(epochMs: number): number {
    const current = this.now();
    if (epochMs < current) {
      throw new RangeError(`Clock can only move forward: ${new RealDate(epochMs).toISOString()} is before ${new RealDate(current).toISOString()}`);
    }
    return this.advance(epochMs - current);
  }
}

// Captured before any site replaces the global Date, so site internals can always read real time.
const RealDate: DateConstructor = globalThis.Date;
const realDateNow = (): number => RealDate.now();

export function realNow(): number {
  return realDateNow();
}

const clockStack: (() => number)[] = [];

function emulatedDate(now: () => number): DateConstructor {
  // A function rather than a class so `Date()` without `new` still works, and sharing the real
  // prototype keeps `instanceof Date` true for dates made before and after the swap.
  function EmulatedDate(this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new RealDate(now()).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [now()] : args, new.target);
  }
  Object.setPrototypeOf(EmulatedDate, RealDate);
  EmulatedDate.prototype = RealDate.prototype;
  Object.defineProperty(EmulatedDate, 'now', { value: () => now(), writable: true, configurable: true });
  return EmulatedDate as unknown as DateConstructor;
}

/**
 * Makes `Date.now()` and `new Date()` follow `now` for the whole process (the app reads time that
 * way). Timers are untouched. Returns the function that undoes it; nested sites stack.
 */
export function installEmulatedDate(now: () => number): () => void {
  clockStack.push(now);
  globalThis.Date = emulatedDate(() => (clockStack[clockStack.length - 1] ?? realDateNow)());
  return () => {
    const index = clockStack.lastIndexOf(now);
    if (index >= 0) clockStack.splice(index, 1);
    if (clockStack.length === 0) globalThis.Date = RealDate;
  };
}
