/**
 * loadSchedules reads busy time and exceptions in one query (services/schedule.ts): each
 * part must still reach the engine — dated exceptions ("off", "extra" hours), bookings and live
 * holds, expired holds ignored, one booking excluded on request — on both databases.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookings, businessClosures, businesses, staff, staffExceptions } from '../src/adapters/db/schema.js';
import { loadSchedules } from '../src/services/schedule.js';
import { dbKinds } from './support/db.js';
import { createHarness, T0, type Harness } from './support/harness.js';

const BIZ = 'biz-barber-nyc';
const MARCUS = 'barber-marcus';
const DIEGO = 'barber-diego';

describe.each(dbKinds)('loadSchedules (%s)', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('returns each staff member their exceptions and busy intervals, and nothing of anyone else', async () => {
    const db = h.deps.db;
    const at = (iso: string) => new Date(iso);
    const row = (id: string, staffId: string, status: 'confirmed' | 'held' | 'cancelled', from: string, to: string, holdExpiresAt?: string) => ({
      id,
      businessId: BIZ,
      serviceId: 'barber-haircut',
      staffId,
      status,
      startsAt: at(from),
      endsAt: at(to),
      occupiedFrom: at(from),
      occupiedTo: at(to),
      ...(holdExpiresAt ? { holdExpiresAt: at(holdExpiresAt), holdTokenHash: randomUUID() } : {}),
    });
    await db.insert(bookings).values([
      row('b-confirmed', MARCUS, 'confirmed', '2026-03-04T15:00:00Z', '2026-03-04T15:30:00Z'),
      row('b-live-hold', MARCUS, 'held', '2026-03-04T16:00:00Z', '2026-03-04T16:30:00Z', '2026-03-02T06:10:00Z'),
      row('b-expired-hold', MARCUS, 'held', '2026-03-04T17:00:00Z', '2026-03-04T17:30:00Z', '2026-03-02T05:59:00Z'),
      row('b-cancelled', MARCUS, 'cancelled', '2026-03-04T18:00:00Z', '2026-03-04T18:30:00Z'),
      row('b-excluded', MARCUS, 'confirmed', '2026-03-04T19:00:00Z', '2026-03-04T19:30:00Z'),
      row('b-diego', DIEGO, 'confirmed', '2026-03-04T15:00:00Z', '2026-03-04T15:30:00Z'),
      row('b-out-of-range', MARCUS, 'confirmed', '2026-04-20T15:00:00Z', '2026-04-20T15:30:00Z'),
    ]);
    await db.insert(staffExceptions).values([
      { id: 'x-off', businessId: BIZ, staffId: MARCUS, date: '2026-03-05', kind: 'off' },
      { id: 'x-extra', businessId: BIZ, staffId: MARCUS, date: '2026-03-07', kind: 'extra', intervals: [{ start: '10:00', end: '12:00' }] },
      { id: 'x-far', businessId: BIZ, staffId: MARCUS, date: '2026-05-01', kind: 'off' },
    ]);
    const [business] = await db.select().from(businesses).where(eq(businesses.id, BIZ));
    const staffRows = await db.select().from(staff).where(eq(staff.businessId, BIZ));
    const marcus = staffRows.filter((s) => s.id === MARCUS);
    const range = { start: Date.parse('2026-03-03T05:00:00Z'), end: Date.parse('2026-03-10T05:00:00Z') };

    const { staff: [m] } = await loadSchedules(db, business!, marcus, range, new Date(T0), 'b-excluded');
    expect(m!.staffId).toBe(MARCUS);
    expect(m!.busy.sort((a, b) => a.start - b.start)).toEqual([
      { start: Date.parse('2026-03-04T15:00:00Z'), end: Date.parse('2026-03-04T15:30:00Z') },
      { start: Date.parse('2026-03-04T16:00:00Z'), end: Date.parse('2026-03-04T16:30:00Z') },
    ]);
    expect(m!.exceptions.sort((a, b) => a.date.localeCompare(b.date))).toEqual([
      { date: '2026-03-05', kind: 'off' },
      { date: '2026-03-07', kind: 'extra', intervals: [{ start: '10:00', end: '12:00' }] },
    ]);

    // Without the exclusion the booking is busy again; Diego only sees his own.
    const { staff: both } = await loadSchedules(db, business!, staffRows.filter((s) => s.id === MARCUS || s.id === DIEGO), range, new Date(T0));
    expect(both.find((s) => s.staffId === MARCUS)!.busy).toHaveLength(3);
    expect(both.find((s) => s.staffId === DIEGO)!.busy).toEqual([{ start: Date.parse('2026-03-04T15:00:00Z'), end: Date.parse('2026-03-04T15:30:00Z') }]);
    expect(both.find((s) => s.staffId === DIEGO)!.exceptions).toEqual([]);

    // Inside a transaction (no driver client of its own) the same query goes through Drizzle.
    const { staff: inTx } = await db.transaction((tx) => loadSchedules(tx as unknown as typeof db, business!, marcus, range, new Date(T0), 'b-excluded'));
    inTx[0]!.busy.sort((a, b) => a.start - b.start);
    inTx[0]!.exceptions.sort((a, b) => a.date.localeCompare(b.date));
    expect(inTx).toEqual([m]);

    // The "off" day reaches the search: no slots for Marcus on 2026-03-05.
    const off = await h.caller().slots.find({ siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut', staffId: MARCUS, from: '2026-03-05', days: 1 });
    expect(off.slots).toEqual([]);
  });

  it('a day the business closed offers no slots with anyone; a released no-show is not busy', async () => {
    const db = h.deps.db;
    // Friday 2026-03-06 closed for the whole business (Marcus and Diego both work Fridays).
    await db.insert(businessClosures).values({ id: 'c-friday', businessId: BIZ, startsOn: '2026-03-06', endsOn: '2026-03-06', note: 'Inventory' });
    await db.insert(bookings).values({
      id: 'b-released', businessId: BIZ, serviceId: 'barber-haircut', staffId: DIEGO, status: 'no_show', released: true,
      startsAt: new Date('2026-03-09T15:00:00Z'), endsAt: new Date('2026-03-09T15:30:00Z'), occupiedFrom: new Date('2026-03-09T15:00:00Z'), occupiedTo: new Date('2026-03-09T15:30:00Z'),
    });
    try {
      const [business] = await db.select().from(businesses).where(eq(businesses.id, BIZ));
      const diego = (await db.select().from(staff).where(eq(staff.id, DIEGO)));
      const loaded = await loadSchedules(db, business!, diego, { start: Date.parse('2026-03-07T05:00:00Z'), end: Date.parse('2026-03-10T05:00:00Z') }, new Date(T0));
      expect(loaded.business.closures).toEqual([{ from: '2026-03-06', to: '2026-03-06' }]);
      expect(loaded.staff[0]!.busy).toEqual([]);
      const closed = await h.caller().slots.find({ siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut', from: '2026-03-06', days: 1 });
      expect(closed.slots).toEqual([]);
      const nextDay = await h.caller().slots.find({ siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut', from: '2026-03-07', days: 1 });
      expect(nextDay.slots.length).toBeGreaterThan(0);
    } finally {
      await db.delete(businessClosures).where(eq(businessClosures.id, 'c-friday'));
      await db.delete(bookings).where(eq(bookings.id, 'b-released'));
    }
  });

  it('gives back busy time to the millisecond, also one that began before the padded range', async () => {
    const db = h.deps.db;
    // The range starts 2026-03-12T05:00Z; the query reads from a day before. This booking began
    // before that and reaches into it; its ends are not on whole seconds.
    const early = { start: Date.parse('2026-03-11T01:59:59.123Z'), end: Date.parse('2026-03-11T06:00:00.457Z') };
    await db.insert(bookings).values({
      id: 'b-early', businessId: BIZ, serviceId: 'barber-haircut', staffId: DIEGO, status: 'confirmed',
      startsAt: new Date(early.start), endsAt: new Date(early.end), occupiedFrom: new Date(early.start), occupiedTo: new Date(early.end),
    });
    try {
      const [business] = await db.select().from(businesses).where(eq(businesses.id, BIZ));
      const diego = await db.select().from(staff).where(eq(staff.id, DIEGO));
      const loaded = await loadSchedules(db, business!, diego, { start: Date.parse('2026-03-12T05:00:00Z'), end: Date.parse('2026-03-13T05:00:00Z') }, new Date(T0));
      expect(loaded.staff[0]!.busy).toEqual([early]);
    } finally {
      await db.delete(bookings).where(eq(bookings.id, 'b-early'));
    }
  });
});
