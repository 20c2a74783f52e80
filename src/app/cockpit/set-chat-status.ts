import type { CockpitUpdate, SetChatStatusPayload } from '../../contracts/cockpit';
import { RuleViolation } from '../../domain/errors';
import { currentIncidentManager } from '../../domain/roles';
import { NotConfiguredError } from '../errors';
import { applyChange } from './apply-change';
import { loadIncidentContext, requireEditor } from './incident-context';
import { chatStatusEffect } from './open-comms';
import type { CockpitCaller, CockpitDeps } from './ports';

/**
 * Shows the issue key as the IM's own chat status, or clears it. Only the incident manager marks
 * themselves as managing; anyone whose status the app set may clear their own.
 *
 * @throws NotConfiguredError without a chat integration; RuleViolation for someone who is not the IM.
 */
export async function setChatStatus(deps: CockpitDeps, caller: CockpitCaller, input: SetChatStatusPayload): Promise<CockpitUpdate> {
  const context = await loadIncidentContext(deps, caller);
  requireEditor(context, 'change the chat status');
  if (!context.chatConfigured) throw new NotConfiguredError('no chat integration is set up');
  const im = currentIncidentManager(context.state.roles.map((stored) => stored.assignment), context.now) ?? context.record.assignee?.accountId;
  if (input.managing && im !== caller.accountId) {
    throw new RuleViolation('not-incident-manager', 'Only the incident manager shows this incident as their chat status.');
  }
  const effect = chatStatusEffect(deps, context, caller.accountId, input.managing);
  const update = await applyChange(deps, context, { writes: [], effects: () => [effect] });
  const [failure] = update.notices;
  // Setting the status is the whole of this action, so its failure is the answer rather than a notice.
  if (failure !== undefined) throw new RuleViolation('chat-status-failed', failure);
  return update;
}
