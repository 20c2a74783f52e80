import { z } from 'zod';
import type { ComposerView, UpdateKind } from '../../contracts/comms';
import { STATUSPAGE_STATUSES } from '../../domain/comms/statuspage-status';
import { RuleViolation } from '../../domain/errors';
import { parseWith } from '../../domain/parse-input';
import { noteBy } from '../cockpit/change-parts';
import { requireEditor } from '../cockpit/incident-context';
import type { CockpitCaller } from '../cockpit/ports';
import { RemoteCallError } from '../errors';
import { withRetry } from '../retry';
import { approvalOf, approvalRequired, loadCommsContext, type CommsContext } from './comms-context';
import { commsKeys, encodeComms, type ChannelId, type Delivery, type SentUpdate, type StatuspageRef } from './comms-records';
import { contentOf, composerView, previewOf } from './comms-view';
import { planChannels, type PlannedChannel } from './channel-plan';
import type { CommsDeps } from './ports';

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

/** The Send payload: the drafts as written, and an id the panel made once for this update. */
export const sendUpdateSchema = z.strictObject({
  updateId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'must be the id the panel generated for this update'),
  kind: z.enum(['initial', 'follow-up', 'final']),
  internal: text(8000),
  external: text(2000),
  status: z.enum(STATUSPAGE_STATUSES).exactOptional(),
  overrideReason: text(300).exactOptional(),
});
export type SendUpdateInput = z.output<typeof sendUpdateSchema>;

/** How often one channel is tried within the invocation; the rest is "retry failed channels". */
const ATTEMPTS_PER_CHANNEL = 3;

interface ChannelOutcome {
  readonly channel: ChannelId;
  readonly delivery: Delivery;
  readonly opened?: { page: 'internal' | 'external'; incidentId: string };
}

