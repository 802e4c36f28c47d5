import { describe, expect, it } from 'vitest';
import { cancelInput, confirmInput, handoffInput, holdInput } from './inputs.js';

const pathsOf = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) => (r.error?.issues ?? []).map((i) => i.path.join('.'));

describe('text PostgreSQL cannot store is refused as a named field (found by test/fuzz.test.ts: it was a 500)', () => {
  it('NUL in an id, a note or a message', () => {
    expect(pathsOf(holdInput.safeParse({ siteKey: 'demo', serviceId: 'a\u0000b', start: '2026-03-03T10:00:00Z' }))).toEqual(['serviceId']);
    expect(pathsOf(cancelInput.safeParse({ manageToken: 'x'.repeat(20), reason: 'late\u0000' }))).toEqual(['reason']);
    expect(pathsOf(handoffInput.safeParse({ siteKey: 'demo', message: 'hi\u0000', contact: { name: 'A', email: 'a@example.com' }, lang: 'en' }))).toEqual(['message']);
  });

  it('lone surrogates, while paired ones (emoji) pass', () => {
    expect(pathsOf(holdInput.safeParse({ siteKey: 'demo', serviceId: '\udc37x', start: '2026-03-03T10:00:00Z' }))).toEqual(['serviceId']);
    const base = { holdToken: 'x'.repeat(20), customer: { name: 'Ann 😀', email: 'a@example.com' }, consent: true, lang: 'en', idempotencyKey: 'key-12345' };
    expect(confirmInput.safeParse(base).success).toBe(true);
    expect(pathsOf(confirmInput.safeParse({ ...base, note: 'a\ud800' }))).toEqual(['note']);
  });
});
