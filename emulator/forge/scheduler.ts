/**
 * When each scheduled trigger is next due, on the emulated clock, kept in SQLite so a restart
 * neither skips nor repeats runs. A trigger's first run is one interval after the site first saw it.
 */
import type { SiteDatabase } from '../db';
import { scheduleIntervals, type ScheduledTriggerModule } from './manifest';

export class Scheduler {
  constructor(
    private readonly db: SiteDatabase,
    private readonly triggers: readonly ScheduledTriggerModule[],
  ) {}

  /** Registers triggers not seen before, first due one interval from `now`. */
  register(now: number): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO site_schedule (trigger_key, next_due_ms) VALUES (?, ?)');
    for (const trigger of this.triggers) insert.run(trigger.key, now + scheduleIntervals[trigger.interval]);
  }

  /**
   * Triggers due at `now`; each is moved to its next slot, so it runs at most once per call. Slots
   * stay on the trigger's own grid (first due + n intervals); slots missed while the site was not
   * running are skipped, as Forge skips them.
   */
  takeDue(now: number): ScheduledTriggerModule[] {
    const due: ScheduledTriggerModule[] = [];
    const read = this.db.prepare('SELECT next_due_ms FROM site_schedule WHERE trigger_key = ?');
    const update = this.db.prepare('UPDATE site_schedule SET next_due_ms = ? WHERE trigger_key = ?');
    for (const trigger of this.triggers) {
      const row = read.get(trigger.key) as { next_due_ms: number } | undefined;
      if (row === undefined || row.next_due_ms > now) continue;
      const interval = scheduleIntervals[trigger.interval];
      update.run(row.next_due_ms + (Math.floor((now - row.next_due_ms) / interval) + 1) * interval, trigger.key);
      due.push(trigger);
    }
    return due;
  }

  nextDue(key: string): number | undefined {
    const row = this.db.prepare('SELECT next_due_ms FROM site_schedule WHERE trigger_key = ?').get(key) as { next_due_ms: number } | undefined;
    return row?.next_due_ms;
  }
}
