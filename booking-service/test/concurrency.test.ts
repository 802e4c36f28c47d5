/**
 * No double booking, proved under contention: many requests race for one slot through the
 * HTTP API — across two service processes on one PostgreSQL, and within one process on
 * PGlite — and the database lets exactly one win.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookings } from '../src/adapters/db/schema.js';
import { PG_EXCLUSION_VIOLATION, pgErrorCode } from '../src/adapters/db/errors.js';
import { queryRows, type Db } from '../src/adapters/db/client.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { startService, type RunningService } from './support/spawn-service.js';

const N = 200;
const SITE = 'demo-barber-nyc';
const SERVICE = 'barber-haircut';
const STAFF = 'barber-marcus';

async function post(base: string, path: string, input: unknown, origin = 'http://localhost:8080') {
  const res = await fetch(`${base}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: (await res.json()) as { result?: { data: any }; error?: { data: any } } };
}

async function firstSlot(base: string, from: string): Promise<string> {
  const input = encodeURIComponent(JSON.stringify({ siteKey: SITE, serviceId: SERVICE, staffId: STAFF, from, days: 7 }));
  const res = await fetch(`${base}/trpc/slots.find?input=${input}`);
  const json = (await res.json()) as { result: { data: { slots: Array<{ start: string }> } } };
  return json.result.data.slots[0]!.start;
}

/** N holds for one slot, then N confirms of the winning hold with different keys, spread over `bases`. */
async function race(bases: string[], start: string) {
  const holds = await Promise.all(
    Array.from({ length: N }, (_, i) => post(bases[i % bases.length]!, 'booking.hold', { siteKey: SITE, serviceId: SERVICE, staffId: STAFF, start })),
  );
  const holdStatuses = count(holds.map((h) => h.status));
  const winner = holds.find((h) => h.status === 200)!;
  const holdToken = winner.body.result!.data.holdToken as string;
  const confirms = await Promise.all(
    Array.from({ length: N }, (_, i) =>
      post(bases[i % bases.length]!, 'booking.confirm', {
        holdToken,
        customer: { name: `Visitor ${i}`, phone: '+1 718 555 0100' },
        consent: true,
        lang: 'en',
        idempotencyKey: `race-${i}-${randomUUID()}`,
      }),
    ),
  );
  return { holdStatuses, confirmStatuses: count(confirms.map((c) => c.status)), holds };
}

function count(xs: number[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}

async function activeRowsAt(db: Db, start: string): Promise<number> {
  const rows = await queryRows<{ n: number | string }>(db, sql`
    SELECT count(*) AS n FROM ${bookings}
    WHERE staff_id = ${STAFF} AND status IN ('held','confirmed')
      AND tstzrange(occupied_from, occupied_to, '[)') && tstzrange(${start}::timestamptz, ${start}::timestamptz + interval '30 minutes', '[)')`);
  return Number(rows[0]!.n);
}

describe('one slot, many racers: PGlite, one process', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('pglite');
  });
  afterAll(async () => {
    await h?.close();
  });

  it(`${N} concurrent holds and ${N} concurrent confirms through HTTP → exactly one booking`, async () => {
    const { url } = await h.http();
    const start = await firstSlot(url, '2026-03-03');
    const r = await race([url], start);
    expect(r.holdStatuses).toEqual({ 200: 1, 409: N - 1 });
    expect(r.confirmStatuses).toEqual({ 200: 1, 409: N - 1 });
    expect(await activeRowsAt(h.database.db, start)).toBe(1);
  });
});

