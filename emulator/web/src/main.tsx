/** Entry of the host page: reads the site info the server embedded and renders the app. */
import '@atlaskit/css-reset';
import { setBooleanFeatureFlagResolver } from '@atlaskit/platform-feature-flags';
import { createRoot } from 'react-dom/client';
import * as z from 'zod/mini';
import { siteInfo, siteInfoElementId } from './api/site-info';
import { App } from './app';

// The site plays the product: with every Design System feature flag off, components take their released behaviour.
setBooleanFeatureFlagResolver(() => false);

const element = document.getElementById(siteInfoElementId);
const root = document.getElementById('root');
if (element === null || root === null) throw new Error('The page is missing its site info or root element');
const parsed = siteInfo.safeParse(JSON.parse(element.textContent ?? 'null'));
if (!parsed.success) throw new Error(`The site info embedded in the page is invalid: ${z.prettifyError(parsed.error)}`);
createRoot(root).render(<App info={parsed.data} />);
