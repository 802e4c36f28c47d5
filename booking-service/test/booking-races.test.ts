/**
 * Races on one booking, through HTTP (issue 11): every change is conditional on the row as read,
 * so of two changes at once exactly one applies and its messages are the only ones.
 * - PostgreSQL: two service processes, each request of a pair to a different process;
 * - PGlite: the embedded database allows one process, so both requests go to one server.
 * Messages are counted as the mail jobs the changes enqueued (workers off: nothing is consumed).
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookings, jobs } from '../src/adapters/db/schema.js';
import type { Db } from '../src/adapters/db/client.js';
import { signToken } from '../src/services/tokens.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { startService, type RunningService } from './support/spawn-service.js';

const SITE = 'demo-barber-nyc';
const SERVICE = 'barber-haircut';
const STAFF = 'barber-marcus';
const ROUNDS = 4;

interface World {
  /** The two servers a pair of requests goes to (the same one twice on PGlite). */
  bases: () => [string, string];
  db: Db;
  secret: string;
  /** A business-local date with free slots for the barber, a week or more ahead. */
  day: string;
}

async function call(base: string, path: string, input: unknown): Promise<{ ok: boolean; data: any; reason?: string; code?: string }> {
  const res = await fetch(`${base}/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  const json = (await res.json()) as { result?: { data: any }; error?: { data?: { reason?: string; code?: string } } };
  return json.result ? { ok: true, data: json.result.data } : { ok: false, data: json.error, reason: json.error?.data?.reason, code: json.error?.data?.code };
}

/** Free starts of the barber over a week, 90 minutes apart, so no two picked ones overlap. */
async function freeStarts(w: World): Promise<string[]> {
  const res = await fetch(`${w.bases()[0]}/trpc/slots.find?input=${encodeURIComponent(JSON.stringify({ siteKey: SITE, serviceId: SERVICE, staffId: STAFF, from: w.day, days: 7 }))}`);
  const json = (await res.json()) as { result: { data: { slots: Array<{ start: string }> } } };
  const spaced: string[] = [];
  for (const { start } of json.result.data.slots) {
    if (spaced.length === 0 || Date.parse(start) - Date.parse(spaced.at(-1)!) >= 90 * 60_000) spaced.push(start);
  }
  return spaced;
}

let serial = 0;
async function book(w: World, start: string) {
  const hold = await call(w.bases()[0], 'booking.hold', { siteKey: SITE, serviceId: SERVICE, staffId: STAFF, start });
  expect(hold.ok, JSON.stringify(hold.data)).toBe(true);
  const done = await call(w.bases()[1], 'booking.confirm', {
    holdToken: hold.data.holdToken,
    customer: { name: 'Race Visitor', email: 'race@example.com' },
    consent: true,
    lang: 'en',
    idempotencyKey: `race-${Date.now()}-${++serial}`,
  });
  expect(done.ok, JSON.stringify(done.data)).toBe(true);
  return done.data as { booking: { id: string }; manageToken: string };
}

async function mailJobs(db: Db, bookingId: string, kind: string) {
  return (await db.select().from(jobs).where(and(eq(jobs.bookingId, bookingId), eq(jobs.kind, `mail.${kind}`)))).length;
}

async function rowOf(db: Db, id: string) {
  return (await db.select().from(bookings).where(eq(bookings.id, id)))[0]!;
}

function races(world: () => World) {
  it('two reschedules of one booking into two different free slots at once: one wins, the row is where it put it, one message', async () => {
    const w = world();
    const starts = await freeStarts(w);
    expect(starts.length).toBeGreaterThan(3 * ROUNDS);
    for (let i = 0; i < ROUNDS; i++) {
      const [from, toA, toB] = [starts[i * 3]!, starts[i * 3 + 1]!, starts[i * 3 + 2]!];
      const { booking, manageToken } = await book(w, from);
      const [a, b] = w.bases();
      const [ra, rb] = await Promise.all([
        call(a, 'booking.reschedule', { manageToken, start: toA, version: 0 }),
        call(b, 'booking.reschedule', { manageToken, start: toB, version: 0 }),
      ]);
      const winners = [ra, rb].filter((r) => r.ok);
      expect(winners, JSON.stringify([ra, rb])).toHaveLength(1);
      const loser = [ra, rb].find((r) => !r.ok)!;
      expect(loser.reason).toBe('BOOKING_CHANGED');
      expect(loser.code).toBe('CONFLICT');
      const row = await rowOf(w.db, booking.id);
      const winnerStart = ra.ok ? toA : toB;
      expect(row.startsAt.toISOString()).toBe(winnerStart);
      expect(winners[0]!.data.booking.start).toBe(winnerStart);
      expect(row.version).toBe(1);
      expect(await mailJobs(w.db, booking.id, 'booking_rescheduled')).toBe(1);
      expect(await mailJobs(w.db, booking.id, 'staff_rescheduled')).toBe(1);
    }
  }, 60_000);

  it('cancel and reschedule at once: one outcome, a consistent row, only its messages', async () => {
    const w = world();
    const starts = await freeStarts(w);
    expect(starts.length).toBeGreaterThan(2 * ROUNDS);
    for (let i = 0; i < ROUNDS; i++) {
      const [from, to] = [starts[i * 2]!, starts[i * 2 + 1]!];
      const { booking, manageToken } = await book(w, from);
      const [a, b] = w.bases();
      // Alternate which process gets which change, so either may win.
      const [rc, rr] = await Promise.all([
        call(i % 2 ? a : b, 'booking.cancel', { manageToken, version: 0 }),
        call(i % 2 ? b : a, 'booking.reschedule', { manageToken, start: to, version: 0 }),
      ]);
      expect([rc, rr].filter((r) => r.ok), JSON.stringify([rc, rr])).toHaveLength(1);
      const row = await rowOf(w.db, booking.id);
      if (rc.ok) {
        // Reading a cancelled booking: not active (PRECONDITION_FAILED); racing the cancel: CONFLICT.
        expect(['CONFLICT', 'PRECONDITION_FAILED']).toContain(rr.code);
        expect(row).toMatchObject({ status: 'cancelled', version: 0 });
        expect(row.startsAt.toISOString()).toBe(from);
        expect(await mailJobs(w.db, booking.id, 'booking_cancelled')).toBe(1);
        expect(await mailJobs(w.db, booking.id, 'booking_rescheduled')).toBe(0);
      } else {
        expect(rc.reason).toBe('BOOKING_CHANGED');
        expect(row).toMatchObject({ status: 'confirmed', version: 1 });
        expect(row.startsAt.toISOString()).toBe(to);
        expect(await mailJobs(w.db, booking.id, 'booking_rescheduled')).toBe(1);
        expect(await mailJobs(w.db, booking.id, 'booking_cancelled')).toBe(0);
      }
    }
  }, 60_000);

  it('a double click on a "book again" link: one booking, both clicks land on it', async () => {
    const w = world();
    const starts = await freeStarts(w);
    expect(starts.length).toBeGreaterThan(2 * ROUNDS);
    for (let i = 0; i < ROUNDS; i++) {
      const { booking } = await book(w, starts[i * 2]!);
      const token = signToken(w.secret, booking.id, 'rebook');
      const start = starts[i * 2 + 1]!;
      const click = (base: string) =>
        fetch(`${base}/rebook`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token, start, lang: 'en' }).toString(),
          redirect: 'manual',
        });
      const [x, y] = (await Promise.all(w.bases().map(click))) as [Response, Response];
      expect([x.status, y.status]).toEqual([303, 303]);
      const made = await w.db.select().from(bookings).where(eq(bookings.idempotencyKey, `rebook:${booking.id}`));
      expect(made).toHaveLength(1);
      expect(made[0]!.startsAt.toISOString()).toBe(start);
      expect(await mailJobs(w.db, made[0]!.id, 'booking_confirmed')).toBe(1);
      for (const r of [x, y]) expect(r.headers.get('location')).toContain('done=booked');
      // A later third use of the same link still shows that booking, whatever time it asks for.
      const again = await click(w.bases()[0]);
      expect(again.status).toBe(303);
      expect((await w.db.select().from(bookings).where(eq(bookings.idempotencyKey, `rebook:${booking.id}`))).length).toBe(1);
    }
  }, 60_000);
}

describe('booking races on pglite (one process)', () => {
  let h: Harness;
  let w: World;
  beforeAll(async () => {
    h = await createHarness('pglite');
    const { url } = await h.http();
    w = { bases: () => [url, url], db: h.deps.db, secret: h.deps.secret, day: '2026-03-10' };
  });
  afterAll(async () => {
    await h?.close();
  });
  races(() => w);
});

/** The Tuesday 7–13 days after today (UTC): inside the horizon, with the barber working. */
function nextTuesday(now: Date): string {
  const ahead = ((2 - now.getUTCDay() + 7) % 7) + 7;
  return new Date(now.getTime() + ahead * 86_400_000).toISOString().slice(0, 10);
}

describe.runIf(process.env.DATABASE_URL)('booking races on postgres (two processes)', () => {
  let database: TestDatabase;
  let a: RunningService;
  let b: RunningService;
  let w: World;
  const secret = 'r'.repeat(40);
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const env = { DATABASE_URL: database.url!, SEED_DEMO: 'true', APP_SECRET: secret, JOBS: 'false', RATE_LIMIT_PER_IP: '10000000', RATE_LIMIT_PER_SITE: '10000000', MAX_CONNECTIONS_PER_IP: '0' };
    [a, b] = await Promise.all([startService(env), startService(env)]);
    w = { bases: () => [a.url, b.url], db: database.db, secret, day: nextTuesday(new Date()) };
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.close();
  });
  races(() => w);
});
