/**
 * The design-token stylesheet shared by the host page and by Custom UI frames that call
 * `view.theme.enable()`: light and dark colours plus spacing, typography, shape and motion, so a
 * page switches theme by changing `data-color-mode` alone.
 */
import { setBooleanFeatureFlagResolver } from '@atlaskit/platform-feature-flags';
import getThemeHtmlAttrs from '@atlaskit/tokens/get-theme-html-attrs';
import getThemeStyles from '@atlaskit/tokens/get-theme-styles';
import type { ColorMode } from './src/bridge-protocol';

const themeState = { light: 'light', dark: 'dark', spacing: 'spacing', typography: 'typography', shape: 'shape' } as const;

let flagsSet = false;

function useDefaultFeatureFlags(): void {
  // The site plays the product here, and a product decides its feature flags; without a resolver
  // the tokens package asks an uninitialised feature-gate client and logs an error.
  if (flagsSet) return;
  flagsSet = true;
  setBooleanFeatureFlagResolver(() => false);
}

/** Every theme the site's pages and frames use, as one stylesheet. */
export async function themeStylesheet(): Promise<string> {
  useDefaultFeatureFlags();
  const styles = await getThemeStyles({ ...themeState, colorMode: 'auto' });
  if (styles.length === 0) throw new Error('@atlaskit/tokens returned no theme styles');
  return styles.map((style) => style.css).join('\n');
}

/** The `<html>` attributes that select the token theme for a colour mode. */
export function themeHtmlAttrs(colorMode: ColorMode): Record<string, string> {
  useDefaultFeatureFlags();
  return getThemeHtmlAttrs({ ...themeState, colorMode });
}
