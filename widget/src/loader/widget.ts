import type { PanelHandle, PanelHost, PanelModule } from '../contract';
import type { WidgetEvent } from '../contract';
import type { Lang } from '@frontdesk/shared';
import { fetchBoot } from './boot';
import { theme } from './color';
import type { LoaderConfig } from './config';
import css from './launcher.css?inline';
import type { Registry } from './registry';
import { pin } from './viewport';

/** The panel chunk's file name under the booking host, content-hashed; set at build time. */
declare const __PANEL__: string;

const TAG = 'frontdesk-widget';
// The loader's own words: what it says before (or without) the panel's strings.
const LABELS: Record<Lang, [open: string, fail: string, refused: string, close: string]> = {
  ru: [
    'Открыть чат',
    'Чат не загрузился. Откройте его ещё раз.',
    'На этом сайте чат пока не работает: владелец ещё не подключил его здесь. Свяжитесь с ним, пожалуйста, по телефону или почте.',
    'Закрыть чат',
  ],
  hy: [
    'Բացել զրույցը',
    'Զրույցը չբեռնվեց։ Բացեք այն կրկին։',
    'Այս կայքում զրույցը դեռ չի աշխատում՝ սեփականատերը այն այստեղ դեռ չի միացրել։ Խնդրում ենք կապվել հեռախոսով կամ էլ. փոստով։',
    'Փակել զրույցը',
  ],
  en: [
    'Open chat',
    'The chat didn’t load. Please open it again.',
    'The chat isn’t available on this website yet: the business hasn’t switched it on here. Please contact them by phone or e-mail.',
    'Close chat',
  ],
};
/** How long the launcher waits, hidden, for the site's colour and side when the snippet has none. */
const BOOT_WAIT_MS = 3000;

let sheet: CSSStyleSheet | undefined;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string) {
  const e = document.createElement(tag);
  for (const k in attrs) e.setAttribute(k, attrs[k]!);
  if (text) e.textContent = text;
  return e;
}

/** Where the widget lives: a created element (bubble), or the owner's (inline). */
function host(cfg: LoaderConfig): HTMLElement | null {
  if (!customElements.get(TAG)) customElements.define(TAG, class extends HTMLElement {});
  // A child of <html>: a transform, filter or `contain` on <body> cannot capture it (viewport.ts).
  if (cfg.mode === 'bubble') return document.documentElement.appendChild(document.createElement(TAG));
  const target = cfg.target ? document.querySelector(cfg.target) : document.querySelector(`${TAG}:not([data-mounted])`);
  if (!target) return null;
  return target.localName === TAG ? (target as HTMLElement) : target.appendChild(document.createElement(TAG));
}

/**
 * Mounts one widget: the shadow root, the launcher (bubble mode) and an empty frame
 * the panel chunk renders into. The panel is imported on idle, on hover/focus of the
 * launcher, or on open, whichever comes first.
 */
