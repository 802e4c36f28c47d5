/**
 * The re-confirmation KPIs (issue 17; definitions in src/services/console/kpis.ts) on PGlite and
 * PostgreSQL, from real bookings: share confirmed by the client, the no-show rate split by
 * confirmed / unconfirmed (latest mark per booking), waiting-list fills (`waitlist.filled`), and
 * bookings released unconfirmed (the sweep's `cancelled` event, by 'release').
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { EventKind } from '@frontdesk/shared';
import { bookings } from '../src/adapters/db/schema.js';
import { dashboardKpis } from '../src/services/console/kpis.js';
import { cancelBooking, releaseUnconfirmed } from '../src/services/booking-store/store.js';
import { bookingEvent, recordEvent } from '../src/services/events.js';
import { signToken } from '../src/services/tokens.js';
import { confirmAttendance } from '../src/services/visitor-confirm.js';
import { book } from './support/booking.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';

const BIZ = 'biz-salon-spb';

describe.each(dbKinds)('re-confirmation KPIs on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('counts confirmed share, no-shows split by confirmation and waiting-list fills', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await book(h, { day: '2026-03-04', index: i * 2, email: `k${i}@example.com` })).booking.id);
    for (const id of ids.slice(0, 2)) expect((await confirmAttendance(h.deps, signToken(h.deps.secret, id, 'confirm'))).ok).toBe(true);
    const rows = await Promise.all(ids.map(async (id) => (await h.deps.db.select().from(bookings).where(eq(bookings.id, id)))[0]!));
    const mark = (i: number, k: EventKind, at: string) => recordEvent(h.deps.db, bookingEvent(rows[i]!, k, new Date(at)));
    await mark(0, 'attended', '2026-03-04T18:00:00Z'); // confirmed, came
    await mark(1, 'no_show', '2026-03-04T18:00:00Z'); // confirmed, did not come
    await mark(2, 'no_show', '2026-03-04T18:00:00Z'); // never confirmed, did not come
    await mark(3, 'no_show', '2026-03-04T18:00:00Z'); // never confirmed: the mark was undone, so not counted
    await mark(3, 'attendance_undone', '2026-03-04T18:05:00Z');
    // Helper `wait` records this kind when a waiting person books a freed slot.
    await recordEvent(h.deps.db, { businessId: BIZ, kind: 'waitlist.filled', at: new Date('2026-03-04T10:00:00Z') });

    const r = await dashboardKpis(h.deps, BIZ, { from: '2026-03-01T00:00:00Z', to: '2026-03-08T00:00:00Z' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.confirmation.current).toEqual({ confirmedShare: 0.5, noShowRateConfirmed: 0.5, noShowRateUnconfirmed: 1, waitlistFills: 1, releasedUnconfirmed: 0 });
    // Nothing the week before: no bookings, so no rates, and no fills (0, not null).
    expect(r.value.confirmation.previous).toEqual({ confirmedShare: null, noShowRateConfirmed: null, noShowRateUnconfirmed: null, waitlistFills: 0, releasedUnconfirmed: 0 });
    // Reactivation and quote → booking within 7 days are already on the dashboard (issue 17).
    expect(r.value.current).toHaveProperty('reactivationRate');
    expect(r.value.current).toHaveProperty('quoteToBooking7d');
  });

  it('counts the bookings released unconfirmed in their period, once each, and not a staff cancellation', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await book(h, { day: '2026-03-05', index: i * 2, email: `r${i}@example.com` })).booking.id);
    const row = async (id: string) => (await h.deps.db.select().from(bookings).where(eq(bookings.id, id)))[0]!;
    // The release the sweep makes (services/reconfirm/release.ts) — once in this period, once in the one before.
    const first = await row(ids[0]!);
    expect((await releaseUnconfirmed(h.deps.db, first, 'не подтверждена', new Date('2026-03-05T06:00:00Z'))).ok).toBe(true);
    expect((await releaseUnconfirmed(h.deps.db, await row(ids[1]!), 'не подтверждена', new Date('2026-02-27T06:00:00Z'))).ok).toBe(true);
    // A second sweep holding the same read loses (the booking changed) and records nothing.
    expect((await releaseUnconfirmed(h.deps.db, first, 'не подтверждена', new Date('2026-03-05T06:05:00Z'))).ok).toBe(false);
    // Staff cancelling is a cancellation, not a release.
    expect((await cancelBooking(h.deps.db, await row(ids[2]!), null, { by: 'staff', userId: 'u' }, new Date('2026-03-05T07:00:00Z'))).ok).toBe(true);

    const r = await dashboardKpis(h.deps, BIZ, { from: '2026-03-01T00:00:00Z', to: '2026-03-08T00:00:00Z' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.confirmation.current.releasedUnconfirmed).toBe(1);
    expect(r.value.confirmation.previous.releasedUnconfirmed).toBe(1);
    // Another business sees none of them.
    const other = await dashboardKpis(h.deps, 'biz-clinic-yerevan', { from: '2026-03-01T00:00:00Z', to: '2026-03-08T00:00:00Z' });
    expect(other.ok && other.value.confirmation.current.releasedUnconfirmed).toBe(0);
  });
});
