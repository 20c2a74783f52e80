import { z } from 'zod';
import type { ComposerView } from '../../contracts/comms';
import { RuleViolation } from '../../domain/errors';
import { parseWith } from '../../domain/parse-input';
import { directoryOf } from '../cockpit/cockpit-view';
import { requireEditor } from '../cockpit/incident-context';
import type { CockpitCaller } from '../cockpit/ports';
import { issueUrl } from '../incident-fields';
import { loadCommsContext, type CommsContext } from './comms-context';
import { commsKeys, encodeComms, type ReviewRecord } from './comms-records';
import { composerView } from './comms-view';
import type { CommsDeps } from './ports';

export const reviewRequestSchema = z.strictObject({
  kind: z.enum(['initial', 'follow-up', 'final']),
  internal: z.string().max(8000),
  external: z.string().max(2000),
  reviewerAccountId: z.string().min(1).max(128).exactOptional(),
});

export const reviewDecisionSchema = z.strictObject({
  reviewId: z.string().min(1).max(64),
  decision: z.enum(['approve', 'comment']),
  comment: z.string().max(2000).exactOptional(),
});

/** Tells people in the room and by Jira notification; either failing leaves the other. */
async function tell(deps: CommsDeps, context: CommsContext, accountIds: readonly string[], subject: string, message: string): Promise<void> {
  const room = context.incident.state.room;
  const url = issueUrl(context.incident.config, context.incident.record.key);
  await Promise.all([
    room === undefined ? Promise.resolve() : deps.chat.post(room.id, message).catch((error: unknown) => console.warn(`The review message was not posted: ${String(error)}`)),
    accountIds.length === 0
      ? Promise.resolve()
      : deps.appTracker.notify(context.incident.record.key, { subject, textBody: `${message}\n\n${url}`, htmlBody: `<p>${escapeHtml(message)}</p><p><a href="${url}">${url}</a></p>`, accountIds }).catch((error: unknown) => console.warn(`The review notification was not sent: ${String(error)}`)),
  ]);
}

const escapeHtml = (value: string): string => value.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char);

/**
 * "Ask for review": keeps the drafts for a second opinion and tells the reviewer (the chosen responder,
 * else the communications managers) in the chat room and by Jira notification.
 */
export async function requestReview(deps: CommsDeps, caller: CockpitCaller, payload: unknown): Promise<ComposerView> {
  const input = parseWith(reviewRequestSchema, payload, 'review');
  const { context } = await loadCommsContext(deps, caller);
  requireEditor(context.incident, 'ask for a review');
  const reviewers = input.reviewerAccountId !== undefined ? [input.reviewerAccountId] : context.incident.record.communicationsManagers.map((person) => person.accountId).filter((id) => id !== caller.accountId);
  const review: ReviewRecord = {
    id: deps.newId(),
    kind: input.kind,
    requestedBy: caller.accountId,
    ...(reviewers[0] === undefined ? {} : { reviewer: reviewers[0] }),
    state: 'requested',
    internal: input.internal,
    ...(input.external.trim() === '' ? {} : { external: input.external }),
    at: context.incident.now,
  };
  const directory = directoryOf(context.incident);
  const who = reviewers.length === 0 ? 'a communications manager' : reviewers.map((id) => directory.name(id)).join(', ');
  const key = context.incident.record.key;
  await Promise.all([
    deps.store.set(commsKeys.review(caller.issueId), encodeComms.review(review)),
    tell(deps, context, reviewers, `${key}: review the ${input.kind} update`, `${directory.name(caller.accountId)} asks ${who} to review the ${input.kind} update on ${key} before it is sent: open the Updates tab of ${key}.`),
  ]);
  return composerView({ ...context, comms: { ...context.comms, review } });
}

/** The reviewer approves the drafts or comments on them, in the same composer; the requester hears back. */
export async function reviewUpdate(deps: CommsDeps, caller: CockpitCaller, payload: unknown): Promise<ComposerView> {
  const input = parseWith(reviewDecisionSchema, payload, 'decision');
  const { context } = await loadCommsContext(deps, caller);
  requireEditor(context.incident, 'review an update');
  const current = context.comms.review;
  if (current?.id !== input.reviewId) throw new RuleViolation('review-not-found', 'This review request was replaced by a newer one; review the drafts shown now.');
  if (input.decision === 'approve' && current.requestedBy === caller.accountId) throw new RuleViolation('self-approval', 'A second opinion comes from someone else: ask another responder to approve.');
  const comment = input.comment?.trim() ?? '';
  if (input.decision === 'comment' && comment === '') throw new RuleViolation('comment-required', 'Write the comment for the writer.');
  const review: ReviewRecord = { ...current, state: input.decision === 'approve' ? 'approved' : 'commented', decidedBy: caller.accountId, ...(comment === '' ? {} : { comment }) };
  const directory = directoryOf(context.incident);
  const key = context.incident.record.key;
  const message = input.decision === 'approve' ? `${directory.name(caller.accountId)} approved the ${current.kind} update on ${key}.` : `${directory.name(caller.accountId)} commented on the ${current.kind} update on ${key}: ${comment}`;
  await Promise.all([deps.store.set(commsKeys.review(caller.issueId), encodeComms.review(review)), tell(deps, context, [current.requestedBy], `${key}: update reviewed`, message)]);
  return composerView({ ...context, comms: { ...context.comms, review } });
}
