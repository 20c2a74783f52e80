/** The Resolve tab's resolvers, one typed wrapper each, with what the panel accepts from them (src/contracts/resolution.ts). */
import * as z from 'zod/mini';
import {
  RESOLUTION_RESOLVER_KEYS as KEYS,
  type CancelIncidentPayload,
  type CreateCleanupTaskPayload,
  type CreatePostmortemPayload,
  type RecordImpactEndPayload,
  type ResolutionUpdate,
  type ResolutionView,
  type ResolveIncidentPayload,
} from '../../../src/contracts/resolution';
import type { ResolverResult } from '../../../src/contracts/resolver-result';
import { callResolver } from '../../shared-ui/call-resolver';

const opt = z.exactOptional;
const str = z.string();
const task = z.object({ key: str, summary: str, statusName: str, done: z.boolean(), url: str });

export const resolutionViewSchema: z.ZodMiniType<ResolutionView> = z.object({
  issueKey: str,
  status: z.enum(['new', 'fixing', 'resolved', 'closed', 'cancelled']),
  statusName: str,
  impactStart: opt(str),
  detected: opt(str),
  impactEnd: opt(str),
  canResolve: z.boolean(),
  canCancel: z.boolean(),
  impactEndMissing: z.boolean(),
  suggestedImpactEnd: str,
  cleanupTasks: z.array(task),
  postmortem: opt(z.object({ key: str, summary: str, statusName: str, done: z.boolean(), url: str, dueDate: opt(str), assignee: opt(str) })),
  closeBlockedReason: opt(str),
  cleanupConfigured: z.boolean(),
  postmortemConfigured: z.boolean(),
  postmortemDueDate: opt(str),
  nextSteps: z.array(str),
  canEdit: z.boolean(),
});

const updateSchema: z.ZodMiniType<ResolutionUpdate> = z.object({ view: resolutionViewSchema, notices: z.array(str) });

type Answer<T> = Promise<ResolverResult<T>>;

export const getResolution = (): Answer<ResolutionView> => callResolver(KEYS.getResolution, {}, resolutionViewSchema);
export const resolveIncident = (payload: ResolveIncidentPayload): Answer<ResolutionUpdate> => callResolver(KEYS.resolveIncident, payload, updateSchema);
export const recordImpactEnd = (payload: RecordImpactEndPayload): Answer<ResolutionUpdate> => callResolver(KEYS.recordImpactEnd, payload, updateSchema);
export const cancelIncident = (payload: CancelIncidentPayload): Answer<ResolutionUpdate> => callResolver(KEYS.cancelIncident, payload, updateSchema);
export const createCleanupTask = (payload: CreateCleanupTaskPayload): Answer<ResolutionUpdate> => callResolver(KEYS.createCleanupTask, payload, updateSchema);
export const createPostmortem = (payload: CreatePostmortemPayload): Answer<ResolutionUpdate> => callResolver(KEYS.createPostmortem, payload, updateSchema);
