import { latestAnswers } from '../assessment';
import { formatDuration } from '../duration';
import type { IncidentFacts } from '../incident';
import { UNKNOWN_SERVICE } from '../incident';
import { DEFAULT_SEVERITY_SCALE, type SeverityScale } from '../severity';
import type { EpochMs } from '../time';
import { checkUpdate, countSentences, type UpdateGap } from './check-update';
import { checkExternalUpdate } from './external-check';
import { internalAffected, internalIncidentName, joinNames } from './incident-names';
import { formatClockTime, parseNextUpdateAt } from './next-update-time';
import { parseUpdateText } from './parse-update-text';
import type { UpdatePhase } from './statuspage-status';
import { finalExternalMessage, finalInternalMessage, followUpExternalMessage, initialExternalMessage, initialInternalMessage } from './templates';

/** Where updates are promised to appear; the handbook's channels. */
export const UPDATE_CHANNELS_PHRASE = 'email and Statuspage';

/** The two texts of one update: the internal one (status page, email, chat room) and the external one (customers). */
export interface UpdateTexts {
  /** Internal status page incident name and email subject, "<KEY> - Sev <n> - <summary>". */
  readonly title: string;
  readonly internal: string;
  /** External status page incident name, "Investigating issues with …". */
  readonly externalTitle: string;
  readonly external: string;
}

/** The composer's verdict on a pair of drafts, with the next update it promises. */
export interface UpdateReview {
  readonly internalGaps: readonly UpdateGap[];
  readonly externalGaps: readonly UpdateGap[];
  readonly complete: boolean;
  /** The instant the internal text promises for the next update, if it names one. */
  readonly nextUpdateAt?: EpochMs;
}

function followUpSkeleton(facts: IncidentFacts, nextUpdateAt: EpochMs): string {
  const latest = latestAnswers(facts.assessment);
  const impact = latest['customer-impact'];
  const reach = latest['customers-affected'];
  const affected = internalAffected(facts);
  const external = reach?.questionId === 'customers-affected' ? `${reach.answer.reach === 'all' ? 'all' : 'some'}${reach.answer.count === undefined ? '' : ` (${reach.answer.count})`}` : '';
  return [
    `We are still working on the incident affecting ${affected.length === 0 ? 'our services' : joinNames(affected)}.`,
    '',
    'Current Status',
    '- ',
    '- ',
    '',
    'Next Steps',
    '- ',
    '- ',
    '',
    `Customer impact: ${impact?.questionId === 'customer-impact' ? impact.answer.summary : ''}`,
    'Internal customers affected: not known yet',
    `External customers affected: ${external === '' ? 'not known yet' : external}`,
    'Root cause: currently unknown',
    'ETA: no ETA yet',
    `Next update: ${formatClockTime(nextUpdateAt)} via ${UPDATE_CHANNELS_PHRASE}`,
  ].join('\n');
}

function finalRecap(facts: IncidentFacts, now: EpochMs, scale: SeverityScale): string {
  const ended = facts.impactTimes.impactEnd ?? now;
  const withEnd: IncidentFacts = { ...facts, impactTimes: { ...facts.impactTimes, impactEnd: ended } };
  const lines = finalInternalMessage(withEnd, scale).body.split('\n');
  const { impactStart, detected } = facts.impactTimes;
  const extra = [
    `Affected: ${joinNames(internalAffected(facts)) || 'not recorded'}.`,
    impactStart !== undefined && detected !== undefined ? `Time to detect: ${formatDuration(Math.max(0, detected - impactStart))}.` : 'Time to detect: not recorded.',
    impactStart !== undefined ? `Time to recovery: ${formatDuration(Math.max(0, ended - impactStart))}.` : 'Time to recovery: not recorded.',
  ];
  // The recap's closing statement stays last.
  return [...lines.slice(0, -1), ...extra, ...lines.slice(-1)].join('\n');
}

/**
 * The texts an update of this phase starts from: the handbook's templates filled with the incident's
 * facts, and (before the final one) the next update promised at `nextUpdateAt`.
 */
export function prefillUpdate(phase: UpdatePhase, facts: IncidentFacts, now: EpochMs, nextUpdateAt: EpochMs, scale: SeverityScale = DEFAULT_SEVERITY_SCALE): UpdateTexts {
  const title = internalIncidentName(facts, scale);
  if (phase === 'initial') {
    const internal = initialInternalMessage(facts, scale);
    const external = initialExternalMessage(facts);
    return { title, internal: `${internal.body}\n\nNext update: ${formatClockTime(nextUpdateAt)} via ${UPDATE_CHANNELS_PHRASE}`, externalTitle: external.title, external: external.body };
  }
  if (phase === 'follow-up') {
    const external = followUpExternalMessage(facts, { nextUpdateAt });
    return { title, internal: followUpSkeleton(facts, nextUpdateAt), externalTitle: external.title, external: external.body };
  }
  const ended: IncidentFacts = { ...facts, impactTimes: { ...facts.impactTimes, impactEnd: facts.impactTimes.impactEnd ?? now } };
  const external = finalExternalMessage(ended);
  return { title, internal: finalRecap(facts, now, scale), externalTitle: external.title, external: external.body };
}

function nextUpdateLine(text: string): string | undefined {
  const draft = parseUpdateText(text);
  return draft.nextUpdate.at;
}

function internalGaps(phase: UpdatePhase, text: string, facts: IncidentFacts, now: EpochMs): UpdateGap[] {
  if (phase === 'follow-up') {
    const gaps = [...checkUpdate(parseUpdateText(text)).gaps];
    const at = nextUpdateLine(text);
    if (at !== undefined && at.trim() !== '' && parseNextUpdateAt(at, now) === undefined) {
      gaps.push({ field: 'nextUpdate.at', message: `Write the next update time as a clock time such as "${formatClockTime(now + 30 * 60_000)}", so a reminder can be set.` });
    }
    return gaps;
  }
  const gaps: UpdateGap[] = [];
  if (countSentences(text) === 0) gaps.push({ field: 'internal', message: 'Write the internal update: what is affected and what is being done.' });
  if (phase === 'final' && facts.impactTimes.impactEnd === undefined) {
    gaps.push({ field: 'internal', message: 'Record when the impact ended (Impact end) so the recap states the real duration.' });
  }
  if (phase === 'final' && !/resolved/i.test(text)) gaps.push({ field: 'internal', message: 'Say that the incident is resolved and no further updates will follow.' });
  return gaps;
}

/** Checks both drafts of an update as the IM types: the internal structure and review questions, and external "short and sweet". */
export function reviewUpdate(phase: UpdatePhase, texts: { internal: string; external?: string | undefined }, facts: IncidentFacts, now: EpochMs): UpdateReview {
  const internal = internalGaps(phase, texts.internal, facts, now);
  const products = new Set(facts.affectedProducts.map((product) => product.toLowerCase()));
  const internalNames = facts.faultyService === UNKNOWN_SERVICE || products.has(facts.faultyService.toLowerCase()) ? [] : [facts.faultyService];
  const external = texts.external === undefined ? [] : checkExternalUpdate(texts.external, { issueKey: facts.key, internalNames });
  const nextUpdateAt = phase === 'final' ? undefined : parseNextUpdateAt(nextUpdateLine(texts.internal), now);
  return {
    internalGaps: internal,
    externalGaps: external,
    complete: internal.length === 0 && external.length === 0,
    ...(nextUpdateAt === undefined ? {} : { nextUpdateAt }),
  };
}

