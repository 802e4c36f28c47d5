/**
 * Refresh tokens at rest: AES-256-GCM with a random 96-bit IV, the staff id as additional
 * authenticated data (a sealed token copied onto another staff row does not open), and the
 * id of the key that sealed it, so keys can be rotated:
 *
 *   sealed = "v1.<keyId>.<iv>.<ciphertext>.<tag>"   (base64url parts; keyId = first 8 hex of sha256(key))
 *
 * Rotation: put the new key in GOOGLE_TOKEN_KEY and the old one(s) in GOOGLE_TOKEN_KEYS_PREVIOUS
 * (comma-separated). Tokens sealed with an old key still open; every token is re-sealed with the
 * current key the next time it is used (see `needsReseal`), or all at once with `resealAll`
 * (services/calendar-sync/connection.ts). Once no row names an old key id, drop that key.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface TokenCipher {
  seal(plain: string, staffId: string): string;
  open(sealed: string, staffId: string): string;
  /** True when `sealed` was made with a key other than the current one. */
  needsReseal(sealed: string): boolean;
}

/** Keys are 32 bytes, given as base64 (44 chars) or hex (64 chars). */
export function parseKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) throw new Error('GOOGLE_TOKEN_KEY must be 32 bytes (base64 or hex)');
  return key;
}

const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

export function createTokenCipher(current: Buffer, previous: Buffer[] = []): TokenCipher {
  const currentId = keyId(current);
  const keys = new Map<string, Buffer>([[currentId, current], ...previous.map((k) => [keyId(k), k] as [string, Buffer])]);
  return {
    seal(plain, staffId) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', current, iv);
      c.setAAD(Buffer.from(staffId, 'utf8'));
      const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return ['v1', currentId, iv.toString('base64url'), ct.toString('base64url'), c.getAuthTag().toString('base64url')].join('.');
    },
    open(sealed, staffId) {
      const [v, id, iv, ct, tag] = sealed.split('.');
      const key = id ? keys.get(id) : undefined;
      if (v !== 'v1' || !key || !iv || ct === undefined || !tag) throw new Error('sealed token: unknown format or key');
      const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      d.setAAD(Buffer.from(staffId, 'utf8'));
      d.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
    },
    needsReseal: (sealed) => sealed.split('.')[1] !== currentId,
  };
}
