/**
 * The platform's side of `@forge/events`: `Queue.push` (`/webhook/queue/publish/…`), job stats and
 * cancel, reached through `@forge/api`'s Atlassian request as the app (`remote: 'stargate'`).
 * Requests and limits are checked as the platform checks them; pushed events become stored jobs.
 */
import { z } from 'zod';
import type { PushedEvent } from './event-delivery';
import { jsonResponse } from './fetch-response';

/** What the site's queues must do for the API. */
export interface QueuePlatform {
  /** Stores the events for the queue's consumers; answers how many consumers take them. */
  push(queueName: string, pushId: string, events: readonly PushedEvent[]): number;
  /** Events of the push still waiting or running, and how many were pushed; undefined for an unknown push. */
  stats(pushId: string): { pending: number; total: number } | undefined;
  /** Forgets the push's events that have not run; false for an unknown push. */
  cancel(pushId: string): boolean;
}

const queueName = z.string().regex(/^[a-zA-Z0-9-_]+$/);
const pushedEvent = z.strictObject({
  body: z.record(z.string(), z.unknown()),
  delayInSeconds: z.number().int().min(0).max(900).exactOptional(),
  concurrency: z.unknown().exactOptional(),
});
const pushRequest = z.looseObject({ queueName, jobId: z.string().min(1), payload: z.array(pushedEvent).min(1).max(50) });
const jobRequest = z.looseObject({ queueName, jobId: z.string().min(1) });

/** Forge refuses a push whose events add up to more than 200 KB. */
const MAX_PUSH_BYTES = 200 * 1024;

export function isQueuePath(path: string): boolean {
  return path.startsWith('/webhook/queue/');
}

export function handleQueueApi(path: string, text: string | undefined, queues: QueuePlatform): Response {
  const body = safeJson(text);
  if (path.startsWith('/webhook/queue/publish/')) {
    const request = pushRequest.safeParse(body);
    if (!request.success) return jsonResponse(400, { message: `Invalid push: ${z.prettifyError(request.error).split('\n').join(' ')}` });
    if (Buffer.byteLength(JSON.stringify(request.data.payload)) > MAX_PUSH_BYTES) {
      return jsonResponse(413, { errorMessage: 'The combined payload of the pushed events exceeds 200 KB' });
    }
    queues.push(request.data.queueName, request.data.jobId, request.data.payload);
    return jsonResponse(201, {});
  }
  const request = jobRequest.safeParse(body);
  if (!request.success) return jsonResponse(400, { message: `Invalid request: ${z.prettifyError(request.error).split('\n').join(' ')}` });
  if (path.startsWith('/webhook/queue/stats/')) {
    const stats = queues.stats(request.data.jobId);
    if (stats === undefined) return jsonResponse(404, { message: 'No such job' });
    return jsonResponse(200, { success: stats.total - stats.pending, inProgress: stats.pending, failed: 0 });
  }
  if (path.startsWith('/webhook/queue/cancel/')) {
    return queues.cancel(request.data.jobId) ? new Response(null, { status: 204 }) : jsonResponse(404, { message: 'No such job' });
  }
  return jsonResponse(501, { message: `The local site does not implement the queue operation ${path}` });
}

function safeJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
