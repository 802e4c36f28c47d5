/**
 * Signed, single-purpose links (manage a booking, confirm from a reminder, …).
 * Format: base64url(JSON payload) "." base64url(HMAC-SHA256(secret, payload)).
 * The payload names the booking and the purpose; whether it has expired is decided against
 * the booking's current end time, so a rescheduled booking keeps its link valid.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** `conversation`: the link in an inbox reply's e-mail back into the conversation (the id is a conversation's). */
export type TokenPurpose = 'manage' | 'confirm' | 'ics' | 'rebook' | 'conversation' | 'follow-up' | 'waitlist';

interface Payload {
  b: string;
  p: TokenPurpose;
  /** Random salt so two tokens for one booking differ and none can be guessed from the id. */
  n: string;
}

const b64 = (buf: Buffer) => buf.toString('base64url');

export function signToken(secret: string, bookingId: string, purpose: TokenPurpose): string {
  const payload: Payload = { b: bookingId, p: purpose, n: b64(randomBytes(9)) };
  const body = b64(Buffer.from(JSON.stringify(payload)));
  const mac = b64(createHmac('sha256', secret).update(body).digest());
  return `${body}.${mac}`;
}

/** The booking id, or null if the token is malformed, forged, altered or for another purpose. */
export function verifyToken(secret: string, token: string, purpose: TokenPurpose): string | null {
  if (typeof token !== 'string' || token.length > 512) return null;
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return null;
  const body = token.slice(0, dot);
  // Compare the MAC as text, not decoded bytes: base64url decoding ignores the spare low bits of
  // the last character, so several spellings decode alike and an altered link would still pass
  // (found by test/tokens.test.ts).
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(b64(createHmac('sha256', secret).update(body).digest()));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<Payload>;
    if (payload.p !== purpose || typeof payload.b !== 'string') return null;
    return payload.b;
  } catch {
    return null;
  }
}

/** A random secret (192 bits) and its sha256: only the hash is stored (holds, conversations). */
export function newSecret(): { token: string; hash: string } {
  const token = b64(randomBytes(24));
  return { token, hash: hashSecret(token) };
}

export function hashSecret(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Hold tokens are random; only their hash is stored. */
export const newHoldToken = newSecret;
export const hashHoldToken = hashSecret;
