import { ValidationError } from '../errors';
import type { EscalationPolicy, EscalationTarget } from './escalation-policy';
import { levelOf } from './escalation-policy';
import type { IsoInstant } from './instants';
import { formatInstant, requireInstant } from './instants';
import { MINUTE_MS } from './local-time';

/** One page sent for an incident: `level` (from 0) of the policy during `round` (0, then 1… for repeats). */
export interface PageRecord {
  readonly level: number;
  readonly round: number;
  readonly pagedAt: IsoInstant;
}

/** The durable record of an incident's escalation so far. */
export interface EscalationRecord {
  readonly pages: readonly PageRecord[];
  readonly acknowledgedAt?: IsoInstant;
}

/** What to do now: page a level, wait for its timeout, or stop. */
export type EscalationStep =
  | { readonly kind: 'page'; readonly level: number; readonly round: number; readonly targets: readonly EscalationTarget[] }
  | { readonly kind: 'wait'; readonly until: IsoInstant; readonly level: number; readonly round: number }
  | { readonly kind: 'acknowledged' }
  | { readonly kind: 'exhausted' };

interface Position {
  readonly step: number;
  readonly pagedAt: number;
}

function positionsOf(policy: EscalationPolicy, record: EscalationRecord): Position[] {
  return record.pages.map((page, index) => {
    levelOf(policy, page.level, `pages[${index}].level`);
    if (!Number.isInteger(page.round) || page.round < 0 || page.round > policy.repeat) {
      throw new ValidationError(`pages[${index}].round`, `round ${page.round} is not in the policy (it runs rounds 0 to ${policy.repeat})`);
    }
    return { step: page.round * policy.levels.length + page.level, pagedAt: requireInstant(page.pagedAt, `pages[${index}].pagedAt`) };
  });
}

function pageStep(policy: EscalationPolicy, step: number): EscalationStep {
  const round = Math.floor(step / policy.levels.length);
  if (round > policy.repeat) return { kind: 'exhausted' };
  const level = step % policy.levels.length;
  return { kind: 'page', level, round, targets: levelOf(policy, level, 'level').targets };
}

/**
 * Decides the next escalation step from the policy and the record alone, so asking twice with
 * the same record and `now` gives the same answer. A page that was sent but never recorded is
 * asked for again; the caller de-duplicates by (incident, level, round, recipient).
 */
export function nextEscalationStep(policy: EscalationPolicy, record: EscalationRecord, now: IsoInstant): EscalationStep {
  const nowMs = requireInstant(now, 'now');
  if (record.acknowledgedAt !== undefined) {
    requireInstant(record.acknowledgedAt, 'acknowledgedAt');
    return { kind: 'acknowledged' };
  }
  const positions = positionsOf(policy, record);
  if (positions.length === 0) return pageStep(policy, 0);
  const latestStep = Math.max(...positions.map((position) => position.step));
  // A level recorded twice (an at-least-once retry) is timed from its first page.
  const pagedAt = Math.min(...positions.filter((position) => position.step === latestStep).map((position) => position.pagedAt));
  const level = latestStep % policy.levels.length;
  const deadline = pagedAt + levelOf(policy, level, 'level').ackTimeoutMinutes * MINUTE_MS;
  if (nowMs < deadline) {
    return { kind: 'wait', until: formatInstant(deadline), level, round: Math.floor(latestStep / policy.levels.length) };
  }
  return pageStep(policy, latestStep + 1);
}
