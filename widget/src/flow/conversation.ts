import { computed, signal } from '@preact/signals-core';
import type { IntentId, Lang } from '@frontdesk/shared';
import type { WidgetEvent } from '../contract';
import type { ConversationStore, SavedConversation } from '../storage';
import { createModel } from './model';
import type { ApiPort, ConversationSource, ConversationStatus, ConversationView, FailureCode, Prompt, Site, TranscriptMessage, VisitorEvent } from './port';

export interface ConversationDeps {
  api: ApiPort;
  store: ConversationStore;
  emit: (event: WidgetEvent, detail?: Record<string, unknown>) => void;
  /** Where the visitor is: sent once, when the conversation is created (page URL, referrer, UTM). */
  source: () => ConversationSource;
  /** A fresh id for the panel-opened KPI event before the server has given one. */
  newId: () => string;
  /** Tells the visitor's other tabs that this conversation moved on (BroadcastChannel). */
  broadcast?: (id: string, seq: number) => void;
  /**
   * Opens the conversation's push stream (SSE, /work/contract.md "Live push"): staff replies
   * arrive on it while a person is asked or answering. Returns the function that closes it.
   */
  connect?: (c: SavedConversation, after: number, on: StreamHandlers) => () => void;
  /** A staff message arrived (the panel shows an unread badge when it is closed). */
  staff?: () => void;
}

export interface StreamHandlers {
  message(m: TranscriptMessage): void;
  status(s: { status: ConversationStatus; seq: number }): void;
  /** The conversation no longer exists (purged, erased). */
  gone(): void;
}

export interface ConversationInit {
  siteKey: string;
  lang: Lang;
  /** The visitor's preferred languages, best first; the site's offer decides among them. */
  prefs?: string[];
}

/**
 * A failure the visitor can retry: the event that failed is kept and sent again. A refused event
 * (BAD_REQUEST) would be refused again: it has no retry, and what was typed is not kept.
 */
export interface Problem { code: FailureCode; retry?: (() => void) | undefined }

/** The visitor's words shown at once, before the server has answered (replaced by its transcript). */
export interface Echo { text: string }

/**
 * The panel's side of the server-driven conversation (protocol.ts): it holds no flow. The
 * greeting and the intent menu render locally (no network wait); every visitor event is echoed
 * at once, sent with `conversation.send`, and what the server answers (the transcript after
 * `seq` and the prompt now) is rendered as data. The conversation id + token are kept in
 * first-party storage from the first turn (the visitor has opened the chat by then), so a
 * reload, another page or another tab picks up the same conversation (`conversation.get`).
 */
