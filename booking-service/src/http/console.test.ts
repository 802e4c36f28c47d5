import { describe, expect, it } from 'vitest';
import { readCookie, sessionCookie } from './console.js';

describe('readCookie', () => {
  it('finds one cookie among others, by exact name', () => {
    expect(readCookie('a=1; fd_session=abc-_9; b=2', 'fd_session')).toBe('abc-_9');
    expect(readCookie('xfd_session=evil; fd_session=good', 'fd_session')).toBe('good');
    expect(readCookie('fd_session="quoted"', 'fd_session')).toBe('quoted');
  });

  it('answers undefined for a missing header, a missing cookie or a malformed value', () => {
    expect(readCookie(undefined, 'fd_session')).toBeUndefined();
    expect(readCookie('a=1', 'fd_session')).toBeUndefined();
    expect(readCookie('fd_session=%E0%A4%A', 'fd_session')).toBeUndefined();
  });
});

describe('sessionCookie', () => {
  it('is httpOnly, SameSite=Strict, scoped to /console, Secure only when asked', () => {
    expect(sessionCookie('t', 1209600.7, false)).toBe('fd_session=t; Path=/console; HttpOnly; SameSite=Strict; Max-Age=1209600');
    expect(sessionCookie('t', 60, true)).toBe('fd_session=t; Path=/console; HttpOnly; SameSite=Strict; Max-Age=60; Secure');
    expect(sessionCookie('', -5, false)).toContain('Max-Age=0');
  });
});
