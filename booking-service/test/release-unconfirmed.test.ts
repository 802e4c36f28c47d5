/**
 * Releasing unconfirmed slots N hours before (issue 17), injected clock, PGlite and PostgreSQL:
 * - off by default; the owner turns it on on the Business page (validated, the field named);
 * - at start − N h the sweep cancels a booking whose client was reminded and has not confirmed:
 *   the client gets the cancellation with the rebook link, staff are told, a KPI event is
 *   recorded, the slot is offered again; a client who confirmed keeps the booking;
 * - a client's Confirm and the release racing on one booking: exactly one wins (on PostgreSQL
 *   through two connections, on PGlite through its one).
 */
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/adapters/db/client.js';
import { bookings, businesses, events, jobs, outbox } from '../src/adapters/db/schema.js';
import type { JobDeps } from '../src/jobs/deps.js';
import { cancelBooking, markVisitorConfirmed, releaseUnconfirmed } from '../src/services/booking-store/store.js';
import { RELEASE_JOB_ID } from '../src/services/reconfirm/release.js';
import { signToken } from '../src/services/tokens.js';
import { confirmAttendance } from '../src/services/visitor-confirm.js';
import { book } from './support/booking.js';
import { consoleFailure, ownerOf, signIn } from './support/console.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps, runNow } from './support/jobs.js';

const H = 3_600_000;
const BIZ = 'biz-salon-spb';
const fieldsOf = (e: { data: Record<string, any> }) => (e.data.fields as Array<{ path: string }>).map((f) => f.path);

