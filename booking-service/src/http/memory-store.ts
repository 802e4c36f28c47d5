/**
 * The in-process rate-limit store: right for one service process (limits are per process).
 * Memory stays bounded by the keys of the windows still open: whenever a later window starts,
 * counters of windows that have ended are dropped.
 */
import type { RateLimitStore } from './rate-limit.js';

export function memoryStore(): RateLimitStore {
  let latestStart = -Infinity;
  const counts = new Map<string, { n: number; endsAt: number }>();
  return {
    async hit(key, windowStart, windowMs) {
      if (windowStart > latestStart) {
        latestStart = windowStart;
        for (const [k, c] of counts) if (c.endsAt <= windowStart) counts.delete(k);
      }
      const k = `${windowStart}|${key}`;
      const c = counts.get(k) ?? { n: 0, endsAt: windowStart + windowMs };
      c.n += 1;
      counts.set(k, c);
      return c.n;
    },
  };
}
