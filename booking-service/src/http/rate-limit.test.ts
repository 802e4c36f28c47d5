import { describe, expect, it } from 'vitest';
import { memoryStore } from './memory-store.js';
import { createRateLimiter, type RateLimitStore } from './rate-limit.js';

const MINUTE = 60_000;

function limiterAt(store: RateLimitStore, t: { now: number }, ip = 3, site = 5) {
  return createRateLimiter({
    store,
    rules: [
      { scope: 'ip', limit: ip, windowMs: MINUTE },
      { scope: 'site', limit: site, windowMs: MINUTE },
    ],
    now: () => t.now,
  });
}

describe('rate limiter over the memory store', () => {
  it('allows the limit per IP, refuses the next with the seconds left in the window, and resets with the next window', async () => {
    const t = { now: Date.parse('2026-03-02T06:00:10Z') };
    const limiter = limiterAt(memoryStore(), t);
    for (let i = 0; i < 3; i++) expect(await limiter.check({ ip: 'a' })).toEqual({ ok: true });
    expect(await limiter.check({ ip: 'a' })).toEqual({ ok: false, scope: 'ip', retryAfterSeconds: 50 });
    // Another address is counted apart.
    expect(await limiter.check({ ip: 'b' })).toEqual({ ok: true });
    t.now += 50_000;
    expect(await limiter.check({ ip: 'a' })).toEqual({ ok: true });
  });

  it('limits a site across many addresses', async () => {
    const t = { now: Date.parse('2026-03-02T06:00:00Z') };
    const limiter = limiterAt(memoryStore(), t);
    for (let i = 0; i < 5; i++) expect((await limiter.check({ ip: `ip${i}`, site: 's' })).ok).toBe(true);
    expect(await limiter.check({ ip: 'ip9', site: 's' })).toMatchObject({ ok: false, scope: 'site' });
    expect((await limiter.check({ ip: 'ip9', site: 'other' })).ok).toBe(true);
  });

  it('skips scopes without a key', async () => {
    const t = { now: 0 };
    const limiter = limiterAt(memoryStore(), t, 1, 1);
    for (let i = 0; i < 10; i++) expect((await limiter.check({})).ok).toBe(true);
  });

  it('forgets past windows, so memory is bounded by the keys of the current window', async () => {
    const t = { now: 0 };
    const store = memoryStore();
    const limiter = limiterAt(store, t, 1);
    for (let i = 0; i < 1000; i++) await limiter.check({ ip: `x${i}` });
    t.now += MINUTE;
    // Had the old window survived, x1 would still be at 1 and a second hit would be refused.
    expect((await limiter.check({ ip: 'x1' })).ok).toBe(true);
    expect((await limiter.check({ ip: 'x1' })).ok).toBe(false);
  });

  it('keeps a longer window counting while shorter windows roll over', async () => {
    const t = { now: 0 };
    const limiter = createRateLimiter({
      store: memoryStore(),
      rules: [
        { scope: 'ip', limit: 100, windowMs: MINUTE },
        { scope: 'site', limit: 3, windowMs: 60 * MINUTE },
      ],
      now: () => t.now,
    });
    for (let i = 0; i < 3; i++) {
      expect((await limiter.check({ ip: 'a', site: 's' })).ok).toBe(true);
      t.now += MINUTE;
    }
    expect(await limiter.check({ ip: 'a', site: 's' })).toMatchObject({ ok: false, scope: 'site' });
  });

  it('lets requests through when the store fails, and reports it', async () => {
    const errors: unknown[] = [];
    const broken: RateLimitStore = { hit: () => Promise.reject(new Error('down')) };
    const limiter = createRateLimiter({ store: broken, rules: [{ scope: 'ip', limit: 1, windowMs: MINUTE }], now: () => 0, onStoreError: (e) => errors.push(e) });
    expect(await limiter.check({ ip: 'a' })).toEqual({ ok: true });
    expect(errors).toHaveLength(1);
  });
});
