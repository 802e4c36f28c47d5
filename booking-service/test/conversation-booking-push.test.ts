/**
 * The chat never shows a stale booking (issue 13): a booking made in the chat and then moved on
 * the manage page or cancelled in the console is shown in the chat as it is now — one message
 * with the fresh card, pushed to the open widget's stream and there on resume. A change made in
 * the chat itself adds nothing (its card is already there).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { bookings, jobs, users } from '../src/adapters/db/schema.js';
import { createMemoryBus } from '../src/adapters/bus/memory.js';
import { cancelByStaff } from '../src/services/console/desk.js';
import { rescheduleBooking } from '../src/services/manage.js';
import type { Card } from '../src/domain/conversation/protocol.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps, runNow } from './support/jobs.js';
import { messageFrames, openSse } from './support/sse.js';
import { bookInChat, visitor } from './support/visitor.js';

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
