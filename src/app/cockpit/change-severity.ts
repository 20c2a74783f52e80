import type { ChangeSeverityPayload, CockpitUpdate } from '../../contracts/cockpit';
import { parseWith, requiredText } from '../../domain/parse-input';
import { labelOf, parseSeverityLevel } from '../../domain/severity';
import { NotConfiguredError } from '../errors';
import { applyChange } from './apply-change';
import { noteBy, personWrites } from './change-parts';
import { encode, stateKeys } from './cockpit-state';
import { loadIncidentContext, requireEditor } from './incident-context';
import type { CockpitCaller, CockpitDeps } from './ports';
import { roomEffects } from './room-effects';

/**
 * Confirms the severity (the same level) or changes it, after assessing the impact. The decision is
 * recorded on the timeline and as a comment, in the same Jira request as the Severity field; the
 * room's topic follows and the room is told, because the handbook has the IM communicate it.
 *
 * @throws ValidationError for a level off the scale or a reason that is too long.
 */
export async function changeSeverity(deps: CockpitDeps, caller: CockpitCaller, input: ChangeSeverityPayload): Promise<CockpitUpdate> {
  const level = parseSeverityLevel(input.level, 'level');
  const reason = input.reason === undefined || input.reason.trim() === '' ? undefined : parseWith(requiredText(1000), input.reason, 'reason');
  const context = await loadIncidentContext(deps, caller);
  requireEditor(context, 'change the severity');
  const { record, config } = context;
  const severityField = config.fields?.severity;
  if (severityField === undefined) throw new NotConfiguredError("the app's incident fields are not set up yet");
  const label = labelOf(config.severityScale, level);
  const changing = record.severity !== level;
  const because = reason === undefined ? '' : `: ${reason}`;
  const text = changing
    ? `Severity ${record.severity === undefined ? 'set to' : `changed from ${labelOf(config.severityScale, record.severity)} to`} ${label}${because}`
    : `Severity confirmed as ${label}${because}`;
  const decision = noteBy(deps, context, 'decision', text);
  return applyChange(deps, context, {
    edit: { fields: changing ? { [severityField]: { value: label } } : {}, comment: decision.comment },
    writes: [
      decision.write,
      { kind: 'set', key: stateKeys.severityConfirmation(caller.issueId), value: encode.severityConfirmation({ level, at: context.now, by: caller.accountId }) },
      ...personWrites(context, [context.callerPerson]),
    ],
    record: { ...record, severity: level },
    effects: (after) => roomEffects(deps, after, { topic: changing, message: `${record.key}: ${text}.` }),
  });
}
