/**
 * "Delete my data" asked in the chat (issue 13), through the public API against the real
 * services: the bot asks once, a yes erases the conversation's person in the same turn
 * (services/privacy, `proven` reach), the answer says so and ends the conversation, an open push
 * stream ends ("gone"), and the rows are gone while someone who typed the same e-mail elsewhere
 * keeps theirs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { bookings, conversationMessages, conversations, customers, kbUnanswered, leads } from '../src/adapters/db/schema.js';
import { createMemoryBus } from '../src/adapters/bus/memory.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { openSse } from './support/sse.js';
import { bookInChat as bookChat, visitor, type Visitor } from './support/visitor.js';

const BARBER = 'demo-barber-nyc';
const ORIGIN = 'http://localhost:8080';

async function bookInChat(v: Visitor, name: string, email: string) {
  return (await bookChat(v, 'Beard trim', name, email)).bookingId;
}

describe.each(dbKinds)('delete my data, asked in the chat, on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind);
    h.deps.bus = createMemoryBus();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('asks once, then erases the person of this conversation; the answer says so and the conversation ends', async () => {
    const { url } = await h.http({ streams: { heartbeatMs: 60_000 } });
    const email = `dora.${kind}@example.com`;
    const v = visitor(h, BARBER, 'en', { origin: ORIGIN });
    const bookingId = await bookInChat(v, 'Dora Deleteme', email);
    // Someone else typed the same address in another chat: the chat proves only its own rows.
    const other = visitor(h, BARBER, 'en', { origin: ORIGIN });
    const otherBooking = await bookInChat(other, 'Other Typist', email);
    const stream = await openSse(`${url}/conversations/${v.view.conversationId}/stream?token=${v.view.token}&after=${v.view.seq}`, { origin: ORIGIN });

    await v.send({ type: 'text', text: 'Please delete my data' });
    expect(v.view.prompt).toMatchObject({ kind: 'confirm', question: 'Delete my data?' });
    expect(v.view.messages.map((m) => m.text)).toEqual([
      'Please delete my data',
      'Delete your data? I’ll delete this conversation and the name and contact you gave in it and cancel the booking made here if it is still ahead. The business keeps only figures without your name (how many bookings, not whose). This can’t be undone.',
    ]);
    // Nothing is deleted before the yes.
    expect((await h.deps.db.select().from(leads).where(eq(leads.conversationId, v.view.conversationId))).length).toBe(1);

    const id = v.view.conversationId;
    const token = v.view.token;
    await v.send({ type: 'choose', optionId: v.option('Yes, delete') });
    expect(v.view).toMatchObject({ ended: true, status: 'closed' });
    expect(v.view.messages.map((m) => `${m.from}: ${m.text}`)).toEqual(['visitor: Yes, delete', 'bot: Done: your data is deleted. This chat is closed; if you write again, a new one starts.']);

    // The data is gone: transcript, contact, lead, customer; the booking ahead is cancelled and kept for the figures without the person.
    expect(await h.deps.db.select().from(conversationMessages).where(eq(conversationMessages.conversationId, id))).toEqual([]);
    const [row] = await h.deps.db.select().from(conversations).where(eq(conversations.id, id));
    expect(row).toMatchObject({ tokenHash: '', status: 'closed', contactName: null, contactEmail: null, customerId: null, state: {} });
    expect(await h.deps.db.select().from(leads).where(eq(leads.conversationId, id))).toEqual([]);
    const [b] = await h.deps.db.select().from(bookings).where(eq(bookings.id, bookingId));
    expect(b).toMatchObject({ status: 'cancelled', customerId: null });
    const [{ n }] = await h.deps.db.select({ n: sql<number>`count(*)::int` }).from(customers).where(eq(customers.name, 'Dora Deleteme')) as [{ n: number }];
    expect(n).toBe(0);

    // The stored id opens nothing any more; the open stream ended.
    await expect(h.caller(ORIGIN).conversation.get({ conversationId: id, token, after: 0 })).rejects.toThrow();
    await stream.next((f) => f.event === 'gone');
    stream.close();

    // The other chat with the same e-mail keeps everything.
    const [ob] = await h.deps.db.select().from(bookings).where(eq(bookings.id, otherBooking));
    expect(ob).toMatchObject({ status: 'confirmed' });
    expect((await h.deps.db.select().from(customers).where(eq(customers.id, ob!.customerId!)))[0]).toMatchObject({ name: 'Other Typist', email });
    expect((await h.caller(ORIGIN).conversation.get({ conversationId: other.view.conversationId, token: other.view.token, after: 0 })).messages.length).toBeGreaterThan(5);
  });

  it('"no" keeps everything; a Russian visitor is asked and answered in Russian', async () => {
    const v = visitor(h, 'demo-salon-spb', 'ru', { origin: ORIGIN });
    await v.send({ type: 'choose', optionId: 'intent:human' });
    await v.send({ type: 'text', text: 'удалите мои данные' });
    expect(v.view.prompt).toMatchObject({ kind: 'confirm', question: 'Удалить мои данные?' });
    await v.send({ type: 'text', text: 'нет' });
    expect(v.view.messages.map((m) => m.text)).toContain('Хорошо, ничего не удалено.');
    expect(v.view.ended).toBeUndefined();
    const again = await h.caller(ORIGIN).conversation.get({ conversationId: v.view.conversationId, token: v.view.token, after: 0 });
    expect(again.messages.length).toBeGreaterThan(3);
  });

  it('their questions nothing answered leave the owner\'s list: one only they asked goes, one others asked too counts one ask less', async () => {
    const site = await h.deps.db.query.sites.findFirst({ where: (t, { eq: is }) => is(t.siteKey, BARBER) });
    const businessId = site!.businessId;
    const unanswered = async () =>
      Object.fromEntries((await h.deps.db.select().from(kbUnanswered).where(eq(kbUnanswered.businessId, businessId))).map((r) => [r.folded, { count: r.count, question: r.question }]));
    const other = visitor(h, BARBER, 'en', { origin: ORIGIN });
    await other.send({ type: 'text', text: 'Do you sell gift cards for pets?' });
    const v = visitor(h, BARBER, 'en', { origin: ORIGIN });
    await v.send({ type: 'text', text: 'DO you sell gift cards, for pets' });
    await v.send({ type: 'text', text: 'Is the barber Lisa Q. Private a fan of the rooftop pool?' });
    const before = await unanswered();
    expect(before['do you sell gift cards for pets']).toEqual({ count: 2, question: 'Do you sell gift cards for pets?' });
    expect(before['is the barber lisa q private a fan of the rooftop pool']).toMatchObject({ count: 1 });

    await bookInChat(v, 'Erin Asker', `erin.${kind}@example.com`);
    await v.send({ type: 'text', text: 'delete my data' });
    await v.send({ type: 'choose', optionId: v.option('Yes, delete') });
    expect(v.view.ended).toBe(true);

    const after = await unanswered();
    expect(after['is the barber lisa q private a fan of the rooftop pool']).toBeUndefined();
    expect(after['do you sell gift cards for pets']).toEqual({ count: 1, question: 'do you sell gift cards for pets' });
  });
});
