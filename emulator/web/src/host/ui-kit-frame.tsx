/**
 * One UI Kit module (`render: native`), as Jira runs it: the resource's bundle runs in a frame with
 * the real `@forge/react` reconciler and the same bridge as Custom UI (`window.__bridge`: invoke,
 * getContext, requestJira, submit…); each tree it commits arrives as `callBridge('reconcile',
 * {forgeDoc})` and the host page draws it with the Design System. The frame itself shows nothing.
 * Event handlers stay in the frame: the host calls them back through the bridge.
 */
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { Box } from '@atlaskit/primitives';
import { useCallback, useEffect, useRef, useState } from 'react';
import { frameQuery, resourceBasePath } from '../bridge-protocol';
import type { EntryPointName, UiModuleInfo } from '../api/site-info';
import { forgeDoc, type ForgeDoc, type HandlerCaller } from '../ui-kit/forge-doc';
import { ForgeDocView } from '../ui-kit/forge-doc-view';
import { useBridgeHost } from './bridge-context';
import { FrameRemovedError, type ViewHandlers } from './bridge-host';
import { reportToSite } from './site-log';

let frameCounter = 0;

export interface UiKitFrameProps {
  module: UiModuleInfo;
  entryPoint: EntryPointName;
  resourceKey: string;
  extension: Record<string, unknown>;
  handlers: ViewHandlers;
  instance?: string;
  title?: string;
}

type Screen = { state: 'starting' } | { state: 'drawn'; doc: ForgeDoc } | { state: 'failed'; message: string };

export function UiKitFrame({ module, entryPoint, resourceKey, extension, handlers, instance, title }: UiKitFrameProps) {
  const host = useBridgeHost();
  const iframe = useRef<HTMLIFrameElement | null>(null);
  const [frameId] = useState(() => `${module.key}-${entryPoint}-uikit-${++frameCounter}`);
  const [screen, setScreen] = useState<Screen>({ state: 'starting' });
  const extensionRef = useRef(extension);
  extensionRef.current = extension;
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;

  useEffect(() => {
    const offered = handlersRef.current;
    const live: ViewHandlers = {
      reconcile: (doc) => {
        const parsed = forgeDoc.safeParse(doc);
        if (parsed.success) setScreen({ state: 'drawn', doc: parsed.data });
        else setScreen({ state: 'failed', message: `The reconciler sent a tree the host cannot read: ${parsed.error.message}` });
      },
      uiKitError: (message) => setScreen({ state: 'failed', message }),
    };
    if (offered.submit !== undefined) live.submit = (payload) => handlersRef.current.submit?.(payload);
    if (offered.close !== undefined) live.close = (payload) => handlersRef.current.close?.(payload);
    if (offered.refresh !== undefined) live.refresh = (payload) => handlersRef.current.refresh?.(payload);
    if (offered.historyBase !== undefined) live.historyBase = offered.historyBase;
    if (offered.setConfigureCallback !== undefined) live.setConfigureCallback = (configure) => handlersRef.current.setConfigureCallback?.(configure);
    return host.register({
      frameId,
      window: () => iframe.current?.contentWindow ?? null,
      module,
      entryPoint,
      extension: () => extensionRef.current,
      ...(instance === undefined ? {} : { instance }),
      handlers: live,
    });
  }, [host, frameId, module, entryPoint, instance]);

  // A handler that closes its own view (a saved gadget configuration) never answers: that is no failure.
  const call = useCallback<HandlerCaller>(
    (handler, args) => host.callFrame(frameId, handler, args).catch((error: unknown) => (error instanceof FrameRemovedError ? undefined : Promise.reject(error))),
    [host, frameId],
  );
  const onFailure = useCallback((message: string) => reportToSite('error', `${module.kind} "${module.key}": ${message}`), [module]);

  const src = `${resourceBasePath(resourceKey)}?${frameQuery.frameId}=${encodeURIComponent(frameId)}`;
  return (
    <Box testId={`ui-kit-${module.key}-${entryPoint}`}>
      <iframe
        ref={iframe}
        src={src}
        title={`${title ?? module.title} (UI Kit runtime)`}
        sandbox="allow-same-origin allow-scripts"
        data-frame-id={frameId}
        data-ui-kit-module-key={module.key}
        aria-hidden="true"
        tabIndex={-1}
        style={{ position: 'absolute', width: 0, height: 0, border: 'none', visibility: 'hidden' }}
      />
      <div data-ui-kit-module={module.key} data-entry-point={entryPoint}>
        {screen.state === 'starting' ? <Spinner size="medium" label={`Loading ${module.title}`} /> : null}
        {screen.state === 'failed' ? (
          <SectionMessage appearance="error" title={`${module.title} failed`}>
            {screen.message}
          </SectionMessage>
        ) : null}
        {screen.state === 'drawn' ? <ForgeDocView doc={screen.doc} call={call} onFailure={onFailure} /> : null}
      </div>
    </Box>
  );
}
