import { describe, expect, it } from 'vitest';
import { safeNext } from './auth.js';

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
