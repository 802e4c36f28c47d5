/**
 * Rate limits end to end: the public procedures over HTTP answer 429 with Retry-After once a
 * client or a site is over its limit; and the Redis store shares counts between processes.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createRateLimiter, type RateLimitStore } from '../src/http/rate-limit.js';
import { memoryStore } from '../src/http/memory-store.js';
import { redisStore } from '../src/http/redis-store.js';
import { createHarness, type Harness } from './support/harness.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SALON = 'demo-salon-spb';

const siteGet = (url: string, siteKey = SALON) => fetch(`${url}/trpc/site.get?input=${encodeURIComponent(JSON.stringify({ siteKey }))}`);

describe.each([
  ['memory', () => memoryStore()],
  ['redis', () => redisStore(REDIS_URL, { prefix: `fd-test:${randomBytes(6).toString('hex')}:` })],
] as const)('rate limits over HTTP with the %s store', (_name, makeStore) => {
  let h: Harness;
  let store: RateLimitStore;
  let url: string;
  beforeAll(async () => {
    store = makeStore();
    const now = Date.parse('2026-03-02T06:00:00Z');
    const limiter = createRateLimiter({
      store,
      rules: [
        { scope: 'ip', limit: 5, windowMs: 60_000 },
        { scope: 'site', limit: 1000, windowMs: 60_000 },
      ],
      // A fixed instant inside the window: the test never races a window boundary.
      now: () => now,
    });
    h = await createHarness('pglite', { rateLimiter: limiter });
    url = (await h.http()).url;
  });
  afterAll(async () => {
    await h?.close();
    await store?.close?.();
  });

  it('answers 429 TOO_MANY_REQUESTS with Retry-After once the IP limit is spent, for every public procedure', async () => {
    for (let i = 0; i < 5; i++) expect((await siteGet(url)).status).toBe(200);
    const over = await siteGet(url);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBe(60);
    const body = (await over.json()) as { error: { data: { code: string; scope: string; retryAfterSeconds: number } } };
    expect(body.error.data).toMatchObject({ code: 'TOO_MANY_REQUESTS', scope: 'ip', retryAfterSeconds: 60 });
    // A mutation by manage token (no siteKey) is counted per IP as well; garbage input is counted too.
    const cancel = await fetch(`${url}/trpc/booking.cancel`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"manageToken":"forged.token"}' });
    expect(cancel.status).toBe(429);
    const garbage = await fetch(`${url}/trpc/booking.hold`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1,2]' });
    expect(garbage.status).toBe(429);
    // Health and pages are not tRPC procedures and stay reachable.
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});

describe('the Redis store', () => {
  const prefix = `fd-test:${randomBytes(6).toString('hex')}:`;
  const a = redisStore(REDIS_URL, { prefix });
  const b = redisStore(REDIS_URL, { prefix });
  afterAll(async () => {
    const admin = new Redis(REDIS_URL);
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length) await admin.del(...keys);
    await admin.quit();
    await a.close?.();
    await b.close?.();
  });

  it('shares one count between two processes (two clients) and expires it with the window', async () => {
    const rules = [{ scope: 'site', limit: 10, windowMs: 1_000 }];
    const now = Date.now();
    const la = createRateLimiter({ store: a, rules, now: () => now });
    const lb = createRateLimiter({ store: b, rules, now: () => now });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? la : lb).check({ site: 'shared' })));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    const admin = new Redis(REDIS_URL);
    const keys = await admin.keys(`${prefix}*`);
    expect(keys).toHaveLength(1);
    const ttl = await admin.pttl(keys[0]!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(2_000);
    await admin.quit();
  });

  it('fails open, quickly, when Redis cannot be reached', async () => {
    const dead = redisStore('redis://127.0.0.1:1', { prefix });
    const errors: unknown[] = [];
    const limiter = createRateLimiter({ store: dead, rules: [{ scope: 'ip', limit: 1, windowMs: 60_000 }], now: Date.now, onStoreError: (e) => errors.push(e) });
    const t0 = Date.now();
    expect(await limiter.check({ ip: 'a' })).toEqual({ ok: true });
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(errors).toHaveLength(1);
    await dead.close?.();
  });
});
