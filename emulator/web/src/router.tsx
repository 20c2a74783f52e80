/**
 * Client-side navigation over the History API: the site's pages keep Jira's URL shapes and a page
 * change never reloads the host (nor the Custom UI frames it does not replace).
 */
import type { RouterLinkComponentProps } from '@atlaskit/app-provider/router-link-provider';
import { forwardRef, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const changeEvent = 'local-site:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(changeEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(changeEvent, onChange);
  };
}

function snapshot(): string {
  return window.location.pathname + window.location.search + window.location.hash;
}

export interface SiteLocation {
  pathname: string;
  search: URLSearchParams;
  hash: string;
  href: string;
}

/** The current location; re-renders on every navigation. */
export function useLocation(): SiteLocation {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { pathname: url.pathname, search: url.searchParams, hash: url.hash, href };
}

/** Navigates within the site; URLs of other origins load normally. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = new URL(to, window.location.href);
  if (url.origin !== window.location.origin) {
    window.location.assign(url.href);
    return;
  }
  const target = url.pathname + url.search + url.hash;
  if (target === snapshot()) return;
  if (options.replace === true) window.history.replaceState(null, '', target);
  else window.history.pushState(null, '', target);
  window.dispatchEvent(new Event(changeEvent));
  if (options.replace !== true) window.scrollTo(0, 0);
}

/** Matches `/browse/:key` style patterns; a trailing `*` captures the rest as `rest`. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | undefined {
  const patternParts = pattern.split('/').filter(Boolean);
  const pathParts = pathname.split('/').filter(Boolean);
  const params: Record<string, string> = {};
  for (let index = 0; index < patternParts.length; index++) {
    const part = patternParts[index] ?? '';
    if (part === '*') {
      params['rest'] = pathParts.slice(index).map(decodeURIComponent).join('/');
      return params;
    }
    const actual = pathParts[index];
    if (actual === undefined) return undefined;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(actual);
    else if (part !== actual) return undefined;
  }
  return pathParts.length === patternParts.length ? params : undefined;
}

function isPlainLeftClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey && !event.defaultPrevented;
}

type RouterLinkProps = RouterLinkComponentProps<{ href: string }> & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href' | 'children'>;

/** An `<a>` that navigates in place; Design System links use it through the router-link provider. */
export const RouterLink = forwardRef<HTMLAnchorElement, RouterLinkProps>(function RouterLink({ href, children, onClick, ...rest }, ref) {
  const target = typeof href === 'string' ? href : href.href;
  return (
    <a
      {...rest}
      ref={ref}
      href={target}
      onClick={(event) => {
        onClick?.(event);
        if (rest.target === '_blank' || !isPlainLeftClick(event) || target.startsWith('#')) return;
        const url = new URL(target, window.location.href);
        // Signing in (`?as=`) is the server's work: let the browser load that URL.
        if (url.origin !== window.location.origin || url.searchParams.has('as')) return;
        event.preventDefault();
        navigate(url.href);
      }}
    >
      {children}
    </a>
  );
});
