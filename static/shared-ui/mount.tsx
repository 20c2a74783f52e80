/** Starts a Custom UI surface: the host's design tokens (light or dark), the component styles, then the app. */
import '@atlaskit/css-reset';
import './frame.css';
import { view } from '@forge/bridge';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

// The Atlassian components ship their styles as CSS that esbuild gathers into main.css beside
// main.js; the built page loads only main.js, so the stylesheet is linked from here.
function linkComponentStyles(): void {
  if (document.querySelector('link[rel="stylesheet"][href$="main.css"]') !== null) return;
  const script = document.querySelector<HTMLScriptElement>('script[src$="main.js"]');
  const href = script === null ? './main.css' : script.src.replace(/main\.js(\?.*)?$/, 'main.css');
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.appendChild(link);
}

export function mount(app: ReactNode): void {
  linkComponentStyles();
  // Theming is cosmetic: a host that refuses it still gets a working (light) page.
  view.theme.enable().catch(() => undefined);
  const root = document.getElementById('root');
  if (root === null) throw new Error('The page has no #root element to render into');
  createRoot(root).render(<StrictMode>{app}</StrictMode>);
}
