/**
 * The in-process rate-limit store: right for one service process (limits are per process).
 * Memory stays bounded by the keys of the windows still open: whenever a later window starts,
 * counters of windows that have ended are dropped.
 */
import type { RateLimitStore } from './rate-limit.js';

export function memoryStore(): RateLimitStore {
  let latestStart = -Infinity;
  const counts = new Map<string, { n: number; endsAt: number }>();
  // Sliding logs: admitted hit times per key, oldest first. Swept of idle keys once per window.
  const logs = new Map<string, { times: number[]; windowMs: number }>();
  let sweptAt = -Infinity;
  return {
    async slide(key, now, windowMs, limit) {
      if (now - sweptAt >= windowMs) {
        sweptAt = now;
        for (const [k, l] of logs) if (l.times[l.times.length - 1]! <= now - l.windowMs) logs.delete(k);
      }
      const log = logs.get(key) ?? { times: [], windowMs };
      logs.set(key, log);
      while (log.times.length > 0 && log.times[0]! <= now - windowMs) log.times.shift();
      if (log.times.length < limit) {
        log.times.push(now);
        return { admitted: true, retryAt: now };
      }
      return { admitted: false, retryAt: log.times[0]! + windowMs };
    },
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
