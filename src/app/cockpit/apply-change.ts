import type { CockpitUpdate } from '../../contracts/cockpit';
import { RuleViolation } from '../../domain/errors';
import { ForbiddenError, RemoteCallError } from '../errors';
import { withRetry } from '../retry';
import { applyWrites, entriesAfter, stateFrom, type StateWrite } from './cockpit-state';
import { cockpitView } from './cockpit-view';
import type { IncidentContext } from './incident-context';
import type { IncidentRecord } from './incident-record';
import type { CockpitDeps, IssueEdit } from './ports';

/** A side effect outside Jira and storage (the chat room): it may fail without undoing the change. */
export interface SideEffect {
  /** What it does, as the notice puts it: "update the room topic". */
  readonly describe: string;
  /** Does it; may answer with app state to record because it succeeded. */
  readonly run: () => Promise<void | readonly StateWrite[]>;
}

/** What a use case decided: the issue edit (one Jira request), the app state to write after it, and side effects. */
export interface Change {
  readonly edit?: IssueEdit;
  readonly writes: readonly StateWrite[];
  /** The issue as it stands after the edit, for the answer's view. */
  readonly record?: IncidentRecord;
  /** Side effects to run once the change is made, given the context as it now stands. */
  readonly effects?: (after: IncidentContext) => readonly SideEffect[];
}

/** How long a change may keep retrying its storage writes: well inside a resolver's 25 s. */
const WRITE_BUDGET_MS = 8_000;

/** Runs the side effects side by side; each failure becomes a notice for the person who acted. */
export async function runSideEffects(effects: readonly SideEffect[]): Promise<{ notices: string[]; writes: StateWrite[] }> {
  const outcomes = await Promise.allSettled(effects.map((effect) => effect.run()));
  const notices: string[] = [];
  const writes: StateWrite[] = [];
  outcomes.forEach((outcome, index) => {
    if (outcome.status === 'fulfilled') writes.push(...(outcome.value ?? []));
    else notices.push(`Could not ${effects[index]?.describe ?? 'finish'}: ${outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason)}`);
  });
  return { notices, writes };
}

/**
 * Makes the change: the issue first, in one Jira request, so a refusal changes nothing; then the app
 * state (retried, as the issue already moved on) alongside the side effects. Answers with the view
 * computed from what was written, without reading anything again.
 */
export async function applyChange(deps: CockpitDeps, context: IncidentContext, change: Change): Promise<CockpitUpdate> {
  const edit = change.edit;
  if (edit !== undefined) await asIssueChange(`change ${context.record.key}`, () => deps.issues.update(context.record.key, edit));
  const after = withEntries({ ...context, record: change.record ?? context.record }, change.writes);
  const deadline = deps.clock.now() + WRITE_BUDGET_MS;
  const write = (writes: readonly StateWrite[]): Promise<void> =>
    writes.length === 0 ? Promise.resolve() : withRetry(() => applyWrites(deps.store, writes), { clock: deps.clock, deadline });
  const [, effects] = await Promise.all([write(change.writes), runSideEffects(change.effects?.(after) ?? [])]);
  await write(effects.writes);
  return { view: cockpitView(withEntries(after, effects.writes)), notices: effects.notices };
}

/**
 * Runs a Jira write, turning Jira's refusals into what they mean for the person: no permission,
 * or a rule Jira enforces (a field not on the screen, a transition no longer available).
 *
 * @throws ForbiddenError when Jira says the person may not; RuleViolation when it refuses the change or finds a conflict.
 */
export async function asIssueChange<T>(action: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw issueChangeError(action, error);
  }
}

/** What a failed Jira write means for the person who asked (see asIssueChange); other errors pass unchanged. */
export function issueChangeError(action: string, error: unknown): unknown {
  if (!(error instanceof RemoteCallError) || error.service !== 'jira') return error;
  if (error.outcome === 'forbidden') return new ForbiddenError(action, { cause: error });
  if (error.outcome === 'rejected' || error.outcome === 'conflict') return new RuleViolation('jira-refused', `Jira refused the change: ${error.detail}`);
  return error;
}

/** The context as it stands once `writes` are stored. */
export function withEntries(context: IncidentContext, writes: readonly StateWrite[]): IncidentContext {
  if (writes.length === 0) return context;
  const entries = entriesAfter(context.entries, writes);
  return { ...context, entries, state: stateFrom(context.caller.issueId, entries) };
}
