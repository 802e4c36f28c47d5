import { describe, expect, it } from 'vitest';
import type { ConversationStore, SavedConversation } from '../storage';
import { Conversation, type StreamHandlers } from './conversation';
import type { ApiPort, ConversationView, Result, SendInput, TranscriptMessage } from './port';

const TOKEN = 'tok_0123456789abcdefghij';
const msg = (seq: number, from: TranscriptMessage['from'], text: string): TranscriptMessage => ({ seq, at: '2026-06-10T10:00:00Z', from, text });
const view = (messages: TranscriptMessage[], seq: number, over: Partial<ConversationView> = {}): ConversationView => ({
  conversationId: 'c1', token: TOKEN, lang: 'en', status: 'bot', messages, seq, live: false,
  prompt: { kind: 'choice', menu: false, options: [{ id: 'svc:cut', label: 'Haircut' }] }, ...over,
});

/** A fake service whose answers the test releases one by one, recording every call. */
function fake() {
  const calls: { kind: 'send' | 'get'; input: unknown }[] = [];
  const waiting: ((r: Result<ConversationView>) => void)[] = [];
  const later = (kind: 'send' | 'get', input: unknown) => {
    calls.push({ kind, input });
    return new Promise<Result<ConversationView>>((resolve) => waiting.push(resolve));
  };
  const api: ApiPort = {
    site: () => new Promise(() => {}),
    send: (i: SendInput) => later('send', i),
    get: (i) => later('get', i),
    event: () => {},
  };
  const answer = async (r: Result<ConversationView>) => {
    await Promise.resolve();
    waiting.shift()!(r);
    await new Promise((x) => setTimeout(x, 0));
  };
  return { api, calls, answer };
}

function memoryStore(initial: SavedConversation | null = null) {
  let value = initial;
  const store: ConversationStore & { value: () => SavedConversation | null } = {
    load: () => value, save: (c) => void (value = c), forget: () => void (value = null), watch: () => {}, value: () => value,
  };
  return store;
}

function model(store = memoryStore()) {
  const f = fake();
  const events: string[] = [];
  const told: [string, number][] = [];
  const streams: { c: SavedConversation; after: number; on: StreamHandlers; closed: boolean }[] = [];
  let staff = 0;
  const m = new Conversation(
    {
      api: f.api, store, emit: (e) => events.push(e), source: () => ({ url: 'https://salon.test/prices' }), newId: () => 'local', broadcast: (id, n) => told.push([id, n]),
      connect: (c, after, on) => {
        const s = { c, after, on, closed: false };
        streams.push(s);
        return () => void (s.closed = true);
      },
      staff: () => void staff++,
    },
    { siteKey: 'demo', lang: 'en', prefs: ['en'] },
  );
  return { m, store, events, told, streams, staffSeen: () => staff, ...f };
}

