/**
 * Issue 12, limits over HTTP: batched tRPC calls are capped, "everyone free" searches are capped
 * in days × staff, and `/booking.ics` answers CORS only for the booking's own site's origins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { MAX_BATCH_SIZE } from '../src/app.js';
import { sites } from '../src/adapters/db/schema.js';
import { MAX_ALL_STAFF_DAYS } from '../src/services/slots.js';
import { book } from './support/booking.js';
import { failureOf } from './support/expect-error.js';
import { createHarness, type Harness } from './support/harness.js';

describe('limits: batches, slot search size, .ics CORS', () => {
  let h: Harness;
  let url: string;
  beforeAll(async () => {
    h = await createHarness('pglite');
    url = (await h.http()).url;
  });
  afterAll(async () => {
    await h?.close();
  });

  it(`a batch of more than ${MAX_BATCH_SIZE} calls is refused whole; ${MAX_BATCH_SIZE} pass`, async () => {
    const search = { siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut', from: '2026-03-03', days: 1 };
    const batch = (n: number) => fetch(`${url}/trpc/${Array(n).fill('slots.find').join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, search]))))}`);
    const ok = await batch(MAX_BATCH_SIZE);
    expect(ok.status).toBe(200);
    expect((await ok.json()) as unknown[]).toHaveLength(MAX_BATCH_SIZE);
    const big = await batch(50);
    expect(big.status).toBe(400);
    expect((await big.text()).length).toBeLessThan(2_000);
  });

  it('allStaff searches cover at most MAX_ALL_STAFF_DAYS staff-days: 400 naming `days`', async () => {
    const f = await failureOf(h.caller().slots.find({ siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut', from: '2026-03-03', days: 31, allStaff: true }));
    expect(f.code).toBe('BAD_REQUEST');
    expect((f.data.fields as Array<{ path: string }>).map((x) => x.path)).toEqual(['days']);
    // The lean search of the same days, and a small allStaff one, still answer.
    expect((await h.caller().slots.find({ siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut', from: '2026-03-03', days: 31 })).slots.length).toBeGreaterThan(0);
    expect((await h.caller().slots.find({ siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut', from: '2026-03-03', days: 7, allStaff: true })).slots.length).toBeGreaterThan(0);
    expect(MAX_ALL_STAFF_DAYS).toBeGreaterThanOrEqual(31);
  });

  it("/booking.ics: CORS for the booking's own site's origins only; another site's origin is refused", async () => {
    const done = await book(h, { day: '2026-03-04', email: 'ics@example.com', lang: 'en' });
    const ics = (origin?: string) => fetch(`${url}/booking.ics?token=${encodeURIComponent(done.manageToken)}`, { headers: origin ? { origin } : {} });
    const own = 'https://salon.example';
    const other = 'https://barber.example';
    await h.deps.db.update(sites).set({ allowedOrigins: [own] }).where(eq(sites.siteKey, 'demo-salon-spb'));
    await h.deps.db.update(sites).set({ allowedOrigins: [other] }).where(eq(sites.siteKey, 'demo-barber-nyc'));
    const mine = await ics(own);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('access-control-allow-origin')).toBe(own);
    const theirs = await ics(other);
    expect(theirs.status).toBe(403);
    expect(theirs.headers.get('access-control-allow-origin')).toBeNull();
    // A plain download (no Origin: a link click) works as before, with no CORS header.
    const plain = await ics();
    expect(plain.status).toBe(200);
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
  });
});
