/**
 * The panel chunk, imported by the loader on idle or on first open. Creates the
 * conversation over the tRPC client and renders it into the loader's frame.
 */
import { effect, signal } from '@preact/signals-core';
import { h, render } from 'preact';
import { createApi } from './api';
import type { PanelHandle, PanelHost, WidgetConfig } from './contract';
import type { FlowDeps } from './flow/chat';
import { Conversation } from './flow/conversation';
import type { Lang } from '@frontdesk/shared';
import type { ApiPort } from './flow/port';
import { formatter, loadStrings, type Format, type Strings } from './i18n';
import { savedChat, savedTokens } from './storage';
import css from './ui/panel.css?inline';
import { Panel } from './ui/panel';
import type { View } from './ui/view';

interface Instance {
  m: Conversation;
  api: ApiPort;
  strings: Map<Lang, Strings>;
  emit: FlowDeps['emit'];
}
const instances = new WeakMap<WidgetConfig, Instance>();
let sheet: CSSStyleSheet | undefined;

/** 128 random bits as four decimal words, e.g. `3021937516_77218_…` (≤ 43 chars of [0-9_]). */
function randomId(): string {
  // crypto.randomUUID needs a secure context; getRandomValues works on plain http too.
  return crypto.getRandomValues(new Uint32Array(4)).join('_');
}

/** One conversation per widget config, created on preload or mount, whichever is first. */
function instance(cfg: WidgetConfig): Instance {
  const i = instances.get(cfg);
  if (i) return i;
  // A fresh conversation id per page visit (the KPI join key; the transcript may be older).
  const api = createApi(cfg.base, randomId());
  const inst: Instance = {
    api,
    strings: new Map(),
    emit: () => {},
    m: null as unknown as Conversation,
  };
  inst.m = new Conversation(
    {
      api, now: () => new Date(), newId: randomId, tokens: savedTokens(cfg.siteKey),
      emit: (e, d) => inst.emit(e, d),
    },
    { siteKey: cfg.siteKey, lang: cfg.lang, prefs: cfg.prefs },
    savedChat(cfg.siteKey, Date.now),
  );
  instances.set(cfg, inst);
  return inst;
}

// Building a formatter loads the browser's locale data (~100 ms the first time): do it here,
// on idle, rather than on the visitor's click.
const strings = (i: Instance, lang: Lang) =>
  loadStrings(lang).then((s) => {
    i.strings.set(lang, s);
    formatter(lang, s);
  });

export function preload(cfg: WidgetConfig): void {
  const i = instance(cfg);
  void strings(i, cfg.lang);
  void i.m.loadSite();
}

export function mount(host: PanelHost): PanelHandle {
  const i = instance(host.config);
  const { m } = i;
  i.emit = host.emit;
  sheet ??= new CSSStyleSheet();
  if (!sheet.cssRules.length) sheet.replaceSync(css);
  host.shadow.adoptedStyleSheets = [...host.shadow.adoptedStyleSheets, sheet];
  const inline = host.config.mode === 'inline';
  const loaded = signal(0);
  let wantFocus = false;
  let fmt: [Format, Strings] | undefined;
  let count = 0;

  effect(() => {
    const w = m.site.value?.widget;
    if (w) host.theme(w.color, w.position);
  });

  // Everything renders from signals: re-render on any change, then settle focus and scroll.
  effect(() => {
    void loaded.value;
    const lang = m.lang.value;
    // Until a new language's strings arrive, the previous ones stand in.
    if (!i.strings.has(lang)) void strings(i, lang).then(() => loaded.value++);
    const t = i.strings.get(lang) ?? i.strings.values().next().value;
    if (!t) return;
    host.lang(lang, t.close);
    const active = host.shadow.activeElement;
    const hadFocus = !!active && host.frame.contains(active);
    // Formatters are costly to build: one per language and strings.
    if (fmt?.[1] !== t) fmt = [formatter(lang, t), t];
    const v: View = {
      m, t, f: fmt[0], api: i.api, base: host.config.base, inline, close: host.close,
      tz: m.site.value?.business.timeZone ?? m.manage.data.value?.business.timeZone ?? 'UTC',
    };
    render(<Panel v={v} />, host.frame);
    const dlg = host.frame.firstElementChild as HTMLElement | null;
    const now = host.shadow.activeElement;
    if (wantFocus) {
      wantFocus = false;
      dlg?.focus();
    }
    // The control the visitor used was replaced by the next step: move to that step, not to <body>.
    else if (hadFocus && !now?.isConnected) {
      (host.frame.querySelector<HTMLElement>('.problem button, .step button, .step input') ?? dlg)?.focus();
    }
    const body = host.frame.querySelector('.body');
    if (body && m.messages.value.length !== count) body.scrollTop = body.scrollHeight;
    count = m.messages.value.length;
  });

  return {
    show(focus) {
      m.begin();
      const dlg = host.frame.firstElementChild as HTMLElement | null;
      if (focus && dlg) dlg.focus();
      else wantFocus = focus;
    },
    startBooking(serviceId) {
      m.begin();
      void m.loadSite().then(() => m.booking.start({ serviceId }));
    },
    manage(token) {
      m.begin();
      void m.manage.open(token);
    },
  };
}
