import { describe, expect, it } from 'vitest';
import { hubSignature, sameToken, validHubSignature } from './whatsapp-signature.js';

describe('X-Hub-Signature-256', () => {
  it('is HMAC-SHA256 in hex: the published vector HMAC("secret", "test")', () => {
    expect(hubSignature('test', 'secret')).toBe('sha256=0329a06b62cd16b33eb6792be8c60b158d89a2ee3a876fce9a881ebb488c0914');
  });

  it('accepts the signature of the exact raw bytes, in either hex case', () => {
    const raw = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
    const sig = hubSignature(raw, 'app-secret');
    expect(validHubSignature(raw, sig, 'app-secret')).toBe(true);
    expect(validHubSignature(raw, `sha256=${sig.slice(7).toUpperCase()}`, 'app-secret')).toBe(true);
  });

  it('refuses another body (re-serialised JSON too), another secret, a missing or malformed header', () => {
    const raw = Buffer.from('{"object": "whatsapp_business_account"}');
    const sig = hubSignature(raw, 'app-secret');
    expect(validHubSignature(Buffer.from(JSON.stringify(JSON.parse(raw.toString()))), sig, 'app-secret')).toBe(false);
    expect(validHubSignature(raw, sig, 'other-secret')).toBe(false);
    expect(validHubSignature(raw, undefined, 'app-secret')).toBe(false);
    expect(validHubSignature(raw, sig.slice(7), 'app-secret')).toBe(false);
    expect(validHubSignature(raw, 'sha1=abc', 'app-secret')).toBe(false);
    expect(validHubSignature(raw, `${sig.slice(0, -2)}zz`, 'app-secret')).toBe(false);
  });

  it('compares verify tokens exactly', () => {
    expect(sameToken('abc', 'abc')).toBe(true);
    expect(sameToken('abd', 'abc')).toBe(false);
    expect(sameToken('ab', 'abc')).toBe(false);
    expect(sameToken(undefined, 'abc')).toBe(false);
  });
});
