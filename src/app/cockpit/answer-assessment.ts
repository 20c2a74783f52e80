import type { AnswerAssessmentPayload, CockpitUpdate } from '../../contracts/cockpit';
import { ASSESSMENT_QUESTIONS, parseAssessmentAnswer } from '../../domain/assessment';
import { validateImpactTimes } from '../../domain/impact-times';
import { ValidationError } from '../../domain/errors';
import { formatInstant, formatUtcMinute } from '../../domain/time';
import { applyChange } from './apply-change';
import { noteBy, personWrites } from './change-parts';
import { encode, stateKeys } from './cockpit-state';
import { answerText, cockpitView } from './cockpit-view';
import { loadIncidentContext, requireEditor } from './incident-context';
import { jiraDateTime } from './incident-record';
import type { CockpitCaller, CockpitDeps } from './ports';

/**
 * Records an answer to one of the handbook's Assess questions: kept in the app's state, time-stamped
 * on the timeline and mirrored to the issue as a comment. "When did it start?" also sets the
 * issue's Impact start field, in the same Jira request.
 *
 * @throws ValidationError naming the part of the answer that was refused (e.g. an impact start after detection).
 */
export async function answerAssessment(deps: CockpitDeps, caller: CockpitCaller, input: AnswerAssessmentPayload | { readonly questionId: string; readonly answer: unknown }): Promise<CockpitUpdate> {
  const context = await loadIncidentContext(deps, caller);
  requireEditor(context, 'answer the assessment');
  const answer = parseAssessmentAnswer({ questionId: input.questionId, answer: input.answer, answeredAt: formatInstant(context.now), by: caller.accountId }, '');
  const { record, config } = context;
  // Saving the answer already given changes nothing: no second timeline entry, no comment, no Jira request.
  const latest = context.state.assessment.filter((candidate) => candidate.questionId === answer.questionId).at(-1);
  if (latest !== undefined && JSON.stringify(latest.answer) === JSON.stringify(answer.answer)) return { view: cockpitView(context), notices: [] };
  const fieldIds = config.fields;
  let fields: Record<string, unknown> = {};
  let updated = record;
  if (answer.questionId === 'impact-started') {
    validateImpactTimes({ impactStart: answer.answer }, context.now, {}, 'answer');
    for (const [later, name] of [
      [record.detected, 'the detection time'],
      [record.impactEnd, 'the end of impact'],
    ] as const) {
      if (later !== undefined && answer.answer > later) throw new ValidationError('answer', `must not be after ${name} (${formatUtcMinute(later)})`);
    }
    if (fieldIds !== undefined) {
      fields = { [fieldIds.impactStart]: jiraDateTime(answer.answer) };
      updated = { ...record, impactStart: answer.answer };
    }
  }
  const question = ASSESSMENT_QUESTIONS.find((candidate) => candidate.id === answer.questionId)?.question ?? answer.questionId;
  const note = noteBy(deps, context, 'note', `Assessment: ${question} ${answerText(answer)}`);
  return applyChange(deps, context, {
    edit: { fields, comment: note.comment },
    writes: [
      { kind: 'set', key: stateKeys.answer(caller.issueId, answer.questionId, answer.answeredAt), value: encode.answer(answer) },
      note.write,
      ...personWrites(context, [context.callerPerson]),
    ],
    record: updated,
  });
}
