import { describe, expect, it } from 'vitest';
import { signToken, verifyToken } from './tokens.js';

const SECRET = 's'.repeat(40);
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('signed links', () => {
  it('verify for their own purpose only', () => {
    const t = signToken(SECRET, 'b1', 'manage');
    expect(verifyToken(SECRET, t, 'manage')).toBe('b1');
    expect(verifyToken(SECRET, t, 'ics')).toBeNull();
    expect(verifyToken('o'.repeat(40), t, 'manage')).toBeNull();
  });

  it('refuse another spelling of the MAC whose last character differs only in unused bits (found by test/tokens.test.ts)', () => {
    const t = signToken(SECRET, 'b1', 'manage');
    const last = t.at(-1)!;
    // 32 MAC bytes = 43 base64url characters; the last carries 4 data bits and 2 unused ones.
    const i = ALPHABET.indexOf(last);
    const twins = [0, 1, 2, 3].map((low) => ALPHABET[(i & ~3) | low]!).filter((c) => c !== last);
    expect(twins).toHaveLength(3);
    for (const c of twins) {
      const twin = t.slice(0, -1) + c;
      expect(Buffer.from(twin.split('.')[1]!, 'base64url')).toEqual(Buffer.from(t.split('.')[1]!, 'base64url'));
      expect(verifyToken(SECRET, twin, 'manage')).toBeNull();
    }
  });
});