describe('Conversation (the server-driven renderer)', () => {
  it('echoes a menu choice at once, then shows the server transcript and prompt in its place', async () => {
    const { m, calls, answer, store, told } = model();
    m.begin();
    expect(calls).toEqual([]);
    m.intent('book', 'Book');
    expect(m.echoes.value.map((e) => e.text)).toEqual(['Book']);
    expect(m.busy.value).toBe(true);
    await Promise.resolve();
    expect(calls[0]).toEqual({ kind: 'send', input: { siteKey: 'demo', lang: 'en', after: 0, event: { type: 'choose', optionId: 'intent:book' }, prefs: ['en'], source: { url: 'https://salon.test/prices' } } });
    expect(store.value()).toBeNull();

    await answer({ ok: true, data: view([msg(1, 'bot', 'Hello!'), msg(2, 'visitor', 'Book'), msg(3, 'bot', 'Which service?')], 3) });
    expect(m.echoes.value).toEqual([]);
    expect(m.busy.value).toBe(false);
    expect(m.transcript.value.map((x) => x.text)).toEqual(['Hello!', 'Book', 'Which service?']);
    expect(m.prompt.value?.kind).toBe('choice');
    expect(store.value()).toEqual({ id: 'c1', token: TOKEN });
    expect(told).toEqual([['c1', 3]]);
  });

  it('types (busy) only while a turn is on its way: not for the local greeting, gone with the answer or an error', async () => {
    const { m, answer } = model();
    m.begin();
    // The greeting and menu are local: no typing dots on opening a new chat.
    expect(m.busy.value).toBe(false);
    m.intent('book', 'Book');
    expect(m.busy.value).toBe(true);
    await answer({ ok: true, data: view([msg(1, 'bot', 'Hello!'), msg(2, 'visitor', 'Book'), msg(3, 'bot', 'Which service?')], 3) });
    expect(m.busy.value).toBe(false);
    m.ask('tomorrow');
    expect(m.busy.value).toBe(true);
    await answer({ ok: false, error: { code: 'NETWORK' } });
    expect(m.problem.value?.code).toBe('NETWORK');
    expect(m.busy.value).toBe(false);
  });

  it('sends turns one at a time, each after the one before, and keeps each message once', async () => {
    const { m, calls, answer } = model();
    m.begin();
    m.intent('book', 'Book');
    m.ask('tomorrow at 3');
    await answer({ ok: true, data: view([msg(1, 'bot', 'Hello!'), msg(2, 'visitor', 'Book'), msg(3, 'bot', 'Which service?')], 3) });
    expect(calls[1]).toMatchObject({ kind: 'send', input: { conversationId: 'c1', token: TOKEN, after: 3, event: { type: 'text', text: 'tomorrow at 3' } } });
    expect(calls[1]!.input).not.toHaveProperty('source');
    // A staff reply that another tab fetched already comes again: shown once.
    await answer({ ok: true, data: view([msg(3, 'bot', 'Which service?'), msg(4, 'visitor', 'tomorrow at 3'), msg(5, 'bot', 'Haircut?')], 5) });
    expect(m.transcript.value.map((x) => x.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('resumes a saved conversation after a reload, and catches up when another tab moved it on', async () => {
    const { m, calls, answer } = model(memoryStore({ id: 'c1', token: TOKEN }));
    m.begin();
    await Promise.resolve();
    expect(calls[0]).toEqual({ kind: 'get', input: { conversationId: 'c1', token: TOKEN, after: 0 } });
    await answer({ ok: true, data: view([msg(1, 'bot', 'Hello!'), msg(2, 'visitor', 'Book')], 2) });
    expect(m.transcript.value).toHaveLength(2);

    m.heard('c1', 2);
    m.heard('c1', 4);
    await Promise.resolve();
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual({ kind: 'get', input: { conversationId: 'c1', token: TOKEN, after: 2 } });
    await answer({ ok: true, data: view([msg(3, 'bot', 'Which service?'), msg(4, 'staff', 'Hi, Anna here')], 4, { status: 'live', live: true }) });
    expect(m.transcript.value.map((x) => x.seq)).toEqual([1, 2, 3, 4]);
    expect(m.live.value).toBe(true);
  });

  it('forgets a conversation the server no longer has and greets again', async () => {
    const { m, answer, store } = model(memoryStore({ id: 'gone', token: TOKEN }));
    m.begin();
    await answer({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(store.value()).toBeNull();
    expect(m.saved.value).toBeNull();
    expect(m.problem.value).toBeNull();
  });

  it('offers a retry when the service cannot be reached, sending the same event again', async () => {
    const { m, calls, answer } = model();
    m.begin();
    m.intent('prices', 'Prices');
    await answer({ ok: false, error: { code: 'NETWORK' } });
    expect(m.problem.value?.code).toBe('NETWORK');
    expect(m.echoes.value.map((e) => e.text)).toEqual(['Prices']);
    m.problem.value!.retry!();
    expect(m.echoes.value.map((e) => e.text)).toEqual(['Prices']);
    await Promise.resolve();
    expect(calls.map((c) => (c.input as SendInput).event)).toEqual([{ type: 'choose', optionId: 'intent:prices' }, { type: 'choose', optionId: 'intent:prices' }]);
  });

  it('a refused event (BAD_REQUEST) is not offered again: no retry that would fail the same way', async () => {
    const { m, answer } = model();
    m.begin();
    m.ask('x'.repeat(10));
    await answer({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(m.problem.value).toEqual({ code: 'BAD_REQUEST' });
    expect(m.echoes.value).toEqual([]);
  });

  it('never echoes contact details or codes: the server decides what the transcript keeps', () => {
    const { m } = model();
    m.begin();
    void m.send({ type: 'contact', name: 'Ann', contact: 'ann@example.com', consent: true });
    void m.send({ type: 'code', code: '123456' });
    expect(m.echoes.value).toEqual([]);
  });

  it('tells the page of a booking made in this turn (Frontdesk.on("booked"))', async () => {
    const { m, answer, events } = model();
    m.begin();
    void m.send({ type: 'choose', optionId: 'act:yes' }, 'Yes');
    const card = { kind: 'booking', bookingId: 'b1', status: 'confirmed', start: '2026-06-10T14:00:00Z', end: '2026-06-10T14:30:00Z', timeZone: 'UTC', serviceName: 'Cut', staffName: 'Sam', address: '', whatToBring: null, price: null, changeableUntil: null, icsUrl: '', manageUrl: '' } as const;
    await answer({ ok: true, data: view([{ ...msg(1, 'bot', 'Booked'), card }], 1) });
    expect(events).toEqual(['booked']);
  });

  it('while a person is asked or answering, listens on the stream: staff replies show at once, a new status reads the prompt', async () => {
    const { m, answer, streams, calls, staffSeen } = model();
    m.begin();
    void m.send({ type: 'contact', name: 'Ann', contact: 'ann@example.com', consent: true });
    expect(streams).toEqual([]);
    await answer({ ok: true, data: view([msg(1, 'bot', 'Hello!'), msg(2, 'bot', 'A person will answer by 3 PM.')], 2, { status: 'waiting', prompt: { kind: 'text' } }) });
    expect(streams).toHaveLength(1);
    expect(streams[0]).toMatchObject({ c: { id: 'c1', token: TOKEN }, after: 2 });

    streams[0]!.on.message({ ...msg(3, 'staff', 'Hi, Anna here'), author: 'Anna' });
    streams[0]!.on.message({ ...msg(3, 'staff', 'Hi, Anna here'), author: 'Anna' });
    expect(m.transcript.value.map((x) => x.text)).toEqual(['Hello!', 'A person will answer by 3 PM.', 'Hi, Anna here']);
    expect(staffSeen()).toBe(1);

    streams[0]!.on.status({ status: 'waiting', seq: 3 });
    await Promise.resolve();
    expect(calls.filter((c) => c.kind === 'get')).toHaveLength(0);
    streams[0]!.on.status({ status: 'live', seq: 3 });
    await Promise.resolve();
    expect(calls.at(-1)).toEqual({ kind: 'get', input: { conversationId: 'c1', token: TOKEN, after: 2 } });
    await answer({ ok: true, data: view([{ ...msg(3, 'staff', 'Hi, Anna here'), author: 'Anna' }], 3, { status: 'live', live: true, prompt: { kind: 'text' } }) });
    expect(m.live.value).toBe(true);
    expect(m.transcript.value).toHaveLength(3);
    expect(streams).toHaveLength(1);

    streams[0]!.on.gone();
    expect(streams[0]!.closed).toBe(true);
    expect(m.saved.value).toBeNull();
  });

  it('switches language from the panel header: the site comes again in it, and the server conversation switches too', async () => {
    const { m, api, calls, answer } = model();
    const asked: string[] = [];
    api.site = ({ lang = 'en' }) => {
      asked.push(lang);
      return Promise.resolve({ ok: true, data: { siteKey: 'demo', lang, business: { name: 'Salon', languages: ['en', 'ru', 'hy'], defaultLang: 'ru' }, widget: { color: '#000', position: 'right', greeting: `hello ${lang}`, intents: [] } } });
    };
    m.begin();
    await Promise.resolve();
    m.switchLang('hy');
    await new Promise((x) => setTimeout(x, 0));
    expect(m.lang.value).toBe('hy');
    expect(asked).toEqual(['en', 'hy']);
    expect(m.site.value?.widget.greeting).toBe('hello hy');
    // Nothing on the server yet: no turn is spent on it.
    expect(calls).toEqual([]);

    m.intent('book', 'Գրանցվել');
    await answer({ ok: true, data: view([msg(1, 'bot', 'Բարև'), msg(2, 'visitor', 'Գրանցվել')], 2, { lang: 'hy' }) });
    m.switchLang('ru');
    await Promise.resolve();
    expect(calls.at(-1)).toMatchObject({ kind: 'send', input: { lang: 'ru', conversationId: 'c1', event: { type: 'lang', lang: 'ru' } } });
    await answer({ ok: true, data: view([msg(3, 'bot', 'Какая услуга?')], 3, { lang: 'ru' }) });
    expect(m.lang.value).toBe('ru');
    expect(m.echoes.value).toEqual([]);
  });

  it('while the chat shows a booking, listens on the stream: a change made elsewhere arrives as a new card', async () => {
    const { m, answer, streams } = model();
    m.begin();
    void m.send({ type: 'choose', optionId: 'act:yes' }, 'Yes');
    const card = { kind: 'booking', bookingId: 'b1', status: 'confirmed', start: '2026-06-10T14:00:00Z', end: '2026-06-10T14:30:00Z', timeZone: 'UTC', serviceName: 'Cut', staffName: 'Sam', address: '', whatToBring: null, price: null, changeableUntil: null, icsUrl: '', manageUrl: '' } as const;
    await answer({ ok: true, data: view([{ ...msg(1, 'bot', 'Booked'), card }], 1, { prompt: { kind: 'choice', menu: true, options: [] } }) });
    expect(streams).toHaveLength(1);
    expect(streams[0]).toMatchObject({ after: 1 });
    streams[0]!.on.message({ ...msg(2, 'bot', 'Your booking was moved to 4 PM.'), card: { ...card, start: '2026-06-10T16:00:00Z', end: '2026-06-10T16:30:00Z' } });
    expect(m.transcript.value.map((x) => x.card?.kind === 'booking' && x.card.start)).toEqual(['2026-06-10T14:00:00Z', '2026-06-10T16:00:00Z']);
  });

  it('a conversation erased at the visitor’s request: its last words stay on screen, the id and token are forgotten, the next turn starts a new one', async () => {
    const { m, answer, calls, store } = model();
    m.begin();
    void m.send({ type: 'text', text: 'delete my data' }, 'delete my data');
    await answer({ ok: true, data: view([msg(1, 'bot', 'Hello!'), msg(2, 'visitor', 'delete my data'), msg(3, 'bot', 'Delete your data?')], 3) });
    expect(store.value()).toEqual({ id: 'c1', token: TOKEN });
    void m.send({ type: 'choose', optionId: 'act:yes' }, 'Yes, delete');
    await answer({ ok: true, data: view([msg(4, 'visitor', 'Yes, delete'), msg(5, 'bot', 'Done: your data is deleted.')], 5, { status: 'closed', ended: true }) });
    expect(store.value()).toBeNull();
    expect(m.saved.value).toBeNull();
    expect(m.transcript.value.at(-1)?.text).toBe('Done: your data is deleted.');

    m.intent('book', 'Book');
    await Promise.resolve();
    expect(calls.at(-1)).toMatchObject({ kind: 'send', input: { after: 0, event: { type: 'choose', optionId: 'intent:book' }, source: { url: 'https://salon.test/prices' } } });
    expect(calls.at(-1)!.input).not.toHaveProperty('conversationId');
    await answer({ ok: true, data: view([msg(1, 'bot', 'Hello!'), msg(2, 'visitor', 'Book')], 2, { conversationId: 'c2' }) });
    expect(m.transcript.value.map((x) => x.text)).toEqual(['Hello!', 'Book']);
    expect(store.value()).toEqual({ id: 'c2', token: TOKEN });
  });
});
