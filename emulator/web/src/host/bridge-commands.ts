/**
 * What the host page does for each `callBridge(cmd, payload)` of `@forge/bridge` (and of
 * `@forge/jira-bridge`): the commands a Jira page serves to the Custom UI modules the site shows.
 */
import * as z from 'zod/mini';
import { invokeAnswer } from '../api/site-info';
import { describeError } from '../api/http';
import { navigate } from '../router';
import type { BridgeHost, FrameBinding } from './bridge-host';
import { historyLocation } from './bridge-host';
import { closeHostFlag, showHostFlag, type FlagAppearance } from './flags';
import { buildContext, localIdOf } from './module-context';
import { urlForLocation } from './navigation-target';
import { reportToSite } from './site-log';

/** The performance mark the host page sets each time a resolver answer reaches a frame. */
export const resolverAnsweredMark = 'local-site:resolver-answered';

export class UnsupportedCommandError extends Error {
  override readonly name = 'UnsupportedCommandError';
  constructor(cmd: string, binding: FrameBinding) {
    super(`The local site does not support the bridge command "${cmd}" (called by ${binding.module.kind} "${binding.module.key}").`);
  }
}

export class BridgeCommandError extends Error {
  override readonly name = 'BridgeCommandError';
}

export interface CommandScope {
  binding: FrameBinding;
  host: BridgeHost;
}

type Command = (payload: unknown, scope: CommandScope) => Promise<unknown> | unknown;

