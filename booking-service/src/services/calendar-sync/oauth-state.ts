/**
 * The OAuth `state` parameter (and the owner's "connect" link): which staff member is being
 * connected, until when, HMAC-signed with the app secret so a callback cannot be pointed at
 * another staff member. Format: base64url(JSON) "." base64url(HMAC-SHA256).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

type Purpose = 'gcal_state' | 'gcal_connect';

/** Where the callback sends the browser afterwards: the console's calendar settings, or our own result page. */
export type ReturnTo = 'console' | 'page';

export function signStaffToken(secret: string, staffId: string, purpose: Purpose, expiresAt: Date, returnTo: ReturnTo = 'page'): string {
  const body = Buffer.from(
    JSON.stringify({ s: staffId, p: purpose, e: expiresAt.getTime(), n: randomBytes(6).toString('base64url'), ...(returnTo === 'console' ? { r: 'c' } : {}) }),
  ).toString('base64url');
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/** The staff id, or null when forged, for another purpose, malformed or expired at `now`. */
export function verifyStaffToken(secret: string, token: string, purpose: Purpose, now: Date): string | null {
  return readStaffToken(secret, token, purpose, now)?.staffId ?? null;
}

/** The staff id and where to return, or null when forged, for another purpose, malformed or expired. */
export function readStaffToken(secret: string, token: string, purpose: Purpose, now: Date): { staffId: string; returnTo: ReturnTo } | null {
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined || token.length > 1024) return null;
  // Compared as text: base64url decoding ignores the last character's spare bits, so decoded
  // bytes would accept several spellings of one MAC.
  const given = Buffer.from(mac);
  const expected = Buffer.from(createHmac('sha256', secret).update(body).digest('base64url'));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { s?: unknown; p?: unknown; e?: unknown; r?: unknown };
    if (p.p !== purpose || typeof p.s !== 'string' || typeof p.e !== 'number' || p.e <= now.getTime()) return null;
    return { staffId: p.s, returnTo: p.r === 'c' ? 'console' : 'page' };
  } catch {
    return null;
  }
}
