/**
 * The chat never shows a stale booking (issue 13): a booking made in the chat and then moved on
 * the manage page or cancelled in the console is shown in the chat as it is now — one message
 * with the fresh card, pushed to the open widget's stream and there on resume. A change made in
 * the chat itself adds nothing (its card is already there).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { bookings, jobs, outbox, users } from '../src/adapters/db/schema.js';
import { createMemoryBus } from '../src/adapters/bus/memory.js';
import { cancelByStaff } from '../src/services/console/desk.js';
import { rescheduleBooking } from '../src/services/manage.js';
import { pushBookingNow } from '../src/services/conversation/booking-push.js';
import type { Card } from '../src/domain/conversation/protocol.js';
import { book } from './support/booking.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps, runNow } from './support/jobs.js';
import { messageFrames, openSse } from './support/sse.js';
import { bookInChat, visitor, type Visitor } from './support/visitor.js';

const BARBER = 'demo-barber-nyc';
const BIZ = 'biz-barber-nyc';
const ORIGIN = 'http://localhost:8080';
const HOUR = 3_600_000;
type BookingCard = Extract<Card, { kind: 'booking' }>;

describe.each(dbKinds)('a booking changed elsewhere shows in its chat as it is now, on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind);
    h.deps.bus = createMemoryBus();
  });
  afterAll(async () => {
    await h?.close();
  });
  const pushAgain = (bookingId: string) => h.deps.db.transaction((tx) => pushBookingNow({ ...h.deps, db: tx }, bookingId, new Date()));

  it('moved on the manage page → the open chat gets the moved card; cancelled in the console → the cancelled card', async () => {
    const { url } = await h.http({ streams: { heartbeatMs: 60_000 } });
    const v = visitor(h, BARBER, 'en', { origin: ORIGIN });
    const card = await bookInChat(v, 'Beard trim', 'Mona Moved', `mona.${kind}@example.com`);
    const stream = await openSse(`${url}/conversations/${v.view.conversationId}/stream?token=${v.view.token}&after=${v.view.seq}`, { origin: ORIGIN });

    // The visitor moves it from the link in their e-mail (another tab, no chat involved).
    const manageToken = new URL(card.manageUrl).searchParams.get('token')!;
    const start = Date.parse(card.start);
    const [row] = await h.deps.db.select().from(bookings).where(eq(bookings.id, card.bookingId));
    const free = await h.caller(ORIGIN).slots.find({ siteKey: BARBER, serviceId: row!.serviceId, staffId: row!.staffId, from: '2026-03-02', days: 7 });
    const to = free.slots.find((s) => Date.parse(s.start) >= start + HOUR)!;
    const moved = await rescheduleBooking(h.deps, { manageToken, start: to.start }, undefined);
    if (!moved.ok) throw new Error(moved.message);
    await runNow(jobDeps(h, 'outbox'), h);

    const pushed = await stream.next((f) => f.event === 'message');
    const m1 = JSON.parse(pushed.data) as { text: string; card: BookingCard };
    expect(m1.text).toMatch(/^Your booking was moved to /);
    expect(m1.card).toMatchObject({ kind: 'booking', bookingId: card.bookingId, status: 'confirmed', start: to.start });

    // Staff cancel it in the console.
    const [owner] = await h.deps.db.select().from(users).where(and(eq(users.businessId, BIZ), eq(users.role, 'owner')));
    const cancelled = await cancelByStaff(h.deps, BIZ, owner!.id, 'en', { bookingId: card.bookingId });
    if (!cancelled.ok) throw new Error(cancelled.message);
    await runNow(jobDeps(h, 'outbox'), h);
    await stream.next((f) => f.event === 'message' && f.data.includes('"cancelled"'));
    stream.close();
    expect(messageFrames(stream).map((f) => f.text)).toEqual([m1.text, 'Your booking was cancelled.']);

    // A reload reads the same: the last card of the booking is the cancelled one.
    const resumed = await h.caller(ORIGIN).conversation.get({ conversationId: v.view.conversationId, token: v.view.token, after: 0 });
    const cards = resumed.messages.flatMap((m) => (m.card?.kind === 'booking' ? [m.card] : []));
    expect(cards.map((c) => c.status)).toEqual(['confirmed', 'confirmed', 'cancelled']);
    // Running the jobs again adds nothing: each change is said once.
    await runNow(jobDeps(h, 'outbox'), h);
    expect((await h.caller(ORIGIN).conversation.get({ conversationId: v.view.conversationId, token: v.view.token, after: resumed.seq })).messages).toEqual([]);
  });

  /** "My booking" in a fresh chat (another browser): contact, then the code from the e-mail. */
  async function lookUp(v: Visitor, email: string) {
    await v.send({ type: 'choose', optionId: 'intent:my_booking' });
    await v.send({ type: 'contact', contact: email, consent: false });
    await runNow(jobDeps(h, 'outbox'), h);
    const [mail] = await h.deps.db.select().from(outbox).where(eq(outbox.to, email)).orderBy(desc(outbox.createdAt)).limit(1);
    await v.send({ type: 'code', code: /\b(\d{6})\b/.exec(mail!.text)![1]! });
    return v.view.messages.at(-1)?.card as BookingCard;
  }
  const after = (v: Visitor, seq: number) => h.caller(ORIGIN).conversation.get({ conversationId: v.view.conversationId, token: v.view.token, after: seq });

  it('every chat that showed the booking gets its fresh card — the one it was made in and one that looked it up — once per change', async () => {
    const { url } = await h.http({ streams: { heartbeatMs: 60_000 } });
    const email = `olga.${kind}@example.com`;
    const madeIn = visitor(h, BARBER, 'en', { origin: ORIGIN });
    const card = await bookInChat(madeIn, 'Beard trim', 'Olga Twochats', email);
    // Another browser: "My booking" finds it by e-mail + code.
    const elsewhere = visitor(h, BARBER, 'en', { origin: ORIGIN });
    expect(await lookUp(elsewhere, email)).toMatchObject({ bookingId: card.bookingId, status: 'confirmed' });
    const seqs = [madeIn.view.seq, elsewhere.view.seq] as const;
    const stream = await openSse(`${url}/conversations/${elsewhere.view.conversationId}/stream?token=${elsewhere.view.token}&after=${seqs[1]}`, { origin: ORIGIN });

    const [row] = await h.deps.db.select().from(bookings).where(eq(bookings.id, card.bookingId));
    const [owner] = await h.deps.db.select().from(users).where(and(eq(users.businessId, BIZ), eq(users.role, 'owner')));
    const cancelled = await cancelByStaff(h.deps, BIZ, owner!.id, 'en', { bookingId: row!.id });
    if (!cancelled.ok) throw new Error(cancelled.message);
    await runNow(jobDeps(h, 'outbox'), h);

    // The chat that looked it up hears it live, and both transcripts end with the cancelled card.
    await stream.next((f) => f.event === 'message' && f.data.includes('"cancelled"'));
    stream.close();
    for (const [v, seq] of [[madeIn, seqs[0]], [elsewhere, seqs[1]]] as const) {
      const fresh = await after(v, seq);
      expect(fresh.messages.map((m) => [m.text, (m.card as BookingCard | undefined)?.status])).toEqual([['Your booking was cancelled.', 'cancelled']]);
    }
    const [job] = await h.deps.db.select().from(jobs).where(and(eq(jobs.bookingId, card.bookingId), eq(jobs.kind, 'conversation.booking-card'))).orderBy(desc(jobs.createdAt)).limit(1);
    expect(job).toMatchObject({ outcome: 'pushed:2' });

    // Run again (a retried job, a duplicate): nothing more in either chat.
    const again = await pushAgain(card.bookingId);
    expect(again).toEqual({ pushed: [], skipped: ['same', 'same'] });
  });

  it('a booking made by phone or on the site, looked up in a chat, is shown there as it is now when moved', async () => {
    const email = `pavel.${kind}@example.com`;
    const made = await book(h, { siteKey: BARBER, serviceId: 'barber-beard', day: '2026-03-03', email, lang: 'en' });
    const v = visitor(h, BARBER, 'en', { origin: ORIGIN });
    expect(await lookUp(v, email)).toMatchObject({ bookingId: made.booking.id });
    const seq = v.view.seq;
    const start = Date.parse(made.booking.start);
    const [row] = await h.deps.db.select().from(bookings).where(eq(bookings.id, made.booking.id));
    const free = await h.caller(ORIGIN).slots.find({ siteKey: BARBER, serviceId: row!.serviceId, staffId: row!.staffId, from: '2026-03-03', days: 7 });
    const to = free.slots.find((s) => Date.parse(s.start) >= start + HOUR)!;
    const moved = await rescheduleBooking(h.deps, { manageToken: made.manageToken, start: to.start }, undefined);
    if (!moved.ok) throw new Error(moved.message);
    await runNow(jobDeps(h, 'outbox'), h);
    const fresh = await after(v, seq);
    expect(fresh.messages).toHaveLength(1);
    expect(fresh.messages[0]!.text).toMatch(/^Your booking was moved to /);
    expect(fresh.messages[0]!.card).toMatchObject({ kind: 'booking', bookingId: made.booking.id, status: 'confirmed', start: to.start });
  });

  it('a change made in the chat itself adds nothing after its own card', async () => {
    const v = visitor(h, BARBER, 'en', { origin: ORIGIN });
    const card = await bookInChat(v, 'Beard trim', 'Carl Inchat', `carl.${kind}@example.com`);
    await v.send({ type: 'choose', optionId: 'intent:my_booking' });
    await v.send({ type: 'choose', optionId: v.option('Cancel') });
    await v.send({ type: 'choose', optionId: v.option('Yes') });
    expect(v.view.messages.at(-1)?.card).toMatchObject({ bookingId: card.bookingId, status: 'cancelled' });
    const seq = v.view.seq;
    await runNow(jobDeps(h, 'outbox'), h);
    const [job] = await h.deps.db.select().from(jobs).where(and(eq(jobs.bookingId, card.bookingId), eq(jobs.kind, 'conversation.booking-card')));
    expect(job).toMatchObject({ outcome: 'skipped:same' });
    expect((await h.caller(ORIGIN).conversation.get({ conversationId: v.view.conversationId, token: v.view.token, after: seq })).messages).toEqual([]);
  });
});