describe.runIf(process.env.DATABASE_URL)('one slot, many racers: PostgreSQL, two service processes', () => {
  let database: TestDatabase;
  let a: RunningService;
  let b: RunningService;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    // All racers come from 127.0.0.1 to one site: lift the per-IP and per-site limits, which
    // this test is not about (test/rate-limit.test.ts is).
    const env = { DATABASE_URL: database.url!, SEED_DEMO: 'true', APP_SECRET: 'x'.repeat(40), DB_POOL_SIZE: '10', RATE_LIMIT_PER_IP: '100000', RATE_LIMIT_PER_SITE: '100000', MAX_CONNECTIONS_PER_IP: '0' }; // 200 racers from one IP: no per-IP connection cap
    [a, b] = await Promise.all([startService(env), startService(env)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.close();
  });

  it(`${N} concurrent holds and ${N} concurrent confirms split across both → exactly one booking`, async () => {
    // Real clock in the child processes: pick a slot a few days ahead in New York.
    const from = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const start = await firstSlot(a.url, from);
    const r = await race([a.url, b.url], start);
    const logs = `${a.output()}\n${b.output()}`.slice(0, 4000);
    expect(r.holdStatuses, logs).toEqual({ 200: 1, 409: N - 1 });
    expect(r.confirmStatuses, logs).toEqual({ 200: 1, 409: N - 1 });
    expect(await activeRowsAt(database.db, start)).toBe(1);
    // Both processes really served racers.
    expect(a.output() + b.output()).not.toMatch(/Internal error|unhandled/i);
  });
});

describe.each(['pglite', ...(process.env.DATABASE_URL ? ['postgres' as const] : [])] as const)(
  'the exclusion constraint itself on %s',
  (kind) => {
    let database: TestDatabase;
    beforeAll(async () => {
      // 200 racers share a pool of 20: on a busy machine the last ones wait longer than the pool's 5 s
      // connect timeout and fail before reaching the constraint. The race is about the constraint, not the pool.
      database = await createTestDatabase(kind, { connectTimeoutMs: 0 });
      const { seedDemo } = await import('../src/seed/demo.js');
      await seedDemo(database.db);
    });
    afterAll(async () => {
      await database?.close();
    });

    it(`${N} concurrent raw INSERTs of overlapping bookings, bypassing every service check → one row`, async () => {
      const base = Date.parse('2026-04-01T15:00:00Z');
      const results = await Promise.allSettled(
        Array.from({ length: N }, (_, i) => {
          // Every range overlaps the first one: starts shifted by 0–29 minutes.
          const start = base + (i % 30) * 60_000;
          return database.db.insert(bookings).values({
            id: randomUUID(),
            businessId: 'biz-barber-nyc',
            serviceId: SERVICE,
            staffId: STAFF,
            status: 'confirmed',
            startsAt: new Date(start),
            endsAt: new Date(start + 30 * 60_000),
            occupiedFrom: new Date(start),
            occupiedTo: new Date(start + 30 * 60_000),
          });
        }),
      );
      const ok = results.filter((r) => r.status === 'fulfilled').length;
      const exclusion = results.filter((r) => r.status === 'rejected' && pgErrorCode(r.reason) === PG_EXCLUSION_VIOLATION).length;
      expect(ok).toBe(1);
      expect(exclusion).toBe(N - 1);
    });

    it('allows back-to-back bookings and ignores cancelled ones', async () => {
      const ins = (id: string, from: string, to: string, status: 'confirmed' | 'cancelled') =>
        database.db.insert(bookings).values({
          id,
          businessId: 'biz-barber-nyc',
          serviceId: SERVICE,
          staffId: 'barber-diego',
          status,
          startsAt: new Date(from),
          endsAt: new Date(to),
          occupiedFrom: new Date(from),
          occupiedTo: new Date(to),
        });
      await ins('b2b-1', '2026-04-02T16:00:00Z', '2026-04-02T16:30:00Z', 'confirmed');
      await ins('b2b-2', '2026-04-02T16:30:00Z', '2026-04-02T17:00:00Z', 'confirmed');
      await ins('b2b-3', '2026-04-02T16:10:00Z', '2026-04-02T16:40:00Z', 'cancelled');
      await expect(ins('b2b-4', '2026-04-02T16:29:00Z', '2026-04-02T16:31:00Z', 'confirmed')).rejects.toSatisfy(
        (e: unknown) => pgErrorCode(e) === PG_EXCLUSION_VIOLATION,
      );
    });
  },
);
