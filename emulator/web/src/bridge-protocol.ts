/**
 * The messages a Custom UI frame and the host page exchange by postMessage. The frame side
 * (`frame/forge-frame.ts`) turns `callBridge(cmd, payload)` into a `call`; the host answers with a
 * `result`. Functions cannot cross postMessage, so the frame swaps each function in a payload for a
 * callback reference the host can later call back through.
 */
import * as z from 'zod/mini';

export const frameSource = 'forge-local-frame';
export const hostSource = 'forge-local-host';
export const callbackKey = '__forgeLocalCallback';

export const callbackRef = z.object({ [callbackKey]: z.string() });
export type CallbackRef = z.infer<typeof callbackRef>;

export const frameMessage = z.discriminatedUnion('kind', [
  z.object({
    source: z.literal(frameSource),
    kind: z.literal('call'),
    frameId: z.string(),
    callId: z.number(),
    cmd: z.string(),
    payload: z.unknown(),
  }),
  z.object({
    source: z.literal(frameSource),
    kind: z.literal('callback-result'),
    frameId: z.string(),
    replyId: z.number(),
    ok: z.boolean(),
    value: z.unknown(),
    error: z.optional(z.string()),
  }),
]);
export type FrameMessage = z.infer<typeof frameMessage>;

export const colorMode = z.enum(['light', 'dark']);
export type ColorMode = z.infer<typeof colorMode>;

export const hostMessage = z.discriminatedUnion('kind', [
  z.object({ source: z.literal(hostSource), kind: z.literal('result'), callId: z.number(), ok: z.boolean(), value: z.unknown(), error: z.optional(z.string()) }),
  z.object({ source: z.literal(hostSource), kind: z.literal('callback'), callbackId: z.string(), replyId: z.number(), args: z.array(z.unknown()) }),
  z.object({ source: z.literal(hostSource), kind: z.literal('theme'), htmlAttrs: z.record(z.string(), z.string()) }),
]);
export type HostMessage = z.infer<typeof hostMessage>;

/** The query parameters a frame URL carries, read by the frame before the app's bundle runs. */
export const frameQuery = { frameId: 'frame' } as const;

/** Where the host serves a resource's files: `/forge/<resource-key>/…`. */
export function resourceBasePath(resourceKey: string): string {
  return `/forge/${encodeURIComponent(resourceKey)}/`;
}

/** Where the theme stylesheet a frame loads after `view.theme.enable()` lives. */
export const themeStylesheetPath = '/__web/theme.css';
