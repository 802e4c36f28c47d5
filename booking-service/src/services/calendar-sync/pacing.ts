/**
 * Per-user request pacing within Google's published Calendar quota of 600 requests per minute
 * per user per project: a token bucket per connection holding a burst of 10 and refilling at
 * 590 per minute, so no 60-second window can exceed 10 + 590 = 600. Per process; several
 * processes share the quota, which is why 403/429 answers are still retried with backoff.
 * Real (monotonic) time, not the business clock: this is about the outbound request rate.
 */
export interface Pacer {
  /** Resolves when one more request for `key` may go out. */
  take(key: string): Promise<void>;
}

export function createPacer(o: { perMinute?: number; burst?: number; now?: () => number; sleep?: (ms: number) => Promise<void> } = {}): Pacer {
  const burst = o.burst ?? 10;
  const ratePerMs = ((o.perMinute ?? 600) - burst) / 60_000;
  const now = o.now ?? (() => performance.now());
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    async take(key) {
      for (;;) {
        const t = now();
        const b = buckets.get(key) ?? { tokens: burst, at: t };
        b.tokens = Math.min(burst, b.tokens + (t - b.at) * ratePerMs);
        b.at = t;
        buckets.set(key, b);
        if (b.tokens >= 1) {
          b.tokens -= 1;
          return;
        }
        await sleep(Math.ceil((1 - b.tokens) / ratePerMs));
      }
    },
  };
}
