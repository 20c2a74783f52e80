/** The Updates tab's typed resolver calls (src/contracts/comms.ts), each answer checked before it is shown. */
import * as z from 'zod/mini';
import {
  COMMS_RESOLVER_KEYS as KEYS,
  type ComposerView,
  type PreviewUpdateResult,
  type PreviewUpdatePayload,
  type RequestReviewPayload,
  type ReviewUpdatePayload,
  type SendUpdatePayload,
  type UpdateKind,
} from '../../../src/contracts/comms';
import type { ResolverResult } from '../../../src/contracts/resolver-result';
import { callResolver } from '../../shared-ui/call-resolver';

const str = z.string();
const opt = z.exactOptional;
const kind = z.enum(['initial', 'follow-up', 'final']);
const status = z.enum(['investigating', 'identified', 'monitoring', 'resolved']);
const channel = z.enum(['status-internal', 'status-external', 'email-jira', 'email-list', 'chat']);
const gap = z.object({ field: str, message: str });
const preview = z.object({ channel, label: str, audience: z.enum(['internal', 'external']), to: str, subject: opt(str), status: opt(status), body: str });

const composerSchema: z.ZodMiniType<ComposerView> = z.object({
  issueKey: str,
  kind,
  suggestedKind: kind,
  canSend: z.boolean(),
  readOnlyReason: opt(str),
  title: str,
  externalTitle: str,
  internal: str,
  external: str,
  status,
  internalGaps: z.array(gap),
  externalGaps: z.array(gap),
  nextUpdateAt: opt(str),
  cadenceMinutes: z.number(),
  previews: z.array(preview),
  missing: z.array(z.object({ channel, label: str, hint: str })),
  approvalRequired: z.boolean(),
  review: opt(
    z.object({
      id: str,
      kind,
      requestedBy: str,
      requestedByName: str,
      reviewer: opt(str),
      reviewerName: opt(str),
      state: z.enum(['requested', 'approved', 'commented']),
      comment: opt(str),
      internal: str,
      external: opt(str),
      at: str,
    }),
  ),
  history: z.array(
    z.object({
      id: str,
      kind,
      at: str,
      by: str,
      byName: str,
      approvedBy: opt(str),
      title: str,
      internal: str,
      external: opt(str),
      status,
      nextUpdateAt: opt(str),
      overrideReason: opt(str),
      deliveries: z.array(z.object({ channel, label: str, state: z.enum(['sending', 'sent', 'failed']), attempts: z.number(), at: str, error: opt(str) })),
    }),
  ),
  nextDue: opt(z.object({ at: str, overdue: z.boolean() })),
});

const previewSchema: z.ZodMiniType<PreviewUpdateResult> = z.object({
  internalGaps: z.array(gap),
  externalGaps: z.array(gap),
  nextUpdateAt: opt(str),
  previews: z.array(preview),
  approvalRequired: z.boolean(),
  approved: z.boolean(),
});

type Answer<T> = Promise<ResolverResult<T>>;

export const getComposer = (kindWanted?: UpdateKind): Answer<ComposerView> => callResolver(KEYS.getComposer, kindWanted === undefined ? {} : { kind: kindWanted }, composerSchema);
export const previewUpdate = (payload: PreviewUpdatePayload): Answer<PreviewUpdateResult> => callResolver(KEYS.previewUpdate, payload, previewSchema);
export const sendUpdate = (payload: SendUpdatePayload): Answer<ComposerView> => callResolver(KEYS.sendUpdate, payload, composerSchema);
export const retryFailedChannels = (updateId: string): Answer<ComposerView> => callResolver(KEYS.retryFailedChannels, { updateId }, composerSchema);
export const requestReview = (payload: RequestReviewPayload): Answer<ComposerView> => callResolver(KEYS.requestReview, payload, composerSchema);
export const reviewUpdate = (payload: ReviewUpdatePayload): Answer<ComposerView> => callResolver(KEYS.reviewUpdate, payload, composerSchema);