describe.each(dbKinds)('releasing unconfirmed slots on %s', (kind) => {
  let h: Harness;
  let d: JobDeps;
  /** A second connection pool to the same database (PostgreSQL); PGlite has only its one. */
  let other: Database | undefined;

  beforeAll(async () => {
    h = await createHarness(kind);
    d = jobDeps(h, 'outbox');
    if (h.database.url) other = await openDatabase({ kind: 'postgres', url: h.database.url, poolSize: 2 });
    await h.deps.db.update(businesses).set({ reminderLeadsMin: [1440, 120] }).where(eq(businesses.id, BIZ));
  });
  afterAll(async () => {
    await other?.close();
    await h?.close();
  });

  const row = async (id: string) => (await h.deps.db.select().from(bookings).where(eq(bookings.id, id)))[0]!;
  const mailTo = async (to: string) => (await h.deps.db.select().from(outbox).orderBy(asc(outbox.createdAt), asc(outbox.id))).filter((m) => m.to.includes(to));

  it('is off by default; the owner turns it on (1…72 whole hours, the field named), which starts the sweep', async () => {
    const { url } = await h.http();
    const owner = await signIn(url, ownerOf('demo-salon-spb'));
    expect((await owner.client.business.get.query()).releaseUnconfirmedHours).toBeNull();
    for (const bad of [0, 73, 2.5]) {
      expect(fieldsOf(await consoleFailure(owner.client.business.update.mutate({ releaseUnconfirmedHours: bad })))).toEqual(['releaseUnconfirmedHours']);
    }
    await expect(h.deps.db.update(businesses).set({ releaseUnconfirmedHours: 100 }).where(eq(businesses.id, BIZ))).rejects.toThrow();
    expect((await owner.client.business.update.mutate({ releaseUnconfirmedHours: 3 })).releaseUnconfirmedHours).toBe(3);
    expect((await h.deps.db.select().from(jobs).where(eq(jobs.id, RELEASE_JOB_ID))).length).toBe(1);
  });

  it('at start − 3 h releases a reminded client who did not confirm (cancel notice with rebook link, staff told, KPI event); keeps one who confirmed', async () => {
    const quiet = await book(h, { day: '2026-03-05', index: 0, email: 'quiet-release@example.com' });
    const sure = await book(h, { day: '2026-03-05', index: 1, email: 'sure-release@example.com' });
    const start = Date.parse(quiet.booking.start);
    await runNow(d, h);
    h.clock.set(new Date(Date.parse(sure.booking.start) - 24 * H));
    await runNow(d, h); // the 24-hour reminders: both clients asked
    expect((await confirmAttendance(h.deps, signToken(h.deps.secret, sure.booking.id, 'confirm'))).ok).toBe(true);

    h.clock.set(new Date(start - 3 * H - 60_000));
    await runNow(d, h);
    expect((await row(quiet.booking.id)).status).toBe('confirmed');

    h.clock.set(new Date(start - 3 * H + 5 * 60_000));
    await runNow(d, h);
    await runNow(d, h);
    const released = await row(quiet.booking.id);
    expect(released.status).toBe('cancelled');
    expect(released.cancelReason).toContain('не подтверждена');
    expect((await row(sure.booking.id)).status).toBe('confirmed');

    const notice = (await mailTo('quiet-release@')).at(-1)!;
    expect(notice.subject).toMatch(/отмен/i);
    expect(notice.text).toContain('/rebook?token=');
    expect(notice.text).toContain('не подтверждена');
    const staff = (await h.deps.db.select().from(jobs).where(and(eq(jobs.bookingId, quiet.booking.id), eq(jobs.kind, 'mail.staff_cancelled')))).length;
    expect(staff).toBe(1);
    const ev = await h.deps.db.select().from(events).where(and(eq(events.bookingId, quiet.booking.id), eq(events.kind, 'cancelled')));
    expect(ev.map((e) => e.meta)).toEqual([expect.objectContaining({ by: 'release' })]);

    // The time is offered again.
    const { slots } = await h.caller().slots.find({ siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-men', from: '2026-03-05', days: 1 });
    expect(slots.map((s) => s.start)).toContain(quiet.booking.start);
    // Running again releases nothing twice.
    h.clock.advance(10 * 60_000);
    await runNow(d, h);
    expect(await h.deps.db.select().from(events).where(and(eq(events.bookingId, quiet.booking.id), eq(events.kind, 'cancelled')))).toHaveLength(1);
  });

  it('a booking no longer on (cancelled by staff) is never released: no second cancellation, no release event', async () => {
    const b = await book(h, { day: '2026-03-11', index: 3, email: 'gone-already@example.com' });
    expect((await cancelBooking(h.deps.db, await row(b.booking.id), null, { by: 'staff', userId: 'u' }, h.clock.now())).ok).toBe(true);
    const cancelled = await row(b.booking.id);
    expect(cancelled.status).toBe('cancelled');
    expect((await releaseUnconfirmed(h.deps.db, cancelled, 'не подтверждена', h.clock.now())).ok).toBe(false);
    expect(await row(b.booking.id)).toMatchObject({ status: 'cancelled', version: cancelled.version, cancelReason: cancelled.cancelReason });
    expect(await h.deps.db.select().from(events).where(and(eq(events.bookingId, b.booking.id), eq(events.kind, 'cancelled')))).toHaveLength(1);
  });

  it('a client confirming while the release runs: exactly one wins, every time', async () => {
    let confirmedWins = 0;
    let releaseWins = 0;
    for (let i = 0; i < 6; i++) {
      const b = await book(h, { day: '2026-03-10', index: i * 2, email: `race-${i}@example.com` });
      const read = await row(b.booking.id);
      const now = h.clock.now();
      const dbB = other?.db ?? h.deps.db;
      const [c, r] = await Promise.all([markVisitorConfirmed(h.deps.db, read, now), releaseUnconfirmed(dbB, read, 'race', now)]);
      const after = await row(b.booking.id);
      const confirmed = c !== undefined;
      expect(confirmed !== r.ok).toBe(true);
      if (confirmed) {
        confirmedWins++;
        expect(after).toMatchObject({ status: 'confirmed' });
        expect(after.visitorConfirmedAt).not.toBeNull();
      } else {
        releaseWins++;
        expect(after).toMatchObject({ status: 'cancelled', visitorConfirmedAt: null });
      }
    }
    expect(confirmedWins + releaseWins).toBe(6);
  });
});
