/**
 * Hash routing (#/calendar, #/reset?token=…): the service serves one page at /console, and
 * e-mailed links (reset, invite) carry their token after the hash, so it never reaches logs.
 */
import { signal } from '@preact/signals';

export interface Route {
  /** '/calendar', '/settings/services' … */
  path: string;
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const q = raw.indexOf('?');
  const path = (q < 0 ? raw : raw.slice(0, q)) || '/';
  return { path: path.startsWith('/') ? path : `/${path}`, query: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)) };
}

export const route = signal<Route>(parseHash(typeof location === 'undefined' ? '' : location.hash));

export function startRouter(): void {
  addEventListener('hashchange', () => {
    route.value = parseHash(location.hash);
  });
}

export function navigate(path: string): void {
  if (location.hash === `#${path}`) route.value = parseHash(location.hash);
  else location.hash = path;
}
