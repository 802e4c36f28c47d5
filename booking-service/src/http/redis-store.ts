/**
 * The shared rate-limit store: one Redis for all service processes, so limits hold across a
 * load balancer. Each (key, window) is one counter that Redis expires with its window.
 */
import { Redis } from 'ioredis';
import type { RateLimitStore } from './rate-limit.js';

// INCR and the expiry in one atomic step: a counter never outlives its window.
const HIT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

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
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
