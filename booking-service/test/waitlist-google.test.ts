/**
 * Time freed in Google Calendar goes to the waiting list exactly as a cancellation's does (issue 17),
 * through the real @googleapis/calendar client against the loopback emulator, on both databases:
 * - a busy event removed in Google: the sync that drops it from `external_busy` enqueues
 *   `waitlist.offer-range` in its transaction; the first person waiting gets a slot inside it
 *   as an exclusive hold with a one-tap link;
 * - a busy event moved away: the time it left is offered the same way;
 * - a booking's event deleted in Google: the booking store cancels it and offers its time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { bookings, jobs, outbox, staff, waitlistEntries, waitlistOffers } from '../src/adapters/db/schema.js';
import { eventIdFor } from '../src/services/calendar-sync/write-event.js';
import { book } from './support/booking.js';
import { dbKinds } from './support/db.js';
import { failureOf } from './support/expect-error.js';
import { createGoogleHarness, type GoogleHarness } from './support/google.js';

const MIN = 60_000;
const STAFF = 'salon-anna';
const SITE = 'demo-salon-spb';
const SERVICE = 'salon-haircut-men';
const MONDAY = '2026-03-02';

describe.each(dbKinds)('waiting list × Google Calendar (%s)', (kind) => {
  let g: GoogleHarness;
  afterEach(async () => {
    await g?.close();
  });

  const annaSlots = async () => (await g.h.caller().slots.find({ siteKey: SITE, serviceId: SERVICE, staffId: STAFF, from: MONDAY, days: 1 })).slots.map((s) => s.start);

  /** Someone waiting for Anna's men's haircut on Monday, any time of day (written as the chat's join step writes it). */
  async function waiting(email: string, createdAt: Date) {
    const [s] = await g.h.deps.db.select({ businessId: staff.businessId }).from(staff).where(eq(staff.id, STAFF));
    const id = randomUUID();
    await g.h.deps.db.insert(waitlistEntries).values({
      id, businessId: s!.businessId, serviceId: SERVICE, staffId: STAFF, fromDay: MONDAY, toDay: MONDAY, part: 'any',
      name: 'Waiting', email, lang: 'en', consentAt: createdAt, expiresAt: new Date('2026-03-03T00:00:00+03:00'), createdAt, updatedAt: createdAt,
    });
    return id;
  }
  const offersOf = (entryId: string) => g.h.deps.db.select().from(waitlistOffers).where(eq(waitlistOffers.entryId, entryId));
  const linkIn = async (email: string) => (await g.h.deps.db.select().from(outbox).where(eq(outbox.to, email))).some((m) => m.text.includes('/waitlist?t='));
  const publicHold = (start: string) => g.h.caller().booking.hold({ siteKey: SITE, serviceId: SERVICE, staffId: STAFF, start });

  it('a busy event removed in Google offers the freed time to the first person waiting, with an exclusive hold and a link; nobody waiting, nothing is enqueued', async () => {
    g = await createGoogleHarness(kind);
    await g.connect(STAFF);
    const free = await annaSlots();
    // A two-hour busy block in the middle of the day, synced in: its slots disappear.
    const from = free[6]!;
    const to = new Date(Date.parse(from) + 120 * MIN).toISOString();
    const ev = g.emu.insertEvent('primary', { summary: 'Training', start: { dateTime: from }, end: { dateTime: to } });
    await g.settle();
    expect(await annaSlots()).not.toContain(from);

    const first = await waiting('first@example.com', g.h.clock.now());
    const second = await waiting('second@example.com', new Date(g.h.clock.now().getTime() + 1000));
    g.emu.deleteEvent('primary', ev.id);
    await g.settle();

    const [o] = await offersOf(first);
    expect(o).toMatchObject({ status: 'offered', staffId: STAFF });
    // A time the busy block had made impossible: it overlaps the freed range.
    expect(o!.endsAt.getTime()).toBeGreaterThan(Date.parse(from));
    expect(o!.startsAt.getTime()).toBeLessThan(Date.parse(to));
    expect(await linkIn('first@example.com')).toBe(true);
    // The held time is theirs alone; the person behind them got a time of the range too (the block had room for more).
    const hold = (await g.h.deps.db.select().from(bookings).where(eq(bookings.id, o!.holdId!)))[0]!;
    expect(hold.status).toBe('held');
    expect((await failureOf(publicHold(o!.startsAt.toISOString()))).data.reason).toBe('SLOT_TAKEN');
    const [o2] = await offersOf(second);
    expect(o2?.status).toBe('offered');
    expect(o2!.startsAt.getTime()).not.toBe(o!.startsAt.getTime());
    const done = await g.h.deps.db.select().from(jobs).where(eq(jobs.kind, 'waitlist.offer-range'));
    expect(done).toHaveLength(1);
    expect(done[0]!.outcome).toBe('done');

    // Nobody waits any more: another removed event enqueues no offer job at all.
    await g.h.deps.db.update(waitlistEntries).set({ status: 'removed' });
    const later = free[2]!;
    const ev2 = g.emu.insertEvent('primary', { summary: 'Call', start: { dateTime: later }, end: { dateTime: new Date(Date.parse(later) + 30 * MIN).toISOString() } });
    await g.settle();
    g.emu.deleteEvent('primary', ev2.id);
    await g.settle();
    expect(await g.h.deps.db.select().from(jobs).where(eq(jobs.kind, 'waitlist.offer-range'))).toHaveLength(1);
  });

  it('a busy event moved away offers the time it left', async () => {
    g = await createGoogleHarness(kind);
    await g.connect(STAFF);
    const free = await annaSlots();
    const from = free[3]!;
    const ev = g.emu.insertEvent('primary', { summary: 'Dentist', start: { dateTime: from }, end: { dateTime: new Date(Date.parse(from) + 60 * MIN).toISOString() } });
    await g.settle();
    const entry = await waiting('moved@example.com', g.h.clock.now());
    // Moved to the evening: its morning time is free again.
    const evening = free.at(-1)!;
    g.emu.patchEvent('primary', ev.id, { start: { dateTime: evening }, end: { dateTime: new Date(Date.parse(evening) + 30 * MIN).toISOString() } });
    await g.settle();
    const [o] = await offersOf(entry);
    expect(o?.status).toBe('offered');
    expect(o!.endsAt.getTime()).toBeGreaterThan(Date.parse(from));
    expect(o!.startsAt.getTime()).toBeLessThan(Date.parse(from) + 60 * MIN);
  });

  it("a booking's event deleted in Google cancels it through the store, and its time goes to the person waiting", async () => {
    g = await createGoogleHarness(kind);
    await g.connect(STAFF);
    const done = await book(g.h, { day: MONDAY, index: 8, email: 'client@example.com' });
    await g.settle();
    const entry = await waiting('next@example.com', g.h.clock.now());
    g.emu.deleteEvent('primary', eventIdFor(done.booking.id));
    await g.settle();
    expect((await g.h.deps.db.select().from(bookings).where(eq(bookings.id, done.booking.id)))[0]!.status).toBe('cancelled');
    const [o] = await offersOf(entry);
    expect(o).toMatchObject({ status: 'offered', startsAt: new Date(done.booking.start) });
    expect(await linkIn('next@example.com')).toBe(true);
    expect(await g.h.deps.db.select().from(jobs).where(and(eq(jobs.kind, 'waitlist.offer'), isNull(jobs.doneAt)))).toHaveLength(0);
  });
});
