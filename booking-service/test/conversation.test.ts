/**
 * Conversations on the server through the public API (createCaller), on PGlite and PostgreSQL:
 * book, quote and hand-off end to end, resume, two tabs racing, consent gating, the lead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { bookings, conversationMessages, conversations, events, handoffs, leads } from '../src/adapters/db/schema.js';
import { dbKinds } from './support/db.js';
import { failureOf } from './support/expect-error.js';
import { createHarness, type Harness } from './support/harness.js';
import { visitor as visitorOf, type Visitor } from './support/visitor.js';
import { sendTurn } from '../src/services/conversation/turns.js';
import type { Deps } from '../src/services/deps.js';

const BARBER = 'demo-barber-nyc';

describe.each(dbKinds)('conversations on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  const api = () => h.caller('http://localhost:8080');

  const visitor = (siteKey = BARBER, lang: 'ru' | 'hy' | 'en' = 'en') =>
    visitorOf(h, siteKey, lang, { origin: 'http://localhost:8080', source: { url: 'http://localhost:8080/barber', utm: { source: 'test' } } });

  async function bookTo(v: Visitor) {
    await v.send({ type: 'choose', optionId: 'intent:book' });
    await v.send({ type: 'choose', optionId: v.option('Beard trim') });
    await v.send({ type: 'choose', optionId: v.option('Anyone') });
    const p = v.view.prompt;
    if (p.kind !== 'slots') throw new Error(p.kind);
    await v.send({ type: 'choose', optionId: p.slots[0]!.id });
    return p.slots[0]!;
  }

  it('books end to end: the first turn records the greeting, the booking is made and linked to the conversation and its lead', async () => {
    const v = visitor();
    const first = await v.send({ type: 'choose', optionId: 'intent:book' });
    expect(first.messages.map((m) => [m.seq, m.from, m.text])).toEqual([
      [1, 'bot', "Hey! Ask me for prices or grab a chair — I'm here 24/7."],
      [2, 'visitor', 'Book'],
      [3, 'bot', 'Which service would you like?'],
    ]);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await v.send({ type: 'choose', optionId: v.option('Beard trim') });
    await v.send({ type: 'choose', optionId: v.option('Anyone') });
    const slots = v.view.prompt;
    if (slots.kind !== 'slots') throw new Error(slots.kind);
    expect(slots.slots).toHaveLength(3);
    await v.send({ type: 'choose', optionId: slots.slots[0]!.id });
    expect(v.view.prompt.kind).toBe('contact');
    const id = v.view.conversationId;
    // Nothing about the visitor is stored before consent.
    await v.send({ type: 'contact', name: 'Ann Lee', contact: 'ann@example.com', consent: false });
    expect(v.view.prompt).toMatchObject({ kind: 'contact', errors: { consent: expect.any(String) } });
    const dump = JSON.stringify(await h.deps.db.select().from(conversations).where(eq(conversations.id, id))) + JSON.stringify(await h.deps.db.select().from(conversationMessages).where(eq(conversationMessages.conversationId, id)));
    expect(dump).not.toContain('ann@example.com');
    expect(dump).not.toContain('Ann Lee');
    expect(await h.deps.db.select().from(leads).where(eq(leads.conversationId, id))).toEqual([]);

    const done = await v.send({ type: 'contact', name: 'Ann Lee', contact: 'ann@example.com', consent: true });
    const card = done.messages.at(-1)!.card!;
    expect(card).toMatchObject({ kind: 'booking', status: 'confirmed', serviceName: 'Beard trim', price: { display: '$25' } });
    if (card.kind !== 'booking') throw new Error();
    expect(card.manageUrl).toMatch(/^http:\/\/localhost:3000\/manage\?token=/);
    const [b] = await h.deps.db.select().from(bookings).where(eq(bookings.id, card.bookingId));
    expect(b).toMatchObject({ status: 'confirmed', conversationId: id });
    const [lead] = await h.deps.db.select().from(leads).where(eq(leads.conversationId, id));
    expect(lead).toMatchObject({ name: 'Ann Lee', email: 'ann@example.com', phone: null, lang: 'en', intent: 'book', outcome: 'booked', customerId: b!.customerId, source: { url: 'http://localhost:8080/barber', utm: { source: 'test' } } });
    const [conv] = await h.deps.db.select().from(conversations).where(eq(conversations.id, id));
    expect(conv).toMatchObject({ contactEmail: 'ann@example.com', outcome: 'booked', customerId: b!.customerId });
    const kinds = (await h.deps.db.select().from(events).where(eq(events.conversationId, id))).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'lead_created')).toHaveLength(1);
    expect(kinds).toEqual(expect.arrayContaining(['intent_chosen', 'booking_made', 'conversation_outcome']));
  });

  it('"Change time" releases the hold: the time is free again for everyone at once', async () => {
    const v = visitor();
    await bookTo(v);
    const id = v.view.conversationId;
    const held = await h.deps.db.select().from(bookings).where(eq(bookings.conversationId, id));
    expect(held.map((b) => b.status)).toEqual(['held']);
    await v.send({ type: 'choose', optionId: 'act:change-time' });
    expect(v.view.prompt.kind).toBe('slots');
    expect(await h.deps.db.select().from(bookings).where(eq(bookings.conversationId, id))).toEqual([]);
  });

  it('resumes after a reload with the same messages and prompt, and refuses a wrong token', async () => {
    const v = visitor();
    await bookTo(v);
    const again = await api().conversation.get({ conversationId: v.view.conversationId, token: v.view.token, after: 0 });
    expect(again.messages).toEqual(v.transcript);
    expect(again.prompt).toEqual(v.view.prompt);
    expect(again.seq).toBe(v.view.seq);
    const tail = await api().conversation.get({ conversationId: v.view.conversationId, token: v.view.token, after: v.view.seq - 1 });
    expect(tail.messages.map((m) => m.seq)).toEqual([v.view.seq]);
    const e = await failureOf(api().conversation.get({ conversationId: v.view.conversationId, token: 'x'.repeat(32), after: 0 }));
    expect(e.code).toBe('NOT_FOUND');
    const s = await failureOf(api().conversation.send({ siteKey: BARBER, conversationId: v.view.conversationId, token: 'y'.repeat(32), lang: 'en', after: 0, event: { type: 'menu' } }));
    expect(s.code).toBe('NOT_FOUND');
  });

  it('two tabs sending at once: both turns land, in one order, numbered without gaps', async () => {
    const v = visitor();
    await v.send({ type: 'choose', optionId: 'intent:human' });
    const { conversationId, token } = v.view;
    for (let round = 0; round < 3; round++) {
      const sent = await Promise.all(['tab A', 'tab B'].map((t) => api().conversation.send({ siteKey: BARBER, conversationId, token, lang: 'en', after: 0, event: { type: 'text', text: `${t} round ${round} says a few words here` } })));
      expect(sent).toHaveLength(2);
    }
    const all = await api().conversation.get({ conversationId, token, after: 0 });
    expect(all.messages.map((m) => m.seq)).toEqual(all.messages.map((_, i) => i + 1));
    for (const t of ['tab A', 'tab B']) for (let r = 0; r < 3; r++) expect(all.messages.filter((m) => m.text === `${t} round ${r} says a few words here`)).toHaveLength(1);
    const [row] = await h.deps.db.select().from(conversations).where(eq(conversations.id, conversationId));
    expect(row!.version).toBe(1 + 6);
  });

  /** Deps whose first transaction waits until a second one starts: both turns read the conversation before either writes. */
  const racingDeps = () => {
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const db = h.deps.db;
    const racing = new Proxy(db, {
      get(target, prop) {
        if (prop !== 'transaction') return Reflect.get(target, prop);
        return async (fn: Parameters<typeof db.transaction>[0]) => {
          const n = ++calls;
          if (n === 1) await gate;
          if (n === 2) release();
          return db.transaction(fn);
        };
      },
    });
    const deps: Deps = { ...h.deps, db: racing };
    return { deps, calls: () => calls };
  };

  it('a turn that lost the race rolls back and plays its event again on the fresh state', async () => {
    const v = visitor();
    await v.send({ type: 'choose', optionId: 'intent:human' });
    const { conversationId, token } = v.view;
    // Both turns read the conversation before either writes: the first transaction waits until the second one starts.
    const race = racingDeps();
    const deps = race.deps;
    const turn = (text: string) => sendTurn(deps, { siteKey: BARBER, conversationId, token, lang: 'en', after: 0, event: { type: 'text', text } }, undefined);
    const [a, b] = await Promise.all([turn('first tab writes this'), turn('second tab writes that')]);
    expect([a.ok, b.ok]).toEqual([true, true]);
    expect(race.calls()).toBe(3);
    const all = await api().conversation.get({ conversationId, token, after: 0 });
    expect(all.messages.filter((m) => m.from === 'visitor').map((m) => m.text).slice(-2).sort()).toEqual(['first tab writes this', 'second tab writes that']);
  });

  it('two tabs leaving the contact at once: one lead and one lead_created event (the lead rides in the claiming statement)', async () => {
    const v = visitor('demo-clinic-yerevan', 'en');
    await v.send({ type: 'choose', optionId: 'intent:human' });
    await v.send({ type: 'text', text: 'Can I come with my child?' });
    const { conversationId, token } = v.view;
    // Both turns read the conversation (no contact, no consent yet) before either writes.
    const race = racingDeps();
    const deps = race.deps;
    const turn = () => sendTurn(deps, { siteKey: 'demo-clinic-yerevan', conversationId, token, lang: 'en', after: 0, event: { type: 'contact', name: 'Ani', contact: '+374 91 123456', consent: true } }, undefined);
    const [a, b] = await Promise.all([turn(), turn()]);
    expect([a.ok, b.ok]).toEqual([true, true]);
    // The loser rolled back and played again: three transactions.
    expect(race.calls()).toBe(3);
    expect(await h.deps.db.select().from(leads).where(eq(leads.conversationId, conversationId))).toHaveLength(1);
    const created = await h.deps.db.select().from(events).where(and(eq(events.conversationId, conversationId), eq(events.kind, 'lead_created')));
    expect(created).toHaveLength(1);
    const [lead] = await h.deps.db.select().from(leads).where(eq(leads.conversationId, conversationId));
    expect(created[0]!.meta).toMatchObject({ leadId: lead!.id });
  });

  it('prices through the quote tree and hands off with consent, the visitor’s message in the transcript', async () => {
    const v = visitor('demo-clinic-yerevan', 'en');
    await v.send({ type: 'choose', optionId: 'intent:prices' });
    await v.send({ type: 'choose', optionId: v.option('Tooth filling') });
    await v.send({ type: 'number', value: 0 });
    expect(v.view.messages.at(-1)!.text).toBe('Please enter a whole number from 1 to 8.');
    await v.send({ type: 'number', value: 1 });
    await v.send({ type: 'choose', optionId: 'q:composite' });
    expect(v.view.messages.some((m) => m.card?.kind === 'quote' && m.card.stage === 'range')).toBe(true);
    await v.send({ type: 'choose', optionId: 'q:shallow' });
    const final = v.view.messages.find((m) => m.card?.kind === 'quote' && m.card.stage === 'final');
    expect(final?.text).toMatch(/^Your price: /);
    await v.send({ type: 'choose', optionId: v.option('Ask a specialist') });
    await v.send({ type: 'text', text: 'Can you do it on a Saturday?' });
    await v.send({ type: 'contact', name: 'Ani', contact: '+374 91 123456', consent: true });
    const card = v.view.messages.at(-1)!.card;
    expect(card).toMatchObject({ kind: 'handoff' });
    expect(v.view.status).toBe('waiting');
    const [ho] = await h.deps.db.select().from(handoffs).where(eq(handoffs.conversationId, v.view.conversationId));
    expect(ho).toMatchObject({ message: 'Can you do it on a Saturday?', contactName: 'Ani', contactPhone: '+374 91 123456', intent: 'prices' });
    expect(ho!.summary).toMatch(/^Հաշվարկ՝ Ատամի լիցք \(պլոմբ\) · /);
    expect(v.transcript.some((m) => m.from === 'visitor' && m.text === 'Can you do it on a Saturday?')).toBe(true);
    const [lead] = await h.deps.db.select().from(leads).where(eq(leads.conversationId, v.view.conversationId));
    expect(lead).toMatchObject({ outcome: 'handed_off', phone: '+374 91 123456', quote: { treeId: 'filling' } });
    // Once live, text goes to staff: the bot says nothing.
    const live = await v.send({ type: 'text', text: 'Thanks!' });
    expect(live.messages.map((m) => m.from)).toEqual(['visitor']);
    // Free text answered by the bot records its response time (the KPI's bot FRT).
    const kinds = (await h.deps.db.select().from(events).where(eq(events.conversationId, v.view.conversationId))).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'bot_reply')).toHaveLength(1);
  });

  it('keeps the first outcome’s time (AHT) while the outcome moves on: handed off, then booked', async () => {
    const v = visitor();
    await v.send({ type: 'choose', optionId: 'intent:human' });
    await v.send({ type: 'text', text: 'Do you cut kids’ hair?' });
    await v.send({ type: 'contact', name: 'Lee', contact: 'lee@example.com', consent: true });
    const handedOffAt = h.clock.now().getTime();
    h.clock.advance(5 * 60_000);
    await bookTo(v);
    await v.send({ type: 'choose', optionId: 'act:yes' });
    const [conv] = await h.deps.db.select().from(conversations).where(eq(conversations.id, v.view.conversationId));
    expect([conv!.outcome, conv!.outcomeAt?.getTime()]).toEqual(['booked', handedOffAt]);
    const outcomes = (await h.deps.db.select().from(events).where(eq(events.conversationId, v.view.conversationId))).filter((e) => e.kind === 'conversation_outcome');
    expect(outcomes.map((e) => e.meta?.outcome)).toEqual(['handed_off', 'booked']);
    const [lead] = await h.deps.db.select().from(leads).where(eq(leads.conversationId, v.view.conversationId));
    expect(lead).toMatchObject({ outcome: 'booked', intent: 'book' });
  });

  it('answers a text over 5000 characters with a BAD_REQUEST naming the limit', async () => {
    const e = await failureOf(api().conversation.send({ siteKey: BARBER, lang: 'en', after: 0, event: { type: 'text', text: 'x'.repeat(5001) } }));
    expect(e.code).toBe('BAD_REQUEST');
    expect(e.message).toContain('event.text: at most 5000 characters');
  });

  it('closes the lead as not interested', async () => {
    const v = visitor('demo-salon-spb', 'ru');
    await bookTo2(v);
    await v.send({ type: 'contact', name: 'Ольга', contact: '+7 900 000-00-01', consent: true });
    await v.send({ type: 'text', text: 'не актуально' });
    const [conv] = await h.deps.db.select().from(conversations).where(eq(conversations.id, v.view.conversationId));
    expect([conv!.status, conv!.outcome]).toEqual(['closed', 'booked']);
  });

  async function bookTo2(v: Visitor) {
    await v.send({ type: 'choose', optionId: 'intent:book' });
    await v.send({ type: 'choose', optionId: v.option('Маникюр') });
    const p = v.view.prompt;
    if (p.kind !== 'slots') throw new Error(p.kind);
    await v.send({ type: 'choose', optionId: p.slots[0]!.id });
  }
});
