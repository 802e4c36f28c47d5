/**
 * Issue 12, defect 6: sign-in limits used fixed clock windows, so twenty guesses fitted in 7.6 s
 * around a window boundary (10 per e-mail per 15 min). Now the window slides: in ANY span of the
 * window at most the limit is admitted — in one process (memory) and across processes sharing
 * Redis (two separate clients, racing, as two service processes would).
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createRateLimiter, type RateLimitStore } from '../src/http/rate-limit.js';
import { loginRules } from '../src/http/login-limits.js';
import { memoryStore } from '../src/http/memory-store.js';
import { redisStore } from '../src/http/redis-store.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const WINDOW = 15 * 60_000;
const LIMIT = 10;
// A clock-window boundary (a multiple of 15 min since the epoch).
const BOUNDARY = Date.parse('2026-03-02T06:15:00Z');

/** The most admitted hits in any span of `window` ms. */
function maxInAnyWindow(times: number[], window: number): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < t.length; j++) {
    while (t[j]! - t[i]! >= window) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

const stores: RateLimitStore[] = [];
afterAll(async () => {
  for (const s of stores) await s.close?.();
});
const make = (kind: 'memory' | 'redis', prefix: string) => {
  const s = kind === 'memory' ? memoryStore() : redisStore(REDIS_URL, { prefix });
  stores.push(s);
  return s;
};

describe.each(['memory', 'redis'] as const)('defect 6: sign-in limits slide (%s store)', (kind) => {
  it('twenty guesses around a clock-window boundary: only ten admitted, Retry-After until the oldest leaves', async () => {
    const clock = { now: BOUNDARY - 3_800 };
    const limiter = createRateLimiter({ store: make(kind, `fd-test:${randomBytes(6).toString('hex')}:`), rules: loginRules({ perEmail: LIMIT, perIp: 1000, windowMs: WINDOW }), now: () => clock.now });
    const admitted: number[] = [];
    const refusals: number[] = [];
    // The attack of the report: 20 guesses, 0.4 s apart, straddling the boundary (7.6 s in all).
    for (let i = 0; i < 20; i++) {
      const d = await limiter.check({ 'login-email': 'owner@x.test', 'login-ip': `198.51.100.${i}` });
      if (d.ok) admitted.push(clock.now);
      else refusals.push(d.retryAfterSeconds);
      clock.now += 400;
    }
    expect(admitted).toHaveLength(LIMIT);
    // The first refusal waits until the first guess is 15 min old (15 min − 4 s from then).
    expect(refusals[0]).toBe(WINDOW / 1000 - 4);
    // One millisecond before the oldest leaves: still refused; at that moment: one more.
    clock.now = admitted[0]! + WINDOW - 1;
    expect((await limiter.check({ 'login-email': 'owner@x.test' })).ok).toBe(false);
    clock.now = admitted[0]! + WINDOW;
    expect((await limiter.check({ 'login-email': 'owner@x.test' })).ok).toBe(true);
    expect((await limiter.check({ 'login-email': 'owner@x.test' })).ok).toBe(false);
  });

  it('any schedule of guesses: never more than the limit in any span of the window', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 3 * WINDOW }), { minLength: 1, maxLength: 60 }), async (offsets) => {
        const clock = { now: 0 };
        const limiter = createRateLimiter({ store: make(kind, `fd-test:${randomBytes(6).toString('hex')}:`), rules: loginRules({ perEmail: LIMIT, perIp: 1000, windowMs: WINDOW }), now: () => clock.now });
        const admitted: number[] = [];
        for (const at of [...offsets].sort((a, b) => a - b)) {
          clock.now = BOUNDARY - WINDOW + at;
          if ((await limiter.check({ 'login-email': 'e@x.test' })).ok) admitted.push(clock.now);
        }
        expect(maxInAnyWindow(admitted, WINDOW)).toBeLessThanOrEqual(LIMIT);
      }),
      { numRuns: kind === 'redis' ? 25 : 100 },
    );
  });
});

describe('defect 6: across processes on Redis', () => {
  it('two processes (two Redis clients) racing 40 guesses at one instant admit ten between them', async () => {
    const prefix = `fd-test:${randomBytes(6).toString('hex')}:`;
    const now = BOUNDARY - 1;
    const [a, b] = [make('redis', prefix), make('redis', prefix)].map((store) => createRateLimiter({ store, rules: loginRules({ perEmail: LIMIT, perIp: 1000, windowMs: WINDOW }), now: () => now }));
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a! : b!).check({ 'login-email': 'race@x.test' })));
    expect(results.filter((r) => r.ok)).toHaveLength(LIMIT);
  });
});
