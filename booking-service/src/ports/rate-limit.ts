/** What the API layers ask of a rate limiter, and what a limiter asks of its shared store (http/ implements both). */

/** Counts hits of one key in one window. */
export interface RateLimitStore {
  /** Adds one hit to `key` in the window starting at `windowStart` (ms) and returns the window's count so far. */
  hit(key: string, windowStart: number, windowMs: number): Promise<number>;
  close?(): Promise<void>;
}

export interface RateLimitRule {
  /** Names the key space: 'ip', 'site'. */
  scope: string;
  /** Hits allowed per window. */
  limit: number;
  windowMs: number;
}

export type RateLimitDecision = { ok: true } | { ok: false; scope: string; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one request against each (scope → key) given; a scope without a rule or key is skipped. */
  check(keys: Record<string, string | undefined>): Promise<RateLimitDecision>;
}
