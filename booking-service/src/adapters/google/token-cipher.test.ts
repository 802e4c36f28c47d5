import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTokenCipher } from './token-cipher.js';

describe('token cipher', () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);

  it('round-trips and never stores the token in clear', () => {
    const c = createTokenCipher(k1);
    const sealed = c.seal('1//refresh-secret', 'staff-1');
    expect(sealed).not.toContain('refresh-secret');
    expect(c.open(sealed, 'staff-1')).toBe('1//refresh-secret');
  });

  it('refuses a token moved to another staff row or tampered with', () => {
    const c = createTokenCipher(k1);
    const sealed = c.seal('tok', 'staff-1');
    expect(() => c.open(sealed, 'staff-2')).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('xyz').toString('base64url');
    expect(() => c.open(parts.join('.'), 'staff-1')).toThrow();
  });

  it('opens tokens sealed with a previous key after rotation and asks for a reseal', () => {
    const old = createTokenCipher(k1).seal('tok', 's');
    const rotated = createTokenCipher(k2, [k1]);
    expect(rotated.open(old, 's')).toBe('tok');
    expect(rotated.needsReseal(old)).toBe(true);
    expect(rotated.needsReseal(rotated.seal('tok', 's'))).toBe(false);
    expect(() => createTokenCipher(k2).open(old, 's')).toThrow();
  });
});