export function mountWidget(cfg: LoaderConfig, reg: Registry): void {
  const root = host(cfg);
  if (!root || root.shadowRoot) return;
  const site = cfg.siteKey;
  const inline = cfg.mode === 'inline';
  root.setAttribute('data-mounted', '');
  root.setAttribute('data-mode', cfg.mode);
  if (cfg.position) root.setAttribute('data-side', cfg.position);

  const shadow = root.attachShadow({ mode: 'open' });
  const vars = new CSSStyleSheet();
  const geo = new CSSStyleSheet();
  const paint = (color: string | null) => {
    const t = theme(color);
    vars.replaceSync(`:host{--brand:${t.brand}!important;--on-brand:${t.onBrand}!important;--accent:${t.accent}!important}`);
  };
  paint(cfg.color);
  sheet ??= new CSSStyleSheet();
  if (!sheet.cssRules.length) sheet.replaceSync(css);
  shadow.adoptedStyleSheets = [sheet, vars, geo];

  // Asked at once: the colour and side (unless the snippet fixed them) and whether this origin is allowed.
  const boot = fetchBoot(cfg);
  const frame = el('div', { class: 'frame', id: 'fd-panel' });
  let lang = cfg.lang;
  let launcher: HTMLButtonElement | null = null;
  let badge: HTMLElement | null = null;
  let unread = 0;
  if (!inline) {
    frame.hidden = true;
    launcher = el('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'fd-panel' });
    // A speech bubble (24×24). DOM calls rather than innerHTML, which Trusted Types pages forbid.
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    path.setAttribute('d', 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z');
    svg.append(path);
    launcher.append(svg, (badge = el('span', { class: 'badge', 'aria-hidden': 'true', hidden: '' })));
    shadow.append(launcher);
  }
  shadow.append(frame);
  let closeLabel = '';
  const relabel = () => launcher?.setAttribute('aria-label', (isOpen && (closeLabel || LABELS[lang][3])) || LABELS[lang][0] + (unread ? ` (${unread})` : ''));

  let isOpen = inline;
  let panel: PanelHandle | null = null;
  let loading: Promise<PanelModule> | null = null;
  const emit = (event: WidgetEvent, detail?: Record<string, unknown>) => reg.emit(site, event, detail);
  // import() from a classic script: resolved against the booking host, CSP-safe (script-src of that host).
  let tries = 0;
  // A failed import may stay cached by URL, so a retry asks for the chunk under a fresh query.
  const load = () => (loading ??= (import(/* @vite-ignore */ new URL(__PANEL__ + (tries++ ? `?${tries}` : ''), cfg.base).href) as Promise<PanelModule>).catch((e: unknown) => {
    loading = null;
    throw e;
  }));

  const panelHost: PanelHost = {
    config: cfg, shadow, frame, emit,
    close: () => close(),
    theme(color, side) {
      if (!cfg.color) paint(color);
      if (!cfg.position) root.setAttribute('data-side', side);
    },
    lang(l, close) {
      lang = l;
      closeLabel = close;
      relabel();
    },
    unread(n) {
      unread = n;
      if (badge) {
        badge.textContent = String(n);
        badge.hidden = !n;
      }
      relabel();
    },
  };

  /**
   * Runs `fn` with the mounted panel. If the chunk cannot load, the frame says so; opening
   * the chat again (the launcher) retries, since a failed import is not cached.
   */
  function withPanel(fn: (p: PanelHandle) => void): void {
    if (panel) return fn(panel);
    void boot.then((b) => {
      // A refused origin: the truth, calmly, and no panel (it could not load it nor call the API).
      if (b?.allowed === false) return say(LABELS[lang][2]);
      return load().then(
        // A message said before (a failed load) makes way for the panel.
        (m) => fn((panel ??= (frame.replaceChildren(), m.mount(panelHost)))),
        () => say(LABELS[lang][1]),
      );
    });
  }

  /** What the loader itself has to say in the frame (no panel): the text, and a way to close it. */
  function say(text: string): void {
    const p = el('p', { class: 'fail', role: 'alert' }, text);
    if (inline) return frame.replaceChildren(p);
    const x = el('button', { type: 'button', class: 'x', 'aria-label': LABELS[lang][3] }, '✕');
    x.onclick = close;
    frame.replaceChildren(x, p);
    x.focus();
  }

  function open(focus = true, then?: (p: PanelHandle) => void): void {
    if (!isOpen) {
      isOpen = true;
      frame.hidden = false;
      launcher?.setAttribute('aria-expanded', 'true');
      relabel();
      emit('open');
    }
    withPanel((p) => {
      if (!isOpen) return;
      p.show(focus);
      then?.(p);
    });
  }

  function close(): void {
    if (!isOpen || inline) return;
    isOpen = false;
    frame.hidden = true;
    launcher!.setAttribute('aria-expanded', 'false');
    relabel();
    launcher!.focus();
    emit('close');
  }

  // Warms the panel up, unless this origin was refused (it could not load the panel or call the API).
  const warm = () =>
    void boot
      .then((b) => {
        if (b?.allowed !== false) return load().then((m) => m.preload(cfg));
      })
      .catch(() => {});
  void boot.then((b) => b && panelHost.theme(b.color, b.position));
  if (launcher) {
    // Without data-color / data-position the launcher waits for the site's (up to BOOT_WAIT_MS), so
    // it never shows the default blue first.
    if (!cfg.color || !cfg.position) {
      launcher.hidden = true;
      const show = () => (launcher.hidden = false);
      void boot.then(show);
      setTimeout(show, BOOT_WAIT_MS);
    }
    launcher.onclick = () => (isOpen ? close() : open());
    // A block body: an on* handler returning false would cancel every other key (Tab).
    frame.onkeydown = (e) => {
      if (e.key === 'Escape') close();
    };
    launcher.onpointerenter = launcher.onfocus = warm;
    relabel();
    const keep = pin(root, geo, window);
    keep();
    // A hostile SPA may remove it: put the same element back (in the top layer), conversation and all.
    new MutationObserver(() => root.isConnected || keep()).observe(document.documentElement, { childList: true });
  }

  // `ready` comes before anything the page queued (an early open() must not overtake it).
  emit('ready');
  reg.add({
    site,
    open: () => open(),
    close,
    startBooking: (o) => open(true, (p) => p.startBooking(o?.serviceId)),
  });

  if (cfg.manageToken) {
    const token = cfg.manageToken;
    if (/fd-manage=/.test(location.hash)) history.replaceState(history.state, '', location.pathname + location.search);
    open(!inline, (p) => p.manage(token));
  } else if (inline) open(false);
  else {
    const idle = (cb: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(cb, { timeout: 4000 }) : setTimeout(cb, 2000));
    idle(warm);
  }
}
