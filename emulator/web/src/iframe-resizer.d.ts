// The package's own typings describe its root module and an older API; the host page imports only
// the parent-side script, with the options and methods of the 4.x release it uses.
declare module 'iframe-resizer/js/iframeResizer' {
  interface ResizerOptions {
    checkOrigin?: boolean | string[];
    heightCalculationMethod?: 'bodyOffset' | 'bodyScroll' | 'documentElementOffset' | 'documentElementScroll' | 'max' | 'min' | 'grow' | 'lowestElement' | 'taggedElement';
    warningTimeout?: number;
    scrolling?: boolean | 'omit';
    minHeight?: number;
    log?: boolean;
  }
  interface ResizedFrame extends HTMLIFrameElement {
    iFrameResizer: { removeListeners(): void; resize(): void };
  }
  export default function iframeResize(options: ResizerOptions, target: HTMLIFrameElement): ResizedFrame[];
}
