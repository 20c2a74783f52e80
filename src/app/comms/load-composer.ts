import { z } from 'zod';
import type { ComposerView, PreviewUpdateResult } from '../../contracts/comms';
import { STATUSPAGE_STATUSES } from '../../domain/comms/statuspage-status';
import { parseWith } from '../../domain/parse-input';
import type { CockpitCaller } from '../cockpit/ports';
import { loadCommsContext } from './comms-context';
import { composerView, previewOf } from './comms-view';
import type { CommsDeps } from './ports';

const kindSchema = z.enum(['initial', 'follow-up', 'final']);

/** The Updates tab: the composer for `kind` (default: the phase the incident is in) and the history. A viewer gets the history only. */
/** The composer's payload: which update to prefill, when the IM chose one. */
export const composerSchema = z.strictObject({ kind: kindSchema.exactOptional() });

export async function loadComposer(deps: CommsDeps, caller: CockpitCaller, payload: unknown): Promise<ComposerView> {
  const { kind } = parseWith(composerSchema, payload, 'composer');
  const { context } = await loadCommsContext(deps, caller);
  return composerView(context, kind);
}

export const previewSchema = z.strictObject({ kind: kindSchema, internal: z.string().max(8000), external: z.string().max(2000), status: z.enum(STATUSPAGE_STATUSES).exactOptional() });

/** The live check and per-channel preview of drafts as they are typed. */
export async function previewUpdate(deps: CommsDeps, caller: CockpitCaller, payload: unknown): Promise<PreviewUpdateResult> {
  const input = parseWith(previewSchema, payload, 'preview');
  const { context } = await loadCommsContext(deps, caller);
  const { check: _check, ...result } = previewOf(context, input.kind, input.internal, input.external, input.status);
  return result;
}
