import { beforeEach, describe, expect, it } from 'vitest';
import { lang } from '../i18n/index.js';
import { ApiError } from '../api/errors.js';
import { loginProblem, safeNext } from './auth.js';

describe('safeNext', () => {
  it('returns to an in-app page after sign-in', () => {
    expect(safeNext('/calendar?date=2026-11-24&view=day')).toBe('/calendar?date=2026-11-24&view=day');
  });
  it('refuses anything that is not an app path', () => {
    expect(safeNext(null)).toBe('/calendar');
    expect(safeNext('//evil.example/x')).toBe('/calendar');
    expect(safeNext('https://evil.example')).toBe('/calendar');
    expect(safeNext('/')).toBe('/calendar');
  });
});

describe('loginProblem', () => {
  // The messages are the English ones whatever the machine's locale.
  beforeEach(() => {
    lang.value = 'en';
  });

  it('tells wrong credentials and rate limiting apart, with the wait time', () => {
    expect(loginProblem(new ApiError('UNAUTHORIZED', 'x', 'BAD_CREDENTIALS'))).toBe('Wrong e-mail or password.');
    expect(loginProblem(new ApiError('TOO_MANY_REQUESTS', 'x', undefined, [], 120))).toBe('Too many attempts. Try again in 120 s.');
  });
  it('leaves other failures to the generic error box', () => {
    expect(loginProblem(new ApiError('NETWORK', 'x'))).toBeUndefined();
  });
});
