import type { Clock } from '../ports';

/** A clock tests move by hand; sleeping advances it at once and is remembered. */
export class ManualClock implements Clock {
  readonly sleeps: number[] = [];

  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.current += ms;
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(at: number | string): void {
    this.current = typeof at === 'string' ? Date.parse(at) : at;
  }
}
