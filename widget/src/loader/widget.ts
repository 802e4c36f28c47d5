import type { PanelHandle, PanelHost, PanelModule } from '../contract';
import { chatKey } from '../contract';
import type { WidgetEvent } from '../flow/chat';
import type { Lang } from '../flow/port';
import { theme } from './color';
import type { LoaderConfig } from './config';
import css from './launcher.css?inline';
import type { Registry } from './registry';

/** The panel chunk's file name under the booking host, content-hashed; set at build time. */
declare const __PANEL__: string;

const TAG = 'frontdesk-widget';
const LABELS: Record<Lang, [open: string, close: string, fail: string, retry: string]> = {
  ru: ['Открыть чат', 'Закрыть чат', 'Не удалось загрузить чат.', 'Повторить'],
  hy: ['Բացել զրույցը', 'Փակել զրույցը', 'Չհաջողվեց բեռնել զրույցը։', 'Կրկին փորձել'],
  en: ['Open chat', 'Close chat', 'Couldn’t load the chat.', 'Try again'],
};
// A speech bubble and a cross (24×24 viewBox).
const ICONS = [
  ['i-open', 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z'],
  ['i-close', 'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z'],
];

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
  if (cfg.mode === 'bubble') return document.body.appendChild(document.createElement(TAG));
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
  const paint = (color: string | null) => {
    const t = theme(color);
    vars.replaceSync(`:host{--brand:${t.brand}!important;--on-brand:${t.onBrand}!important;--accent:${t.accent}!important}`);
  };
  paint(cfg.color);
  sheet ??= new CSSStyleSheet();
  if (!sheet.cssRules.length) sheet.replaceSync(css);
  shadow.adoptedStyleSheets = [sheet, vars];

  const frame = el('div', { class: 'frame', id: 'fd-panel' });
  let lang = cfg.lang;
  let launcher: HTMLButtonElement | null = null;
  if (!inline) {
    frame.hidden = true;
    launcher = el('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'fd-panel' });
    for (const [cls, d] of ICONS) {
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      svg.setAttribute('viewBox', '0 0 24 24');
      svg.setAttribute('aria-hidden', 'true');
      svg.setAttribute('class', cls!);
      const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
      path.setAttribute('d', d!);
      svg.append(path);
      launcher.append(svg);
    }
    shadow.append(launcher);
  }
  shadow.append(frame);
  const relabel = () => launcher?.setAttribute('aria-label', LABELS[lang][isOpen ? 1 : 0]);

  let isOpen = inline;
  let panel: PanelHandle | null = null;
  let loading: Promise<PanelModule> | null = null;
  const emit = (event: WidgetEvent, detail?: Record<string, unknown>) => reg.emit(site, event, detail);
  // import() from a classic script: resolved against the booking host, CSP-safe (script-src of that host).
  const load = () => (loading ??= import(/* @vite-ignore */ new URL(__PANEL__, cfg.base).href).catch((e: unknown) => {
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
    lang(l) {
      lang = l;
      relabel();
    },
  };

  /** Runs `fn` with the mounted panel; shows a retry in the frame if the chunk cannot load. */
  function withPanel(fn: (p: PanelHandle) => void): void {
    if (panel) return fn(panel);
    load().then(
      (m) => fn((panel ??= m.mount(panelHost))),
      () => {
        const [, , fail, retry] = LABELS[lang];
        const box = el('div', { class: 'fail', role: 'alert' }, fail);
        const again = box.appendChild(el('button', { type: 'button' }, retry));
        again.onclick = () => {
          box.remove();
          withPanel(fn);
        };
        frame.replaceChildren(box);
        again.focus();
      },
    );
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
    panel?.hide();
    launcher!.setAttribute('aria-expanded', 'false');
    relabel();
    launcher!.focus();
    emit('close');
  }

  if (launcher) {
    launcher.onclick = () => (isOpen ? close() : open());
    launcher.onpointerenter = launcher.onfocus = () => void load().then((m) => m.preload(cfg), () => {});
    relabel();
    // A hostile SPA may wipe <body>: put the same element back, conversation and all.
    new MutationObserver(() => root.isConnected || document.body.append(root)).observe(document.body, { childList: true });
  }

  reg.add({
    site,
    open: () => open(),
    close,
    startBooking: (o) => open(true, (p) => p.startBooking(o?.serviceId)),
  });

  let reopen = false;
  try {
    reopen = !!(JSON.parse(localStorage.getItem(chatKey(site)) ?? 'null') as { data?: { open?: boolean } } | null)?.data?.open;
  } catch {
    // Storage blocked: start closed.
  }
  if (cfg.manageToken) {
    const token = cfg.manageToken;
    if (/fd-manage=/.test(location.hash)) history.replaceState(history.state, '', location.pathname + location.search);
    open(!inline, (p) => p.manage(token));
  } else if (inline || reopen) open(false);
  else {
    const idle = (cb: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(cb, { timeout: 4000 }) : setTimeout(cb, 2000));
    idle(() => void load().then((m) => m.preload(cfg), () => {}));
  }
  emit('ready');
}
