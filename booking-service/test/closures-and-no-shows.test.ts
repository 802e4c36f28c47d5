/**
 * Issue 11, "Opening hours mean what they say" and "Attendance only after the fact": a day the
 * owner closed takes no booking, even one that reaches the booking store without a search; a
 * no-show's range stops blocking the calendar only when the business chose so.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookings, businessClosures, businesses, jobs } from '../src/adapters/db/schema.js';
import { servicePrice } from '../src/domain/booking/price.js';
import { bookingRange } from '../src/domain/booking/rules.js';
import { markAttendance } from '../src/services/attendance.js';
import { confirmHold, moveBooking, placeHold } from '../src/services/booking-store/store.js';
import { confirmBooking } from '../src/services/confirm.js';
import { createPhoneBooking, deskSlots } from '../src/services/console/desk.js';
import { createApiKey } from '../src/services/api-keys/keys.js';
import { holdSlot } from '../src/services/hold.js';
import { rescheduleBooking } from '../src/services/manage.js';
import { rebook } from '../src/services/rebook.js';
import { hashHoldToken, signToken } from '../src/services/tokens.js';
import { book } from './support/booking.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';

const BIZ = 'biz-salon-spb';
const SERVICE = 'salon-haircut-men';
const MIN = 60_000;

describe.each(dbKinds)('closed days and no-shows on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the store refuses a hold or a move onto a day the business closed (read in its zone)', async () => {
    const done = await book(h, { day: '2026-03-10' });
    const [row] = await h.deps.db.select().from(bookings).where(eq(bookings.id, done.booking.id));
    // Closed on Wednesday 2026-03-11 in St Petersburg: 00:30 local is still the 11th (21:30 UTC on the 10th).
    await h.deps.db.insert(businessClosures).values({ id: `closure-${kind}`, businessId: BIZ, startsOn: '2026-03-11', endsOn: '2026-03-11', note: 'Holiday' });
    try {
      const svc = { durationMin: 45, bufferBeforeMin: 0, bufferAfterMin: 5 };
      const justAfterMidnight = Date.parse('2026-03-10T21:30:00Z');
      const hold = await placeHold(
        h.deps.db,
        { businessId: BIZ, siteId: row!.siteId, serviceId: SERVICE, staffId: row!.staffId, ...bookingRange(svc, justAfterMidnight), holdExpiresAt: new Date(justAfterMidnight), holdTokenHash: `closed-${kind}`, conversationId: null, price: servicePrice({ priceMin: 1, priceMax: null, currency: 'RUB' }) },
        h.clock.now(),
      );
      expect(hold).toMatchObject({ ok: false, reason: 'CLOSED', message: 'The business is closed on this day' });
      const moved = await moveBooking(h.deps.db, { ...row!, businessId: BIZ }, { ...bookingRange(svc, Date.parse('2026-03-11T09:00:00Z')), staffId: row!.staffId }, { by: 'google' }, h.clock.now());
      expect(moved).toMatchObject({ ok: false, reason: 'CLOSED' });
      // The day before (ending 23:50 local on the 10th) is not closed.
      const before = await moveBooking(h.deps.db, { ...row!, businessId: BIZ }, { ...bookingRange(svc, Date.parse('2026-03-10T20:00:00Z') - 45 * MIN), staffId: row!.staffId }, { by: 'google' }, h.clock.now());
      expect(before.ok).toBe(true);
      // Nor does staff's phone booking find a time that day.
      const desk = await deskSlots(h.deps, BIZ, { serviceId: SERVICE, date: '2026-03-11' });
      expect(desk).toEqual({ ok: true, value: { slots: [] } });
    } finally {
      await h.deps.db.delete(businessClosures).where(eq(businessClosures.id, `closure-${kind}`));
    }
  });

  it('every path names why the business refuses a time: CLOSED on a closed day, OUTSIDE_HOURS outside the opening hours, with free times nearby (widget hold, manage page, rebook link, staff desk, REST)', async () => {
    const done = await book(h, { day: '2026-03-10' });
    await h.deps.db.insert(businessClosures).values({ id: `closure-why-${kind}`, businessId: BIZ, startsOn: '2026-03-11', endsOn: '2026-03-11', note: '' });
    const closedStart = '2026-03-11T09:00:00.000Z'; // 12:00 in St Petersburg on the closed Wednesday
    const lateStart = '2026-03-12T18:30:00.000Z'; // 21:30 on Thursday, after closing at 21:00
    try {
      for (const [start, reason] of [[closedStart, 'CLOSED'], [lateStart, 'OUTSIDE_HOURS']] as const) {
        const held = await holdSlot(h.deps, { siteKey: 'demo-salon-spb', serviceId: SERVICE, start }, undefined);
        expect(held, start).toMatchObject({ ok: false, reason });
        expect(!held.ok && (held.details?.alternatives as unknown[]).length).toBeGreaterThan(0);
        expect(await rescheduleBooking(h.deps, { manageToken: done.manageToken, start }, undefined), start).toMatchObject({ ok: false, reason });
        expect(await rebook(h.deps, { token: signToken(h.deps.secret, done.booking.id, 'rebook'), start }), start).toMatchObject({ ok: false, reason });
        const phone = await createPhoneBooking(h.deps, BIZ, 'user-desk', 'ru', { serviceId: SERVICE, staffId: done.booking.staffId, startsAt: new Date(start), customer: { name: 'Ира', phone: '+7 900 000-00-31' }, lang: 'ru' });
        expect(phone, start).toMatchObject({ ok: false, reason });
      }
      // Someone else's time is still just taken.
      const taken = await holdSlot(h.deps, { siteKey: 'demo-salon-spb', serviceId: SERVICE, staffId: done.booking.staffId, start: done.booking.start }, undefined);
      expect(taken).toMatchObject({ ok: false, reason: 'SLOT_TAKEN' });

      // The manage page answers 409 with the reason in the visitor's language.
      const { url } = await h.http();
      const page = await fetch(`${url}/manage/reschedule`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: done.manageToken, lang: 'ru', start: closedStart }).toString() });
      expect(page.status).toBe(409);
      expect(await page.text()).toContain('В этот день мы закрыты');

      // REST: 409 problem whose code names the reason, the field, and free times nearby.
      const key = (await createApiKey(h.deps, BIZ, null, { name: 'CRM', scope: 'write' })).secret;
      for (const [start, code] of [[closedStart, 'CLOSED'], [lateStart, 'OUTSIDE_HOURS']] as const) {
        const res = await fetch(`${url}/api/v1/bookings`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ serviceId: SERVICE, start, customer: { name: 'Ann', email: 'ann@example.com' }, lang: 'en' }),
        });
        expect(res.status).toBe(409);
        const body = (await res.json()) as { code: string; type: string; errors: Array<{ field: string }>; alternatives: unknown[] };
        expect(body).toMatchObject({ code, type: `/api/v1/docs#problem-${code.toLowerCase().replace(/_/g, '-')}`, errors: [{ field: 'start' }] });
        expect(body.alternatives.length).toBeGreaterThan(0);
      }
      expect(await (await fetch(`${url}/api/v1/docs`)).text()).toContain('id="problem-closed"');
    } finally {
      await h.deps.db.delete(businessClosures).where(eq(businessClosures.id, `closure-why-${kind}`));
    }
  });

  it('a hold does not become a booking once the owner closes its day or its hours: confirm answers CLOSED / OUTSIDE_HOURS, no booking, the hold lapses', async () => {
    const caller = h.caller();
    const visitor = { customer: { name: 'Ира', email: 'ira@example.com' }, lang: 'ru' as const };
    const holdOn = async (day: string) => {
      const { slots } = await caller.slots.find({ siteKey: 'demo-salon-spb', serviceId: SERVICE, from: day, days: 1 });
      const held = await caller.booking.hold({ siteKey: 'demo-salon-spb', serviceId: SERVICE, start: slots[0]!.start });
      const [row] = await h.deps.db.select().from(bookings).where(eq(bookings.holdTokenHash, hashHoldToken(held.holdToken)));
      return { token: held.holdToken, row: row! };
    };
    const after = async (id: string) => (await h.deps.db.select().from(bookings).where(eq(bookings.id, id)))[0]!;

    // Closed between hold and confirm.
    const a = await holdOn('2026-03-17');
    await h.deps.db.insert(businessClosures).values({ id: `closure-confirm-${kind}`, businessId: BIZ, startsOn: '2026-03-17', endsOn: '2026-03-17', note: '' });
    const [hours] = await h.deps.db.select({ openingHours: businesses.openingHours }).from(businesses).where(eq(businesses.id, BIZ));
    try {
      const refused = await confirmBooking(h.deps, { holdToken: a.token, ...visitor, idempotencyKey: `closed-confirm-${kind}` }, undefined);
      expect(refused).toMatchObject({ ok: false, reason: 'CLOSED', message: 'The business is closed on this day' });
      expect(await after(a.row.id)).toMatchObject({ status: 'held', customerId: null, holdExpiresAt: h.clock.now() });
      expect(await confirmBooking(h.deps, { holdToken: a.token, ...visitor, idempotencyKey: `closed-confirm-${kind}` }, undefined)).toMatchObject({ ok: false, reason: 'HOLD_EXPIRED' });

      // Closed after the confirmation read its hold: the confirm statement itself refuses.
      const b = await holdOn('2026-03-18');
      await h.deps.db.insert(businessClosures).values({ id: `closure-race-${kind}`, businessId: BIZ, startsOn: '2026-03-18', endsOn: '2026-03-18', note: '' });
      const raced = await confirmHold(h.deps.db, b.row, { customer: { ...visitor.customer, lang: 'ru' }, lang: 'ru', note: null, idempotencyKey: `race-confirm-${kind}`, conversationId: null }, { reminderLeads: [], calendarConnected: false, endpoints: [] }, h.clock.now());
      expect(raced).toMatchObject({ ok: false, reason: 'CLOSED' });
      expect(await after(b.row.id)).toMatchObject({ status: 'held', customerId: null, holdExpiresAt: h.clock.now() });
      expect(await h.deps.db.select().from(jobs).where(eq(jobs.bookingId, b.row.id))).toEqual([]);

      // The owner shortened the opening hours between hold and confirm.
      const c = await holdOn('2026-03-19');
      await h.deps.db.update(businesses).set({ openingHours: {} }).where(eq(businesses.id, BIZ));
      const outside = await confirmBooking(h.deps, { holdToken: c.token, ...visitor, idempotencyKey: `hours-confirm-${kind}` }, undefined);
      expect(outside).toMatchObject({ ok: false, reason: 'OUTSIDE_HOURS' });
      expect(await after(c.row.id)).toMatchObject({ status: 'held', customerId: null, holdExpiresAt: h.clock.now() });
    } finally {
      await h.deps.db.update(businesses).set({ openingHours: hours!.openingHours }).where(eq(businesses.id, BIZ));
      await h.deps.db.delete(businessClosures).where(eq(businessClosures.businessId, BIZ));
    }
    // Open again, a new hold there confirms (the lapsed hold no longer blocks its time).
    const d = await holdOn('2026-03-17');
    expect(await confirmBooking(h.deps, { holdToken: d.token, ...visitor, idempotencyKey: `reopened-confirm-${kind}` }, undefined)).toMatchObject({ ok: true });
  });

  /** A booked visit, the clock 10 minutes after its start, marked a no-show. */
  async function noShow(day: string) {
    const done = await book(h, { day });
    h.clock.set(new Date(Date.parse(done.booking.start) + 10 * MIN).toISOString());
    const marked = await markAttendance(h.deps, { businessId: BIZ, bookingId: done.booking.id, status: 'no_show' });
    expect(marked.ok).toBe(true);
    const [row] = await h.deps.db.select().from(bookings).where(eq(bookings.id, done.booking.id));
    return row!;
  }

  /** Starts staff can book for this person on a date (no notice: staff book for now). */
  async function freeAt(staffId: string, date: string): Promise<number[]> {
    const r = await deskSlots(h.deps, BIZ, { serviceId: SERVICE, staffId, date });
    if (!r.ok) throw new Error(r.message);
    return r.value.slots.map((s) => Date.parse(s.start));
  }

  it('by default a no-show keeps its range as history: the rest of its time stays blocked', async () => {
    const start = h.clock.now();
    try {
      const row = await noShow('2026-03-12');
      expect(row.released).toBe(false);
      const free = await freeAt(row.staffId, '2026-03-12');
      expect(free.some((t) => t >= row.occupiedFrom.getTime() && t < row.occupiedTo.getTime())).toBe(false);
    } finally {
      h.clock.set(start.toISOString());
    }
  });

  it('when the business chooses so, a no-show frees its time; undoing it then fails if the time was booked', async () => {
    const start = h.clock.now();
    await h.deps.db.update(businesses).set({ noShowFreesSlot: true }).where(eq(businesses.id, BIZ));
    try {
      const row = await noShow('2026-03-13');
      expect(row.released).toBe(true);
      const free = await freeAt(row.staffId, '2026-03-13');
      const inside = free.find((t) => t > h.clock.now().getTime() && t < row.endsAt.getTime());
      expect(inside).toBeDefined();
      // A walk-in takes the freed time.
      const walkIn = await createPhoneBooking(h.deps, BIZ, 'owner-user', 'ru', { serviceId: SERVICE, staffId: row.staffId, startsAt: new Date(inside!), customer: { name: 'Walk-in' }, lang: 'ru' });
      expect(walkIn.ok).toBe(true);
      // Undoing the no-show would take the range back: refused, the row unchanged.
      const undo = await markAttendance(h.deps, { businessId: BIZ, bookingId: row.id, status: 'confirmed' });
      expect(undo).toMatchObject({ ok: false, reason: 'SLOT_TAKEN' });
      const [after] = await h.deps.db.select().from(bookings).where(and(eq(bookings.id, row.id)));
      expect(after).toMatchObject({ status: 'no_show', released: true });
    } finally {
      await h.deps.db.update(businesses).set({ noShowFreesSlot: false }).where(eq(businesses.id, BIZ));
      h.clock.set(start.toISOString());
    }
  });
});
