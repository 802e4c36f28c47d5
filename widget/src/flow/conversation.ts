import { batch, computed, effect, signal } from '@preact/signals-core';
import { createModel } from './model';
import { Booking } from './booking';
import type { BookingStart, Chat, FlowDeps, FlowName, Message, Problem, Say } from './chat';
import { emptyDraft, type Draft, type Errors } from './contact';
import { Handoff } from './handoff';
import { Manage } from './manage';
import { pack, unpack } from './persist';
import type { IntentId, Lang } from '@frontdesk/shared';
import type { Failure, Result, Site } from './port';
import { Quote } from './quote';

/** Where a conversation is kept between pages: `null` until the visitor opens the chat. */
export interface Saved {
  load(): unknown;
  save(snapshot: unknown): void;
}

export interface ConversationInit {
  siteKey: string;
  lang: Lang;
  /** The visitor's preferred languages, best first; the site's offer decides among them. */
  prefs?: string[];
}

/** Bumped when the saved shape changes; older saves are dropped, not migrated. */
const VERSION = 1;

/**
 * The conversation: greeting and intent menu, free text, and the flows it hands
 * over to (booking, quote, hand-off, my booking). Owns the transcript, the site
 * config, the retryable problem, and saving all of it once the chat is opened.
 */
export const Conversation = createModel((deps: FlowDeps, init: ConversationInit, saved: Saved) => {
  const siteKey = signal(init.siteKey);
  const lang = signal<Lang>(init.lang);
  const site = signal<Site | null>(null);
  const messages = signal<Message[]>([]);
  const active = signal<FlowName>('menu');
  const problem = signal<Problem | null>(null);
  const pending = signal(0);
  const busy = computed(() => pending.value > 0);
  /** Set on first open; nothing is written to storage before it. */
  const started = signal(false);
  const draft = signal(emptyDraft());
  const errors = signal<Errors>({});
  let seq = 0;
  let siteRequest: Promise<void> | null = null;

  const push = (m: Message) => {
    messages.value = [...messages.value, m];
  };

  const chat: Chat = {
    deps, siteKey, lang, site, draft, errors,
    bot: (say: Say) => push({ id: ++seq, from: 'bot', say }),
    user: (text) => text && push({ id: ++seq, from: 'user', text }),
    go: (flow) => {
      active.value = flow;
      problem.value = null;
      errors.value = {};
    },
    async call<T>(run: () => Promise<Result<T>>, retry: () => void, handled: Failure['code'][] = []) {
      problem.value = null;
      pending.value++;
      let r: Result<T>;
      try {
        r = await run();
      } finally {
        pending.value--;
      }
      if (!r.ok && !handled.includes(r.error.code)) {
        problem.value = {
          code: r.error.code,
          retry: () => {
            problem.value = null;
            retry();
          },
        };
      }
      return r;
    },
    loadSite: (key) => {
      siteKey.value = key;
      return loadSite(true);
    },
    to: {
      booking: (s: BookingStart) => booking.start(s),
      handoff: (s) => handoff.start(s),
    },
  };

  const booking = new Booking(chat);
  const quote = new Quote(chat);
  const handoff = new Handoff(chat);
  const manage = new Manage(chat);

  /** Fetches the site config (texts in the current language). Safe to call repeatedly. */
  function loadSite(force = false): Promise<void> {
    if (!siteKey.value) return Promise.resolve();
    if (siteRequest && !force) return siteRequest;
    siteRequest = deps.api.site({ siteKey: siteKey.value, lang: lang.value }).then((r) => {
      if (r.ok) {
        const offered = r.data.business.languages;
        // Keep the visitor's language if the site speaks it, else their next preference, else the site default.
        const best = [lang.value, ...(init.prefs ?? [])].find((l): l is Lang => offered.includes(l as Lang)) ?? r.data.business.defaultLang;
        if (best !== lang.value) {
          lang.value = best;
          siteRequest = null;
          return loadSite();
        }
        site.value = r.data;
      } else {
        siteRequest = null;
        problem.value = { code: r.error.code, retry: () => void loadSite() };
      }
    });
    return siteRequest;
  }

  /** First open: restore a saved conversation or greet. The greeting never waits for the network. */
  function begin(): void {
    if (started.value) return;
    const s = saved.load() as { v?: number; messages?: Message[] } | null;
    batch(() => {
      if (s?.v === VERSION && s.messages?.length) {
        unpack(state, s);
        seq = Math.max(0, ...messages.value.map((m) => m.id));
        // Slots are not saved: fetch them again where a slot list is on screen.
        if (booking.stage.value === 'slots') void booking.picker.refresh();
        if (manage.stage.value === 'slots') void manage.picker.refresh();
      } else chat.bot({ k: 'hello' });
      started.value = true;
    });
    deps.api.event({ siteKey: siteKey.value, kind: 'widget_opened' });
    void loadSite();
  }

  /** Typing in a contact field clears that field's error. */
  function edit<K extends keyof Draft>(field: K, value: Draft[K]): void {
    draft.value = { ...draft.value, [field]: value };
    if (errors.value[field]) errors.value = { ...errors.value, [field]: undefined };
  }

  function menu(): void {
    chat.go('menu');
    chat.bot({ k: 'again' });
  }

  function choose(intent: IntentId, label?: string): void {
    deps.api.event({ siteKey: siteKey.value, kind: 'intent_chosen', intent });
    chat.user(label);
    route(intent);
  }

  function route(intent: IntentId, text?: string, i: BookingStart = {}): void {
    if (intent === 'book') booking.start(i);
    else if (intent === 'prices') quote.start();
    else if (intent === 'my_booking') void manage.fromChat();
    else handoff.start({ intent, ...(text ? { message: text } : {}) });
  }

  /** Free text, at any point: classified by the service, then routed like a menu choice. */
  async function ask(text: string): Promise<void> {
    const t = text.trim();
    if (!t) return;
    chat.user(t);
    await interpret(t);
  }

  async function interpret(t: string): Promise<void> {
    const r = await chat.call(() => deps.api.interpret({ siteKey: siteKey.value, text: t, lang: lang.value }), () => void interpret(t));
    const when = r.ok ? r.data.when : undefined;
    if (r.ok) route(r.data.intent, t, { when: when?.kind === 'none' ? undefined : when });
  }

  const state = {
    lang, messages, active, draft,
    booking, quote, handoff, manage,
  };

  effect(() => {
    if (!started.value) return;
    const snapshot = { v: VERSION, ...pack(state) };
    saved.save(snapshot);
  });

  return {
    siteKey, lang, site, messages, active, problem, busy, started, draft, errors,
    booking, quote, handoff, manage,
    loadSite, begin, edit, menu, choose, ask,
  };
});
export type Conversation = InstanceType<typeof Conversation>;
