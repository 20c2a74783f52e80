/**
 * Runs inside every Custom UI frame before the app's own bundle: it defines
 * `window.__bridge.callBridge`, the seam the real `@forge/bridge` calls, and carries each call to the
 * host page by postMessage. It also loads iframe-resizer's frame half, which is how Forge hosts size
 * Custom UI frames to their content.
 */
import 'iframe-resizer/js/iframeResizer.contentWindow';
import { callbackKey, frameMessage, frameQuery, frameSource, hostMessage, themeStylesheetPath, type FrameMessage } from '../bridge-protocol';

type Callback = (...args: unknown[]) => unknown;

interface Pending {
  cmd: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface HistoryLocation {
  pathname: string;
  search: string;
  hash: string;
  state: unknown;
  key?: string;
}

type HistoryListener = (location: HistoryLocation, action: string) => void;

declare global {
  interface Window {
    __bridge?: { callBridge: (cmd: string, payload?: unknown) => Promise<unknown> };
  }
}

const frameId = new URLSearchParams(window.location.search).get(frameQuery.frameId) ?? '';
const pending = new Map<number, Pending>();
const callbacks = new Map<string, Callback>();
// The same function keeps its reference, so a UI Kit handler that survives a render keeps working.
const callbackIds = new WeakMap<Callback, string>();
// Handlers the last UI Kit tree (`reconcile`) referenced: those the next tree drops are forgotten.
let reconciledIds = new Set<string>();
let nextCallId = 1;
let nextCallbackId = 1;
let themingEnabled = false;

function post(message: FrameMessage): void {
  // Validated before sending so a malformed message is a bug here, not a silent drop in the host.
  window.parent.postMessage(frameMessage.parse(message), window.location.origin);
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Swaps functions for callback references, recursively through arrays and plain objects; `seen` collects the references made. */
function encode(value: unknown, seen?: Set<string>): unknown {
  if (typeof value === 'function') {
    const callback = value as Callback;
    let id = callbackIds.get(callback);
    if (id === undefined) {
      id = `${frameId}:${nextCallbackId++}`;
      callbackIds.set(callback, id);
    }
    callbacks.set(id, callback);
    seen?.add(id);
    return { [callbackKey]: id };
  }
  // Symbols cannot cross postMessage (a React element in a UI Kit prop carries one): the host sees their name.
  if (typeof value === 'symbol') return String(value);
  if (Array.isArray(value)) return value.map((item) => encode(item, seen));
  if (value !== null && typeof value === 'object' && isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encode(item, seen)]));
  }
  return value;
}

/** A UI Kit tree carries every handler of the screen; handlers it no longer names are released. */
function encodeReconcile(payload: unknown): unknown {
  const seen = new Set<string>();
  const encoded = encode(payload, seen);
  for (const id of reconciledIds) if (!seen.has(id)) callbacks.delete(id);
  reconciledIds = seen;
  return encoded;
}

function call(cmd: string, payload: unknown): Promise<unknown> {
  const callId = nextCallId++;
  return new Promise((resolve, reject) => {
    pending.set(callId, { cmd, resolve, reject });
    try {
      post({ source: frameSource, kind: 'call', frameId, callId, cmd, payload: cmd === 'reconcile' ? encodeReconcile(payload) : encode(payload) });
    } catch (error) {
      pending.delete(callId);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

function applyTheme(htmlAttrs: Record<string, string>): void {
  const root = document.documentElement;
  for (const [name, value] of Object.entries(htmlAttrs)) root.setAttribute(name, value);
  if (document.querySelector(`link[href="${themeStylesheetPath}"]`) === null) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = themeStylesheetPath;
    document.head.appendChild(link);
  }
}

async function runCallback(callbackId: string, replyId: number, args: unknown[]): Promise<void> {
  const callback = callbacks.get(callbackId);
  try {
    if (callback === undefined) throw new Error(`The frame no longer holds callback ${callbackId}`);
    const value = await callback(...args);
    post({ source: frameSource, kind: 'callback-result', frameId, replyId, ok: true, value: encode(value) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    post({ source: frameSource, kind: 'callback-result', frameId, replyId, ok: false, value: undefined, error: message });
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.source !== window.parent || event.origin !== window.location.origin) return;
  const parsed = hostMessage.safeParse(event.data);
  if (!parsed.success) return;
  const message = parsed.data;
  if (message.kind === 'theme') {
    if (themingEnabled) applyTheme(message.htmlAttrs);
    return;
  }
  if (message.kind === 'callback') {
    void runCallback(message.callbackId, message.replyId, message.args);
    return;
  }
  const entry = pending.get(message.callId);
  if (entry === undefined) return;
  pending.delete(message.callId);
  if (message.ok) entry.resolve(message.value);
  else entry.reject(new Error(message.error ?? `The host could not run "${entry.cmd}"`));
});

function parseLocation(value: unknown): HistoryLocation {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const text = (key: string): string => (typeof record[key] === 'string' ? (record[key] as string) : '');
  return { pathname: text('pathname') || '/', search: text('search'), hash: text('hash'), state: record['state'] ?? null };
}

/** A `history`-style object whose location is the part of the host URL that belongs to the app. */
async function createHistory(): Promise<unknown> {
  const listeners = new Set<HistoryListener>();
  const history = {
    action: 'POP',
    location: { pathname: '/', search: '', hash: '', state: null } as HistoryLocation,
    get length(): number {
      return window.history.length;
    },
    push: (to: unknown, state?: unknown) => void call('historyNavigate', { action: 'PUSH', to, state: state ?? null }),
    replace: (to: unknown, state?: unknown) => void call('historyNavigate', { action: 'REPLACE', to, state: state ?? null }),
    go: (delta: number) => void call('historyNavigate', { action: 'POP', delta }),
    goBack: () => history.go(-1),
    goForward: () => history.go(1),
    back: () => history.go(-1),
    forward: () => history.go(1),
    block: () => () => undefined,
    createHref: (to: unknown) => (typeof to === 'string' ? to : `${parseLocation(to).pathname}${parseLocation(to).search}${parseLocation(to).hash}`),
    listen: (listener: HistoryListener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const initial = await call('createHistory', {
    onChange: (update: unknown) => {
      const record = typeof update === 'object' && update !== null ? (update as Record<string, unknown>) : {};
      history.location = parseLocation(record['location']);
      history.action = typeof record['action'] === 'string' ? record['action'] : 'POP';
      for (const listener of listeners) listener(history.location, history.action);
    },
  });
  history.location = parseLocation(initial);
  return history;
}

async function callBridge(cmd: string, payload?: unknown): Promise<unknown> {
  if (cmd === 'createHistory') return createHistory();
  const value = await call(cmd, payload);
  if (cmd === 'on' || cmd === 'onPublic') {
    return { unsubscribe: () => void call('off', value) };
  }
  if (cmd === 'enableTheming') {
    themingEnabled = true;
    const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
    const attrs = record['htmlAttrs'];
    if (typeof attrs === 'object' && attrs !== null) applyTheme(attrs as Record<string, string>);
    return undefined;
  }
  return value;
}

window.__bridge = { callBridge };

// Script errors inside the frame are otherwise invisible from the site's log; a few are enough.
let reportsLeft = 20;
window.addEventListener('error', (event) => {
  if (reportsLeft <= 0) return;
  reportsLeft -= 1;
  void call('reportError', { message: event.message, source: event.filename, line: event.lineno }).catch(() => undefined);
});
