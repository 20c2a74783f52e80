import type { ChannelPreview, ComposerView, PreviewUpdateResult, ReviewView, SentUpdateView, UpdateKind } from '../../contracts/comms';
import { nextUpdateDue } from '../../domain/comms/cadence';
import type { UpdateReview } from '../../domain/comms/compose-update';
import type { StatuspageStatus } from '../../domain/comms/statuspage-status';
import { formatInstant } from '../../domain/time';
import { directoryOf } from '../cockpit/cockpit-view';
import { readOnlyReason } from '../cockpit/incident-context';
import { approvalOf, approvalRequired, cadenceMinutes, prefill, review, statusFor, suggestedKind, type CommsContext } from './comms-context';
import { CHANNEL_LABELS, type ChannelId, type Delivery, type SentUpdate } from './comms-records';
import { planChannels, type ChannelPlan, type UpdateContent } from './channel-plan';

function previewsOf(plan: ChannelPlan): ChannelPreview[] {
  return plan.channels.map((planned) => ({
    channel: planned.channel,
    label: CHANNEL_LABELS[planned.channel],
    audience: planned.audience,
    to: planned.to,
    ...(planned.subject === undefined ? {} : { subject: planned.subject }),
    ...(planned.status === undefined ? {} : { status: planned.status }),
    body: planned.body,
  }));
}

/** The content of an update of this kind from the sender's texts. */
export function contentOf(context: CommsContext, kind: UpdateKind, internal: string, external: string | undefined, status?: StatuspageStatus): UpdateContent {
  const texts = prefill(context, kind);
  return {
    kind,
    title: texts.title,
    externalTitle: context.comms.statuspage.external === undefined ? texts.externalTitle : (context.comms.updates.find((update) => update.externalTitle !== '')?.externalTitle ?? texts.externalTitle),
    internal: internal.trim(),
    ...(external === undefined || external.trim() === '' ? {} : { external: external.trim() }),
    status: kind === 'final' ? 'resolved' : (status ?? statusFor(context, kind, internal)),
  };
}

function reviewView(context: CommsContext): ReviewView | undefined {
  const stored = context.comms.review;
  if (stored === undefined) return undefined;
  const directory = directoryOf(context.incident);
  const reviewer = stored.decidedBy ?? stored.reviewer;
  return {
    id: stored.id,
    kind: stored.kind,
    requestedBy: stored.requestedBy,
    requestedByName: directory.name(stored.requestedBy),
    ...(reviewer === undefined ? {} : { reviewer, reviewerName: directory.name(reviewer) }),
    state: stored.state,
    ...(stored.comment === undefined ? {} : { comment: stored.comment }),
    internal: stored.internal,
    ...(stored.external === undefined ? {} : { external: stored.external }),
    at: formatInstant(stored.at),
  };
}

/** Every sent update, newest first, with each channel's delivery. */
export function historyOf(context: CommsContext): SentUpdateView[] {
  const directory = directoryOf(context.incident);
  return [...context.comms.updates].reverse().map((update: SentUpdate) => ({
    id: update.id,
    kind: update.kind,
    at: formatInstant(update.at),
    by: update.by,
    byName: directory.name(update.by),
    ...(update.approvedBy === undefined ? {} : { approvedBy: directory.name(update.approvedBy) }),
    title: update.title,
    internal: update.internal,
    ...(update.external === undefined ? {} : { external: update.external }),
    status: update.status,
    ...(update.nextUpdateAt === undefined ? {} : { nextUpdateAt: formatInstant(update.nextUpdateAt) }),
    ...(update.overrideReason === undefined ? {} : { overrideReason: update.overrideReason }),
    deliveries: (Object.entries(update.channels) as [ChannelId, Delivery][]).map(([channel, delivery]) => ({
      channel,
      label: CHANNEL_LABELS[channel],
      state: delivery.state,
      attempts: delivery.attempts,
      at: formatInstant(delivery.at),
      ...(delivery.error === undefined ? {} : { error: delivery.error }),
    })),
  }));
}

/** The check, per-channel preview and approval state of a pair of drafts. */
export function previewOf(context: CommsContext, kind: UpdateKind, internal: string, external: string, status?: StatuspageStatus): PreviewUpdateResult & { readonly check: UpdateReview } {
  const check = review(context, kind, internal, external);
  const plan = planChannels(context.incident, context.settings, context.secrets, context.comms, contentOf(context, kind, internal, external, status));
  return {
    check,
    internalGaps: check.internalGaps,
    externalGaps: check.externalGaps,
    ...(check.nextUpdateAt === undefined ? {} : { nextUpdateAt: formatInstant(check.nextUpdateAt) }),
    previews: previewsOf(plan),
    approvalRequired: approvalRequired(context),
    approved: approvalOf(context, internal, external) !== undefined,
  };
}

/** The Updates tab: the composer prefilled for `kind` (or the phase the incident is in), and the history. */
export function composerView(context: CommsContext, requested?: UpdateKind): ComposerView {
  const suggested = suggestedKind(context);
  const kind = requested ?? suggested;
  const texts = prefill(context, kind);
  const preview = previewOf(context, kind, texts.internal, texts.external);
  const plan = planChannels(context.incident, context.settings, context.secrets, context.comms, contentOf(context, kind, texts.internal, texts.external));
  const reason = readOnlyReason(context.incident.permissions);
  const due = nextUpdateDue(context.facts, context.incident.now, cadenceMinutes(context) * 60_000);
  const view = reviewView(context);
  return {
    issueKey: context.incident.record.key,
    kind,
    suggestedKind: suggested,
    canSend: reason === undefined,
    ...(reason === undefined ? {} : { readOnlyReason: reason }),
    title: texts.title,
    externalTitle: contentOf(context, kind, texts.internal, texts.external).externalTitle,
    internal: texts.internal,
    external: texts.external,
    status: kind === 'final' ? 'resolved' : statusFor(context, kind, texts.internal),
    internalGaps: preview.internalGaps,
    externalGaps: preview.externalGaps,
    ...(preview.nextUpdateAt === undefined ? {} : { nextUpdateAt: preview.nextUpdateAt }),
    cadenceMinutes: cadenceMinutes(context),
    previews: preview.previews,
    missing: plan.missing.map((hint) => ({ channel: hint.channel, label: CHANNEL_LABELS[hint.channel], hint: hint.hint })),
    approvalRequired: preview.approvalRequired,
    ...(view === undefined ? {} : { review: view }),
    history: historyOf(context),
    ...(due === undefined ? {} : { nextDue: { at: formatInstant(due.at), overdue: due.overdueByMs > 0 } }),
  };
}
