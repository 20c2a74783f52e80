/**
 * App validators on workflow transitions (`jira:workflowValidator`): before a transition is made,
 * Jira asks each validator added to it with `{issue: {key}, configuration, transition: {from, to,
 * modifiedFields}}`; an answer `{result: false, errorMessage}` refuses the transition with that
 * message (400), so the issue stays put and no post-function runs. A validator that fails or
 * answers something else refuses too, as Jira treats a broken validator.
 */
import { z } from 'zod';
import type { JiraServices, OperationRequest } from '../context';
import { isRecord, pathParam } from '../context';
import { JiraHttpError } from '../errors';
import { visibleIssue } from './issue-access';
import { availableTransitions, statusIdOf } from './workflow-state';

export interface WorkflowValidatorCall {
  moduleKey: string;
  payload: {
    issue: { key: string };
    configuration: unknown;
    transition: { from: { id: string }; to: { id: string }; modifiedFields: Record<string, unknown> };
  };
  /** Who asked for the transition (a person or the app). */
  accountId: string | undefined;
}

/** Runs one validator's function; resolves with what the function answered, rejects when it failed. */
export type WorkflowValidatorRunner = (call: WorkflowValidatorCall) => Promise<unknown>;

const answerShape = z.looseObject({ result: z.boolean(), errorMessage: z.string().optional() });

function parseConfiguration(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Asks the validators of the requested transition, in order; throws Jira's 400 at the first refusal. Changes nothing. */
export async function checkTransitionValidators(services: JiraServices, request: OperationRequest, runner: WorkflowValidatorRunner | undefined): Promise<void> {
  const issue = visibleIssue(services, request.actor, pathParam(request, 'issueIdOrKey'));
  const body = isRecord(request.body) ? request.body : {};
  const reference = isRecord(body['transition']) ? body['transition']['id'] : undefined;
  const transition = availableTransitions(services, issue).find((candidate) => candidate.id === reference);
  // An unknown transition is refused by the operation itself, with Jira's own message.
  if (transition === undefined) return;
  for (const validator of transition.validators ?? []) {
    const call: WorkflowValidatorCall = {
      moduleKey: validator.moduleKey,
      payload: {
        issue: { key: issue.key },
        configuration: parseConfiguration(validator.configuration),
        transition: { from: { id: statusIdOf(issue) }, to: { id: transition.to }, modifiedFields: isRecord(body['fields']) ? body['fields'] : {} },
      },
      accountId: request.actor.kind === 'user' ? request.actor.accountId : undefined,
    };
    if (runner === undefined) throw new JiraHttpError(400, [`The workflow validator "${validator.moduleKey}" is not available, so the transition was not made.`]);
    let answer: unknown;
    try {
      answer = await runner(call);
    } catch {
      throw new JiraHttpError(400, [`The workflow validator "${validator.moduleKey}" failed, so the transition was not made.`]);
    }
    const parsed = answerShape.safeParse(answer);
    if (!parsed.success) throw new JiraHttpError(400, [`The workflow validator "${validator.moduleKey}" gave no answer Jira understands, so the transition was not made.`]);
    if (!parsed.data.result) throw new JiraHttpError(400, [parsed.data.errorMessage ?? 'The transition was refused by a workflow validator.']);
  }
}
