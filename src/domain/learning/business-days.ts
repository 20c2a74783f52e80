import { ValidationError } from '../errors';
import type { EpochMs } from '../time';

const DAY = 86_400_000;

/**
 * The calendar date (YYYY-MM-DD, UTC) `days` business days (Monday to Friday) after `from`: a
 * postmortem due in 5 business days from a Friday is due the next Friday. Public holidays are not
 * known to the app, so they count as working days.
 */
export function businessDaysAfter(from: EpochMs, days: number): string {
  if (!Number.isInteger(days) || days < 0 || days > 365) throw new ValidationError('days', 'must be a whole number of business days from 0 to 365');
  let at = Date.UTC(new Date(from).getUTCFullYear(), new Date(from).getUTCMonth(), new Date(from).getUTCDate());
  let left = days;
  while (left > 0) {
    at += DAY;
    const weekday = new Date(at).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return new Date(at).toISOString().slice(0, 10);
}

/** When a due date (YYYY-MM-DD) falls due: the start of that day, UTC. */
export function dueInstant(dueDate: string): EpochMs {
  const at = Date.parse(`${dueDate}T00:00:00Z`);
  if (Number.isNaN(at)) throw new ValidationError('dueDate', `"${dueDate}" is not a date (YYYY-MM-DD)`);
  return at;
}
