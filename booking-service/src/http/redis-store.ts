/**
 * The shared rate-limit store: one Redis for all service processes, so limits hold across a
 * load balancer. Each (key, window) is one counter that Redis expires with its window.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { RateLimitStore } from './rate-limit.js';

// INCR and the expiry in one atomic step: a counter never outlives its window.
const HIT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

// The sliding log: a sorted set of admitted hit times; drop those out of the window, count, admit
// under the limit — atomically, so two processes cannot both take the last place.
const SLIDE = `local key = KEYS[1]
local now = tonumber(ARGV[1])
local w = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - w)
if redis.call('ZCARD', key) < tonumber(ARGV[3]) then
  redis.call('ZADD', key, now, ARGV[4])
  redis.call('PEXPIRE', key, w + 1000)
  return {1, now}
end
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
return {0, tonumber(oldest[2]) + w}`;

export interface RedisStoreOptions {
  /** Prefix of every key, e.g. 'frontdesk:rl:'. */
  prefix?: string;
}

export function redisStore(url: string, options: RedisStoreOptions = {}): RateLimitStore {
  const prefix = options.prefix ?? 'frontdesk:rl:';
  // Fail fast while Redis is away (one reconnect attempt per command, ≤ 2 s to connect): the
  // limiter then lets requests through rather than holding them.
  const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
  redis.on('error', () => {
    // Reported per command through the limiter's onStoreError; the client reconnects by itself.
  });
  return {
    async hit(key, windowStart, windowMs) {
      const n = await redis.eval(HIT, 1, `${prefix}${key}:${windowStart}`, String(windowMs + 1_000));
      return Number(n);
    },
    async slide(key, now, windowMs, limit) {
      const r = (await redis.eval(SLIDE, 1, `${prefix}slide:${key}`, String(now), String(windowMs), String(limit), `${now}:${randomUUID()}`)) as [number, number];
      return { admitted: Number(r[0]) === 1, retryAt: Number(r[1]) };
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