export const Conversation = createModel((deps: ConversationDeps, init: ConversationInit) => {
  const { api, store } = deps;
  const lang = signal<Lang>(init.lang);
  const site = signal<Site | null>(null);
  /** The server's transcript, by seq. */
  const transcript = signal<TranscriptMessage[]>([]);
  const echoes = signal<Echo[]>([]);
  const prompt = signal<Prompt | null>(null);
  const status = signal<ConversationStatus>('bot');
  const problem = signal<Problem | null>(null);
  const pending = signal(0);
  const busy = computed(() => pending.value > 0);
  /** Set on first open; nothing is written to storage before it. */
  const started = signal(false);
  const saved = signal<SavedConversation | null>(null);
  let seq = 0;
  let siteRequest: Promise<void> | null = null;
  /** Turns go one at a time: each knows the conversation id and the `after` of the one before. */
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn);
    queue = next.catch(() => {});
    return next;
  };

  /** Fetches the site config (greeting, menu, brand) in the best language it offers. Safe to call repeatedly. */
  function loadSite(): Promise<void> {
    if (!init.siteKey) return Promise.resolve();
    const asked = lang.value;
    siteRequest ??= api.site({ siteKey: init.siteKey, lang: asked }).then((r) => {
      // The visitor switched language meanwhile: the newer request's answer counts.
      if (asked !== lang.value) return;
      if (!r.ok) {
        siteRequest = null;
        return;
      }
      const offered = r.data.business.languages;
      // Keep the visitor's language if the site speaks it, else their next preference, else the site default.
      const best = [lang.value, ...(init.prefs ?? [])].find((l): l is Lang => offered.includes(l as Lang)) ?? r.data.business.defaultLang;
      if (best !== lang.value && !saved.value) {
        lang.value = best;
        siteRequest = null;
        return loadSite();
      }
      site.value = r.data;
    });
    return siteRequest;
  }

  /** Takes in a server view: new messages by seq (never twice), the prompt if it is not older. */
  function apply(v: ConversationView, fresh: boolean): void {
    if (saved.value?.id !== v.conversationId) {
      // A new conversation after one that ended: the old words leave the screen with it.
      if (ended) transcript.value = [];
      ended = false;
      saved.value = { id: v.conversationId, token: v.token };
      store.save(saved.value);
    }
    const known = new Set(transcript.value.map((m) => m.seq));
    const added = v.messages.filter((m) => !known.has(m.seq));
    if (added.length) transcript.value = [...transcript.value, ...added].sort((a, b) => a.seq - b.seq);
    if (v.seq >= seq) {
      seq = v.seq;
      prompt.value = v.prompt;
      status.value = v.status;
      lang.value = v.lang;
    }
    watchLive();
    if (fresh) {
      for (const m of added) {
        const c = m.card;
        if (c?.kind === 'booking' && c.status === 'confirmed') deps.emit('booked', { bookingId: c.bookingId, start: c.start });
        else if (c?.kind === 'quote' && c.stage === 'final') deps.emit('quote', { treeId: c.treeId, serviceId: c.serviceId });
        else if (c?.kind === 'handoff') deps.emit('handoff', { id: c.handoffId });
      }
      if (added.length) deps.broadcast?.(v.conversationId, seq);
    }
    if (v.ended) end();
  }

  /** The conversation was erased (the visitor asked): its last words stay on screen, nothing stays stored. */
  let ended = false;
  function end(): void {
    closeStream?.();
    closeStream = null;
    store.forget();
    saved.value = null;
    seq = 0;
    ended = true;
  }

  let closeStream: (() => void) | null = null;
  /**
   * While a person is asked or answering, their replies come pushed (one stream per tab); while the
   * chat shows a booking, so does its change made elsewhere (a move on the manage page, the console).
   */
  function watchLive(): void {
    const c = saved.value;
    const booked = transcript.value.some((m) => m.card?.kind === 'booking' && m.card.status === 'confirmed');
    const wanted = !!c && started.value && (status.value === 'waiting' || status.value === 'live' || booked);
    if (!wanted || closeStream || !c || !deps.connect) return;
    closeStream = deps.connect(c, seq, {
      message(m) {
        if (transcript.value.some((x) => x.seq === m.seq)) return;
        transcript.value = [...transcript.value, m].sort((a, b) => a.seq - b.seq);
        if (m.from === 'staff') deps.staff?.();
      },
      status(x) {
        // The prompt is not on the stream: a new status (a person answering, closed) reads it.
        if (x.status !== status.value) void sync();
      },
      gone() {
        end();
      },
    });
  }

  /** Back to a fresh conversation (the saved one is gone on the server). */
  function reset(): void {
    closeStream?.();
    closeStream = null;
    store.forget();
    saved.value = null;
    transcript.value = [];
    prompt.value = null;
    status.value = 'bot';
    seq = 0;
  }

  /**
   * Plays one visitor event. `echo` (the chosen option's label, the typed text) shows at once;
   * contact details and codes are not echoed: the server decides what of them the transcript keeps.
   */
  function send(event: VisitorEvent, echo?: string): Promise<void> {
    const mine: Echo | null = echo ? { text: echo } : null;
    if (mine) echoes.value = [...echoes.value, mine];
    problem.value = null;
    pending.value++;
    return serial(async () => {
      const c = saved.value;
      const r = await api.send({
        siteKey: init.siteKey, lang: lang.value, after: seq, event,
        ...(c ? { conversationId: c.id, token: c.token } : { prefs: init.prefs ?? [], source: deps.source() }),
      });
      pending.value--;
      if (r.ok) apply(r.data, true);
      else if (r.error.code === 'NOT_FOUND' && c) {
        // Purged or forged: start over with this event in a new conversation.
        reset();
        echoes.value = echoes.value.filter((e) => e !== mine);
        // Not awaited: it queues behind this turn.
        void send(event, echo);
        return;
      } else if (r.error.code === 'BAD_REQUEST') {
        problem.value = { code: r.error.code };
      } else {
        problem.value = {
          code: r.error.code,
          retry: () => {
            echoes.value = echoes.value.filter((e) => e !== mine);
            void send(event, echo);
          },
        };
        return;
      }
      echoes.value = echoes.value.filter((e) => e !== mine);
    });
  }

  /**
   * The messages after the last one held, and the prompt now (resume, another tab, back to the
   * page). Only the resume on opening shows the typing dots; catching up in the background does not.
   */
  function sync(typing = false): Promise<void> {
    if (!saved.value || !started.value) return Promise.resolve();
    if (typing) pending.value++;
    return serial(async () => {
      const c = saved.value;
      const r = c ? await api.get({ conversationId: c.id, token: c.token, after: seq }) : null;
      if (typing) pending.value--;
      if (!r) return;
      if (r.ok) apply(r.data, false);
      else if (r.error.code === 'NOT_FOUND') reset();
      else if (!transcript.value.length) problem.value = { code: r.error.code, retry: () => void sync(true) };
    });
  }

  /** Another tab saved a different conversation (or forgot it): follow it. */
  function adopt(): void {
    const c = store.load();
    if (c?.id === saved.value?.id) return void sync();
    reset();
    if (c) {
      saved.value = c;
      void sync();
    }
  }

  /** Another tab says the conversation moved on to `n`. */
  function heard(id: string, n: number): void {
    if (!started.value) return;
    if (id !== saved.value?.id) adopt();
    else if (n > seq) void sync();
  }

  /** First open: resume the saved conversation or greet locally. The greeting never waits for the network. */
  function begin(): void {
    if (started.value) return;
    started.value = true;
    saved.value = store.load();
    api.event({ siteKey: init.siteKey, kind: 'widget_opened', conversationId: saved.value?.id ?? deps.newId() });
    void loadSite();
    void sync(true);
  }

  /** A menu choice: sent as its fixed option id, so the server plays the same flow for every channel. */
  function choose(optionId: string, label: string): void {
    void send({ type: 'choose', optionId }, label);
  }

  /** Free text at any point: the server reads it in the context of the step on screen. */
  function ask(text: string): void {
    const t = text.trim();
    if (t) void send({ type: 'text', text: t }, t);
  }

  /**
   * The language switcher: the site's greeting and menu come again in `l`; a conversation already
   * on the server switches there too (it renders its prompt and asks the question on screen again).
   */
  function switchLang(l: Lang): void {
    if (l === lang.value) return;
    lang.value = l;
    siteRequest = null;
    void loadSite();
    if (saved.value) void send({ type: 'lang', lang: l });
  }

  const menu = (label: string) => void send({ type: 'menu' }, label);
  const intent = (id: IntentId, label: string) => choose(`intent:${id}`, label);

  return {
    lang, site, transcript, echoes, prompt, status, problem, busy, started, saved,
    live: computed(() => status.value === 'live'),
    loadSite, begin, send, sync, choose, ask, menu, intent, heard, adopt, switchLang,
  };
});
export type Conversation = InstanceType<typeof Conversation>;
