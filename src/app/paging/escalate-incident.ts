import { z } from 'zod';
import type { EscalateIncidentResult } from '../../contracts/issue-panel';
import { ValidationError } from '../../domain/errors';
import { parseWith, requiredText } from '../../domain/parse-input';
import type { EscalationTarget } from '../../domain/on-call/escalation-policy';
import { rosterById } from '../configuration';
import { loadConfiguration } from '../configuration-store';
import { AppError, ForbiddenError, NotFoundError } from '../errors';
import { getPagingStatus } from './get-paging-status';
import { readIncident, snapshotFieldIds } from '../incident-fields';
import { escalationComment } from './page-message';
import { claimAndWatch, runClaimedEpisode, type PagingDeps } from './page-on-call';
import { claimedEpisode } from './paging-episodes';
import type { IssueTracker } from '../ports';

export const escalationSchema = z.strictObject({
  target: z.discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('roster'), rosterId: z.string().trim().min(1, 'must name a roster') }),
      z.strictObject({ kind: z.literal('user'), accountId: z.string().trim().regex(/^\S{1,128}$/, 'must be an account id') }),
    ],
    { error: 'must be {kind: "roster", rosterId} or {kind: "user", accountId}' },
  ),
  reason: requiredText(500),
  requestId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'must be 8 to 64 letters, digits or dashes'),
});

/**
 * Escalate on purpose: page another team's roster (its escalation policy applies) or one person,
 * with the incident key, the reason and who asked (by name). Only responders may widen paging:
 * Jira must let the signed-in user edit the issue, and the comment recording it is written as
 * them, so Jira's own permissions decide. The request id makes a retried click page only once.
 *
 * @throws ValidationError for a bad payload or an unknown roster; NotFoundError when the user cannot see the issue;
 *   ForbiddenError when they may not edit it.
 */
export async function escalateIncident(
  deps: PagingDeps & { userTracker: IssueTracker },
  input: { issueKey: string; callerAccountId: string; payload: unknown },
): Promise<EscalateIncidentResult> {
  const request = parseWith(escalationSchema, input.payload);
  const config = await loadConfiguration(deps.store);
  const target: EscalationTarget = request.target;
  const roster = target.kind === 'roster' ? rosterById(config, target.rosterId) : undefined;
  if (target.kind === 'roster' && roster === undefined) throw new ValidationError('target.rosterId', `roster "${target.rosterId.slice(0, 40)}" does not exist`);
  const namesWanted = [input.callerAccountId, ...(target.kind === 'user' ? [target.accountId] : [])];
  const [issue, access, names] = await Promise.all([
    deps.userTracker.getIssue(input.issueKey, snapshotFieldIds(config)),
    deps.userTracker.issuePermissions(input.issueKey),
    deps.userTracker.displayNames(namesWanted),
  ]);
  if (issue === undefined || !access.browse) throw new NotFoundError('Issue', input.issueKey);
  if (!access.edit) throw new ForbiddenError(`page more people for ${issue.key}: escalating needs permission to edit the issue`);
  const callerName = names.get(input.callerAccountId) ?? input.callerAccountId;
  const targetLabel = roster === undefined ? (target.kind === 'user' ? (names.get(target.accountId) ?? target.accountId) : '') : `the ${roster.name} roster`;
  const claim = claimedEpisode({
    issueId: issue.id,
    issueKey: issue.key,
    episodeId: `manual-${request.requestId}`,
    intent: target.kind === 'roster' ? { kind: 'roster', rosterId: target.rosterId } : { kind: 'person', accountId: target.accountId },
    reason: `Escalated by ${callerName}: ${request.reason}`,
    now: deps.clock.now(),
    leaseUntil: deps.deadline,
    requestedBy: input.callerAccountId,
  });
  const [claimed] = await Promise.all([claimAndWatch(deps, claim), deps.pager.prepare()]);
  if (claimed) {
    await Promise.all([
      runClaimedEpisode(deps, config, claim, readIncident(issue, config)),
      // As the user: Jira decides whether they may comment (the page itself is the app's to send).
      access.comment ? deps.userTracker.addComment(issue.key, escalationComment({ by: callerName, target: targetLabel, reason: request.reason })) : Promise.resolve(),
    ]);
  }
  try {
    return await getPagingStatus({ repo: deps.repo, clock: deps.clock, userTracker: deps.userTracker }, issue, input.callerAccountId);
  } catch (error) {
    // The page went out; a failed read afterwards must not report the escalation as failed.
    if (!(error instanceof AppError)) throw error;
    return { issueKey: issue.key, episodes: [] };
  }
}
