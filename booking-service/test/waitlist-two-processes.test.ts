/**
 * The waiting list's races across two service processes on one PostgreSQL (issue 17): both run
 * the job runner, both serve the public API and the /waitlist page.
 * - a cancellation's `waitlist.offer` job, claimed by either runner, while the public asks both
 *   processes for the freed time: exactly one of them gets it (an offer's hold or a public hold);
 * - an offer's link tapped twice at the same moment, one tap per process, with public holds for
 *   the same time on both: exactly one booking, the person's; nothing overlaps.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/adapters/db/client.js';
import { bookings, jobs, waitlistEntries, waitlistOffers } from '../src/adapters/db/schema.js';
import { signToken } from '../src/services/tokens.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';
import { startService, type RunningService } from './support/spawn-service.js';

const SITE = 'demo-barber-nyc';
const SERVICE = 'barber-haircut';
const STAFF = 'barber-marcus';
const SECRET = 'w'.repeat(40);
const ORIGIN = 'http://localhost:8080';

async function post(base: string, path: string, input: unknown) {
  const res = await fetch(`${base}/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify(input) });
  return { status: res.status, body: (await res.json()) as { result?: { data: any } } };
}

async function until<T>(what: string, f: () => Promise<T | undefined | null | false>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.runIf(process.env.DATABASE_URL)('waiting list races across two service processes (PostgreSQL)', () => {
  let database: TestDatabase;
  let a: RunningService;
  let b: RunningService;
  let day: string;
  let starts: string[];
  let n = 0;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const env = {
      DATABASE_URL: database.url!, SEED_DEMO: 'true', APP_SECRET: SECRET, DB_POOL_SIZE: '5', JOBS: 'true', JOBS_POLL_MS: '50',
      RATE_LIMIT_PER_IP: '100000', RATE_LIMIT_PER_SITE: '100000', MAX_CONNECTIONS_PER_IP: '0',
    };
    [a, b] = await Promise.all([startService(env), startService(env)]);
    // Real clock in the children: a day three days ahead in New York, inside any window.
    day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const input = encodeURIComponent(JSON.stringify({ siteKey: SITE, serviceId: SERVICE, staffId: STAFF, from: day, days: 1 }));
    starts = ((await (await fetch(`${a.url}/trpc/slots.find?input=${input}`)).json()) as { result: { data: { slots: Array<{ start: string }> } } }).result.data.slots.map((s) => s.start);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.close();
  });

  /** A confirmed booking of `start` (to be cancelled) and one person waiting for that day. */
  async function bookedAndWaiting(start: string) {
    const hold = await post(a.url, 'booking.hold', { siteKey: SITE, serviceId: SERVICE, staffId: STAFF, start });
    expect(hold.status).toBe(200);
    const done = await post(b.url, 'booking.confirm', {
      holdToken: hold.body.result!.data.holdToken, customer: { name: 'Pat', phone: '+1 718 555 0100' }, consent: true, lang: 'en', idempotencyKey: randomUUID(),
    });
    expect(done.status).toBe(200);
    const now = new Date();
    const entryId = randomUUID();
    // One person waiting: whoever an earlier test left in line (when the public won its race) leaves
    // it, or the next cancellation's offer would go to them, first in line, and not to this entry.
    await database.db.update(waitlistEntries).set({ status: 'removed', updatedAt: now }).where(eq(waitlistEntries.status, 'waiting'));
    await database.db.insert(waitlistEntries).values({
      id: entryId, businessId: 'biz-barber-nyc', serviceId: SERVICE, staffId: null, fromDay: day, toDay: day, part: 'any',
      name: `Waiting ${++n}`, email: `waiting${n}@example.com`, lang: 'en', consentAt: now, expiresAt: new Date(now.getTime() + 10 * 86_400_000), createdAt: now, updatedAt: now,
    });
    return { manageToken: done.body.result!.data.manageToken as string, entryId };
  }

  /** Live rows (held or confirmed) overlapping `start`'s 30 minutes: the exclusion constraint allows one. */
  const liveAt = async (start: string) =>
    Number((await queryRows<{ n: string | number }>(database.db, sql`
      SELECT count(*) AS n FROM bookings WHERE staff_id = ${STAFF} AND status IN ('held','confirmed')
        AND tstzrange(occupied_from, occupied_to, '[)') && tstzrange(${start}::timestamptz, ${start}::timestamptz + interval '30 minutes', '[)')`))[0]!.n);

  it('a freed time: both job runners and public holds on both processes race for it — exactly one gets it', async () => {
    const start = starts[4]!;
    const { manageToken, entryId } = await bookedAndWaiting(start);
    // The cancel and, at once, 20 public holds for the freed time split across both processes.
    const [cancel, ...holds] = await Promise.all([
      post(a.url, 'booking.cancel', { manageToken }),
      ...Array.from({ length: 20 }, (_, i) => post(i % 2 ? a.url : b.url, 'booking.hold', { siteKey: SITE, serviceId: SERVICE, staffId: STAFF, start })),
    ]);
    expect(cancel.status).toBe(200);
    await until('the offer job', async () => (await database.db.select().from(jobs).where(and(eq(jobs.kind, 'waitlist.offer'), sql`done_at IS NOT NULL`))).length === 1);
    const publicWins = holds.filter((h) => h.status === 200).length;
    const offers = await database.db.select().from(waitlistOffers).where(eq(waitlistOffers.entryId, entryId));
    // Either the person waiting got it (an offer with an exclusive hold) or one member of the public did; never both, never two.
    expect(publicWins + offers.length).toBe(1);
    expect(await liveAt(start)).toBe(publicWins + offers.length);
    const [job] = await database.db.select().from(jobs).where(eq(jobs.kind, 'waitlist.offer'));
    expect(job!.outcome).toBe('done');
  });

  it('two taps on the offer link at the same moment, one per process, with public holds on both: exactly one booking, the person’s', async () => {
    const start = starts[8]!;
    const { manageToken, entryId } = await bookedAndWaiting(start);
    expect((await post(b.url, 'booking.cancel', { manageToken })).status).toBe(200);
    const offer = await until('the offer', async () => (await database.db.select().from(waitlistOffers).where(eq(waitlistOffers.entryId, entryId)))[0]);
    const t = signToken(SECRET, offer.id, 'waitlist');
    const tap = (base: string) =>
      fetch(`${base}/waitlist`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ t }).toString() });
    const [t1, t2, ...holds] = await Promise.all([
      tap(a.url),
      tap(b.url),
      ...Array.from({ length: 10 }, (_, i) => post(i % 2 ? a.url : b.url, 'booking.hold', { siteKey: SITE, serviceId: SERVICE, staffId: STAFF, start })),
    ]);
    // Both taps answer the page (303 to it), never a 500; the public gets 409.
    expect([t1.status, t2.status]).toEqual([303, 303]);
    expect(holds.map((h) => h.status).every((s) => s === 409)).toBe(true);
    const [entry] = await database.db.select().from(waitlistEntries).where(eq(waitlistEntries.id, entryId));
    expect(entry!.status).toBe('booked');
    const confirmed = await database.db.select().from(bookings).where(and(eq(bookings.staffId, STAFF), eq(bookings.startsAt, new Date(start)), inArray(bookings.status, ['confirmed', 'held'])));
    expect(confirmed).toHaveLength(1);
    expect(confirmed[0]!).toMatchObject({ id: offer.holdId, status: 'confirmed' });
    expect(await liveAt(start)).toBe(1);
    expect(a.output() + b.output()).not.toMatch(/Internal error|unhandled/i);
  });
});
