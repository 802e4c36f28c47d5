/** What the API layers ask of a rate limiter, and what a limiter asks of its shared store (http/ implements both). */

/** Counts hits of one key in one window. */
export interface RateLimitStore {
  /** Adds one hit to `key` in the window starting at `windowStart` (ms) and returns the window's count so far. */
  hit(key: string, windowStart: number, windowMs: number): Promise<number>;
  /**
   * Sliding log: admits one hit of `key` at `now` (ms) when fewer than `limit` hits were admitted in
   * (now − windowMs, now], and records it; else refuses and says when the oldest counted hit leaves
   * the window. Check and record are one atomic step (one Redis script), so processes sharing the
   * store can never admit more than `limit` in any window between them.
   */
  slide?(key: string, now: number, windowMs: number, limit: number): Promise<{ admitted: boolean; retryAt: number }>;
  close?(): Promise<void>;
}

export interface RateLimitRule {
  /** Names the key space: 'ip', 'site'. */
  scope: string;
  /** Hits allowed per window. */
  limit: number;
  windowMs: number;
  /**
   * A sliding window (the store's `slide`): at most `limit` hits in ANY span of `windowMs`, not
   * per clock window — fixed windows let twice the limit through around a boundary (issue 12,
   * defect 6: 20 sign-in guesses in 7.6 s). Costs one stored timestamp per admitted hit, so it is
   * for small limits (sign-in); the public API's floods-only limits stay fixed windows.
   */
  sliding?: boolean;
}

export type RateLimitDecision = { ok: true } | { ok: false; scope: string; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one request against each (scope → key) given; a scope without a rule or key is skipped. */
  check(keys: Record<string, string | undefined>): Promise<RateLimitDecision>;
}
