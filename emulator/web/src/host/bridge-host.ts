/**
 * The host page's end of the Custom UI bridge: one postMessage listener for every frame on the
 * page. A call is accepted only from the window of the frame it names, answered by the command
 * handlers, and a command the host does not support fails loudly in the console and the site log.
 */
import { callbackKey, callbackRef, frameMessage, hostSource, type HostMessage } from '../bridge-protocol';
import type { EntryPointName, SiteInfo, SiteUser, UiModuleInfo } from '../api/site-info';
import { runCommand, UnsupportedCommandError } from './bridge-commands';
import { reportToSite } from './site-log';

/** What the page around a frame lets the app do (each is optional: a view that is not submittable has no `submit`). */
export interface ViewHandlers {
  submit?: (payload: unknown) => Promise<void> | void;
  close?: (payload: unknown) => void;
  refresh?: (payload: unknown) => void;
  /** Base path of the module's own page, under which `createHistory` locations live. */
  historyBase?: string;
  /** A post-function create/edit view hands over the function that produces its configuration. */
  setConfigureCallback?: (configure: () => Promise<unknown>) => void;
  /** A UI Kit frame hands over each tree its reconciler commits (`callBridge('reconcile', {forgeDoc})`). */
  reconcile?: (forgeDoc: unknown) => void;
  /** A UI Kit frame reports an error its reconciler could not recover from. */
  uiKitError?: (message: string) => void;
}

/** A frame left the page (its view closed) before answering a call back into it. */
export class FrameRemovedError extends Error {
  override readonly name = 'FrameRemovedError';
  constructor() {
    super('The frame was removed before it answered');
  }
}

export interface FrameBinding {
  frameId: string;
  window: () => Window | null;
  module: UiModuleInfo;
  entryPoint: EntryPointName;
  /** Read at each `getContext`, so the context follows the page (a refreshed issue, a saved configuration). */
  extension: () => Record<string, unknown>;
  instance?: string;
  handlers: ViewHandlers;
}

export interface HostEnvironment {
  info: SiteInfo;
  user: SiteUser;
  colorMode: () => 'light' | 'dark';
  themeAttrs: () => Record<string, string>;
}

interface Subscription {
  frameId: string;
  event: string;
  callbackId: string;
}

interface PendingCallback {
  frameId: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export class BridgeHost {
  private readonly frames = new Map<string, FrameBinding>();
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly pendingCallbacks = new Map<number, PendingCallback>();
  private readonly historyListeners = new Map<string, string>();
  private nextReplyId = 1;
  private nextSubscriptionId = 1;

  constructor(readonly environment: HostEnvironment) {
    window.addEventListener('message', (event) => this.onMessage(event));
    window.addEventListener('popstate', () => this.notifyHistory('POP'));
  }

  register(binding: FrameBinding): () => void {
    this.frames.set(binding.frameId, binding);
    return () => {
      this.frames.delete(binding.frameId);
      this.historyListeners.delete(binding.frameId);
      for (const [id, subscription] of this.subscriptions) if (subscription.frameId === binding.frameId) this.subscriptions.delete(id);
      for (const [id, pending] of this.pendingCallbacks) {
        if (pending.frameId !== binding.frameId) continue;
        this.pendingCallbacks.delete(id);
        pending.reject(new FrameRemovedError());
      }
    };
  }

  /** Calls a function the frame passed in a payload (flag actions, event listeners, configuration callbacks). */
  callFrame(frameId: string, ref: unknown, args: unknown[]): Promise<unknown> {
    const binding = this.frames.get(frameId);
    const parsed = callbackRef.safeParse(ref);
    if (binding === undefined || !parsed.success) return Promise.reject(new Error('No such callback in the frame'));
    const replyId = this.nextReplyId++;
    return new Promise((resolve, reject) => {
      this.pendingCallbacks.set(replyId, { frameId, resolve, reject });
      this.post(binding, { source: hostSource, kind: 'callback', callbackId: parsed.data[callbackKey], replyId, args });
    });
  }

  subscribe(frameId: string, event: string, callback: unknown): string {
    const parsed = callbackRef.safeParse(callback);
    if (!parsed.success) throw new Error('events.on needs a callback function');
    const id = `subscription-${this.nextSubscriptionId++}`;
    this.subscriptions.set(id, { frameId, event, callbackId: parsed.data[callbackKey] });
    return id;
  }

  unsubscribe(id: string): void {
    this.subscriptions.delete(id);
  }

  /** Delivers an event to every frame on the page that listens for it. */
  emit(event: string, payload: unknown): void {
    for (const subscription of this.subscriptions.values()) {
      if (subscription.event !== event) continue;
      void this.callFrame(subscription.frameId, { [callbackKey]: subscription.callbackId }, [payload]).catch((error: unknown) =>
        reportToSite('warn', `An events.on listener in frame ${subscription.frameId} failed: ${String(error)}`),
      );
    }
  }

  listenToHistory(frameId: string, callback: unknown): void {
    const parsed = callbackRef.safeParse(callback);
    if (parsed.success) this.historyListeners.set(frameId, parsed.data[callbackKey]);
  }

  notifyHistory(action: 'PUSH' | 'REPLACE' | 'POP'): void {
    for (const [frameId, callbackId] of this.historyListeners) {
      const binding = this.frames.get(frameId);
      if (binding?.handlers.historyBase === undefined) continue;
      const location = historyLocation(binding.handlers.historyBase);
      void this.callFrame(frameId, { [callbackKey]: callbackId }, [{ action, location }]).catch(() => undefined);
    }
  }

  broadcastTheme(): void {
    const htmlAttrs = this.environment.themeAttrs();
    for (const binding of this.frames.values()) this.post(binding, { source: hostSource, kind: 'theme', htmlAttrs });
  }

  private post(binding: FrameBinding, message: HostMessage): void {
    binding.window()?.postMessage(message, window.location.origin);
  }

  private onMessage(event: MessageEvent<unknown>): void {
    if (event.origin !== window.location.origin) return;
    const parsed = frameMessage.safeParse(event.data);
    if (!parsed.success) return;
    const message = parsed.data;
    const binding = this.frames.get(message.frameId);
    // A message naming a frame must come from that frame's own window.
    if (binding === undefined || event.source !== binding.window()) return;
    if (message.kind === 'callback-result') {
      const pending = this.pendingCallbacks.get(message.replyId);
      if (pending === undefined || pending.frameId !== message.frameId) return;
      this.pendingCallbacks.delete(message.replyId);
      if (message.ok) pending.resolve(message.value);
      else pending.reject(new Error(message.error ?? 'The callback failed'));
      return;
    }
    const { callId, cmd, payload } = message;
    runCommand(cmd, payload, { binding, host: this }).then(
      (value) => this.post(binding, { source: hostSource, kind: 'result', callId, ok: true, value: value === undefined ? null : value }),
      (error: unknown) => {
        const text = error instanceof Error ? error.message : String(error);
        if (error instanceof UnsupportedCommandError) {
          console.error(`[local site] ${text}`);
          reportToSite('error', text);
        }
        this.post(binding, { source: hostSource, kind: 'result', callId, ok: false, value: null, error: text });
      },
    );
  }
}

/** The part of the current URL below a module page's base path, as a `history` location. */
export function historyLocation(base: string): { pathname: string; search: string; hash: string; state: null } {
  const path = window.location.pathname;
  const rest = path.startsWith(base) ? path.slice(base.length) : '';
  return { pathname: rest.startsWith('/') ? rest : `/${rest}`, search: window.location.search, hash: window.location.hash, state: null };
}
