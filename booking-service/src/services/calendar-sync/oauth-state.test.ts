import { describe, expect, it } from 'vitest';
import { readStaffToken, signStaffToken, verifyStaffToken } from './oauth-state.js';

const secret = 's'.repeat(40);
const now = new Date('2026-03-02T06:00:00Z');
const later = new Date(now.getTime() + 60_000);

describe('signed OAuth state', () => {
  it('names the staff member until it expires, for its purpose only', () => {
    const t = signStaffToken(secret, 'salon-anna', 'gcal_state', later);
    expect(verifyStaffToken(secret, t, 'gcal_state', now)).toBe('salon-anna');
    expect(verifyStaffToken(secret, t, 'gcal_connect', now)).toBeNull();
    expect(verifyStaffToken(secret, t, 'gcal_state', later)).toBeNull();
    expect(verifyStaffToken('x'.repeat(40), t, 'gcal_state', now)).toBeNull();
  });
  it('refuses an altered MAC, including other spellings of the same bytes', () => {
    const t = signStaffToken(secret, 'salon-anna', 'gcal_state', later);
    const last = t.at(-1)!;
    const alt = t.slice(0, -1) + (last === 'A' ? 'B' : String.fromCharCode(last.charCodeAt(0) ^ 1));
    expect(verifyStaffToken(secret, alt, 'gcal_state', now)).toBeNull();
  });
  it('carries where the browser returns to (the console or our page), under the MAC', () => {
    const c = signStaffToken(secret, 'salon-anna', 'gcal_state', later, 'console');
    expect(readStaffToken(secret, c, 'gcal_state', now)).toEqual({ staffId: 'salon-anna', returnTo: 'console' });
    expect(readStaffToken(secret, signStaffToken(secret, 'salon-anna', 'gcal_state', later), 'gcal_state', now)?.returnTo).toBe('page');
  });
});
