import { describe, expect, it } from 'vitest';
import { classifyGoogleError, retryAfterMs } from './calendar-client.js';

const now = new Date('2026-03-02T06:00:00Z');
const apiError = (status: number, reason?: string, headers: unknown = {}) => ({
  response: { status, headers, data: { error: { code: status, errors: reason ? [{ reason }] : [] } } },
});

describe('Google error classification', () => {
  it('retries rate limits, 5xx, 401 and no answer; stops on invalid_grant and plain refusals', () => {
    expect(classifyGoogleError(apiError(429, 'rateLimitExceeded'))).toBe('retry');
    expect(classifyGoogleError(apiError(403, 'rateLimitExceeded'))).toBe('retry');
    expect(classifyGoogleError(apiError(403, 'userRateLimitExceeded'))).toBe('retry');
    expect(classifyGoogleError(apiError(403, 'forbidden'))).toBe('fatal');
    expect(classifyGoogleError(apiError(503))).toBe('retry');
    expect(classifyGoogleError(apiError(401))).toBe('retry');
    expect(classifyGoogleError(new Error('socket hang up'))).toBe('retry');
    expect(classifyGoogleError({ response: { status: 400, data: { error: 'invalid_grant' } } })).toBe('invalid_grant');
    expect(classifyGoogleError(apiError(410))).toBe('gone');
    expect(classifyGoogleError(apiError(409))).toBe('conflict');
  });
});

describe('Retry-After', () => {
  it('reads seconds or an HTTP date, from a Headers object or a plain one, capped at an hour', () => {
    expect(retryAfterMs(apiError(429, 'rateLimitExceeded', new Headers({ 'retry-after': '120' })), now)).toBe(120_000);
    expect(retryAfterMs(apiError(503, undefined, { 'retry-after': '30' }), now)).toBe(30_000);
    expect(retryAfterMs(apiError(503, undefined, { 'retry-after': 'Mon, 02 Mar 2026 06:05:00 GMT' }), now)).toBe(300_000);
    expect(retryAfterMs(apiError(429, undefined, { 'retry-after': '86400' }), now)).toBe(3_600_000);
  });
  it('ignores a missing, past or unreadable value', () => {
    expect(retryAfterMs(apiError(429), now)).toBeUndefined();
    expect(retryAfterMs(apiError(429, undefined, { 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterMs(apiError(429, undefined, { 'retry-after': 'Sun, 01 Mar 2026 06:00:00 GMT' }), now)).toBeUndefined();
    expect(retryAfterMs(new Error('timeout'), now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});
