/**
 * The seam between the loader (`main.ts`, a classic script that must stay tiny)
 * and the lazily imported panel chunk. Types only: neither side imports the other.
 */
import type { Lang } from '@frontdesk/shared';

/** The JS API's events (`Frontdesk.on`). */
export type WidgetEvent = 'ready' | 'open' | 'close' | 'quote' | 'booked' | 'handoff';

export interface WidgetConfig {
  siteKey: string;
  /** The language to greet in before the site config arrives. */
  lang: Lang;
  /** Preferred languages, best first (data-lang, the page's lang, the browser's); the site picks among them. */
  prefs: string[];
  mode: 'bubble' | 'inline';
  /** Opens "My booking" directly (data-manage-token or #fd-manage=… in the page URL). */
  manageToken: string | null;
  /** Set when the owner fixed the colour with data-color; the site's colour is used otherwise. */
  color: string | null;
  /** The booking service origin + path of widget.js, with a trailing slash. */
  base: string;
}

export interface PanelHost {
  config: WidgetConfig;
  shadow: ShadowRoot;
  /** Where the panel renders; the loader shows and hides it. */
  frame: HTMLElement;
  emit: (event: WidgetEvent, detail?: Record<string, unknown>) => void;
  /** The panel asks to be closed (close button, Esc): bubble mode only. */
  close: () => void;
  /** Applies the site's brand colour and position unless data attributes fixed them. */
  theme(color: string, position: 'left' | 'right'): void;
  /** The conversation's language (and its "Close chat") changed: relabel the launcher. */
  lang(lang: Lang, close: string): void;
  /** Staff messages the visitor has not seen (the panel is closed): the launcher's badge; 0 hides it. */
  unread(n: number): void;
}

export interface PanelHandle {
  show(focus: boolean): void;
  startBooking(serviceId?: string): void;
  manage(token: string): void;
}

export interface PanelModule {
  /** Warms up on idle: strings for the language and the site config. */
  preload(config: WidgetConfig): void;
  mount(host: PanelHost): PanelHandle;
}