function parse<T>(schema: z.ZodMiniType<T>, payload: unknown, cmd: string): T {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new BridgeCommandError(`Bad payload for "${cmd}": ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function contextOf({ binding, host }: CommandScope): Record<string, unknown> {
  const { info, user } = host.environment;
  return buildContext({
    info,
    user,
    module: binding.module,
    extension: binding.extension(),
    colorMode: host.environment.colorMode(),
    ...(binding.instance === undefined ? {} : { instance: binding.instance }),
    licensing: info.licensing,
  });
}

const invokePayload = z.object({ functionKey: z.string(), payload: z.optional(z.unknown()), metadata: z.optional(z.unknown()) });

async function invoke(payload: unknown, scope: CommandScope): Promise<unknown> {
  const { binding, host } = scope;
  const call = parse(invokePayload, payload, 'invoke');
  if (!binding.module.hasResolver) throw new BridgeCommandError(`The module "${binding.module.key}" declares no resolver in manifest.yml`);
  const localId = localIdOf({ info: host.environment.info, module: binding.module, ...(binding.instance === undefined ? {} : { instance: binding.instance }) });
  const response = await fetch('/__web/invoke', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ moduleKey: binding.module.key, functionKey: call.functionKey, payload: call.payload ?? {}, extension: binding.extension(), localId }),
  });
  if (!response.ok) throw new BridgeCommandError(`There was an error invoking the function - the site answered ${response.status}`);
  const answer = invokeAnswer.parse(await response.json());
  // Benchmarks and tests read this mark to time a module becoming usable.
  performance.mark(resolverAnsweredMark, { detail: { moduleKey: binding.module.key, functionKey: call.functionKey, ok: answer.ok } });
  if (!answer.ok) throw new BridgeCommandError(answer.error);
  // With metadata requested, the bridge resolves to { body, metadata } instead of the body alone.
  return call.metadata === undefined ? answer.value : { body: answer.value, metadata: {} };
}

const fetchPayload = z.object({
  product: z.string(),
  restPath: z.string(),
  fetchRequestInit: z.optional(
    z.object({
      method: z.optional(z.string()),
      body: z.optional(z.nullable(z.string())),
      headers: z.optional(z.array(z.tuple([z.string(), z.string()]))),
    }),
  ),
  isMultipartFormData: z.optional(z.boolean()),
});

/** `requestJira` from the browser: the request runs as the signed-in user (the session cookie). */
async function fetchProduct(payload: unknown): Promise<unknown> {
  const request = parse(fetchPayload, payload, 'fetchProduct');
  if (request.product !== 'jira') throw new BridgeCommandError(`The local site is a Jira site: request${request.product} is not available`);
  const path = request.restPath.startsWith('/') ? request.restPath : `/${request.restPath}`;
  if (!path.startsWith('/rest/')) throw new BridgeCommandError(`requestJira only reaches Jira's REST API (/rest/…), not ${path}`);
  if (request.isMultipartFormData === true) throw new BridgeCommandError('requestJira with FormData (attachments) is not supported by the local site');
  const init = request.fetchRequestInit ?? {};
  const method = (init.method ?? 'GET').toUpperCase();
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: init.headers ?? [],
    ...(init.body === undefined || init.body === null || method === 'GET' || method === 'HEAD' ? {} : { body: init.body }),
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { status: response.status, statusText: response.statusText, headers, body: await response.text(), isAttachment: false };
}

const navigatePayload = z.looseObject({ type: z.optional(z.enum(['same-tab', 'new-tab'])) });

function navigateTo(payload: unknown, scope: CommandScope): null {
  const { type } = parse(navigatePayload, payload, 'navigate');
  const { info } = scope.host.environment;
  const url = urlForLocation(payload, window.location.origin, info.modules);
  if (type === 'new-tab') window.open(url, '_blank', 'noopener');
  else navigate(url);
  return null;
}

const flagPayload = z.object({
  id: z.union([z.string(), z.number()]),
  title: z.optional(z.string()),
  description: z.optional(z.string()),
  type: z.optional(z.enum(['info', 'success', 'warning', 'error'])),
  appearance: z.optional(z.enum(['info', 'success', 'warning', 'error'])),
  actions: z.optional(z.array(z.object({ text: z.string(), onClick: z.unknown() }))),
  isAutoDismiss: z.optional(z.boolean()),
});

function showFlag(payload: unknown, scope: CommandScope): null {
  const flag = parse(flagPayload, payload, 'showFlag');
  const appearance: FlagAppearance = flag.appearance ?? flag.type ?? 'info';
  const id = `${scope.binding.frameId}:${String(flag.id)}`;
  showHostFlag({
    id,
    title: flag.title ?? '',
    ...(flag.description === undefined ? {} : { description: flag.description }),
    appearance,
    bold: flag.appearance !== undefined,
    autoDismiss: flag.isAutoDismiss ?? false,
    actions: (flag.actions ?? []).map((action) => ({
      text: action.text,
      onClick: () => void scope.host.callFrame(scope.binding.frameId, action.onClick, []).catch(() => undefined),
    })),
  });
  return null;
}

const closeFlagPayload = z.object({ id: z.union([z.string(), z.number()]) });

const eventPayload = z.object({ event: z.string(), payload: z.optional(z.unknown()) });
const subscribePayload = z.object({ event: z.string(), callback: z.unknown() });

const historyNavigatePayload = z.object({
  action: z.enum(['PUSH', 'REPLACE', 'POP']),
  to: z.optional(z.unknown()),
  delta: z.optional(z.number()),
});

function historyNavigate(payload: unknown, scope: CommandScope): null {
  const call = parse(historyNavigatePayload, payload, 'historyNavigate');
  const base = scope.binding.handlers.historyBase;
  if (base === undefined) throw new BridgeCommandError(`The ${scope.binding.module.kind} module has no page history of its own`);
  if (call.action === 'POP') {
    window.history.go(call.delta ?? 0);
    return null;
  }
  const to = typeof call.to === 'string' ? call.to : z.object({ pathname: z.optional(z.string()), search: z.optional(z.string()), hash: z.optional(z.string()) }).parse(call.to ?? {});
  const path = typeof to === 'string' ? to : `${to.pathname ?? '/'}${to.search ?? ''}${to.hash ?? ''}`;
  navigate(base + (path.startsWith('/') ? path : `/${path}`), { replace: call.action === 'REPLACE' });
  scope.host.notifyHistory(call.action);
  return null;
}

const reportPayload = z.object({ message: z.string(), source: z.optional(z.string()), line: z.optional(z.number()) });

const commands: Record<string, Command> = {
  getContext: (_payload, scope) => contextOf(scope),
  invoke,
  fetchProduct: (payload) => fetchProduct(payload),
  navigate: navigateTo,
  getUrl: (payload, scope) => urlForLocation(payload, window.location.origin, scope.host.environment.info.modules),
  reload: () => {
    window.location.reload();
    return null;
  },
  showFlag,
  closeFlag: (payload, scope) => closeHostFlag(`${scope.binding.frameId}:${String(parse(closeFlagPayload, payload, 'closeFlag').id)}`),
  submit: async (payload, { binding }) => {
    if (binding.handlers.submit === undefined) return false;
    await binding.handlers.submit(payload);
    return true;
  },
  close: (payload, { binding }) => {
    if (binding.handlers.close === undefined) return false;
    binding.handlers.close(payload);
    return true;
  },
  open: () => false,
  onClose: () => false,
  refresh: (payload, { binding }) => {
    if (binding.handlers.refresh === undefined) return false;
    binding.handlers.refresh(payload);
    return true;
  },
  refreshIssueView: (payload, { binding }) => {
    if (binding.handlers.refresh === undefined || binding.module.kind !== 'jira:issuePanel') return false;
    binding.handlers.refresh(payload);
    return true;
  },
  createHistory: (payload, scope) => {
    const base = scope.binding.handlers.historyBase;
    if (base === undefined) throw new BridgeCommandError(`createHistory is only available to modules with a page of their own, not ${scope.binding.module.kind}`);
    const { onChange } = parse(z.object({ onChange: z.unknown() }), payload, 'createHistory');
    scope.host.listenToHistory(scope.binding.frameId, onChange);
    return historyLocation(base);
  },
  historyNavigate,
  emit: (payload, scope) => {
    const call = parse(eventPayload, payload, 'emit');
    scope.host.emit(call.event, call.payload);
    return null;
  },
  emitPublic: (payload, scope) => {
    const call = parse(eventPayload, payload, 'emitPublic');
    scope.host.emit(`public:${call.event}`, call.payload);
    return null;
  },
  on: (payload, scope) => {
    const call = parse(subscribePayload, payload, 'on');
    return scope.host.subscribe(scope.binding.frameId, call.event, call.callback);
  },
  onPublic: (payload, scope) => {
    const call = parse(subscribePayload, payload, 'onPublic');
    return scope.host.subscribe(scope.binding.frameId, `public:${call.event}`, call.callback);
  },
  off: (payload, scope) => {
    scope.host.unsubscribe(parse(z.string(), payload, 'off'));
    return null;
  },
  enableTheming: (_payload, scope) => ({ htmlAttrs: scope.host.environment.themeAttrs() }),
  changeWindowTitle: (payload) => {
    document.title = parse(z.string(), payload, 'changeWindowTitle');
    return null;
  },
  emitReadyEvent: () => null,
  setWorkflowRuleConfigurationCallback: (payload, scope) => {
    const call = parse(z.object({ data: z.object({ onConfigure: z.unknown() }) }), payload, 'setWorkflowRuleConfigurationCallback');
    const register = scope.binding.handlers.setConfigureCallback;
    if (register === undefined) return false;
    register(() => scope.host.callFrame(scope.binding.frameId, call.data.onConfigure, []));
    return true;
  },
  reconcile: (payload, { binding }) => {
    const { forgeDoc } = parse(z.object({ forgeDoc: z.unknown() }), payload, 'reconcile');
    if (binding.handlers.reconcile === undefined) throw new BridgeCommandError(`${binding.module.kind} "${binding.module.key}" is not a UI Kit module (render: native), so it cannot reconcile`);
    binding.handlers.reconcile(forgeDoc);
    return null;
  },
  onError: (payload, { binding }) => {
    const record = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
    const error = record['error'];
    const message = typeof error === 'object' && error !== null && typeof (error as Record<string, unknown>)['message'] === 'string' ? String((error as Record<string, unknown>)['message']) : String(error);
    reportToSite('error', `UI Kit error in ${binding.module.kind} "${binding.module.key}": ${message}`);
    binding.handlers.uiKitError?.(message);
    return null;
  },
  reportError: (payload, scope) => {
    const report = parse(reportPayload, payload, 'reportError');
    reportToSite('error', `Error in ${scope.binding.module.kind} "${scope.binding.module.key}": ${report.message}${report.source === undefined ? '' : ` (${report.source}:${report.line ?? 0})`}`);
    return null;
  },
};

/** Runs one bridge command for a frame; unknown commands fail with `UnsupportedCommandError`. */
export async function runCommand(cmd: string, payload: unknown, scope: CommandScope): Promise<unknown> {
  const command = Object.prototype.hasOwnProperty.call(commands, cmd) ? commands[cmd] : undefined;
  if (command === undefined) throw new UnsupportedCommandError(cmd, scope.binding);
  try {
    return await command(payload, scope);
  } catch (error) {
    if (error instanceof BridgeCommandError || error instanceof UnsupportedCommandError) throw error;
    throw new BridgeCommandError(describeError(error));
  }
}
