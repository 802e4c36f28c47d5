/**
 * The console's sign-in and reset limits, per e-mail and per client IP. Sliding windows: the
 * limit holds over any span of the window, not per clock window (issue 12, defect 6: fixed
 * windows let 20 guesses through in 7.6 s around a boundary). main.ts and the tests build the
 * same rules from here.
 */
import type { RateLimitRule } from '../ports/rate-limit.js';

export function loginRules(o: { perEmail: number; perIp: number; windowMs: number }): RateLimitRule[] {
  return [
    { scope: 'login-email', limit: o.perEmail, windowMs: o.windowMs, sliding: true },
    { scope: 'login-ip', limit: o.perIp, windowMs: o.windowMs, sliding: true },
  ];
}
