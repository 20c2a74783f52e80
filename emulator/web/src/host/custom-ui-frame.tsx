/**
 * One Custom UI module in its frame, served from `/forge/<resource-key>/` with the bridge script
 * injected. Every frame takes its content's height through iframe-resizer, as Custom UI frames do
 * on Jira.
 */
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { Box, xcss } from '@atlaskit/primitives';
import iframeResize from 'iframe-resizer/js/iframeResizer';
import { useEffect, useRef, useState } from 'react';
import { frameQuery, resourceBasePath } from '../bridge-protocol';
import type { EntryPointName, UiModuleInfo } from '../api/site-info';
import { useBridgeHost } from './bridge-context';
import type { ViewHandlers } from './bridge-host';
import { UiKitFrame } from './ui-kit-frame';

let frameCounter = 0;

/** Handlers that always call the page's latest ones; only those the page offers exist at all. */
function liveHandlers(ref: { current: ViewHandlers }): ViewHandlers {
  const offered = ref.current;
  const live: ViewHandlers = {};
  if (offered.submit !== undefined) live.submit = (payload) => ref.current.submit?.(payload);
  if (offered.close !== undefined) live.close = (payload) => ref.current.close?.(payload);
  if (offered.refresh !== undefined) live.refresh = (payload) => ref.current.refresh?.(payload);
  if (offered.historyBase !== undefined) live.historyBase = offered.historyBase;
  if (offered.setConfigureCallback !== undefined) live.setConfigureCallback = (configure) => ref.current.setConfigureCallback?.(configure);
  return live;
}

const sandbox = 'allow-downloads allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox allow-same-origin allow-scripts';

const frameStyles = xcss({ position: 'relative', width: '100%' });
const loadingStyles = xcss({ position: 'absolute', insetBlockStart: 'space.200', insetInlineStart: '50%' });

export interface CustomUiFrameProps {
  module: UiModuleInfo;
  entryPoint?: EntryPointName;
  extension: Record<string, unknown>;
  handlers?: ViewHandlers;
  /** Distinguishes several renderings of one module (gadget instances). */
  instance?: string;
  title?: string;
}

/** A module's entry point as Jira shows it: UI Kit (`render: native`) drawn by the host, Custom UI in its frame. */
export function CustomUiFrame(props: CustomUiFrameProps) {
  const { module, entryPoint = 'main' } = props;
  const resourceKey = module.resources[entryPoint];
  const native = module.nativeEntryPoints?.includes(entryPoint) ?? (entryPoint === 'main' && module.uiKit);
  if (native && resourceKey !== undefined) {
    const { extension, handlers = {}, instance, title } = props;
    return (
      <UiKitFrame
        module={module}
        entryPoint={entryPoint}
        resourceKey={resourceKey}
        extension={extension}
        handlers={handlers}
        {...(instance === undefined ? {} : { instance })}
        {...(title === undefined ? {} : { title })}
      />
    );
  }
  return <CustomUiModuleFrame {...props} />;
}

function CustomUiModuleFrame({ module, entryPoint = 'main', extension, handlers = {}, instance, title }: CustomUiFrameProps) {
  const host = useBridgeHost();
  const iframe = useRef<HTMLIFrameElement | null>(null);
  const [frameId] = useState(() => `${module.key}-${entryPoint}-${++frameCounter}`);
  const [loaded, setLoaded] = useState(false);
  // Read through refs so getContext and handlers see the page's latest state without re-registering.
  const extensionRef = useRef(extension);
  extensionRef.current = extension;
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;
  const resourceKey = module.resources[entryPoint];

  useEffect(() => {
    return host.register({
      frameId,
      window: () => iframe.current?.contentWindow ?? null,
      module,
      entryPoint,
      extension: () => extensionRef.current,
      ...(instance === undefined ? {} : { instance }),
      handlers: liveHandlers(handlersRef),
    });
  }, [host, frameId, module, entryPoint, instance]);

  useEffect(() => {
    const element = iframe.current;
    if (element === null) return;
    const [resizer] = iframeResize(
      { checkOrigin: [window.location.origin], heightCalculationMethod: 'documentElementOffset', warningTimeout: 0, scrolling: false, minHeight: 40 },
      element,
    );
    return () => resizer?.iFrameResizer.removeListeners();
  }, []);

  if (resourceKey === undefined) {
    return (
      <SectionMessage appearance="error" title="No resource">
        {`The module "${module.key}" has no ${entryPoint === 'main' ? 'resource' : `${entryPoint} resource`} in manifest.yml.`}
      </SectionMessage>
    );
  }
  const src = `${resourceBasePath(resourceKey)}?${frameQuery.frameId}=${encodeURIComponent(frameId)}`;
  return (
    <Box xcss={frameStyles} testId={`custom-ui-${module.key}-${entryPoint}`}>
      {!loaded && (
        <Box xcss={loadingStyles}>
          <Spinner size="medium" label={`Loading ${module.title}`} />
        </Box>
      )}
      <iframe
        ref={iframe}
        src={src}
        title={title ?? module.title}
        sandbox={sandbox}
        data-frame-id={frameId}
        data-module-key={module.key}
        onLoad={() => setLoaded(true)}
        style={{
          display: 'block',
          width: '100%',
          border: 'none',
          height: '40px',
          visibility: loaded ? 'visible' : 'hidden',
        }}
      />
    </Box>
  );
}
