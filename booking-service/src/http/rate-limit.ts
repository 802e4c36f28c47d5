/**
 * Rate limiting per key over a pluggable store (in-memory for one process, Redis when several
 * processes share the limits): a fixed-window counter, or a sliding log for rules marked `sliding`.
 *
 * Fixed windows allow up to twice the limit across a window boundary; that is accepted for the
 * public API (floods and scraping, not a quota). Sign-in limits slide: they hold at any moment.
 */

import type { RateLimitDecision, RateLimiter, RateLimitRule, RateLimitStore } from '../ports/rate-limit.js';

export type { RateLimitDecision, RateLimiter, RateLimitRule, RateLimitStore };

export interface RateLimiterOptions {
  store: RateLimitStore;
  rules: RateLimitRule[];
  /** Milliseconds since the epoch. */
  now: () => number;
  /** Store failures let the request through (booking beats throttling) and are reported here. */
  onStoreError?: (err: unknown) => void;
}

/**
 * @example
 * const limiter = createRateLimiter({ store: memoryStore(), rules: [{ scope: 'ip', limit: 300, windowMs: 60_000 }], now: Date.now });
 * await limiter.check({ ip: '203.0.113.7' }); // { ok: true }
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { store, rules, now } = options;
  return {
    async check(keys) {
      const t = now();
      const counted = await Promise.all(
        rules.map(async (rule) => {
          const key = keys[rule.scope];
          if (key === undefined) return { rule, over: false, windowStart: 0 };
          const windowStart = t - (t % rule.windowMs);
          try {
            if (rule.sliding && store.slide) {
              const r = await store.slide(`${rule.scope}:${key}`, t, rule.windowMs, rule.limit);
              // Retry when the oldest admitted hit leaves the window: windowStart + windowMs = retryAt.
              return { rule, over: !r.admitted, windowStart: r.retryAt - rule.windowMs };
            }
            const count = await store.hit(`${rule.scope}:${key}`, windowStart, rule.windowMs);
            return { rule, over: count > rule.limit, windowStart };
          } catch (err) {
            options.onStoreError?.(err);
            return { rule, over: false, windowStart };
          }
        }),
      );
      const hit = counted.find((c) => c.over);
      if (!hit) return { ok: true };
      const retryAfterSeconds = Math.max(1, Math.ceil((hit.windowStart + hit.rule.windowMs - t) / 1000));
      return { ok: false, scope: hit.rule.scope, retryAfterSeconds };
    },
  };
}
