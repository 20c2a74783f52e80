import { z } from 'zod';
import type { EscalateIncidentResult } from '../../contracts/issue-panel';
import { ValidationError } from '../../domain/errors';
import { parseWith, requiredText } from '../../domain/parse-input';
import type { EscalationTarget } from '../../domain/on-call/escalation-policy';
import { rosterById } from '../configuration';
import { loadConfiguration } from '../configuration-store';
import { NotFoundError } from '../errors';
import { getPagingStatus } from './get-paging-status';
import { readIncident, snapshotFieldIds } from '../incident-fields';
import { escalationComment } from './page-message';
import { runClaimedEpisode, type PagingDeps } from './page-on-call';
import { claimEpisode, claimedEpisode } from './paging-episodes';
import type { IssueTracker } from '../ports';

const escalationSchema = z.strictObject({
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
 * with the incident key, the reason and who asked. Runs as the signed-in user, who must be able
 * to see the incident; the request id makes a retried click page only once.
 *
 * @throws ValidationError for a bad payload or an unknown roster; NotFoundError when the user cannot see the issue.
 */
export async function escalateIncident(
  deps: PagingDeps & { userTracker: IssueTracker },
  input: { issueKey: string; callerAccountId: string; payload: unknown },
): Promise<EscalateIncidentResult> {
  const request = parseWith(escalationSchema, input.payload);
  const config = await loadConfiguration(deps.store);
  const target: EscalationTarget = request.target;
  const roster = target.kind === 'roster' ? rosterById(config, target.rosterId) : undefined;
  if (target.kind === 'roster' && roster === undefined) throw new ValidationError('target.rosterId', `roster "${target.rosterId}" does not exist`);
  const issue = await deps.userTracker.getIssue(input.issueKey, snapshotFieldIds(config));
  if (issue === undefined) throw new NotFoundError('Issue', input.issueKey);
  const targetLabel = roster === undefined ? (target.kind === 'user' ? target.accountId : '') : `the ${roster.name} roster`;
  const claim = claimedEpisode({
    issueId: issue.id,
    issueKey: issue.key,
    episodeId: `manual-${request.requestId}`,
    intent: target.kind === 'roster' ? { kind: 'roster', rosterId: target.rosterId } : { kind: 'person', accountId: target.accountId },
    reason: `Escalated by ${input.callerAccountId}: ${request.reason}`,
    now: deps.clock.now(),
    leaseUntil: deps.deadline,
    requestedBy: input.callerAccountId,
  });
  const [claimed] = await Promise.all([claimEpisode(deps.store, claim), deps.pager.prepare()]);
  if (claimed) {
    await Promise.all([
      runClaimedEpisode(deps, config, claim, readIncident(issue, config)),
      deps.tracker.addComment(issue.key, escalationComment({ by: input.callerAccountId, target: targetLabel, reason: request.reason })),
    ]);
  }
  return getPagingStatus(deps, issue);
}
