import type { WidgetConfig } from '../contract';
import type { Lang } from '@frontdesk/shared';

export const LANGS: Lang[] = ['ru', 'hy', 'en'];

export interface LoaderConfig extends WidgetConfig {
  /** Set by data-position; otherwise the site's setting applies once it is known. */
  position: 'left' | 'right' | null;
  /** Inline mode: where to render (data-target), else a placed <frontdesk-widget>. */
  target: string | null;
}

/**
 * Reads the data-* attributes of the <script> tag, the page's language and the
 * manage link in the URL. The language falls back data-lang → <html lang> → the
 * browser's languages; the site default applies once the site config says which
 * languages it offers.
 * @example <script src="https://book.example/widget.js" data-site="demo-salon-spb" async></script>
 */
export function readConfig(script: HTMLScriptElement, doc: Document, nav: Navigator, hash: string): LoaderConfig {
  const d = script.dataset;
  const prefs = [d.lang, doc.documentElement.lang, ...nav.languages]
    .filter((l): l is string => !!l)
    .map((l) => l.slice(0, 2).toLowerCase());
  const fromHash = /(?:#|&)fd-manage=([^&]+)/.exec(hash)?.[1];
  const position = d.position === 'left' || d.position === 'right' ? d.position : null;
  return {
    siteKey: d.site ?? '',
    lang: (prefs.find((l) => (LANGS as string[]).includes(l)) as Lang | undefined) ?? 'en',
    prefs,
    mode: d.mode === 'inline' ? 'inline' : 'bubble',
    manageToken: d.manageToken ?? (fromHash ? decodeURIComponent(fromHash) : null),
    color: d.color ?? null,
    base: new URL('./', script.src).href,
    position,
    target: d.target ?? null,
  };
}
