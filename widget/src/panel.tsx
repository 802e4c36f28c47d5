/**
 * The panel chunk, imported by the loader on idle or on first open. Creates the conversation
 * (the server-driven one, over the tRPC client) and renders it into the loader's frame.
 */
import { effect, signal } from '@preact/signals-core';
import { h, render } from 'preact';
import { createApi } from './api';
import type { PanelHandle, PanelHost, WidgetConfig } from './contract';
import { Conversation, type ConversationDeps } from './flow/conversation';
import type { Lang } from '@frontdesk/shared';
import type { ConversationSource, Prompt } from './flow/port';
import { formatter, loadStrings, type Format, type Strings } from './i18n';
import { conversationStore } from './storage';
import css from './ui/panel.css?inline';
import { Panel } from './ui/panel';
import type { View } from './ui/view';

interface Instance {
  m: Conversation;
  strings: Map<Lang, Strings>;
  emit: ConversationDeps['emit'];
  /** A staff message arrived: the mounted panel counts it as unread while it is closed. */
  staff: () => void;
}
const instances = new WeakMap<WidgetConfig, Instance>();
let sheet: CSSStyleSheet | undefined;

/** 128 random bits as four decimal words, e.g. `3021937516_77218_…` (≤ 43 chars of [0-9_]). */
function randomId(): string {
  // crypto.randomUUID needs a secure context; getRandomValues works on plain http too.
  return crypto.getRandomValues(new Uint32Array(4)).join('_');
}

/** The page the conversation starts on (without its fragment, which may hold a manage token). */
function source(): ConversationSource {
  const q = new URLSearchParams(location.search);
  const utm: Record<string, string> = {};
  for (const k of ['source', 'medium', 'campaign', 'term', 'content']) {
    const x = q.get(`utm_${k}`);
    if (x) utm[k] = x.slice(0, 200);
  }
  return { url: (location.origin + location.pathname + location.search).slice(0, 2000), ...(document.referrer ? { referrer: document.referrer.slice(0, 2000) } : {}), ...(Object.keys(utm).length ? { utm } : {}) };
}

/** One conversation per widget config, created on preload or mount, whichever is first. */
function instance(cfg: WidgetConfig): Instance {
  const i = instances.get(cfg);
  if (i) return i;
  const store = conversationStore(cfg.siteKey);
  // The visitor's other tabs hear of every turn and read it with conversation.get.
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`frontdesk:${cfg.siteKey}`) : null;
  const inst: Instance = { strings: new Map(), emit: () => {}, staff: () => {}, m: null as unknown as Conversation };
  const m = (inst.m = new Conversation(
    {
      api: createApi(cfg.base), store, source, newId: randomId,
      emit: (e, d) => inst.emit(e, d),
      broadcast: (id, seq) => channel?.postMessage({ id, seq }),
      connect: (c, after, on) => {
        const es = new EventSource(`${new URL(`conversations/${encodeURIComponent(c.id)}/stream`, cfg.base).href}?token=${encodeURIComponent(c.token)}&after=${after}`);
        const data = <T,>(e: Event) => JSON.parse((e as MessageEvent<string>).data) as T;
        es.addEventListener('message', (e) => on.message(data(e)));
        es.addEventListener('status', (e) => on.status(data(e)));
        es.addEventListener('gone', () => {
          es.close();
          on.gone();
        });
        return () => es.close();
      },
      staff: () => inst.staff(),
    },
    { siteKey: cfg.siteKey, lang: cfg.lang, prefs: cfg.prefs },
  ));
  if (channel) channel.onmessage = (e: MessageEvent<{ id: string; seq: number }>) => m.heard(e.data.id, e.data.seq);
  store.watch(() => m.started.value && m.adopt());
  // Back on this tab (or this page from the bfcache): catch up with what happened meanwhile.
  addEventListener('visibilitychange', () => document.visibilityState === 'visible' && void m.sync());
  addEventListener('pageshow', (e) => e.persisted && void m.sync());
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

const CONTROLS = '.step button, .step input, .step textarea';

export function mount(host: PanelHost): PanelHandle {
  const i = instance(host.config);
  const { m } = i;
  i.emit = host.emit;
  let unread = 0;
  i.staff = () => {
    if (host.frame.hidden) host.unread(++unread);
  };
  sheet ??= new CSSStyleSheet();
  if (!sheet.cssRules.length) sheet.replaceSync(css);
  host.shadow.adoptedStyleSheets = [...host.shadow.adoptedStyleSheets, sheet];
  const inline = host.config.mode === 'inline';
  const loaded = signal(0);
  const draft: Record<string, string> = {};
  const typed = signal(0);
  let wantFocus = false;
  /** Focus was in the panel when the answer was awaited: it goes to the next step's first control. */
  let follow = false;
  let fmt: [Format, Strings] | undefined;
  let count = 0;
  let shown: Prompt | null = null;

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
    // The visitor acted in the step on screen (a kept form's button): focus follows to the next step.
    const inStep = !!active?.closest('.step');
    // Formatters are costly to build: one per language and strings.
    if (fmt?.[1] !== t) fmt = [formatter(lang, t), t];
    const prompt = m.prompt.value;
    const busy = m.busy.value;
    // What was typed belongs to the form on screen: a new kind of prompt starts empty.
    if (prompt && prompt.kind !== 'contact' && shown?.kind === 'contact') for (const k in draft) delete draft[k];
    const v: View = { m, t, f: fmt[0], inline, close: host.close, draft, typed };
    render(<Panel v={v} />, host.frame);
    const dlg = host.frame.firstElementChild as HTMLElement | null;
    const now = host.shadow.activeElement;
    const composing = now?.getAttribute('name') === 'q';
    if (wantFocus) {
      wantFocus = false;
      dlg?.focus();
    } else if (hadFocus && !now?.isConnected) {
      // The control the visitor used is gone (the answer is coming): hold focus in the panel, then follow.
      follow = true;
      (host.frame.querySelector<HTMLElement>(`.problem button, ${CONTROLS}`) ?? dlg)?.focus();
    }
    if (prompt !== shown && !busy) {
      // A new step: focus its first field to fix, else its first control (never out of the composer).
      if ((follow || inStep) && !composing) {
        (host.frame.querySelector<HTMLElement>(`.step [aria-invalid="true"], .problem button, ${CONTROLS}`) ?? dlg)?.focus();
      }
      follow = false;
      shown = prompt;
    }
    const body = host.frame.querySelector('.body');
    const n = m.transcript.value.length + m.echoes.value.length + (busy ? 1 : 0);
    if (body && n !== count) body.scrollTop = body.scrollHeight;
    count = n;
  });

  return {
    show(focus) {
      unread = 0;
      host.unread(0);
      m.begin();
      const dlg = host.frame.firstElementChild as HTMLElement | null;
      if (focus && dlg) dlg.focus();
      else wantFocus = focus;
    },
    startBooking(serviceId) {
      m.begin();
      void m.send({ type: 'start', flow: 'book', serviceId });
    },
    manage(token) {
      m.begin();
      void m.send({ type: 'start', flow: 'manage', manageToken: token });
    },
  };
}
