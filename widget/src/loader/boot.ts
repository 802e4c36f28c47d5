import type { LoaderConfig } from './config';

/**
 * What the booking service says before anything shows (GET widget.json, readable from any page):
 * the site's brand colour and side, and whether this page's origin may use the site. An origin the
 * site does not allow cannot call the API at all (CORS), which looks like a network failure; this
 * answer lets the widget tell the visitor the truth instead. null: no answer (offline, no such site).
 */
export interface Boot {
  allowed: boolean;
  color: string;
  position: 'left' | 'right';
}

export function fetchBoot(cfg: LoaderConfig): Promise<Boot | null> {
  return fetch(`${cfg.base}widget.json?site=${encodeURIComponent(cfg.siteKey)}`)
    .then((r) => (r.ok ? (r.json() as Promise<Boot>) : null))
    .catch(() => null);
}