function describeError(error: unknown): string {
  if (error instanceof RemoteCallError) return error.summary.slice(0, 500);
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

/** Sends every channel at once; one channel failing never stops the others. */
async function sendAll(deps: CommsDeps, context: CommsContext, channels: readonly PlannedChannel[], previous: Partial<Record<ChannelId, Delivery>>): Promise<ChannelOutcome[]> {
  const deadline = context.incident.now + 20_000;
  return Promise.all(
    channels.map(async (planned): Promise<ChannelOutcome> => {
      let attempts = previous[planned.channel]?.attempts ?? 0;
      try {
        const result = await withRetry(
          () => {
            attempts += 1;
            return planned.send(deps);
          },
          { clock: deps.clock, deadline, maxAttempts: ATTEMPTS_PER_CHANNEL },
        );
        return { channel: planned.channel, delivery: { state: 'sent', attempts, at: deps.clock.now() }, ...(result?.openedIncident === undefined ? {} : { opened: result.openedIncident }) };
      } catch (error) {
        return { channel: planned.channel, delivery: { state: 'failed', attempts, at: deps.clock.now(), error: describeError(error) } };
      }
    }),
  );
}

/** Keeps what was sent: the update with each channel's delivery, the Statuspage incidents it opened, and the reminder for the next one. */
async function record(deps: CommsDeps, context: CommsContext, update: SentUpdate, outcomes: readonly ChannelOutcome[], first: boolean): Promise<void> {
  const { incident } = context;
  const issueId = incident.caller.issueId;
  const writes: Promise<unknown>[] = [deps.store.set(commsKeys.update(issueId, update.id), encodeComms.update(update))];
  for (const outcome of outcomes) {
    const page = outcome.channel === 'status-internal' ? 'internal' : outcome.channel === 'status-external' ? 'external' : undefined;
    if (page === undefined || outcome.delivery.state !== 'sent') continue;
    const incidentId = outcome.opened?.incidentId ?? context.comms.statuspage[page]?.incidentId;
    if (incidentId !== undefined) writes.push(deps.store.set(commsKeys.statuspage(issueId, page), encodeComms.statuspage({ incidentId, status: update.status } satisfies StatuspageRef)));
  }
  if (first) {
    const sentTo = outcomes.filter((outcome) => outcome.delivery.state === 'sent').map((outcome) => outcome.channel);
    const failed = outcomes.filter((outcome) => outcome.delivery.state === 'failed').map((outcome) => outcome.channel);
    const line = `Sent the ${update.kind} update "${update.title}" to ${sentTo.length === 0 ? 'no channel' : sentTo.join(', ')}${failed.length === 0 ? '' : ` (failed: ${failed.join(', ')})`}.${update.overrideReason === undefined ? '' : ` Sent with gaps: ${update.overrideReason}`}\n\n${update.internal}`;
    const note = noteBy(deps, incident, 'note', line);
    writes.push(deps.store.set(note.write.key, note.write.kind === 'set' ? note.write.value : undefined));
    // The internal Jira comment is part of the record; a refused comment must not undo what was sent.
    writes.push(deps.issues.update(incident.record.key, { fields: {}, comment: note.comment }).catch((error: unknown) => console.warn(`The comment on ${incident.record.key} was not added: ${describeError(error)}`)));
    if (update.kind === 'final') {
      writes.push(deps.store.delete(commsKeys.due(issueId)));
    } else if (update.nextUpdateAt !== undefined) {
      const job = { issueId, issueKey: incident.record.key, updateId: update.id, dueAt: update.nextUpdateAt };
      writes.push(deps.store.set(commsKeys.due(issueId), encodeComms.due(job)));
      writes.push(deps.reminders.schedule([{ job, at: Math.max(incident.now, update.nextUpdateAt - context.settings.reminderLeadMinutes * 60_000) }]));
    }
  }
  await Promise.all(writes);
}

/**
 * Sends an update to every configured channel at once and records it: three rounds of remote calls
 * (read everything and claim the update id; send all channels in parallel; record). A repeated request
 * with the same update id sends nothing again; a failed channel leaves the others delivered.
 *
 * @throws ForbiddenError without Edit on the incident; RuleViolation for gaps without a reason, a missing approval or an update being sent.
 */
export async function sendUpdate(deps: CommsDeps, caller: CockpitCaller, payload: unknown): Promise<ComposerView> {
  const input = parseWith(sendUpdateSchema, payload, 'update');
  // The claim is written alongside the reads (one round); a caller the reads refuse (who may not see the
  // incident) leaves no claim behind.
  const claim = deps.store.setIfAbsent(commsKeys.update(caller.issueId, input.updateId), encodeComms.claim(input.updateId, deps.clock.now(), caller.accountId));
  const { context, extra: claimed } = await loadCommsContext(deps, caller, () => claim).catch(async (error: unknown) => {
    if (await claim.catch(() => false)) await deps.store.delete(commsKeys.update(caller.issueId, input.updateId));
    throw error;
  });
  const release = async (error: unknown): Promise<never> => {
    if (claimed === true) await deps.store.delete(commsKeys.update(caller.issueId, input.updateId));
    throw error;
  };
  try {
    requireEditor(context.incident, 'send an update');
  } catch (error) {
    return release(error);
  }
  if (claimed !== true) {
    if (context.comms.updates.some((update) => update.id === input.updateId)) return composerView(context);
    throw new RuleViolation('update-in-flight', 'This update is being sent already; its delivery shows in the history in a moment.');
  }
  const preview = previewOf(context, input.kind, input.internal, input.external, input.status);
  const reason = input.overrideReason?.trim() ?? '';
  if (!preview.check.complete && reason === '') {
    const gaps = [...preview.check.internalGaps, ...preview.check.externalGaps].map((gap) => gap.message);
    return release(new RuleViolation('update-incomplete', `The update has gaps; fix them or give a one-line reason to send anyway: ${gaps.join(' ')}`));
  }
  const approvedBy = approvalOf(context, input.internal, input.external);
  if (approvalRequired(context) && input.external.trim() !== '' && approvedBy === undefined) {
    return release(new RuleViolation('approval-required', 'External updates at this severity need a second opinion: ask for a review and send once it is approved.'));
  }
  const content = contentOf(context, input.kind, input.internal, input.external, input.status);
  const plan = planChannels(context.incident, context.settings, context.secrets, context.comms, content);
  const outcomes = await sendAll(deps, context, plan.channels, {});
  const update: SentUpdate = {
    id: input.updateId,
    kind: input.kind,
    at: context.incident.now,
    by: caller.accountId,
    ...(approvedBy === undefined ? {} : { approvedBy }),
    title: content.title,
    internal: content.internal,
    externalTitle: content.externalTitle,
    ...(content.external === undefined ? {} : { external: content.external }),
    status: content.status,
    ...(preview.check.nextUpdateAt === undefined || input.kind === 'final' ? {} : { nextUpdateAt: preview.check.nextUpdateAt }),
    ...(reason === '' || preview.check.complete ? {} : { overrideReason: reason }),
    channels: Object.fromEntries(outcomes.map((outcome) => [outcome.channel, outcome.delivery])),
  };
  await record(deps, context, update, outcomes, true);
  return composerView(withUpdate(context, update, outcomes));
}

function withUpdate(context: CommsContext, update: SentUpdate, outcomes: readonly ChannelOutcome[]): CommsContext {
  const statuspage = { ...context.comms.statuspage };
  for (const outcome of outcomes) {
    if (outcome.opened !== undefined) statuspage[outcome.opened.page] = { incidentId: outcome.opened.incidentId, status: update.status };
  }
  const updates = [...context.comms.updates.filter((existing) => existing.id !== update.id), update].sort((a, b) => a.at - b.at);
  return { ...context, comms: { ...context.comms, updates, statuspage } };
}

export const retrySchema = z.strictObject({ updateId: z.string().min(1).max(64) });

/**
 * Sends a recorded update again to the channels that failed (or were cut off mid-send), and only those.
 *
 * @throws ForbiddenError without Edit; RuleViolation when the update does not exist or nothing failed.
 */
export async function retryFailedChannels(deps: CommsDeps, caller: CockpitCaller, payload: unknown): Promise<ComposerView> {
  const { updateId } = parseWith(retrySchema, payload, 'retry');
  const { context } = await loadCommsContext(deps, caller);
  requireEditor(context.incident, 'retry failed channels');
  const update = context.comms.updates.find((candidate) => candidate.id === updateId);
  if (update === undefined) throw new RuleViolation('update-not-found', 'There is no sent update with this id on this incident.');
  const failed = new Set((Object.entries(update.channels) as [ChannelId, Delivery][]).filter(([, delivery]) => delivery.state !== 'sent').map(([channel]) => channel));
  if (failed.size === 0) return composerView(context);
  const content = { kind: update.kind as UpdateKind, title: update.title, externalTitle: update.externalTitle, internal: update.internal, ...(update.external === undefined ? {} : { external: update.external }), status: update.status };
  const plan = planChannels(context.incident, context.settings, context.secrets, context.comms, content);
  const outcomes = await sendAll(deps, context, plan.channels.filter((planned) => failed.has(planned.channel)), update.channels);
  const retried: SentUpdate = { ...update, channels: { ...update.channels, ...Object.fromEntries(outcomes.map((outcome) => [outcome.channel, outcome.delivery])) } };
  await record(deps, context, retried, outcomes, false);
  return composerView(withUpdate(context, retried, outcomes));
}
